"""How each member wants to hear by email, with the defaults for those who never said."""

from __future__ import annotations

from typing import Any

from mindwell.notifications.models import EmailSettings, Frequency, Kind

DEFAULTS: dict[str, str] = {
    Kind.ANSWER: Frequency.INSTANT,
    Kind.COMMENT: Frequency.INSTANT,
    Kind.REPLY: Frequency.DAILY,
    Kind.ACCEPTED: Frequency.INSTANT,
    Kind.MENTION: Frequency.INSTANT,
    Kind.FOLLOWED: Frequency.DAILY,
    Kind.MODERATION: Frequency.INSTANT,
    # The moderators' messages are emailed by moderation itself, always.
    Kind.MESSAGE: Frequency.NEVER,
}
# The kinds a member chooses for (the settings page), in its order.
CHOOSABLE = [k for k in Kind if k != Kind.MESSAGE]


def settings_of(member: Any) -> Any:
    """The member's settings (unsaved defaults when they never changed any)."""
    try:
        return member.email_settings
    except EmailSettings.DoesNotExist:
        return EmailSettings(member=member)


def chosen(member: Any, kind: str) -> str:
    """What the member chose for `kind`, whatever stops their mail now."""
    value = settings_of(member).frequencies.get(kind)
    return value if value in Frequency.values else DEFAULTS[kind]


def bounced(member: Any) -> bool:
    """Whether the member's address refused our mail for good. Checked by address, so that
    a new address (however it changed) is written to again."""
    current = settings_of(member)
    return bool(current.bounced_at) and current.bounced_address == member.email.lower()


def may_email(member: Any) -> bool:
    """Whether anything may be emailed to the member now: an address they confirmed, that
    has not refused mail, and they did not stop every email."""
    if not member.is_active or not member.email or not member.email_confirmed:
        return False
    return settings_of(member).all_stopped_at is None and not bounced(member)


def frequency(member: Any, kind: str) -> str:
    """How a notification of `kind` made now is to be emailed to `member`."""
    return chosen(member, kind) if may_email(member) else Frequency.NEVER
