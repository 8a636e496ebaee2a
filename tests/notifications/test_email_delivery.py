"""Notification email through a real SMTP server (aiosmtpd on loopback): what arrives, and
what happens when the address refuses, the server is down or slow, or the member went."""

from __future__ import annotations

import io
import logging
import re
import time

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mindwell.accounts import actions as accounts
from mindwell.accounts.models import User
from mindwell.accounts.tokens import make_confirmation_token
from mindwell.core.housekeeping import run_all
from mindwell.notifications import delivery, outbox, tasks
from mindwell.notifications.models import Email, EmailSettings, GuestAddress, Notification
from mindwell.qa import actions
from tests.conftest import PASSWORD, client_for, make_member
from tests.notifications.conftest import header_link, html_of, links, path, text_of

TOPIC_WORDS = ("therapist", "attached", "transference", "attachment", "normal-to-feel")


def emails_of(member) -> list[Email]:
    return list(Email.objects.filter(member=member).order_by("pk"))


def mentioning(answer, question, author, *names):
    """An answer that names members: each of them is told at once, in one batch of email."""
    body = "Yes, it is common. " + " ".join(f"@{n}" for n in names) + " said the same."
    return lambda: answer(question, author, body=body)


# --- what arrives -----------------------------------------------------------------------


def test_an_answer_reaches_the_asker_with_both_parts_headers_and_no_topic(
    maya, rosie, ask, answer, postbox, committed
):
    question = committed(ask, maya)
    reply = committed(answer, question, rosie)

    [message] = postbox.messages
    assert message["To"] == "maya@example.org"
    assert message["X-RcptTo"] == "maya@example.org"  # the envelope: nobody else
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert message["Subject"] == "New answer to your question on Mindwell"
    assert re.fullmatch(r"<email-\d+\.\d{14}@mindwell\.local>", message["Message-ID"])
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"
    text, html = text_of(message), html_of(message)
    assert "Someone answered your question on Mindwell." in text
    assert "Someone answered your question" in html and "<a href=" in html
    whole = message.as_string().lower()
    assert not [word for word in TOPIC_WORDS if word in whole]
    assert question.slug not in whole and "rosie" not in whole  # no topic, no name
    # The same links in both parts, and the header's among them.
    assert set(links(text)) == set(links(html.replace("&amp;", "&")))
    assert header_link(message) in links(text)

    [read_it] = [u for u in links(text) if "/unsubscribe/" not in u and "/settings/" not in u]
    page = client_for(maya).get(path(read_it), follow=True)
    assert page.status_code == 200
    assert reply.body in page.content.decode()
    settings_link = next(u for u in links(text) if u.endswith("/notifications/settings/"))
    assert client_for(maya).get(path(settings_link)).status_code == 200
    for stop in (u for u in links(text) if "/unsubscribe/" in u):
        assert Client().get(path(stop)).status_code == 200  # asks first: see test_unsubscribe
    assert Email.objects.get().status == "sent"


def test_the_excerpt_is_quoted_only_for_members_who_asked_and_never_in_the_subject(
    maya, rosie, ask, answer, postbox, committed
):
    EmailSettings.objects.create(member=maya, quote_excerpts=True)
    question = committed(ask, maya)
    committed(answer, question, rosie, body="Bringing it up with them helped me a great deal.")

    [message] = postbox.messages
    assert message["Subject"] == "New answer to your question on Mindwell"
    assert "Bringing it up with them helped me a great deal." in text_of(message)
    assert "Bringing it up with them helped me a great deal." in html_of(message)


def test_each_event_is_emailed_once_however_often_its_tasks_run(
    maya, rosie, ask, answer, postbox, committed
):
    question = committed(ask, maya)
    reply = committed(answer, question, rosie)
    # The worker runs the event's fan-out and the delivery again (a crash, a retry).
    committed(tasks.fan_out.call, event="post_created", data={"post_id": reply.pk})
    committed(tasks.deliver.call, email_ids=[e.pk for e in Email.objects.all()])
    assert delivery.send_due().sent == 0
    assert len(postbox.messages) == 1
    assert Notification.objects.filter(recipient=maya).count() == 1


