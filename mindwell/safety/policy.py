"""Who may do what in safety: one question per capability, asked by views and actions."""

from __future__ import annotations

from typing import Any

from mindwell.accounts.policy import is_trusted, is_verified_professional, moderates_anything
from mindwell.qa.policy import moderates


def can_see_support_list(user: Any) -> bool:
    """The "may need support" list: trusted members, verified professionals, moderators."""
    return is_trusted(user) or moderates_anything(user) or is_verified_professional(user)


def can_reply_from_template(user: Any, item: Any) -> bool:
    """A moderator of the post or comment writes to its author from a reply template."""
    return moderates(user, item)
