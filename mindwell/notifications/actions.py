"""State changes of the inbox and of email settings (follows: notifications.follows)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, NotFound
from mindwell.notifications import tokens
from mindwell.notifications.models import EmailSettings, Frequency, GuestAddress, Kind, Notification


def recount(user_ids: list[int]) -> None:
    """Set each member's unread count from their notifications (after a change of many)."""
    unread = dict(
        Notification.objects.filter(recipient_id__in=user_ids, read_at__isnull=True)
        .values("recipient_id")
        .annotate(n=Count("pk"))
        .values_list("recipient_id", "n")
    )
    for user_id in user_ids:
        User.objects.filter(pk=user_id).update(unread_notifications=unread.get(user_id, 0))


def mark_read(
    *, member: Any, notification_ids: list[int] | None = None, question_id: int | None = None
) -> int:
    """Mark some of the member's notifications read (all of them when neither ids nor a
    question are given); returns how many were unread."""
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


def save_email_settings(
    *, member: Any, frequencies: dict[str, str], quote_excerpts: bool, timezone_name: str,
) -> EmailSettings:  # fmt: skip
    for kind, value in frequencies.items():
        if kind not in Kind.values or value not in Frequency.values:
            raise ActionError("Choose one of the offered frequencies.")
    with transaction.atomic():
        current, _ = EmailSettings.objects.select_for_update().get_or_create(member=member)
        current.frequencies = {**current.frequencies, **frequencies}
        current.quote_excerpts = quote_excerpts
        current.timezone = timezone_name
        current.all_stopped_at = None
        current.save()
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
