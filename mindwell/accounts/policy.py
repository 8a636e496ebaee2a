"""Who a person is to the site: the roles every other policy builds on.

Each answer is a plain function of the person (a `User`, Django's `AnonymousUser`, or the
"some member" a shared page is rendered for), so views, actions, templates and the page
cache all ask the same question the same way. Later roles (trusted members by points,
category moderators, suspensions) are added here.
"""

from typing import Any

from django.conf import settings
from django.utils import dateformat, timezone

# How the end of a suspension is written, in messages and the banner (a Django date format).
SUSPENSION_DATE = "j F Y, H:i T"


def is_member(user: Any) -> bool:
    """Signed in with an account that may act."""
    return bool(user.is_authenticated and user.is_active)


def can_moderate(user: Any) -> bool:
    """A site-wide moderator (or a member of staff): sees and acts on everything. Category
    moderators act inside their categories only: qa.policy and moderation.policy ask
    tags.policy.moderates_category for them."""
    return is_member(user) and bool(user.is_moderator or user.is_staff)


def is_administrator(user: Any) -> bool:
    """May do what cannot be undone (purge) and appoint moderators."""
    return is_member(user) and bool(user.is_superuser)


def is_category_moderator(user: Any) -> bool:
    return is_member(user) and bool(getattr(user, "is_category_moderator", False))


def moderates_anything(user: Any) -> bool:
    """A moderator of the whole site or of some category: sees the review queues."""
    return can_moderate(user) or is_category_moderator(user)


def is_suspended(user: Any) -> bool:
    """Suspended by a moderator until a date: may read, not post, vote, flag or edit."""
    until = getattr(user, "suspended_until", None) if user.is_authenticated else None
    return until is not None and until > timezone.now()


def suspension_notice(user: Any) -> str:
    """What a suspended member is told when they try to post, vote, flag or edit."""
    until = dateformat.format(timezone.localtime(user.suspended_until), SUSPENSION_DATE)
    return (
        f"Your account is suspended until {until}. Until then you can read, but not post, "
        "vote, flag or edit."
    )


def may_act(user: Any) -> bool:
    """A member who may post, vote, flag and edit now: not suspended."""
    return is_member(user) and not is_suspended(user)


def is_trusted(user: Any) -> bool:
    """A trusted member: enough points (MINDWELL_TRUSTED_POINTS) to vote to close and reopen
    questions and to hide posts by flags together; moderators are trusted too."""
    if can_moderate(user):
        return True
    return may_act(user) and user.points >= settings.MINDWELL_TRUSTED_POINTS


def holds_posts(user: Any) -> bool:
    """Has posts or comments hidden or waiting for review, which they see marked."""
    return is_member(user) and getattr(user, "posts_held", 0) > 0


def sees_more_than_members(user: Any) -> bool:
    """Pages shared by members must never be shown to this person as they are stored, nor
    stored from what this person sees: moderators (deleted posts, anonymous authors), and a
    member with held posts (they see those, marked). Decided from the member's own row, so
    it costs no query."""
    return moderates_anything(user) or holds_posts(user)


def professional_badge(user: Any) -> str:
    """The verified professional's badge shown beside their name ("Licensed clinical
    psychologist · Ontario · verified 2026-03"), or "" when they have none or its licence
    expired. Read from the member's row (no query), with the date compared here so that a
    page rendered after the expiry never shows it, even before housekeeping lapses it."""
    until = getattr(user, "professional_until", None)
    if until is None or until < timezone.localdate():
        return ""
    return str(getattr(user, "professional_badge", ""))


def is_verified_professional(user: Any) -> bool:
    """Holds a verified, unexpired credential: their answers carry the professional footer
    and what they post is checked for contact details (mindwell.safety.professionals)."""
    return is_member(user) and bool(professional_badge(user))


def may_apply_as_professional(user: Any) -> bool:
    """May apply for (or withdraw) a professional credential: any member who may act."""
    return may_act(user)


def may_review_credentials(user: Any) -> bool:
    """May verify or decline professionals' applications: administrators, who check them
    against the regulator's public register outside the site."""
    return is_administrator(user)
