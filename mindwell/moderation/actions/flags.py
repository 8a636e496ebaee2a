"""Flags: a member reports a post or comment, takes the report back while it is pending, and
an author asks for a second look at what was hidden.

Each flag opens or updates the item's entry in the flags review queue. Enough flags from
trusted members (MINDWELL_FLAGS_TO_HIDE), or one from a moderator of the item, hide it at
once: its author still sees it, marked with why, and everyone else sees nothing of it until
a moderator decides.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from mindwell.accounts.policy import is_trusted
from mindwell.core.errors import ActionError, NotFound
from mindwell.moderation import audit, policy
from mindwell.moderation.models import (
    NOTE_MAX,
    Flag,
    FlagReason,
    FlagStatus,
    Queue,
    ReviewItem,
    ReviewStatus,
)
from mindwell.moderation.queue import PRIORITY_HIGH, PRIORITY_NORMAL, PRIORITY_URGENT, enqueue
from mindwell.qa import actions as qa_actions
from mindwell.qa import policy as qa_policy
from mindwell.qa.models import REMOVAL_NOTE_MAX, Comment, Post, Removal

if TYPE_CHECKING:
    from datetime import datetime

    from mindwell.accounts.models import User

    Item = Post | Comment

ALREADY_FLAGGED = "You have already flagged this."
NOT_FOUND = qa_policy.NOT_FOUND

# What each kind of flag means, as the flag form explains it.
REASON_HELP = {
    FlagReason.SPAM: "Advertising, or posted only to send people somewhere else.",
    FlagReason.RUDE: "Insults, harassment, or contempt for someone.",
    FlagReason.HARMFUL: (
        "Could hurt someone who is struggling: encourages self-harm, describes methods, or "
        "pushes someone away from help."
    ),
    FlagReason.IDENTIFIES: (
        "Names or gives away a real person who could be recognised, such as a therapist or "
        "a partner."
    ),
    FlagReason.NOT_AN_ANSWER: "Posted as an answer, but is a question, a thank-you or a comment.",
    FlagReason.MODERATOR: "Something else a moderator should see. Tell them what in the note.",
}

# The same kinds in plain words, for the note its author sees on a hidden item.
PLAIN_WORDS = {
    FlagReason.SPAM: "spam",
    FlagReason.RUDE: "rude or abusive",
    FlagReason.HARMFUL: "harmful to someone at risk",
    FlagReason.IDENTIFIES: "identifying a real person",
    FlagReason.NOT_AN_ANSWER: "not an answer",
    FlagReason.MODERATOR: "needing a moderator's attention",
}

# How a review item's reason names its parts (parts are joined by "; ", as queue.enqueue does).
FLAGS_PART = "Flags: "
REVIEW_PART = "author asks for a review"
REVIEW_NOTE_MAX = 300


# Rules ------------------------------------------------------------------------------------


def reasons_for(item: Any) -> list[FlagReason]:
    """The kinds of flag that make sense on this item: "not an answer" only on answers."""
    is_answer = isinstance(item, Post) and not item.is_question
    return [r for r in FlagReason if r != FlagReason.NOT_AN_ANSWER or is_answer]


def clean_reason(value: str, item: Any) -> FlagReason:
    if value not in {r.value for r in reasons_for(item)}:
        raise ActionError("Choose what is wrong with it.", field="reason")
    return FlagReason(value)


def clean_note(reason: str, note: str) -> str:
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ActionError(f"Keep the note under {NOTE_MAX} characters.", field="note")
    if reason == FlagReason.MODERATOR and not note:
        raise ActionError("Tell the moderators what needs their attention.", field="note")
    return note


def clean_review_note(note: str) -> str:
    note = " ".join(note.split())
    if not note:
        raise ActionError("Say briefly why it should be shown again.", field="note")
    if len(note) > REVIEW_NOTE_MAX:
        raise ActionError(f"Keep it under {REVIEW_NOTE_MAX} characters.", field="note")
    return note


# Helpers ----------------------------------------------------------------------------------


def _one_item(post: Post | None, comment: Comment | None) -> None:
    if (post is None) == (comment is None):
        raise TypeError("Give a post or a comment, not both.")


def _lock_item(post: Post | None, comment: Comment | None) -> Item:
    """The item again, locked, with what the policy reads loaded. Posts before comments,
    questions before answers: the order qa's actions lock them in."""
    if comment is not None:
        parent = Post.objects.select_for_update().filter(pk=comment.post_id).first()
        locked_comment = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if parent is None or locked_comment is None:
            raise NotFound(NOT_FOUND)
        if parent.question_id:
            parent.question = Post.objects.get(pk=parent.question_id)
        locked_comment.post = parent
        return locked_comment
    assert post is not None
    question = None
    if post.question_id:
        question = Post.objects.select_for_update().filter(pk=post.question_id).first()
    locked = Post.objects.select_for_update().filter(pk=post.pk).first()
    if locked is None or (post.question_id and question is None):
        raise NotFound(NOT_FOUND)
    locked.question = question
    return locked