def test_each_message_has_its_own_message_id(
    maya, rosie, newcomer, dr_okafor, ask, answer, postbox, committed
):
    question = committed(ask, maya)
    committed(mentioning(answer, question, dr_okafor, "rosie", "newcomer"))
    ids = postbox.received()
    assert sorted(m["To"] for m in postbox.messages) == [
        "maya@example.org", "newcomer@example.org", "rosie@example.org",
    ]  # fmt: skip
    assert len(set(ids)) == 3


# --- an address that refuses mail ------------------------------------------------------------


def test_an_address_that_refuses_mail_is_marked_and_written_to_again_once_it_changes(
    maya, rosie, ask, answer, postbox, committed
):
    postbox.refused.add("maya@example.org")
    question = committed(ask, maya)
    committed(answer, question, rosie)

    [refused] = emails_of(maya)
    assert refused.status == "failed" and refused.attempts == 1
    assert "refused" in refused.last_error and "550" in refused.last_error
    marked = EmailSettings.objects.get(member=maya)
    assert marked.bounced_at and marked.bounced_address == "maya@example.org"
    # Nothing more is sent to it: the next answer is in her inbox, not in her mail.
    committed(answer, question, make_member("sam"), body="Another answer, from someone else.")
    assert Notification.objects.filter(recipient=maya).count() == 2
    assert len(emails_of(maya)) == 1 and postbox.messages == []
    refused_notice = "Your address refused our email"
    assert refused_notice in client_for(maya).get("/notifications/settings/").content.decode()

    # She moves to a new address, through the account's own actions.
    accounts.change_email(user=maya, new_email="maya@new.example.org", password=PASSWORD)
    accounts.confirm_email(
        token=make_confirmation_token(user_id=maya.pk, email="maya@new.example.org")
    )
    maya.refresh_from_db()
    assert refused_notice not in client_for(maya).get("/notifications/settings/").content.decode()
    committed(answer, question, make_member("lee"), body="A third answer, from a third person.")
    [message] = postbox.messages
    assert message["To"] == "maya@new.example.org"


def test_a_refused_guest_address_gets_nothing_more(ask, answer, rosie, postbox, committed, clock):
    postbox.refused.add("guest@example.org")
    question = committed(
        ask, None, guest_email="guest@example.org", notify=True, guest_name="River"
    )
    [confirmation] = Email.objects.filter(key__startswith="confirm:")
    assert confirmation.status == "failed"
    assert GuestAddress.objects.get(email="guest@example.org").bounced_at is not None
    # A new question a day later asks for no confirmation again: the address refuses mail.
    clock.advance(days=1, seconds=1)
    committed(
        ask,
        None,
        guest_email="guest@example.org",
        notify=True,
        title="Is it normal to dream about my therapist?",
    )
    committed(answer, question, rosie)
    assert Email.objects.count() == 1 and postbox.messages == []


# --- the member went, or moved -------------------------------------------------------------


def test_mail_queued_for_a_member_who_deleted_their_account_goes_nowhere(
    maya, rosie, ask, answer, postbox, committed, clock
):
    question = committed(ask, maya)
    postbox.stop()  # the answer's email waits for the server
    committed(answer, question, rosie)
    assert emails_of(maya)[0].status == "queued"
    maya.delete()
    postbox.start()
    clock.advance(minutes=2)
    assert delivery.send_due().sent == 0
    assert postbox.messages == [] and Email.objects.count() == 0


def test_mail_queued_for_a_deactivated_member_is_cancelled(
    maya, rosie, ask, answer, postbox, committed, clock
):
    question = committed(ask, maya)
    postbox.stop()
    committed(answer, question, rosie)
    maya.is_active = False
    maya.save()
    postbox.start()
    clock.advance(minutes=2)
    assert delivery.send_due().cancelled == 1
    [email] = emails_of(maya)
    assert email.status == "cancelled" and email.last_error == "the account is gone"
    assert postbox.messages == []


