"""What notifications forget: old notifications and the sent emails' copies."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from mindwell.notifications.models import Email, EmailStatus, Notification

SENT_EMAIL_DAYS = 7  # a sent email keeps its links (unsubscribe, the post): not for long


def forget_old() -> int:
    """Delete notifications older than MINDWELL_NOTIFICATIONS_DAYS and emails sent or
    cancelled over SENT_EMAIL_DAYS ago; returns how many rows went."""
    now = timezone.now()
    gone, _ = Notification.objects.filter(
        created_at__lt=now - timedelta(days=settings.MINDWELL_NOTIFICATIONS_DAYS)
    ).delete()
    emails, _ = Email.objects.filter(
        status__in=[EmailStatus.SENT, EmailStatus.CANCELLED],
        created_at__lt=now - timedelta(days=SENT_EMAIL_DAYS),
    ).delete()
    return gone + emails
