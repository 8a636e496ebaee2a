"""The worker's side of notifications: making them from an event, and sending email. Every
task here may run again (a dead worker's, taken up by notifications.stalled) and makes
nothing twice: notifications are keyed by event, emails by their key and their claim."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django_tasks import task

from mindwell.notifications import delivery, fanout

FAN_OUT: dict[str, Callable[..., list[Any]]] = {
    "post_created": fanout.post_created,
    "comment_added": fanout.comment_added,
    "answer_accepted": fanout.answer_accepted,
    "moderated": fanout.moderated,
    "message_sent": fanout.message_sent,
    "support_waiting": fanout.support_waiting,
}


@task()
def fan_out(*, event: str, data: dict[str, Any]) -> int:
    """Make the notifications of one event (notifications.fanout); returns how many were new.
    Running it again makes nothing twice."""
    return len(FAN_OUT[event](**data))


@task()
def deliver(*, email_ids: list[int]) -> dict[str, int]:
    """Send these queued emails; those that must wait (a retry, the server down) get a task
    of their own at the moment they are due. Then send anything else that came due."""
    outcome = delivery.send(email_ids)
    if not outcome.server_down:
        outcome.add(delivery.send_due())
    waiting, when = delivery.next_due([*email_ids, *outcome.tried])
    if waiting and when is not None:
        _deliver_later(waiting, when)
    return outcome.counts()


def _deliver_later(email_ids: list[int], when: datetime) -> None:
    # A backend that runs tasks at once (the tests') defers nothing: the housekeeping's
    # sweep (send_due_soon) sends them then.
    if deliver.get_backend().supports_defer:
        deliver.using(run_after=when).enqueue(email_ids=email_ids)


@task()
def deliver_due() -> dict[str, int]:
    """Send every email that is due (delivery.send_due)."""
    return delivery.send_due().counts()


def send_due_soon() -> int:
    """A housekeeping job: have the worker send what came due and has no task waiting for
    it (a killed worker's claims, a task lost). The housekeeping runs each job inside a
    transaction, where no email may be sent, so this only queues `deliver_due`; returns how
    many emails are due."""
    due = len(delivery.due_ids())
    if due:
        deliver_due.enqueue()
    return due
