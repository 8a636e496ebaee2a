"""Guests who ask to hear of replies: one confirmation message first (at most once a day),
nothing else until they confirm through its link, then the replies; one click stops it all.
Through the real forms and a real SMTP server. The address is never shown anywhere."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import reverse

from mindwell.notifications import tokens
from mindwell.notifications.models import Email, GuestAddress
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post
from mindwell.tags.models import Category
from tests.conftest import client_for
from tests.notifications.conftest import header_link, html_of, links, path, text_of

ADDRESS = "river@example.org"
CONFIRM_SUBJECT = "Please confirm your email address for Mindwell"
NOTIFY_LABEL = "Email me when someone replies"


def ask_form(**fields):
    return {
        "title": "How do I get through a panic attack at work?",
        "body": "It started in a meeting last week and I had to leave the room.",
        "category": str(Category.objects.get(slug="panic-attacks").pk),
        "tags": "panic work",
        "guest_name": "River",
        "guest_email": ADDRESS,
        "notify": "on",
        **fields,
    }


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def to_river(postbox, subject: str | None = None):
    return [
        m for m in postbox.messages
        if m["To"].lower() == ADDRESS and (subject is None or m["Subject"] == subject)
    ]  # fmt: skip


@pytest.fixture
def guest_asks(postbox, committed, db):
    """A guest asks through the form, giving their address and ticking the box."""

    def _ask(**fields):
        response = committed(Client().post, reverse("qa:ask"), ask_form(**fields))
        assert response.status_code == 302, page_text(response)
        return Post.objects.questions().latest("pk")

    return _ask


def confirm_link(message) -> str:
    return next(u for u in links(text_of(message)) if "/confirm/" in u)


# --- the forms ---------------------------------------------------------------------------


def test_only_guests_are_offered_the_box_and_the_help_says_what_the_address_gets(maya, ask):
    question = ask(maya)
    guest_pages = [
        Client().get(reverse("qa:ask")),
        Client().get(question.get_absolute_url()),
    ]
    for page in guest_pages:
        text = page_text(page)
        assert NOTIFY_LABEL in text and 'name="notify"' in text
        assert (
            "We email you a private link to edit or delete what you post and, if you tick the "
            "box below, the replies to it once you confirm the address." in text
        )
        assert "We first send a message asking you to confirm the address" in text
    assert f'id="comment-notify-{question.pk}"' in page_text(guest_pages[1])
    for page in (
        client_for(maya).get(reverse("qa:ask")),
        client_for(maya).get(question.get_absolute_url()),
    ):
        assert 'name="notify"' not in page_text(page)


def test_ticking_the_box_without_an_address_is_refused_plainly(db):
    response = Client().post(reverse("qa:ask"), ask_form(guest_email=""))
    assert response.status_code == 400
    assert "Give your email address to hear of replies, or untick the box." in page_text(response)
    assert not Post.objects.exists()


# --- before confirming ----------------------------------------------------------------------


def test_one_confirmation_a_day_and_nothing_else_until_confirmed(
    guest_asks, rosie, answer, postbox, committed, clock
):
    question = guest_asks()
    [confirmation] = to_river(postbox, CONFIRM_SUBJECT)
    assert confirmation["X-RcptTo"] == ADDRESS
    assert "panic" not in confirmation.as_string().lower()
    assert header_link(confirmation) in links(text_of(confirmation))  # the stop link
    assert confirm_link(confirmation) in links(html_of(confirmation))
    # The same guest posts again the same day (the address typed otherwise): no second one.
    again = {"body": "Adding: it happens mostly on Mondays.", "guest_email": "River@Example.org"}
    committed(Client().post, reverse("qa:answer", args=[question.pk]), {**again, "notify": "on"})
    assert len(to_river(postbox, CONFIRM_SUBJECT)) == 1
    assert GuestAddress.objects.count() == 1

    # Replies come, unconfirmed: nothing is sent about them.
    before = len(to_river(postbox))
    committed(answer, question, rosie)
    committed(actions.add_comment, post=question, author=rosie, body="Sending you strength.")
    assert len(to_river(postbox)) == before
    assert not Email.objects.filter(key__startswith="guest:").exists()

    # A day later, still unconfirmed, a new post asks again.
    clock.advance(days=1, seconds=1)
    committed(
        Client().post,
        reverse("qa:comment", args=[question.pk]),
        {"body": "Thank you both, truly.", "guest_email": ADDRESS, "notify": "on"},
    )
    assert len(to_river(postbox, CONFIRM_SUBJECT)) == 2


def test_a_guest_who_did_not_tick_the_box_gets_only_their_private_link(
    guest_asks, rosie, answer, postbox, committed
):
    question = guest_asks(notify="")
    committed(answer, question, rosie)
    [private_link] = to_river(postbox)
    assert private_link["Subject"] != CONFIRM_SUBJECT
    assert not GuestAddress.objects.exists() and not Email.objects.exists()


# --- confirming, replies, stopping ------------------------------------------------------------


def test_confirmed_guests_hear_of_answers_and_comments_until_one_click_stops_it(
    guest_asks, rosie, dr_okafor, answer, postbox, committed
):
    question = guest_asks()
    [confirmation] = to_river(postbox, CONFIRM_SUBJECT)
    link = confirm_link(confirmation)

    shown = Client().get(path(link))
    assert shown.status_code == 200 and "Confirm</button>" in shown.content.decode()
    assert GuestAddress.objects.get().confirmed_at is None  # opening it confirms nothing
    confirmed = Client(enforce_csrf_checks=True).post(path(link))
    assert confirmed.status_code == 200 and "Address confirmed" in page_text(confirmed)
    assert GuestAddress.objects.get().confirmed_at is not None

    reply = committed(answer, question, rosie)
    [told] = to_river(postbox, "New answer on Mindwell")
    text = text_of(told)
    assert "Someone answered your question on Mindwell." in text
    assert "panic" not in told.as_string().lower() and "rosie" not in told.as_string().lower()
    [read_it] = [u for u in links(text) if "/unsubscribe/" not in u]
    assert question.slug not in read_it
    page = Client().get(path(read_it), follow=True)
    assert page.status_code == 200 and reply.body in page.content.decode()

    committed(actions.add_comment, post=question, author=dr_okafor, body="It can pass, with help.")
    [commented] = to_river(postbox, "New comment on Mindwell")
    assert "Someone commented on your question on Mindwell." in text_of(commented)

    stop = header_link(commented)
    stopped = Client(enforce_csrf_checks=True).post(
        path(stop), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert stopped.status_code == 200
    assert "No more emails will be sent to this address." in page_text(stopped)
    assert "email settings" not in page_text(stopped)  # guests have none
    assert Client().post(path(stop)).status_code == 200  # again: harmless
    before = len(to_river(postbox))
    committed(answer, question, dr_okafor, body="Breathing slowly, out longer than in, helps.")
    committed(actions.add_comment, post=question, author=rosie, body="Thinking of you today.")
    assert len(to_river(postbox)) == before
    # Posting again with the box ticked does not start it again: the stop holds.
    committed(
        Client().post,
        reverse("qa:comment", args=[question.pk]),
        {"body": "Thank you all so much.", "guest_email": ADDRESS, "notify": "on"},
    )
    assert len(to_river(postbox, CONFIRM_SUBJECT)) == 1


def test_a_confirmed_guest_commenter_hears_of_the_comments_after_theirs(
    maya, rosie, ask, postbox, committed
):
    question = committed(ask, maya)
    committed(
        Client().post,
        reverse("qa:comment", args=[question.pk]),
        {"body": "This happens to me too.", "guest_email": ADDRESS, "notify": "on"},
    )
    assert Comment.objects.get().notify
    [confirmation] = to_river(postbox, CONFIRM_SUBJECT)
    Client().post(path(confirm_link(confirmation)))
    committed(actions.add_comment, post=question, author=rosie, body="You are not alone in it.")
    [told] = to_river(postbox, "New comment on Mindwell")
    assert "Someone replied after your comment on Mindwell." in text_of(told)
    # The asker hears of both comments, as ever.
    asker = [m["To"] for m in postbox.messages if m["Subject"].startswith("New comment on your")]
    assert asker == ["maya@example.org", "maya@example.org"]


def test_confirming_after_stopping_starts_the_email_again(
    guest_asks, rosie, answer, postbox, committed
):
    question = guest_asks()
    [confirmation] = to_river(postbox, CONFIRM_SUBJECT)
    Client().post(path(header_link(confirmation)))  # "it was not me", then they change their mind
    assert GuestAddress.objects.get().stopped_at is not None
    Client().post(path(confirm_link(confirmation)))
    address = GuestAddress.objects.get()
    assert address.confirmed_at and address.stopped_at is None
    committed(answer, question, rosie)
    assert len(to_river(postbox, "New answer on Mindwell")) == 1


def _old_confirmation(monkeypatch, address_id):
    with monkeypatch.context() as patch:
        made_at = time.time() - tokens.MAX_AGE - 3600
        patch.setattr(time, "time", lambda: made_at)  # when it was signed
        return path(tokens.confirm_url(address_id))


def test_bad_confirmation_links_get_a_clear_page(guest_asks, postbox, monkeypatch):
    guest_asks()
    address = GuestAddress.objects.get()
    good = path(tokens.confirm_url(address.pk))
    bad = {
        good.replace("/confirm/", "/confirm/x"): 400,
        good[:-8] + "/": 400,
        path(tokens.unsubscribe_url(guest_address_id=address.pk)).replace(
            "/unsubscribe/", "/confirm/"
        ): 400,
        _old_confirmation(monkeypatch, address.pk): 410,
    }
    for url, status in bad.items():
        for response in (Client().get(url), Client().post(url)):
            assert response.status_code == status, url
            assert "This link does not work" in page_text(response)
    assert GuestAddress.objects.get().confirmed_at is None
    address.delete()
    gone = Client().post(good)
    assert gone.status_code == 404 and "no longer on our list" in page_text(gone)


# --- the address is private ------------------------------------------------------------------


def test_the_address_is_never_shown_in_any_page(guest_asks, maya, moderator, postbox, committed):
    question = guest_asks()
    committed(
        Client().post,
        reverse("qa:comment", args=[question.pk]),
        {"body": "Adding: it happens most on Mondays.", "guest_email": ADDRESS, "notify": "on"},
    )
    [confirmation] = to_river(postbox, CONFIRM_SUBJECT)
    link, stop = path(confirm_link(confirmation)), path(header_link(confirmation))
    guest = Client()
    pages = [
        guest.get(question.get_absolute_url()),
        client_for(maya).get(question.get_absolute_url()),
        client_for(moderator).get(question.get_absolute_url()),
        guest.get(link), guest.post(link), guest.get(stop), guest.post(stop),
        guest.get(reverse("qa:home")), client_for(moderator).get(reverse("qa:home")),
    ]  # fmt: skip
    private_link = next(u for u in links(text_of(to_river(postbox)[0])) if "/guest/" in u)
    pages.append(guest.get(path(private_link)))
    for page in pages:
        assert page.status_code == 200
        assert "river@" not in page.content.decode().lower()
