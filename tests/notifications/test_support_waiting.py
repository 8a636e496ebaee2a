"""Members who offered to help hear, in the inbox and by email, of a question marked "may
need support" that still waits for an answer (safety's alert, delivered here)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.notifications.models import Email, Notification
from mindwell.safety import actions as safety_actions
from tests.conftest import make_member
from tests.safety.test_crisis_flow import CRISIS


def trusted(username):
    member = make_member(username)
    User.objects.filter(pk=member.pk).update(points=500)
    member.refresh_from_db()
    return member


def test_opted_in_helpers_hear_of_a_waiting_marked_question_once(maya, ask, committed, smtp_inbox):
    ren, kit = trusted("ren"), trusted("kit")
    safety_actions.opt_in(user=ren)  # kit may help but did not offer
    with_hours = timezone.now() - timedelta(hours=5)
    question = committed(ask, maya, title="I cannot see a way through this any more", body=CRISIS)
    question.__class__.objects.filter(pk=question.pk).update(created_at=with_hours)
    committed(safety_actions.alert_unanswered)
    committed(safety_actions.alert_unanswered)
    [notification] = Notification.objects.filter(kind="support")
    assert notification.recipient == ren and notification.question_id == question.pk
    assert not Notification.objects.filter(recipient=kit).exists()
    [message] = smtp_inbox.to("ren@example.org")
    assert message["Subject"] == "A question waits for an answer on Mindwell"
    assert "way through" not in message.as_string()
    assert Email.objects.filter(member=ren).count() == 1


def test_a_helper_who_may_no_longer_help_hears_nothing(maya, ask, committed):
    ren = trusted("ren")
    safety_actions.opt_in(user=ren)
    User.objects.filter(pk=ren.pk).update(points=1)
    question = committed(ask, maya, title="I cannot see a way through this any more", body=CRISIS)
    question.__class__.objects.filter(pk=question.pk).update(
        created_at=timezone.now() - timedelta(hours=5)
    )
    committed(safety_actions.alert_unanswered)
    assert not Notification.objects.filter(kind="support").exists()


def test_only_helpers_are_offered_the_choice(client, maya):
    from tests.conftest import client_for

    ren = trusted("ren")
    label = "A question that may need support still waits for an answer"
    assert label in client_for(ren).get("/notifications/settings/").content.decode()
    assert label not in client_for(maya).get("/notifications/settings/").content.decode()
