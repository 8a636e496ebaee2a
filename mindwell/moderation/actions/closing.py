"""Closing, reopening, locking and protecting questions.

A moderator of the question acts at once; trusted members vote, and MINDWELL_CLOSE_VOTES
live votes decide. The state readers see lives on the question's row (qa.models.Post:
closed_at, close_reason, close_note, duplicate_of, locked_at, protected_at), which every
page already reads; qa.policy refuses answers, comments and votes by it. The votes, the
review item they open and the audit entry say who did it and why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, Forbidden, NotFound
from mindwell.core.events import announce
from mindwell.moderation import audit, policy
from mindwell.moderation.events import QuestionClosed, QuestionReopened
from mindwell.moderation.models import (
    CloseVote,
    CloseVoteKind,
    Queue,
    ReviewItem,
    ReviewStatus,
)
from mindwell.moderation.queue import enqueue
from mindwell.qa.models import REMOVAL_NOTE_MAX, CloseReason, Post, PostKind
from mindwell.qa.topics import post_changed

# How far a chain of duplicates is followed when looking for a cycle.
CHAIN_LIMIT = 20


@dataclass(frozen=True)
class VoteOutcome:
    """What a vote did: counted (`votes` of `needed`), or decided the question (`decided`)."""

    question: Post
    votes: int
    needed: int
    decided: bool


# Reading ----------------------------------------------------------------------------------


def live_votes(question: Post, kind: str) -> list[CloseVote]:
    """The votes of the round in progress on this question, oldest first."""
    return list(
        CloseVote.objects.filter(question=question, kind=kind, spent=False)
        .select_related("voter")
        .order_by("pk")
    )


def votes_needed() -> int:
    return max(1, settings.MINDWELL_CLOSE_VOTES)


# Checking ---------------------------------------------------------------------------------


def clean_reason(reason: str) -> str:
    if reason not in CloseReason.values:
        raise ActionError("Choose why the question should be closed.", field="reason")
    return reason


def clean_note(note: str, *, reason: str = "") -> str:
    note = (note or "").strip()
    if len(note) > REMOVAL_NOTE_MAX:
        raise ActionError(
            f"Keep the note under {REMOVAL_NOTE_MAX} characters (it has {len(note)}).",
            field="note",
        )
    if reason == CloseReason.OTHER and not note:
        raise ActionError("Say in a few words why the question should be closed.", field="note")
    return note


def _lock_question(question: Post) -> Post:
    """The question's row, locked for the rest of the transaction: every change of its state
    and every vote on it waits its turn."""
    locked = Post.objects.select_for_update().filter(pk=question.pk).first()
    if locked is None or locked.kind != PostKind.QUESTION:
        raise NotFound("That question does not exist or has been removed.")
    if locked.is_deleted:
        raise ActionError("That question has been removed; it cannot be closed or reopened.")
    return locked


def _check_original(question: Post, original: Post | None) -> Post:
    """The question `question` may be closed as a duplicate of, read afresh: a live question,
    not itself, not one that is (through a chain) a duplicate of it."""
    field = "duplicate_of"
    if original is None:
        raise ActionError(
            "Say which question this one duplicates: its address or its number.", field=field
        )
    if original.pk == question.pk:
        raise ActionError("A question cannot be a duplicate of itself.", field=field)
    fresh = Post.objects.filter(pk=original.pk).first()
    if fresh is None or fresh.is_deleted:
        raise ActionError(
            "That question has been removed; choose an original that is still up.", field=field
        )
    if fresh.kind != PostKind.QUESTION:
        raise ActionError(
            "That is an answer: give the address of the question it answers.", field=field
        )
    step, seen = fresh, {fresh.pk}
    for _ in range(CHAIN_LIMIT):
        if step.duplicate_of_id is None or step.duplicate_of_id in seen:
            break
        if step.duplicate_of_id == question.pk:
            raise ActionError(
                "That question is marked as a duplicate of this one; the two cannot point at "
                "each other. Reopen it first, or choose another original.",
                field=field,
            )
        seen.add(step.duplicate_of_id)
        next_step = Post.objects.only("id", "duplicate_of").filter(pk=step.duplicate_of_id).first()
        if next_step is None:
            break
        step = next_step
    return fresh


# Changing the state -----------------------------------------------------------------------


def _resolve_review(question: Post, *, by: Any, outcome: str, now: datetime) -> None:
    ReviewItem.objects.filter(
        queue=Queue.CLOSE_VOTES, post=question, status=ReviewStatus.OPEN
    ).update(
        status=ReviewStatus.DONE,
        resolved_by=by if by is not None else None,
        resolved_at=now,
        outcome=outcome[:200],
    )


def _spend_votes(question: Post) -> list[int]:
    """End the round: every live vote on the question is spent. Returns the voters' ids."""
    votes = CloseVote.objects.filter(question=question, spent=False)
    voters = list(votes.order_by("pk").values_list("voter_id", flat=True))
    votes.update(spent=True)
    return voters


