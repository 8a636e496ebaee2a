"""What moderation announces after commit, for the apps above it (notifications): ids only,
as qa's events (mindwell/qa/events.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlagsResolved:
    """A moderator decided the flags on a post or comment: `status` is "helpful" (they acted
    on it) or "declined" (they left it as it was)."""

    flag_ids: tuple[int, ...]
    flagger_ids: tuple[int, ...]
    post_id: int | None
    comment_id: int | None
    status: str
    by_id: int


@dataclass(frozen=True)
class QuestionClosed:
    question_id: int
    by_id: int | None  # None: closed by members' votes
    reason: str


@dataclass(frozen=True)
class QuestionReopened:
    question_id: int
    by_id: int | None  # None: reopened by members' votes


@dataclass(frozen=True)
class MessageSent:
    """A moderator wrote to a member privately (moderation emails them itself)."""

    message_id: int
    member_id: int
    by_id: int
