"""Moderating members: suspending and lifting, private messages from the moderators, and the
address ranges guests may not post from. Each action asks moderation.policy again, owns its
transaction and writes its audit entry in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts.emails import absolute_url
from mindwell.accounts.models import User
from mindwell.accounts.policy import is_suspended
from mindwell.core.errors import ActionError, Forbidden, NotFound
from mindwell.core.events import announce
from mindwell.core.mail import send_email_after_commit
from mindwell.core.markdown import render_markdown
from mindwell.moderation import audit, policy
from mindwell.moderation.addresses import clean_network
from mindwell.moderation.events import MessageSent
from mindwell.moderation.models import (
    NOTE_MAX,
    BlockedRange,
    ModeratorMessage,
    Origin,
    Suspension,
)

MAX_DAYS = 3650
REASON_MAX = 500
MESSAGE_MAX = 5000
NO_MESSAGE = "Write the message."
NO_REASON = "Give a reason: the member and the other moderators will read it."


@dataclass(frozen=True)
class Suspended:
    """What suspend_member did: the suspension now in force, and the one it replaced, if
    the member was already suspended (the new end date replaces the old, longer or not)."""

    suspension: Suspension
    replaced: Suspension | None


def clean_reason(value: str, *, maximum: int = REASON_MAX) -> str:
    text = (value or "").strip()
    if not text:
        raise ActionError(NO_REASON, field="reason")
    if len(text) > maximum:
        raise ActionError(
            f"The reason is too long: {len(text):,} characters, at most {maximum:,}.",
            field="reason",
        )
    return text


def clean_days(value: Any, *, field: str = "days") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        raise ActionError(f"Choose between 1 and {MAX_DAYS:,} days.", field=field)
    return value


def clean_message_body(value: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ActionError(NO_MESSAGE, field="body")
    if len(text) > MESSAGE_MAX:
        raise ActionError(
            f"The message is too long: {len(text):,} characters, at most {MESSAGE_MAX:,}.",
            field="body",
        )
    return text


def _end_of_suspension(*, days: int | None, until: datetime | None, now: datetime) -> datetime:
    if (days is None) == (until is None):
        raise ActionError("Give either a number of days or an end date.", field="days")
    if days is not None:
        return now + timedelta(days=clean_days(days))
    assert until is not None
    if until <= now:
        raise ActionError("The end date must be in the future.", field="until")
    if until > now + timedelta(days=MAX_DAYS):
        raise ActionError(f"A suspension lasts at most {MAX_DAYS:,} days.", field="until")
    return until


def _lock_member(member: User) -> User:
    return User.objects.select_for_update().get(pk=member.pk)


def _require_suspend(by: User, member: User) -> None:
    if not policy.can_suspend(by, member):
        raise Forbidden(policy.why_not_suspend(by, member))


def _current_suspension(member: User, now: datetime) -> Suspension | None:
    return (
        Suspension.objects.filter(member=member, lifted_at__isnull=True, ends_at__gt=now)
        .order_by("-starts_at", "-id")
        .first()
    )


def suspend_member(
    *,
    member: User,
    by: User,
    reason: str,
    days: int | None = None,
    until: datetime | None = None,
    now: datetime | None = None,
) -> Suspended:
    """Suspend `member` for `days` (1 to 3,650) or until a date, with a reason they will read
    on every page. They may read, and not post, vote, flag or edit until then; it ends by
    itself (policy compares with the time). A member already suspended gets the new end
    date instead of the old one, and the old suspension is closed in the history."""
    reason = clean_reason(reason)
    now = now or timezone.now()
    ends_at = _end_of_suspension(days=days, until=until, now=now)
    with transaction.atomic():
        member = _lock_member(member)
        _require_suspend(by, member)
        replaced = _current_suspension(member, now) if is_suspended(member) else None
        if replaced is not None:
            replaced.lifted_at, replaced.lifted_by = now, by
            replaced.save(update_fields=["lifted_at", "lifted_by"])
        suspension = Suspension.objects.create(
            member=member, moderator=by, reason=reason, starts_at=now, ends_at=ends_at
        )
        User.objects.filter(pk=member.pk).update(suspended_until=ends_at, suspension_reason=reason)
        details: dict[str, Any] = {"until": ends_at.isoformat()}
        if replaced is not None:
            details["replaced_until"] = replaced.ends_at.isoformat()
        audit.record(actor=by, action="suspend", member=member, reason=reason, details=details)
    return Suspended(suspension, replaced)


def lift_suspension(
    *, member: User, by: User, reason: str, now: datetime | None = None
) -> Suspension | None:
    """End `member`'s suspension now. Returns the suspension lifted (None when the member's
    row held one without a history row, e.g. set in the admin)."""
    reason = clean_reason(reason)
    now = now or timezone.now()
    with transaction.atomic():
        member = _lock_member(member)
        _require_suspend(by, member)
        was_until = member.suspended_until
        if was_until is None or not is_suspended(member):
            raise ActionError(f"{member.username} is not suspended.")
        current = _current_suspension(member, now)
        if current is not None:
            current.lifted_at, current.lifted_by = now, by
            current.save(update_fields=["lifted_at", "lifted_by"])
        User.objects.filter(pk=member.pk).update(suspended_until=None, suspension_reason="")
        audit.record(
            actor=by, action="lift_suspension", member=member, reason=reason,
            details={"was_until": was_until.isoformat()},
        )  # fmt: skip
    return current


def message_email(*, member: User, message: ModeratorMessage) -> tuple[str, str]:
    """Subject and body of the email telling a member the moderators wrote to them. Neither
    says what about: the member reads it on the site, logged in."""
    site = settings.SITE_NAME
    link = absolute_url(reverse("moderation:my_messages")) + f"#m{message.pk}"
    subject = f"A message from the {site} moderators"
    body = (
        f"Hello {member.username},\n\n"
        f"The moderators of {site} have written to you. Please read their message on the\n"
        f"site, where only you can see it (you may need to log in first):\n\n"
        f"{link}\n\n"
        f"Members cannot write to each other on {site}; only the moderators write to you\n"
        f"this way.\n"
    )
    return subject, body


def send_moderator_message(*, member: User, by: User, body: str) -> ModeratorMessage:
    """Write a private message to `member`, shown in their account (with a link in the
    header until they read it) and announced by email after commit."""
    body = clean_message_body(body)
    with transaction.atomic():
        member = _lock_member(member)
        if not policy.can_message(by, member):
            raise Forbidden("You cannot write to this member.")
        message = ModeratorMessage.objects.create(
            member=member, moderator=by, body=body, body_html=render_markdown(body),
            created_at=timezone.now(),
        )  # fmt: skip
        User.objects.filter(pk=member.pk).update(
            unread_moderator_messages=F("unread_moderator_messages") + 1
        )
        audit.record(
            actor=by, action="message", member=member, reason=body[:NOTE_MAX],
            details={"message_id": message.pk},
        )  # fmt: skip
        announce(MessageSent(message.pk, member.pk, by.pk))
        if member.email:
            subject, text = message_email(member=member, message=message)
            send_email_after_commit(to=member.email, subject=subject, body=text)
    return message


def read_moderator_messages(*, member: User) -> int:
    """Mark every message to `member` read (they opened their messages page); returns how
    many were unread."""
    with transaction.atomic():
        member = _lock_member(member)
        count = ModeratorMessage.objects.filter(member=member, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        if member.unread_moderator_messages:
            User.objects.filter(pk=member.pk).update(unread_moderator_messages=0)
    return count


def block_range(*, network: str, by: User, reason: str, days: int | None = None) -> BlockedRange:
    """Stop guests posting from an address or CIDR range (at most a /16 of IPv4, a /48 of
    IPv6), for `days` or until unblocked. They can still read; members are not affected."""
    network = clean_network(network)
    reason = clean_reason(reason, maximum=NOTE_MAX)
    now = timezone.now()
    expires_at = now + timedelta(days=clean_days(days)) if days is not None else None
    with transaction.atomic():
        if not policy.can_block_addresses(by):
            raise Forbidden("You cannot block addresses.")
        earlier = BlockedRange.objects.select_for_update().filter(network=network).first()
        if earlier is not None:
            if earlier.expires_at is None or earlier.expires_at > now:
                raise ActionError(f"{network} is already blocked.", field="network")
            earlier.delete()  # an expired block of the same range: this one replaces it
        try:
            with transaction.atomic():
                blocked = BlockedRange.objects.create(
                    network=network, reason=reason, created_by=by, created_at=now,
                    expires_at=expires_at,
                )  # fmt: skip
        except IntegrityError:  # blocked by another moderator meanwhile
            raise ActionError(f"{network} is already blocked.", field="network") from None
        audit.record(
            actor=by, action="block_range", reason=reason,
            details={"network": network, "expires_at": expires_at and expires_at.isoformat()},
        )  # fmt: skip
    return blocked


def unblock_range(*, network: str, by: User, reason: str = "") -> None:
    """Let guests post from this range again."""
    network = clean_network(network)
    with transaction.atomic():
        if not policy.can_block_addresses(by):
            raise Forbidden("You cannot block addresses.")
        deleted, _ = BlockedRange.objects.filter(network=network).delete()
        if not deleted:
            raise NotFound(f"{network} is not blocked.")
        audit.record(
            actor=by, action="unblock_range", reason=reason.strip()[:NOTE_MAX],
            details={"network": network},
        )  # fmt: skip


def forget_origins(*, older_than: timedelta, now: datetime | None = None) -> int:
    """Delete the address hashes of posts older than `older_than` (MINDWELL_ORIGIN_DAYS, as
    the privacy page promises). Returns how many went."""
    cutoff = (now or timezone.now()) - older_than
    deleted, _ = Origin.objects.filter(created_at__lt=cutoff).delete()
    return deleted
