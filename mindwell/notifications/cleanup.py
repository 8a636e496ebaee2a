"""What notifications forget: old notifications and the sent emails' copies."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mindwell.notifications.actions import recount
from mindwell.notifications.models import Email, EmailStatus, Notification

SENT_EMAIL_DAYS = 7  # a sent email keeps its links (unsubscribe, the post): not for long


def forget_old() -> int:
    """Delete notifications older than MINDWELL_NOTIFICATIONS_DAYS and emails sent or
    cancelled over SENT_EMAIL_DAYS ago; returns how many rows went. Members who lose unread
    notifications get their unread count set again from what is left."""
    now = timezone.now()
    old = Notification.objects.filter(
        created_at__lt=now - timedelta(days=settings.MINDWELL_NOTIFICATIONS_DAYS)
    )
    with transaction.atomic():
        unread_of = list(
            old.filter(read_at__isnull=True)
            .order_by()
            .values_list("recipient_id", flat=True)
            .distinct()
        )
        gone, _ = old.delete()
        recount(unread_of)
    emails, _ = Email.objects.filter(
        status__in=[EmailStatus.SENT, EmailStatus.CANCELLED],
        created_at__lt=now - timedelta(days=SENT_EMAIL_DAYS),
    ).delete()
    return gone + emails
