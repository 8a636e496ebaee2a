"""State changes of the inbox and of email settings (follows: notifications.follows)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, NotFound
from mindwell.notifications import preferences, tokens
from mindwell.notifications.models import EmailSettings, Frequency, GuestAddress, Notification

RECOUNT_BATCH = 500


def recount(user_ids: list[int]) -> None:
    """Set each member's unread count from their notifications (after a change of many):
    one statement per batch of members, however many there are."""
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    ids = sorted(set(user_ids))
    for start in range(0, len(ids), RECOUNT_BATCH):
        User.objects.filter(pk__in=ids[start : start + RECOUNT_BATCH]).update(
            unread_notifications=Coalesce(Subquery(unread), Value(0))
        )


def mark_read(
    *, member: Any, notification_ids: list[int] | None = None, question_id: int | None = None
) -> int:
    """Mark some of the member's notifications read (all of them when neither ids nor a
    question are given); returns how many were unread. Only the member's own are touched,
    whatever ids are given."""
    now = timezone.now()
    with transaction.atomic():
        rows = Notification.objects.filter(recipient=member, read_at__isnull=True)
        if notification_ids is not None:
            rows = rows.filter(pk__in=notification_ids)
        if question_id is not None:
            rows = rows.filter(question_id=question_id)
        count = rows.update(read_at=now)
        if count:
            recount([member.pk])
    return count


def clean_frequency(value: str) -> str:
    if value not in Frequency.values:
        raise ActionError("Choose at once, a daily digest, a weekly digest or never.")
    return value


def clean_timezone(name: str) -> str:
    """A time zone the digests can be timed by: one of preferences.time_zones()."""
    if name not in preferences.time_zone_names():
        raise ActionError("Choose a time zone from the list.", field="timezone")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ActionError("Choose a time zone from the list.", field="timezone") from None
    return name


def save_email_settings(
    *, member: Any, frequencies: dict[str, str], quote_excerpts: bool, timezone_name: str,
) -> EmailSettings:  # fmt: skip
    """Save how the member hears by email of each kind they may choose for, whether emails
    quote excerpts, and their time zone for digests. Stopping every email is its own
    action (`stop_all_email`): saving these does not resume it."""
    for kind, value in frequencies.items():
        if kind not in preferences.choosable(member):
            raise ActionError("That is not a kind of notification you can choose for.")
        clean_frequency(value)
    timezone_name = clean_timezone(timezone_name)
    with transaction.atomic():
        current, _ = EmailSettings.objects.select_for_update().get_or_create(member=member)
        current.frequencies = {**current.frequencies, **frequencies}
        current.quote_excerpts = bool(quote_excerpts)
        current.timezone = timezone_name
        current.save()
    return current


def stop_all_email(*, member: Any) -> EmailSettings:
    """Stop every notification email to the member (their choices are kept for later)."""
    with transaction.atomic():
        current, _ = EmailSettings.objects.select_for_update().get_or_create(member=member)
        if current.all_stopped_at is None:
            current.all_stopped_at = timezone.now()
            current.save(update_fields=["all_stopped_at"])
    return current


def resume_email(*, member: Any) -> EmailSettings:
    """Send notification email again, as the member's choices say."""
    with transaction.atomic():
        current, _ = EmailSettings.objects.select_for_update().get_or_create(member=member)
        if current.all_stopped_at is not None:
            current.all_stopped_at = None
            current.save(update_fields=["all_stopped_at"])
    return current


def retry_address(*, member: Any) -> EmailSettings:
    """The member says their address works again after it refused mail: try it again."""
    with transaction.atomic():
        current, _ = EmailSettings.objects.select_for_update().get_or_create(member=member)
        if current.bounced_at is not None:
            current.bounced_at, current.bounced_address = None, ""
            current.save(update_fields=["bounced_at", "bounced_address"])
    return current


def unsubscribe(holder: tokens.Holder) -> str:
    """Do what an unsubscribe link says (tokens.read_unsubscribe); again is harmless.
    Returns what was stopped (a kind, or tokens.ALL), for the page that says so."""
    now = timezone.now()
    if holder.guest_address_id is not None:
        stopped = GuestAddress.objects.filter(pk=holder.guest_address_id).update(stopped_at=now)
        if not stopped:
            raise NotFound("This address is no longer on our list: nothing will be sent to it.")
        return tokens.ALL
    member = User.objects.filter(pk=holder.member_id or 0, is_active=True).first()
    if member is None:
        raise NotFound("This account no longer exists: nothing will be sent to it.")
    with transaction.atomic():
        current, _ = EmailSettings.objects.select_for_update().get_or_create(member=member)
        if holder.scope == tokens.ALL:
            current.all_stopped_at = current.all_stopped_at or now
        else:
            current.frequencies = {**current.frequencies, holder.scope: Frequency.NEVER}
        current.save()
    return holder.scope


def confirm_guest(holder: tokens.Holder) -> GuestAddress:
    """A guest confirms their address (tokens.read_confirmation): replies to what they posted
    asking for them are emailed from now on. The latest click counts: confirming after
    stopping starts the email again, as stopping after confirming stops it."""
    with transaction.atomic():
        rows = GuestAddress.objects.select_for_update()
        address = rows.filter(pk=holder.guest_address_id or 0).first()
        if address is None:
            raise NotFound("This address is no longer on our list: nothing will be sent to it.")
        address.confirmed_at = address.confirmed_at or timezone.now()
        address.stopped_at = None
        address.save(update_fields=["confirmed_at", "stopped_at"])
    return address
