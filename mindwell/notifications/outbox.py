"""Email on its way out: rows in `Email`, written in the transaction that decided them and
sent by the worker (notifications.delivery) once it commits."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from mindwell.notifications.models import Email

BATCH = 100  # emails per delivery task


def queue(
    *, key: str, to: str, subject: str, text: str, html: str = "", member: Any = None,
    guest_address: Any = None, unsubscribe_url: str = "", send: bool = True,
) -> Email | None:  # fmt: skip
    """Queue one email under `key`; None when an email with that key exists already (one
    event never makes two). It goes out after the current transaction commits (with `send`
    false, once the caller passes it to `send_soon` with others)."""
    now = timezone.now()
    email, created = Email.objects.get_or_create(
        key=key,
        defaults={
            "to": to, "subject": subject, "text": text, "html": html, "member": member,
            "guest_address": guest_address, "unsubscribe_url": unsubscribe_url,
            "next_attempt_at": now, "created_at": now,
        },
    )  # fmt: skip
    if not created:
        return None
    if send:
        send_soon([email.pk])
    return email


def send_soon(email_ids: Iterable[int]) -> None:
    """Have the worker send these emails once the current transaction commits."""
    from mindwell.notifications.tasks import deliver

    ids = list(email_ids)
    for start in range(0, len(ids), BATCH):
        transaction.on_commit(
            partial(deliver.enqueue, email_ids=ids[start : start + BATCH]), robust=True
        )


def queue_notification(notification: Any, *, send: bool = True) -> Email | None:
    """The instant email of one notification."""
    from mindwell.notifications import emails

    message = emails.for_notification(notification)
    if message is None:
        return None
    return queue(key=f"n:{notification.pk}", member=notification.recipient, send=send, **message)
