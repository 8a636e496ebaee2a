"""Who a person is to the site: the roles every other policy builds on.

Each answer is a plain function of the person (a `User`, Django's `AnonymousUser`, or the
"some member" a shared page is rendered for), so views, actions, templates and the page
cache all ask the same question the same way. Later roles (trusted members by points,
category moderators, suspensions) are added here.
"""

from typing import Any


def is_member(user: Any) -> bool:
    """Signed in with an account that may act."""
    return bool(user.is_authenticated and user.is_active)


def can_moderate(user: Any) -> bool:
    """A moderator (or a member of staff): sees and acts on everything."""
    return is_member(user) and bool(user.is_moderator or user.is_staff)


def sees_more_than_members(user: Any) -> bool:
    """Pages shared by members must never be shown to this person as they are stored, nor
    stored from what this person sees."""
    return can_moderate(user)