def test_mail_queued_before_a_member_changed_address_goes_to_neither_address(
    maya, rosie, ask, answer, postbox, committed, clock
):
    question = committed(ask, maya)
    postbox.stop()
    committed(answer, question, rosie)
    accounts.change_email(user=maya, new_email="maya@new.example.org", password=PASSWORD)
    accounts.confirm_email(
        token=make_confirmation_token(user_id=maya.pk, email="maya@new.example.org")
    )
    postbox.start()
    clock.advance(minutes=2)
    delivery.send_due()
    [email] = emails_of(maya)
    assert email.status == "cancelled" and email.last_error == "the member's address changed"
    assert postbox.messages == []


def test_an_answer_deleted_before_its_email_went_is_not_announced(
    maya, rosie, ask, answer, postbox, committed, clock
):
    question = committed(ask, maya)
    postbox.stop()
    reply = committed(answer, question, rosie)
    actions.delete_post(post=reply, by=rosie)
    postbox.start()
    clock.advance(minutes=2)
    delivery.send_due()
    assert emails_of(maya)[0].last_error == "what it was about is out of view"
    assert postbox.messages == []


# --- the server is down, slow, or says "later" -----------------------------------------------


def test_while_the_server_is_down_email_waits_longer_each_time_and_goes_once_it_is_up(
    maya, rosie, newcomer, dr_okafor, ask, answer, postbox, committed, clock
):
    question = committed(ask, maya)
    postbox.stop()
    committed(mentioning(answer, question, dr_okafor, "rosie", "newcomer"))

    first, *rest = Email.objects.order_by("pk")
    assert (first.status, first.attempts) == ("queued", 1)
    assert "Connection refused" in first.last_error
    assert 55 <= (first.next_attempt_at - first.created_at).total_seconds() <= 65
    # The rest of the batch was not tried against a dead server: it waits as long.
    assert [(e.attempts, e.next_attempt_at) for e in rest] == [(0, first.next_attempt_at)] * 2

    assert delivery.send_due().tried == []  # nothing is due yet
    clock.advance(minutes=1, seconds=1)
    assert delivery.send_due().server_down
    first.refresh_from_db()
    assert first.attempts == 2
    assert 115 <= (first.next_attempt_at - clock.real_now()).total_seconds() - 61 <= 125

    postbox.start()
    clock.advance(minutes=2, seconds=1)
    call_command("send_due_email", stdout=(out := io.StringIO()))
    assert out.getvalue().startswith("sent 3,")
    assert sorted(m["To"] for m in postbox.messages) == [
        "maya@example.org", "newcomer@example.org", "rosie@example.org",
    ]  # fmt: skip
    assert set(Email.objects.values_list("status", flat=True)) == {"sent"}
    clock.advance(hours=1)
    assert delivery.send_due().tried == [] and len(postbox.messages) == 3


def test_the_housekeeping_sends_what_came_due(maya, rosie, ask, answer, postbox, committed, clock):
    question = committed(ask, maya)
    postbox.stop()
    committed(answer, question, rosie)
    postbox.start()
    clock.advance(minutes=2)
    assert run_all()["notification email due"] == 1
    [message] = postbox.messages
    assert message["To"] == "maya@example.org"


def test_a_slow_server_is_given_up_on_after_the_timeout_and_tried_again(
    maya, rosie, ask, answer, postbox, committed, clock, settings
):
    settings.MINDWELL_EMAIL_TIMEOUT_SECONDS = 1
    question = committed(ask, maya)
    postbox.pause = 3  # before it answers each recipient
    started = time.monotonic()
    committed(answer, question, rosie)
    assert time.monotonic() - started < 2.5
    [email] = emails_of(maya)
    assert (email.status, email.attempts) == ("queued", 1)
    assert "timed out" in email.last_error

    postbox.pause = 0
    clock.advance(minutes=2)
    assert delivery.send_due().sent == 1
    time.sleep(2)  # the slow answer to the first try would have come by now
    assert [m["To"] for m in postbox.messages] == ["maya@example.org"]