def in_public_view(item: Item) -> bool:
    """Neither the item, nor the post it is on, nor its question is out of view."""
    post = item.post if isinstance(item, Comment) else item
    return not item.is_deleted and not post.is_deleted and not qa_policy.thread_of(item).is_deleted


def _flags_on(item: Item) -> QuerySet[Flag]:
    if isinstance(item, Comment):
        return Flag.objects.filter(comment_id=item.pk)
    return Flag.objects.filter(post_id=item.pk)


def _item_kwargs(item: Item) -> dict[str, Any]:
    return {"comment": item} if isinstance(item, Comment) else {"post": item}


def _flag_summary(pending: list[Flag]) -> str:
    counts = Counter(flag.reason for flag in pending)
    kinds = [f"{r.label} ×{counts[r]}" for r in FlagReason if counts[r]]
    return FLAGS_PART + (", ".join(kinds) if kinds else "none pending (retracted)")


def _with_flag_summary(reason: str, summary: str | None) -> str:
    """A review item's reason with its flags part replaced by `summary` (or dropped)."""
    others = [part for part in reason.split("; ") if part and not part.startswith(FLAGS_PART)]
    return "; ".join([summary, *others] if summary else others)[:NOTE_MAX]


def _open_review_item(item: Item) -> ReviewItem | None:
    where = Q(comment_id=item.pk) if isinstance(item, Comment) else Q(post_id=item.pk)
    return (
        ReviewItem.objects.select_for_update()
        .filter(where, queue=Queue.FLAGS, status=ReviewStatus.OPEN)
        .first()
    )


def _plain_reasons(pending: list[Flag]) -> str:
    """The flags' kinds in plain words, the most frequent first: "spam and rude or abusive"."""
    counts = Counter(flag.reason for flag in pending)
    words = [PLAIN_WORDS[FlagReason(reason)] for reason, _ in counts.most_common()]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _hide(item: Item, *, by: User | None, pending: list[Flag], now: datetime) -> None:
    """Hide the item for review, telling its author why, and write the audit entry: `by` is
    the moderator whose flag hid it, or None when trusted members' flags did together."""
    kind = "comment" if isinstance(item, Comment) else "question" if item.is_question else "answer"
    if by is not None:
        mine = [flag for flag in pending if flag.flagger_id == by.pk]
        note = f"A moderator hid this {kind} as {_plain_reasons(mine)}."
    else:
        note = f"Hidden because several members flagged this {kind} as {_plain_reasons(pending)}."
    note = f"{note} A moderator will review it."[:REMOVAL_NOTE_MAX]
    if isinstance(item, Comment):
        qa_actions.hide_comment(comment=item, by=by, removal=Removal.HIDDEN, note=note, now=now)
    else:
        qa_actions.hide_post(post=item, by=by, removal=Removal.HIDDEN, note=note, now=now)
    audit.record(
        actor=by,
        action="hide",
        member=item.author if item.author_id is not None else None,
        reason=note,
        details={
            "by": "moderator's flag" if by is not None else "trusted members' flags",
            "flags": sorted(flag.pk for flag in pending),
        },
        **_item_kwargs(item),
    )


# Actions ----------------------------------------------------------------------------------


