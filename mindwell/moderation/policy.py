"""Who may do what in moderation: flag, review which queue, close, lock, suspend, purge.

Roles come from accounts.policy (member, trusted member, moderator, administrator,
suspended) and tags.policy (category moderators, inside their categories); what a post's
author may do is qa.policy's. Every view, action and template asks these functions.
"""

from __future__ import annotations

from typing import Any

from mindwell.accounts.policy import (
    can_moderate,
    is_administrator,
    is_trusted,
    may_act,
    moderates_anything,
)
from mindwell.moderation.models import Queue
from mindwell.qa import policy as qa_policy

# Queues trusted members may work too; the others are moderators' only.
TRUSTED_QUEUES = frozenset({Queue.CLOSE_VOTES})


def can_flag(user: Any, item: Any) -> bool:
    """Flag a post or comment: a member who is not suspended, who can see it, not their own."""
    return may_act(user) and item.author_id != user.pk and not item.is_deleted


def moderates(user: Any, item: Any) -> bool:
    """A moderator of this post or comment (site-wide, or of its question's category)."""
    return qa_policy.moderates(user, item)


def can_see_queues(user: Any) -> bool:
    return moderates_anything(user) or is_trusted(user)


def can_review(user: Any, queue: str) -> bool:
    """Open a queue: moderators every queue, trusted members the lighter ones."""
    return moderates_anything(user) or (queue in TRUSTED_QUEUES and is_trusted(user))


def can_vote_to_close(user: Any, question: Any) -> bool:
    """Vote to close or reopen: trusted members, not on their own question."""
    return is_trusted(user) and question.author_id != user.pk and not question.is_deleted


def can_close(user: Any, question: Any) -> bool:
    """Close, reopen, lock, unlock, protect at once: moderators of the question."""
    return moderates(user, question)


def can_suspend(user: Any, member: Any) -> bool:
    """Suspend or lift: site-wide moderators, never themselves nor another moderator (an
    administrator may)."""
    if member.pk == user.pk:
        return False
    if member.is_moderator or member.is_staff or member.is_superuser:
        return is_administrator(user)
    return can_moderate(user)


def why_not_suspend(user: Any, member: Any) -> str:
    """What to tell someone can_suspend refused."""
    if member.pk == user.pk:
        return "You cannot suspend yourself or lift your own suspension."
    if can_moderate(user):
        return "Only an administrator can suspend a moderator or lift their suspension."
    return "Only moderators can suspend members."


def can_see_member_record(user: Any, member: Any) -> bool:
    """A member's moderation record (posts, flags against them, suspensions, messages):
    site-wide and category moderators, who may message them or ask for a suspension."""
    return moderates_anything(user)


def can_message(user: Any, member: Any) -> bool:
    """Write a private moderator message: site-wide moderators and category moderators."""
    return moderates_anything(user) and member.pk != user.pk


def can_read_audit_log(user: Any) -> bool:
    return moderates_anything(user)


def can_purge(user: Any) -> bool:
    """Remove for good, revisions included: administrators only."""
    return is_administrator(user)


def can_block_addresses(user: Any) -> bool:
    return can_moderate(user)


def can_edit_watched_words(user: Any) -> bool:
    return can_moderate(user)
