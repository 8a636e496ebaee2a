"""Daily and weekly digests: at the member's local morning, grouped by question, once."""

from __future__ import annotations

from datetime import UTC, datetime

from mindwell.notifications.digests import send_digests
from mindwell.notifications.models import Email, EmailSettings, Notification
from mindwell.qa import actions

# A Monday.
MONDAY = datetime(2026, 12, 7, tzinfo=UTC)


def digest() -> Email:
    return Email.objects.get(key__startswith="digest:")


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


def reply_to(commenter, asker, ask, committed, text="I felt this too, thank you for writing it."):
    """`asker` asks, `commenter` comments, and `asker` replies below: `commenter` is owed a
    "reply" notification, which goes in a daily digest by default."""
    question = committed(ask, asker)
    committed(actions.add_comment, post=question, author=commenter, body="Did it start suddenly?")
    committed(actions.add_comment, post=question, author=asker, body=text)
    return question


def test_a_daily_digest_goes_at_the_members_local_morning_once(maya, rosie, ask, committed):
    reply_to(maya, rosie, ask, committed)
    [notification] = Notification.objects.filter(recipient=maya)
    assert notification.kind == "reply" and notification.email == "daily"
    assert send_digests(at(MONDAY, 7, 59)) == 0
    assert send_digests(at(MONDAY, 8, 5)) == 1
    assert send_digests(at(MONDAY, 9)) == 0
    email = digest()
    assert email.subject == "Your daily Mindwell digest" and email.to == "maya@example.org"
    assert "attached to my therapist" not in email.text.lower() + email.html.lower()
    assert "/q/" in email.text and "Someone replied after your comment" in email.text
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_morning_is_the_members_own(maya, rosie, ask, committed):
    EmailSettings.objects.create(member=maya, timezone="Pacific/Auckland")
    reply_to(maya, rosie, ask, committed)
    # In December Auckland is 13 hours ahead: 18:00 UTC on Monday is 07:00 on Tuesday there,
    # and 08:00 UTC on Monday is 21:00 on Monday there, after its morning.
    assert send_digests(at(MONDAY, 6)) == 1
    assert send_digests(at(MONDAY, 18)) == 0
    # Tuesday's digest waits for Tuesday morning there.
    reply_to(maya, rosie, ask, committed, text="And one more thought, for later.")
    assert send_digests(at(MONDAY, 18, 30)) == 0
    assert send_digests(at(MONDAY, 19, 5)) == 1


def test_weekly_digests_go_on_monday_mornings(maya, rosie, ask, committed):
    EmailSettings.objects.create(member=maya, frequencies={"reply": "weekly"})
    reply_to(maya, rosie, ask, committed)
    tuesday = MONDAY.replace(day=8)
    assert send_digests(at(tuesday, 9)) == 0
    assert send_digests(at(MONDAY.replace(day=14), 9)) == 1
    assert digest().subject == "Your weekly Mindwell digest"


def test_excerpts_and_titles_only_for_members_who_asked(maya, rosie, ask, committed):
    EmailSettings.objects.create(member=maya, quote_excerpts=True)
    reply_to(maya, rosie, ask, committed, text="Reading this made me book my first session.")
    send_digests(at(MONDAY, 8))
    email = digest()
    assert "Is it normal to feel attached to my therapist?" in email.text
    assert "Reading this made me book my first session." in email.text


def test_nothing_goes_to_a_member_who_stopped_or_changed_their_mind(maya, rosie, ask, committed):
    reply_to(maya, rosie, ask, committed)
    EmailSettings.objects.create(member=maya, frequencies={"reply": "never"})
    assert send_digests(at(MONDAY, 8)) == 0
    assert not Email.objects.filter(key__startswith="digest:").exists()