def _close(
    question: Post,
    *,
    by: User | None,
    reason: str,
    original: Post | None,
    note: str,
    now: datetime,
) -> Post:
    Post.objects.filter(pk=question.pk).update(
        closed_at=now,
        close_reason=reason,
        close_note=note,
        duplicate_of=original if reason == CloseReason.DUPLICATE else None,
    )
    voters = _spend_votes(question)
    label = CloseReason(reason).label
    _resolve_review(
        question, by=by, now=now,
        outcome=f"Closed as {label.lower()}" + (" by votes" if by is None else ""),
    )  # fmt: skip
    details: dict[str, Any] = {"reason": reason}
    if original is not None and reason == CloseReason.DUPLICATE:
        details["duplicate_of"] = original.pk
    if by is None:
        details["voters"] = voters
    audit.record(actor=by, action="close", post=question, reason=note or label, details=details)
    announce(QuestionClosed(question.pk, by.pk if by else None, reason))
    post_changed(question_id=question.pk)
    if original is not None and reason == CloseReason.DUPLICATE:
        post_changed(question_id=original.pk)  # it now lists this one
    question.refresh_from_db()
    return question


def _reopen(question: Post, *, by: User | None, note: str, now: datetime) -> Post:
    original_id = question.duplicate_of_id
    Post.objects.filter(pk=question.pk).update(
        closed_at=None, close_reason="", close_note="", duplicate_of=None
    )
    voters = _spend_votes(question)
    _resolve_review(
        question, by=by, now=now, outcome="Reopened" + (" by votes" if by is None else "")
    )
    details: dict[str, Any] = {"was": question.close_reason}
    if original_id is not None:
        details["was_duplicate_of"] = original_id
    if by is None:
        details["voters"] = voters
    audit.record(actor=by, action="reopen", post=question, reason=note, details=details)
    announce(QuestionReopened(question.pk, by.pk if by else None))
    post_changed(question_id=question.pk)
    if original_id is not None:
        post_changed(question_id=original_id)  # it no longer lists this one
    question.refresh_from_db()
    return question


def close_question(
    *,
    question: Post,
    by: User,
    reason: str,
    duplicate_of: Post | None = None,
    note: str = "",
    now: datetime | None = None,
) -> Post:
    """Close a question at once, as a moderator of it (policy.can_close). A duplicate names
    its original; "other" needs a note."""
    reason = clean_reason(reason)
    note = clean_note(note, reason=reason)
    now = now or timezone.now()
    with transaction.atomic():
        question = _lock_question(question)
        if not policy.can_close(by, question):
            raise Forbidden("Only a moderator of this question can close it at once.")
        if question.is_closed:
            raise ActionError("This question is closed already.")
        original = _check_original(question, duplicate_of) if reason == "duplicate" else None
        return _close(question, by=by, reason=reason, original=original, note=note, now=now)


def reopen_question(
    *, question: Post, by: User, note: str = "", now: datetime | None = None
) -> Post:
    """Reopen a closed question at once, as a moderator of it."""
    note = clean_note(note)
    now = now or timezone.now()
    with transaction.atomic():
        question = _lock_question(question)
        if not policy.can_close(by, question):
            raise Forbidden("Only a moderator of this question can reopen it at once.")
        if not question.is_closed:
            raise ActionError("This question is open already.")
        return _reopen(question, by=by, note=note, now=now)


def _cast(question: Post, *, voter: User, kind: str, now: datetime, **fields: Any) -> int:
    """Record the voter's live vote of this kind; the number of live votes after it."""
    if not policy.can_vote_to_close(voter, question):
        raise Forbidden(policy.why_not_vote_to_close(voter, question))
    live = CloseVote.objects.filter(question=question, kind=kind, spent=False)
    if live.filter(voter=voter).exists():
        raise ActionError(f"You have voted to {kind} this question already.", status=409)
    try:
        with transaction.atomic():
            CloseVote.objects.create(
                question=question, voter=voter, kind=kind, created_at=now, **fields
            )
    except IntegrityError:  # a twin request got there first
        raise ActionError(f"You have voted to {kind} this question already.", status=409) from None
    count = live.count()
    if count == 1:
        what = "Votes to close" if kind == CloseVoteKind.CLOSE else "Votes to reopen"
        enqueue(queue=Queue.CLOSE_VOTES, reason=what, post=question)
    return count


def _decision(question: Post, votes: list[CloseVote]) -> tuple[str, Post | None, str]:
    """The reason most votes gave (the earliest on a tie) and, for a duplicate, the original
    most of its votes named that is still a fitting original."""
    reasons = Counter(vote.reason for vote in votes)  # in the order first given
    reason = max(reasons, key=lambda given: reasons[given])  # max keeps the first of a tie
    note = next((vote.note for vote in votes if vote.reason == reason and vote.note), "")
    if reason != CloseReason.DUPLICATE:
        return reason, None, note
    originals = Counter(v.duplicate_of_id for v in votes if v.duplicate_of_id is not None)
    for original_id, _ in originals.most_common():
        try:
            original = _check_original(question, Post(pk=original_id))
        except ActionError:
            continue
        return reason, original, note
    raise ActionError(
        "The question most votes call this one a duplicate of is no longer a fitting "
        "original; vote for another reason or another original."
    )


