"""Daily and weekly digests, sent at each member's local morning: everything they chose to
hear of in a digest and have not been emailed yet, grouped by question, in one email."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.notifications import emails, outbox, preferences
from mindwell.notifications.models import EmailSettings, Frequency, Notification


def local_now(member: User, now: datetime) -> datetime:
    name = preferences.settings_of(member).timezone or "UTC"
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return now.astimezone(zone)


def weekly_due(last: date | None, today: date) -> bool:
    """On Mondays; on a later day only if last Monday's was missed (the worker was down)."""
    if last is not None and (today - last).days < 7:
        return False
    return today.weekday() == 0 or (last is not None and (today - last).days >= 8)


def send_digests(now: datetime | None = None) -> int:
    """Queue the digests that are due now; returns how many. Run by the housekeeping, at
    least hourly, so each member's morning comes round."""
    now = now or timezone.now()
    waiting = (
        Notification.objects.filter(
            emailed_at__isnull=True, email__in=[Frequency.DAILY, Frequency.WEEKLY]
        )
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for member in User.objects.filter(pk__in=list(waiting)).select_related("email_settings"):
        local = local_now(member, now)
        if local.hour < settings.MINDWELL_DIGEST_HOUR:
            continue
        current = preferences.settings_of(member)
        today = local.date()
        if current.last_daily_digest != today:
            sent += _digest(member, Frequency.DAILY, today, now)
        if weekly_due(current.last_weekly_digest, today):
            sent += _digest(member, Frequency.WEEKLY, today, now)
    return sent


def _digest(member: User, frequency: str, today: date, now: datetime) -> int:
    weekly = frequency == Frequency.WEEKLY
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update(of=("self",))
            .filter(recipient=member, email=frequency, emailed_at__isnull=True)
            .select_related("question", "post", "comment", "post__author", "comment__author")
            .order_by("-created_at")
        )
        field = "last_weekly_digest" if weekly else "last_daily_digest"
        EmailSettings.objects.update_or_create(member=member, defaults={field: today})
        if not pending:
            return 0
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=now)
        # What the member stopped or moved to another frequency since is left out.
        pending = [n for n in pending if preferences.chosen(member, n.kind) == frequency]
        if not pending or not preferences.may_email(member):
            return 0  # marked, and nothing goes
        message = emails.for_digest(member, pending, weekly=weekly)
        email = outbox.queue(
            key=f"digest:{frequency}:{member.pk}:{today.isoformat()}", member=member, **message
        )
    return 1 if email is not None else 0
