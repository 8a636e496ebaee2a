"""How each member wants to hear by email, with the defaults for those who never said."""

from __future__ import annotations

from functools import cache
from typing import Any
from zoneinfo import available_timezones

from mindwell.notifications.models import EmailSettings, Frequency, Kind
from mindwell.safety import policy as safety_policy

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
    # Only members who offered to help hear of these (safety's helpers): at once.
    Kind.SUPPORT: Frequency.INSTANT,
}
# The kinds every member chooses for (the settings page), in its order.
CHOOSABLE = [k for k in Kind if k not in (Kind.MESSAGE, Kind.SUPPORT)]


def choosable(member: Any) -> list[Kind]:
    """The kinds this member chooses for: also waiting support questions for those who may
    help with them (safety's support list)."""
    if safety_policy.can_see_support_list(member):
        return [*CHOOSABLE, Kind.SUPPORT]
    return list(CHOOSABLE)


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
    """Whether the member's address refused our mail for good (EmailSettings.refuses_mail)."""
    return bool(settings_of(member).refuses_mail)


def may_email(member: Any) -> bool:
    """Whether anything may be emailed to the member now: an address they confirmed, that
    has not refused mail, and they did not stop every email."""
    if not member.is_active or not member.email or not member.email_confirmed:
        return False
    return settings_of(member).all_stopped_at is None and not bounced(member)


def frequency(member: Any, kind: str) -> str:
    """How a notification of `kind` made now is to be emailed to `member`."""
    return chosen(member, kind) if may_email(member) else Frequency.NEVER


# The regions of the IANA time zone names a member picks from (with "UTC"): the names
# browsers report (Intl), without the old aliases ("US/Eastern", "Egypt", "localtime").
ZONE_REGIONS = (
    "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
    "Indian", "Pacific",
)  # fmt: skip


@cache
def time_zone_names() -> frozenset[str]:
    return frozenset(
        name for name in available_timezones() if name.split("/")[0] in ZONE_REGIONS
    ) | {"UTC"}


@cache
def time_zone_choices() -> list[tuple[str, Any]]:
    """The time zones for a select: "UTC" first, then one group per region, each zone under
    its name in the region ("Argentina/Buenos Aires")."""
    groups: dict[str, list[tuple[str, str]]] = {region: [] for region in ZONE_REGIONS}
    for name in sorted(time_zone_names() - {"UTC"}):
        region, _, place = name.partition("/")
        groups[region].append((name, place.replace("_", " ")))
    return [("UTC", "UTC"), *((region, zones) for region, zones in groups.items() if zones)]
