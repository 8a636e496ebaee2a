"""Stopping email from the email itself: the List-Unsubscribe header's URL takes a one-click
POST (RFC 8058) with no login and no CSRF token; opening a link only asks; bad, old and
replayed links get a clear page, never a 500."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.test import Client

from mindwell.notifications import delivery, tokens
from mindwell.notifications.models import Email, EmailSettings, Notification
from mindwell.qa import actions
from tests.conftest import make_member
from tests.notifications.conftest import header_link, links, path, text_of

ONE_CLICK = "List-Unsubscribe=One-Click"


def one_click(url: str):
    """What a mail program sends: a bare form POST, no cookie, no CSRF token."""
    return Client(enforce_csrf_checks=True).post(
        path(url), ONE_CLICK, content_type="application/x-www-form-urlencoded"
    )


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def told(maya, rosie, ask, answer, postbox, committed):
    """Maya asked; Rosie answered; the email about it is in the postbox."""
    question = committed(ask, maya)
    committed(answer, question, rosie)
    [message] = postbox.messages
    postbox.messages.clear()
    return question, message


def test_a_one_click_post_to_the_header_url_stops_that_kind_only(
    told, maya, answer, postbox, committed
):
    question, message = told
    response = one_click(header_link(message))
    assert response.status_code == 200
    assert "You will no longer get emails about “a new answer to my question”" in page_text(
        response
    )
    assert EmailSettings.objects.get(member=maya).frequencies == {"answer": "never"}

    committed(answer, question, make_member("sam"), body="Another answer, from someone else.")
    assert Notification.objects.filter(recipient=maya).count() == 2  # still in her inbox
    assert postbox.messages == []
    committed(
        actions.add_comment, post=question, author=make_member("lee"), body="Same here, a lot."
    )
    [comment_mail] = postbox.messages
    assert comment_mail["Subject"] == "New comment on your post on Mindwell"


def test_the_stop_all_link_stops_every_kind(told, maya, answer, postbox, committed):
    question, message = told
    stop_all = next(
        u for u in links(text_of(message)) if u != header_link(message) and "/unsubscribe/" in u
    )
    response = Client(enforce_csrf_checks=True).post(path(stop_all))  # our page's button
    assert response.status_code == 200
    assert "No more emails will be sent to this address." in page_text(response)
    assert EmailSettings.objects.get(member=maya).all_stopped_at is not None

    committed(answer, question, make_member("sam"), body="Another answer, from someone else.")
    committed(
        actions.add_comment, post=question, author=make_member("lee"), body="Same here, a lot."
    )
    assert postbox.messages == [] and Email.objects.filter(member=maya).count() == 1


def test_opening_the_link_only_asks(told, maya):
    _, message = told
    response = Client().get(path(header_link(message)))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post"' in html and "Stop them</button>" in html
    assert 'name="robots" content="noindex"' in html
    assert "Stop emails about “a new answer to my question”?" in page_text(response)
    assert not EmailSettings.objects.filter(member=maya).exists()


def test_email_already_queued_of_a_stopped_kind_is_not_sent(
    maya, rosie, ask, answer, postbox, committed, clock
):
    question = committed(ask, maya)
    postbox.stop()
    committed(answer, question, rosie)
    [waiting] = Email.objects.all()
    assert one_click(waiting.unsubscribe_url).status_code == 200
    postbox.start()
    clock.advance(minutes=2)
    assert delivery.send_due().cancelled == 1
    waiting.refresh_from_db()
    assert waiting.status == "cancelled"
    assert waiting.last_error == "the member stopped this kind of email"
    assert postbox.messages == []


def test_replaying_a_link_changes_nothing_more(told, maya):
    _, message = told
    stop_all = tokens.unsubscribe_url(member_id=maya.pk)
    assert one_click(stop_all).status_code == 200
    first = EmailSettings.objects.get(member=maya).all_stopped_at
    for url in (stop_all, stop_all, header_link(message), header_link(message)):
        assert one_click(url).status_code == 200
    current = EmailSettings.objects.get(member=maya)
    assert current.all_stopped_at == first
    assert current.frequencies == {"answer": "never"}


def _tampered(token: str) -> str:
    payload, rest = token.split(":", 1)
    return ("A" if payload[0] != "A" else "B") + payload[1:] + ":" + rest


BAD_LINKS = {
    "garbage": lambda m: "not-a-token",
    "tampered": lambda m: _tampered(tokens.make(member_id=m.pk, scope="all")),
    "truncated": lambda m: tokens.make(member_id=m.pk, scope="all")[:-6],
    "signed for something else": lambda m: signing.dumps(
        {"s": "all", "m": m.pk}, salt="mindwell.accounts.confirm"
    ),
    "a confirmation link": lambda m: tokens.make(guest_address_id=1, scope="confirm"),
    "an unknown kind": lambda m: tokens.make(member_id=m.pk, scope="everything"),
    "a guest and a kind": lambda m: tokens.make(guest_address_id=1, scope="answer"),
    "no one": lambda m: signing.dumps({"s": "all"}, salt=tokens.SALT, compress=True),
}


@pytest.mark.parametrize("made", BAD_LINKS.values(), ids=BAD_LINKS.keys())
def test_a_link_we_did_not_make_is_refused_plainly(maya, made):
    url = f"/notifications/unsubscribe/{made(maya)}/"
    for response in (Client().get(url), one_click(url)):
        assert response.status_code == 400
        assert "This link does not work" in page_text(response)
        assert "This link is not one we sent, or it was cut short." in page_text(response)
    assert not EmailSettings.objects.exists()


def test_a_link_too_old_is_gone(maya, monkeypatch):
    with monkeypatch.context() as patch:
        made_at = time.time() - tokens.MAX_AGE - 3600
        patch.setattr(time, "time", lambda: made_at)  # when it was signed
        old = tokens.unsubscribe_url(member_id=maya.pk)
    for response in (Client().get(path(old)), one_click(old)):
        assert response.status_code == 410
        assert "This link is too old." in page_text(response)
    assert not EmailSettings.objects.exists()


def test_other_methods_are_refused(maya):
    url = path(tokens.unsubscribe_url(member_id=maya.pk))
    assert Client().put(url).status_code == 405
    assert Client().delete(url).status_code == 405


def test_a_link_for_an_account_that_is_gone_says_so(maya):
    url = tokens.unsubscribe_url(member_id=maya.pk)
    maya.delete()
    response = one_click(url)
    assert response.status_code == 404
    assert "This account no longer exists: nothing will be sent to it." in page_text(response)
