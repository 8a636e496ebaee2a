"""Who may do what to questions, answers and comments: the one place that says so.

Access functions (access.py) ask it before handing an object to a view, actions
(actions.py) ask it again inside their transaction, templates ask it through `personal`
blocks (`{% personal can_edit post %}`, registered in apps.py) and presenters
(presenters.py), and shared member pages are personalised with it. Each capability is a
function of (person, item) returning a bool; `require` turns a "no" into the error to raise.

The roles themselves (member, trusted member, moderator, suspensions) are
accounts.policy's; who moderates which category is tags.policy's. Moderators act on the
items of their own categories only (`moderates`); suspended members may read, not post,
vote or edit; closed, locked and protected questions limit who may answer, comment, vote.
Held items (hidden by flags or a moderator, waiting for review) are seen by their author,
marked, and by moderators.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from mindwell.accounts.policy import (
    can_moderate,
    is_category_moderator,
    is_member,
    is_suspended,
    may_act,
    suspension_notice,
)
from mindwell.core.errors import Forbidden, NotFound
from mindwell.tags.policy import moderates_category

NOT_FOUND = "That post does not exist or has been removed."
QUESTION_KEPT = (
    "This question cannot be deleted: someone else's answer to it was chosen as the best "
    "answer or voted helpful, and deleting the question would take their work away too. "
    "You can still edit it; if it must go, ask a moderator to delete it."
)
ANSWER_KEPT = (
    "This answer cannot be deleted: it was chosen as the best answer, and others rely on it. "
    "You can still edit it; if it must go, the asker can unselect it first, or a moderator "
    "can delete it."
)


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


def thread_of(item: Any) -> Any:
    """The question a post or comment belongs to (a comment's post, a post's question)."""
    post = getattr(item, "post", item)
    return post if post.question_id is None else post.question


def moderates(user: Any, item: Any) -> bool:
    """A moderator of the whole site, or of the category of this item's question."""
    if can_moderate(user):
        return True
    return is_category_moderator(user) and moderates_category(user, thread_of(item).category_id)


def can_see_deleted(user: Any) -> bool:
    """Site-wide moderators see every deleted or held post, marked (category moderators
    only those of their categories: moderates)."""
    return can_moderate(user)


def _shown(user: Any, item: Any) -> bool:
    return not item.is_deleted or (item.is_held and _is_author(user, item))


def can_see(user: Any, post: Any) -> bool:
    """`post` is a Post with its `question` loaded for an answer. Out of view for everyone
    but moderators when deleted; a held post (hidden, waiting for review) is shown to its
    author too, marked."""
    if moderates(user, post):
        return True
    return _shown(user, post) and (post.question is None or _shown(user, post.question))


def can_post(user: Any) -> bool:
    """Ask, answer and comment: guests may (with an optional name), and members whose
    account is active and not suspended."""
    return not user.is_authenticated or may_act(user)


def why_not_post(user: Any) -> str:
    """What to tell someone can_post refused (a suspended member: until when)."""
    return suspension_notice(user) if is_suspended(user) else "This account cannot post."


def refuse_suspended(user: Any) -> None:
    """Raise Forbidden with the end date for a suspended member, before any form or lookup:
    the 403 page tells them why and until when, whatever they tried."""
    if is_suspended(user):
        raise Forbidden(suspension_notice(user))


def can_answer(user: Any, question: Any) -> bool:
    """Answer this question: not closed or locked; a protected question only by members
    with some points (MINDWELL_PROTECTED_ANSWER_POINTS) and moderators."""
    if not can_post(user) or question.is_closed or question.is_locked:
        return False
    if question.is_protected and not moderates(user, question):
        return is_member(user) and user.points >= settings.MINDWELL_PROTECTED_ANSWER_POINTS
    return True


def why_not_answer(user: Any, question: Any) -> str:
    """What to tell someone can_answer refused."""
    if question.is_locked:
        return "This question is locked: it takes no new answers, comments or votes."
    if question.is_closed:
        return "This question is closed: it takes no new answers."
    if question.is_protected and can_post(user):
        return (
            "This question is protected: answering it takes at least "
            f"{settings.MINDWELL_PROTECTED_ANSWER_POINTS} points."
        )
    return why_not_post(user)


def can_comment(user: Any, post: Any) -> bool:
    """Comment on a question or answer: not in a locked thread."""
    return can_post(user) and not thread_of(post).is_locked