def flag_item(
    *,
    flagger: User,
    post: Post | None = None,
    comment: Comment | None = None,
    reason: str,
    note: str = "",
    now: datetime | None = None,
) -> Flag:
    """`flagger` reports a post or comment in public view. One live flag per member per item
    (ActionError 409 for another). The item's flags review entry is opened or updated; the
    item is hidden at once if a moderator of it flagged it, or if MINDWELL_FLAGS_TO_HIDE
    pending flags on it come from trusted members."""
    _one_item(post, comment)
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock_item(post, comment)
        qa_policy.require(in_public_view(item))
        qa_policy.require(
            policy.can_flag(flagger, item), message=policy.why_not_flag(flagger, item), hide=False
        )
        reason = clean_reason(reason, item)
        note = clean_note(reason, note)
        live = _flags_on(item).filter(flagger=flagger).exclude(status=FlagStatus.RETRACTED)
        if live.exists():
            raise ActionError(ALREADY_FLAGGED, status=409)
        try:
            with transaction.atomic():
                flag = Flag.objects.create(
                    flagger=flagger, reason=reason, note=note, created_at=now, **_item_kwargs(item)
                )
        except IntegrityError:  # the same member's other request got there first
            raise ActionError(ALREADY_FLAGGED, status=409) from None
        pending = list(_flags_on(item).filter(status=FlagStatus.PENDING).select_related("flagger"))
        harmful = any(f.reason == FlagReason.HARMFUL for f in pending)
        summary = _flag_summary(pending)
        priority = PRIORITY_HIGH if harmful else PRIORITY_NORMAL
        review = enqueue(queue=Queue.FLAGS, reason=summary, priority=priority, **_item_kwargs(item))
        review.reason = _with_flag_summary(review.reason, summary)
        review.save(update_fields=["reason"])
        if policy.hides_by_flag(flagger, item):
            _hide(item, by=flagger, pending=pending, now=now)
        elif sum(is_trusted(f.flagger) for f in pending) >= settings.MINDWELL_FLAGS_TO_HIDE:
            _hide(item, by=None, pending=pending, now=now)
    return flag


def retract_flag(*, flag: Flag, by: User, now: datetime | None = None) -> Flag:
    """The flagger takes back a pending flag. The item's review entry then names only the
    flags still pending; with none left it is closed, unless the item is out of view (a
    moderator still decides on it) or its author asked for a review."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Flag.objects.select_for_update().filter(pk=flag.pk).first()
        if locked is None or locked.flagger_id != by.pk:
            raise NotFound("That flag does not exist.")
        if not policy.can_retract_flag(by, locked):
            raise ActionError(
                "A moderator has already decided on this flag: it cannot be retracted.",
                status=409,
            )
        locked.status = FlagStatus.RETRACTED
        locked.resolved_at = now
        locked.save(update_fields=["status", "resolved_at"])
        item: Item | None = locked.comment if locked.comment_id else locked.post
        assert item is not None
        review = _open_review_item(item)
        if review is not None:
            pending = list(_flags_on(item).filter(status=FlagStatus.PENDING))
            review.reason = _with_flag_summary(review.reason, _flag_summary(pending))
            others = _with_flag_summary(review.reason, None)
            if not pending and not others and not item.is_deleted:
                review.status = ReviewStatus.DONE
                review.resolved_at = now
                review.outcome = "Every flag was retracted."
            elif not pending and others:
                review.reason = others
            review.save(update_fields=["reason", "status", "resolved_at", "outcome"])
    return locked


def request_review(
    *, author: User, post: Post | None = None, comment: Comment | None = None, note: str
) -> ReviewItem:
    """The author of a hidden or held post or comment asks the moderators to look at it again:
    it goes to the top of the flags queue with their note. Once per open review."""
    _one_item(post, comment)
    note = clean_review_note(note)
    with transaction.atomic():
        item = _lock_item(post, comment)
        qa_policy.require(policy.can_request_review(author, item))
        review = _open_review_item(item)
        if review is not None and any(
            part.startswith(REVIEW_PART) for part in review.reason.split("; ")
        ):
            raise ActionError(
                "You have already asked for a review: a moderator will look at it.", status=409
            )
        return enqueue(
            queue=Queue.FLAGS, reason=f"{REVIEW_PART}: {note}", priority=PRIORITY_URGENT,
            **_item_kwargs(item),
        )  # fmt: skip
