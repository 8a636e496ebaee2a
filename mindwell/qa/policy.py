"""Who may do what to questions, answers and comments: the one place that says so.

Access functions (access.py) ask it before handing an object to a view, actions
(actions.py) ask it again inside their transaction, templates ask it through `personal`
blocks (`{% personal can_edit post %}`, registered in apps.py) and presenters
(presenters.py), and shared member pages are personalised with it. Each capability is a
function of (person, item) returning a bool; `require` turns a "no" into the error to raise.

The roles themselves (member, moderator) are accounts.policy's. Later issues add their
rules here: privileges by points, suspensions, category moderators, closed questions.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser

from mindwell.accounts.policy import can_moderate, is_member
from mindwell.core.errors import Forbidden, NotFound

NOT_FOUND = "That post does not exist or has been removed."


class GuestLinkHolder(AnonymousUser):
    """A guest holding the valid private link of one post or comment they wrote: not signed
    in, and allowed to edit or delete that one item only. Only qa.guest_links makes one,
    after checking the link."""

    def __init__(self, item: Any) -> None:
        self.item = item


def _wrote(user: Any, item: Any) -> bool:
    return is_member(user) and item.author_id is not None and item.author_id == user.pk


def _holds_link(user: Any, item: Any) -> bool:
    # Model equality: the same class and id, so a comment's link never opens a post.
    return isinstance(user, GuestLinkHolder) and user.item == item


def _is_author(user: Any, item: Any) -> bool:
    """The member who wrote it, or the guest who wrote it with its private link in hand."""
    return _wrote(user, item) or _holds_link(user, item)


def can_see_deleted(user: Any) -> bool:
    """Deleted questions, answers (and the answers of deleted questions) stay visible to
    moderators, marked as deleted."""
    return can_moderate(user)


def can_see(user: Any, post: Any) -> bool:
    """`post` is a Post with its `question` loaded for an answer."""
    if can_see_deleted(user):
        return True
    return not post.is_deleted and (post.question is None or not post.question.is_deleted)


def can_post(user: Any) -> bool:
    """Ask, answer and comment: guests may (with an optional name), and members whose
    account is active."""
    return not user.is_authenticated or user.is_active


def can_edit(user: Any, item: Any) -> bool:
    """Edit a question or an answer: its author (a guest through the post's private link),
    or a moderator."""
    return _is_author(user, item) or can_moderate(user)


def can_delete(user: Any, item: Any) -> bool:
    """Delete a question, answer or comment: its author (a guest through its private link),
    or a moderator."""
    return _is_author(user, item) or can_moderate(user)


def can_restore(user: Any, item: Any) -> bool:
    """Bring back a deleted post: moderators only (an author's deletion is for them to
    undo through a moderator, so that deleting stays a clear act)."""
    return can_moderate(user)


def can_accept(user: Any, question: Any) -> bool:
    """Choose or clear a question's best answer: its asker, or a moderator."""
    return _wrote(user, question) or can_moderate(user)


def can_vote(user: Any, post: Any) -> bool:
    """Vote on a question or answer: any member, never on their own post."""
    return is_member(user) and post.author_id != user.pk


def can_see_author(user: Any, item: Any) -> bool:
    """Who wrote an anonymous post or comment: moderators only. (Members see "Anonymous"
    even on their own posts on shared pages; their profile marks them for themselves.)"""
    return not item.anonymous or can_moderate(user)


def require(allowed: bool, *, message: str = NOT_FOUND, hide: bool = True) -> None:
    """Raise unless `allowed`: NotFound when the person must not learn the item exists or
    may see it at all (`hide`), Forbidden when they can see it but not do this."""
    if not allowed:
        raise NotFound(message) if hide else Forbidden(message)
