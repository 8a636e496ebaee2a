"""The worker's side of notifications: making them from an event, and sending email."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django_tasks import task

from mindwell.notifications import delivery, fanout

FAN_OUT: dict[str, Callable[..., list[Any]]] = {
    "post_created": fanout.post_created,
    "comment_added": fanout.comment_added,
    "answer_accepted": fanout.answer_accepted,
    "moderated": fanout.moderated,
    "message_sent": fanout.message_sent,
}


@task()
def fan_out(*, event: str, data: dict[str, Any]) -> int:
    """Make the notifications of one event (notifications.fanout); returns how many were new.
    Running it again makes nothing twice."""
    return len(FAN_OUT[event](**data))


@task()
def deliver(*, email_ids: list[int]) -> dict[str, int]:
    """Send these queued emails, then anything else that came due meanwhile."""
    counts = delivery.send(email_ids)
    counts["sent"] += delivery.send_due()
    return counts
