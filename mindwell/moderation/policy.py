"""Who may do what in moderation: flag, review which queue, close, lock, suspend, purge.

Roles come from accounts.policy (member, trusted member, moderator, administrator,
suspended) and tags.policy (category moderators, inside their categories); what a post's
author may do is qa.policy's. Every view, action and template asks these functions.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from mindwell.accounts.policy import (
    can_moderate,
    is_administrator,
    is_member,
    is_trusted,
    may_act,
    moderates_anything,
)
from mindwell.moderation.models import FlagStatus, Queue
from mindwell.qa import policy as qa_policy
from mindwell.qa.models import Removal

# Queues trusted members may work too; the others are moderators' only.
TRUSTED_QUEUES = frozenset({Queue.CLOSE_VOTES})


def can_flag(user: Any, item: Any) -> bool:
    """Flag a post or comment: a member who is not suspended, who can see it, not their own."""
    return may_act(user) and item.author_id != user.pk and not item.is_deleted


def why_not_flag(user: Any, item: Any) -> str:
    """What to tell a member can_flag refused (one who may see the item)."""
    if is_member(user) and item.author_id == user.pk:
        return "You cannot flag what you wrote yourself."
    if is_member(user) and not may_act(user):
        return "Your account is suspended: you cannot flag until the suspension ends."
    return "You cannot flag this."


def hides_by_flag(user: Any, item: Any) -> bool:
    """One flag from this member hides the item at once: a moderator of it. (Flags from
    other trusted members hide it together: MINDWELL_FLAGS_TO_HIDE of them.)"""
    return moderates(user, item)


def can_retract_flag(user: Any, flag: Any) -> bool:
    """Take back one's own flag while no moderator has decided on it."""
    return is_member(user) and flag.flagger_id == user.pk and flag.status == FlagStatus.PENDING


def can_request_review(user: Any, item: Any) -> bool:
    """Ask the moderators to look again at one's own hidden or held post or comment (one
    waiting for approval is in front of them already)."""
    return (
        is_member(user)
        and item.author_id == user.pk
        and item.is_held
        and item.removal != Removal.WAITING
    )


def moderates(user: Any, item: Any) -> bool:
    """A moderator of this post or comment (site-wide, or of its question's category)."""
    return qa_policy.moderates(user, item)


def can_see_queues(user: Any) -> bool:
    return moderates_anything(user) or is_trusted(user)


def can_review(user: Any, queue: str) -> bool:
    """Open a queue: moderators every queue, trusted members the lighter ones."""
    return moderates_anything(user) or (queue in TRUSTED_QUEUES and is_trusted(user))


def can_open_review_item(user: Any, review_item: Any) -> bool:
    """See a review item: a moderator of its post or comment, or, in the queues trusted
    members review, a trusted member while the item is in public view."""
    if not can_review(user, review_item.queue):
        return False
    target = review_item.post if review_item.post_id is not None else review_item.comment
    if moderates(user, target):
        return True
    return (
        review_item.queue in TRUSTED_QUEUES
        and is_trusted(user)
        and not target.is_deleted
        and not qa_policy.thread_of(target).is_deleted
    )


def can_resolve(user: Any, review_item: Any) -> bool:
    """Decide a review item (approve, dismiss, hide, delete, restore): a reviewer of its
    queue who moderates its post or comment (category moderators inside their categories)."""
    target = review_item.post if review_item.post_id is not None else review_item.comment
    return can_review(user, review_item.queue) and moderates(user, target)


def can_vote_to_close(user: Any, question: Any) -> bool:
    """Vote to close or reopen: trusted members, not on their own question."""
    return is_trusted(user) and question.author_id != user.pk and not question.is_deleted


def why_not_vote_to_close(user: Any, question: Any) -> str:
    """What to tell someone can_vote_to_close refused."""
    if not user.is_authenticated:
        return "Log in to vote to close or reopen questions."
    if question.author_id == user.pk:
        return "You cannot vote to close or reopen your own question."
    if not may_act(user):
        return "This account cannot vote now."
    return (
        "Voting to close or reopen questions takes at least "
        f"{settings.MINDWELL_TRUSTED_POINTS} points."
    )


def can_close(user: Any, question: Any) -> bool:
    """Close, reopen, lock, unlock, protect at once: moderators of the question."""
    return moderates(user, question)


def offers_close_vote(user: Any, question: Any) -> bool:
    """Pages offer a vote to close or reopen to trusted members; a moderator of the question
    acts at once instead."""
    return can_vote_to_close(user, question) and not can_close(user, question)


def can_suspend(user: Any, member: Any) -> bool:
    """Suspend or lift: site-wide moderators, never themselves nor another moderator (an
    administrator may)."""
    if member.pk == user.pk:
        return False
    if member.is_moderator or member.is_staff or member.is_superuser:
        return is_administrator(user)
    return can_moderate(user)


def can_remove_account(user: Any, member: Any) -> bool:
    """Remove an account and everything it posted (a spam wave), and undo that: as strong
    as a suspension, so the same people."""
    return can_suspend(user, member)


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


def can_appoint_moderators(user: Any) -> bool:
    """Make members moderators of the site or of a category, or stop them: administrators."""
    return is_administrator(user)