def vote_to_close(
    *,
    question: Post,
    voter: User,
    reason: str,
    duplicate_of: Post | None = None,
    note: str = "",
    now: datetime | None = None,
) -> VoteOutcome:
    """A trusted member's vote to close (policy.can_vote_to_close), one live vote each. The
    first vote of a round opens a review item; the vote that reaches MINDWELL_CLOSE_VOTES
    closes the question with the reason most votes gave."""
    reason = clean_reason(reason)
    note = clean_note(note, reason=reason)
    now = now or timezone.now()
    needed = votes_needed()
    with transaction.atomic():
        question = _lock_question(question)
        if question.is_closed:
            raise ActionError("This question is closed already.")
        original = _check_original(question, duplicate_of) if reason == "duplicate" else None
        count = _cast(
            question, voter=voter, kind=CloseVoteKind.CLOSE, now=now,
            reason=reason, duplicate_of=original, note=note,
        )  # fmt: skip
        if count < needed:
            return VoteOutcome(question, count, needed, decided=False)
        votes = live_votes(question, CloseVoteKind.CLOSE)
        reason, original, note = _decision(question, votes)
        closed = _close(question, by=None, reason=reason, original=original, note=note, now=now)
        return VoteOutcome(closed, count, needed, decided=True)


def vote_to_reopen(*, question: Post, voter: User, now: datetime | None = None) -> VoteOutcome:
    """A trusted member's vote to reopen a closed question; MINDWELL_CLOSE_VOTES reopen it."""
    now = now or timezone.now()
    needed = votes_needed()
    with transaction.atomic():
        question = _lock_question(question)
        if not question.is_closed:
            raise ActionError("This question is open already.")
        count = _cast(question, voter=voter, kind=CloseVoteKind.REOPEN, now=now)
        if count < needed:
            return VoteOutcome(question, count, needed, decided=False)
        return VoteOutcome(_reopen(question, by=None, note="", now=now), count, needed, True)


def retract_close_vote(*, question: Post, voter: User, now: datetime | None = None) -> str:
    """Take back the voter's live vote (to close or to reopen) on this question; returns its
    kind. When no live vote is left, the review item it opened is done."""
    now = now or timezone.now()
    with transaction.atomic():
        question = _lock_question(question)
        vote = CloseVote.objects.filter(question=question, voter=voter, spent=False).first()
        if vote is None:
            raise ActionError("You have no vote on this question to take back.")
        vote.delete()
        if not CloseVote.objects.filter(question=question, spent=False).exists():
            _resolve_review(question, by=None, now=now, outcome="Every vote was taken back")
        return vote.kind


def _set_state(
    question: Post, *, by: User, field: str, on: bool, action: str, note: str, now: datetime
) -> Post:
    with transaction.atomic():
        question = _lock_question(question)
        if not policy.can_close(by, question):
            raise Forbidden("Only a moderator of this question can do this.")
        if (getattr(question, field) is not None) == on:
            state = field.removesuffix("_at")
            raise ActionError(
                f"This question is {state} already." if on else f"This question is not {state}."
            )
        Post.objects.filter(pk=question.pk).update(**{field: now if on else None})
        audit.record(actor=by, action=action, post=question, reason=note)
        post_changed(question_id=question.pk)
        question.refresh_from_db()
        return question


def lock_thread(*, question: Post, by: User, note: str = "", now: datetime | None = None) -> Post:
    """No new answers, comments or votes in this thread (qa.policy reads locked_at)."""
    return _set_state(
        question, by=by, field="locked_at", on=True, action="lock", note=clean_note(note),
        now=now or timezone.now(),
    )  # fmt: skip


def unlock_thread(*, question: Post, by: User, note: str = "") -> Post:
    return _set_state(
        question, by=by, field="locked_at", on=False, action="unlock", note=clean_note(note),
        now=timezone.now(),
    )  # fmt: skip


def protect_question(
    *, question: Post, by: User, note: str = "", now: datetime | None = None
) -> Post:
    """Only members with MINDWELL_PROTECTED_ANSWER_POINTS may answer (qa.policy.can_answer)."""
    return _set_state(
        question, by=by, field="protected_at", on=True, action="protect",
        note=clean_note(note), now=now or timezone.now(),
    )  # fmt: skip


def unprotect_question(*, question: Post, by: User, note: str = "") -> Post:
    return _set_state(
        question, by=by, field="protected_at", on=False, action="unprotect",
        note=clean_note(note), now=timezone.now(),
    )  # fmt: skip