def test_a_refusal_for_now_is_tried_again_while_the_rest_of_the_batch_goes(
    maya, rosie, newcomer, dr_okafor, ask, answer, postbox, committed, clock
):
    question = committed(ask, maya)
    postbox.busy = {"rosie@example.org"}
    committed(mentioning(answer, question, dr_okafor, "rosie", "newcomer"))
    assert sorted(m["To"] for m in postbox.messages) == ["maya@example.org", "newcomer@example.org"]
    [waiting] = Email.objects.filter(status="queued")
    assert waiting.to == "rosie@example.org" and "450" in waiting.last_error
    postbox.busy = set()
    clock.advance(minutes=2)
    assert delivery.send_due().sent == 1
    assert len(postbox.messages) == 3


def test_a_server_that_takes_few_messages_per_connection_gets_a_new_one(
    maya, rosie, newcomer, dr_okafor, ask, answer, postbox, committed
):
    question = committed(ask, maya)
    postbox.per_connection = 2
    committed(mentioning(answer, question, dr_okafor, "rosie", "newcomer"))
    assert len(postbox.messages) == 3
    assert set(Email.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_after_the_last_attempt_an_email_fails_for_good_and_is_kept_and_logged(
    maya, rosie, ask, answer, postbox, committed, clock, caplog
):
    question = committed(ask, maya)
    postbox.stop()
    with caplog.at_level(logging.WARNING, logger="mindwell.notifications.delivery"):
        committed(answer, question, rosie)
        for _ in range(delivery.MAX_ATTEMPTS - 1):
            clock.advance(seconds=delivery.RETRY_MAX.total_seconds() + 1)
            delivery.send_due()
    [email] = emails_of(maya)
    assert (email.status, email.attempts) == ("failed", delivery.MAX_ATTEMPTS)
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    last = f"failed for good after {delivery.MAX_ATTEMPTS} attempts"
    assert len(failures) == 1 and last in failures[0].getMessage()
    retries = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(retries) == delivery.MAX_ATTEMPTS - 1
    postbox.start()
    clock.advance(days=1)
    assert delivery.send_due().tried == [] and postbox.messages == []
    assert run_all()["old notifications"] == 0  # the failed email is kept
    assert Email.objects.filter(pk=email.pk).exists()


# --- a worker's claim, and the tasks that come back -------------------------------------------


def test_an_email_a_dead_worker_claimed_goes_once_its_lease_ends(
    maya, rosie, ask, answer, postbox, committed, clock, settings
):
    question = committed(ask, maya)
    postbox.stop()
    committed(answer, question, rosie)
    [email] = emails_of(maya)
    clock.advance(minutes=2)
    assert delivery.claim(email.pk) is not None  # a worker takes it, and dies
    postbox.start()
    assert delivery.send_due().tried == []  # held: nobody else sends it
    clock.advance(seconds=settings.MINDWELL_EMAIL_LEASE_SECONDS + 1)
    assert delivery.send_due().sent == 1
    assert [m["To"] for m in postbox.messages] == ["maya@example.org"]


def test_a_failed_batch_comes_back_as_a_task_when_it_is_due(
    maya, rosie, newcomer, dr_okafor, ask, answer, postbox, committed, settings
):
    question = committed(ask, maya)
    postbox.stop()
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    for name in ("rosie", "newcomer"):
        Notification.objects.create(
            recipient=User.objects.get(username=name), kind="mention", event_key=f"test:{name}",
            question=question, post=question, created_at=timezone.now(), email="instant",
        )  # fmt: skip
    ids = [
        e.pk for n in Notification.objects.all() if (e := outbox.queue_notification(n, send=False))
    ]
    assert tasks.deliver.call(email_ids=ids) == {
        "sent": 0, "cancelled": 0, "retrying": 1, "failed": 0,
    }  # fmt: skip
    [later] = DBTaskResult.objects.filter(task_path=tasks.deliver.module_path)
    assert later.args_kwargs["kwargs"] == {"email_ids": ids}
    assert later.run_after == Email.objects.get(pk=ids[0]).next_attempt_at