def is_author_or_moderator(user: Any, item: Any) -> bool:
    """Those who have a say over a post or comment at all: its author (a guest through its
    private link) or a moderator of it; each capability below may add conditions (an author
    may not delete what others' work depends on; a suspended member may not act)."""
    if moderates(user, item):
        return True
    return _is_author(user, item) and (isinstance(user, GuestLinkHolder) or may_act(user))


def can_edit(user: Any, item: Any) -> bool:
    """Edit a question or an answer, or roll it back to an earlier revision: its author, or
    a moderator; in a locked thread, moderators only."""
    if moderates(user, item):
        return True
    return is_author_or_moderator(user, item) and not thread_of(item).is_locked


def can_redact(user: Any, post: Any) -> bool:
    """Remove a passage (a name, an address) from a post and from every revision of it, for
    good: a moderator of the post."""
    return moderates(user, post)


def why_not_vote(user: Any, post: Any) -> str:
    """What to tell someone can_vote refused."""
    if post.author_id is not None and post.author_id == user.pk:
        return "You cannot vote on your own post."
    if thread_of(post).is_locked:
        return "This question is locked: it takes no new votes."
    if not user.is_authenticated:
        return "Only members can vote."
    return suspension_notice(user) if is_suspended(user) else "This account cannot vote."


def why_not_edit(user: Any) -> str:
    """What to tell someone can_edit refused on a post they can see."""
    return suspension_notice(user) if is_suspended(user) else "You cannot edit this post."


def why_kept(item: Any) -> str | None:
    """Why the author may not delete this post, or None: others' work depends on it. As on
    Stack Exchange: a question that holds someone else's best or upvoted answer, and the
    best answer itself. Moderators still may."""
    if not hasattr(item, "kind"):  # a comment: nothing depends on it
        return None
    if item.is_question:
        return QUESTION_KEPT if item.has_valued_answers else None
    return ANSWER_KEPT if item.is_accepted else None


def can_delete(user: Any, item: Any) -> bool:
    """Delete a question, answer or comment: a moderator, or its author (a guest through
    its private link) unless others' work depends on it (why_kept)."""
    if moderates(user, item):
        return True
    return is_author_or_moderator(user, item) and why_kept(item) is None


def kept_from_author(user: Any, item: Any) -> bool:
    """`user` wrote this post but may not delete it: pages tell them why (why_kept) where
    the Delete control would be."""
    return _is_author(user, item) and not can_delete(user, item)


def why_not_delete(user: Any, item: Any) -> str:
    """What to tell someone can_delete refused: its author hears why it is kept."""
    return (why_kept(item) if _is_author(user, item) else None) or "You cannot delete this."


def can_restore(user: Any, item: Any) -> bool:
    """Bring back a deleted post or comment: moderators, and the author of a comment who
    deleted it themselves (the undo right after deleting). An author's deletion of a post
    is undone through a moderator, so that deleting a post stays a clear act; a comment
    a moderator removed stays removed for its author."""
    if moderates(user, item):
        return True
    if item.removal != "deleted":  # hidden or held: a moderator decides, never the author
        return False
    # Only comments record who deleted them; posts have no `deleted_by_id`.
    return _wrote(user, item) and getattr(item, "deleted_by_id", None) == user.pk


def can_accept(user: Any, question: Any) -> bool:
    """Choose or clear a question's best answer: its asker, or a moderator."""
    return (_wrote(user, question) and may_act(user)) or moderates(user, question)


def can_vote(user: Any, post: Any) -> bool:
    """Vote on a question or answer: any member who is not suspended, never on their own
    post, never in a locked thread."""
    return may_act(user) and post.author_id != user.pk and not thread_of(post).is_locked


def can_see_author(user: Any, item: Any) -> bool:
    """Who wrote an anonymous post or comment: moderators only. (Members see "Anonymous"
    even on their own posts on shared pages; their profile marks them for themselves.)"""
    return not item.anonymous or moderates(user, item)


def require(allowed: bool, *, message: str = NOT_FOUND, hide: bool = True) -> None:
    """Raise unless `allowed`: NotFound when the person must not learn the item exists or
    may see it at all (`hide`), Forbidden when they can see it but not do this."""
    if not allowed:
        raise NotFound(message) if hide else Forbidden(message)
