"""Who hears of what: the notifications each event makes, through the real actions."""

from __future__ import annotations

from mindwell.notifications.models import Email, Follow, Notification
from mindwell.qa import actions


def inbox_of(user):
    return list(Notification.objects.filter(recipient=user).order_by("pk"))


def test_an_answer_tells_the_asker_once_and_never_the_answerer(
    maya, rosie, ask, answer, smtp_inbox, committed
):
    question = committed(ask, maya)
    reply = committed(answer, question, rosie)
    [notification] = inbox_of(maya)
    assert notification.kind == "answer" and notification.post_id == reply.pk
    assert inbox_of(rosie) == []
    maya.refresh_from_db()
    assert maya.unread_notifications == 1
    [message] = smtp_inbox.to("maya@example.org")
    assert message["Subject"] == "New answer to your question on Mindwell"
    assert "therapist" not in message.as_string().lower()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Email.objects.get().status == "sent"
    # Both follow the question now: the asker by asking, the answerer by answering.
    assert Follow.objects.filter(question=question, following=True).count() == 2


def test_a_comment_tells_the_post_author_and_earlier_commenters(
    maya, rosie, dr_okafor, ask, committed
):
    question = committed(ask, maya)
    committed(
        actions.add_comment,
        post=question,
        author=rosie,
        body="Thank you for asking this, I relate a lot.",
    )
    committed(
        actions.add_comment,
        post=question,
        author=dr_okafor,
        body="It is very common, and safe to raise it.",
    )
    kinds = {
        (n.recipient.username, n.kind) for n in Notification.objects.select_related("recipient")
    }
    assert kinds == {("maya", "comment"), ("rosie", "reply")}
