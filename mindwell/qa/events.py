"""What qa announces (after commit) and submits to checks (inside the action).

Higher apps subscribe in their AppConfig.ready(), through mindwell.core.events:
`events.on_commit(PostCreated, handler)` for what follows a change (notifications,
indexing, badges); `events.check(Submitted, handler)` for what may refuse or hold new
text before it is committed (screening, spam rules). Ids, not objects: a handler reads
what it needs, as it is after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PostKindName = Literal["question", "answer"]


@dataclass(frozen=True)
class PostCreated:
    post_id: int
    question_id: int
    kind: PostKindName
    author_id: int | None


@dataclass(frozen=True)
class PostEdited:
    post_id: int
    question_id: int
    kind: PostKindName
    editor_id: int | None  # None: the guest who wrote it, through their private link
    revision: int


@dataclass(frozen=True)
class PostRedacted:
    """A moderator removed a passage from the post's text, title and every revision: what
    keeps a copy of the text (a search index) must read it again."""

    post_id: int
    question_id: int
    kind: PostKindName
    by_id: int


@dataclass(frozen=True)
class PostDeleted:
    post_id: int
    question_id: int
    kind: PostKindName
    by_id: int | None  # None: the guest who wrote it, through their private link


@dataclass(frozen=True)
class PostHidden:
    """Taken out of public view for review (moderation, checks): `removal` says how
    (qa.models.Removal: hidden, waiting, held); its author still sees it, marked."""

    post_id: int
    question_id: int
    kind: PostKindName
    by_id: int | None  # None: no person (flags from several members, a check)
    removal: str


@dataclass(frozen=True)
class PostRestored:
    post_id: int
    question_id: int
    kind: PostKindName
    by_id: int


@dataclass(frozen=True)
class PostPurged:
    """Removed for good by an administrator, with every post that went with it (a
    question's answers): `post_ids` holds them all, the purged post first."""

    post_id: int
    question_id: int
    kind: PostKindName
    by_id: int
    post_ids: tuple[int, ...]


@dataclass(frozen=True)
class VoteCast:
    post_id: int
    question_id: int
    voter_id: int
    value: int  # +1, -1, or 0 when the vote was withdrawn
    previous: int


@dataclass(frozen=True)
class AnswerAccepted:
    question_id: int
    answer_id: int | None  # None when the choice was cleared
    previous_answer_id: int | None
    by_id: int


@dataclass(frozen=True)
class CommentAdded:
    comment_id: int
    post_id: int
    question_id: int
    author_id: int | None


@dataclass(frozen=True)
class CommentDeleted:
    comment_id: int
    post_id: int
    question_id: int
    by_id: int | None  # None: the guest who wrote it, through their private link


@dataclass(frozen=True)
class CommentHidden:
    comment_id: int
    post_id: int
    question_id: int
    by_id: int | None
    removal: str


@dataclass(frozen=True)
class CommentRestored:
    comment_id: int
    post_id: int
    question_id: int
    by_id: int


@dataclass(frozen=True)
class CommentPurged:
    comment_id: int
    post_id: int
    question_id: int
    by_id: int


@dataclass(frozen=True)
class Submitted:
    """New or changed text, checked inside the action after its rows are written and before
    commit. A check refuses by raising ActionError (nothing is kept), or holds the item by
    writing its own rows in the same transaction, or asks the writer first by raising
    NeedsConfirmation unless its key is in `confirmed`. `comment_id` is set for comments,
    otherwise `post_id`; `title` only for questions."""

    what: Literal["question", "answer", "comment", "edit"]
    post_id: int
    question_id: int
    comment_id: int | None
    author_id: int | None  # the editor, for an edit; None for a guest
    anonymous: bool
    title: str
    body: str
    # What the writer said "go ahead" to when a check asked (core.errors.NeedsConfirmation
    # keys). None when nobody can be asked (the demo loader, commands, a rollback): checks
    # that ask then let the text through.
    confirmed: frozenset[str] | None = None


@dataclass(frozen=True)
class QuestionsRetagged:
    """A site administrator renamed or removed a tag: these questions' tag names changed,
    and with them what their answers carry of the question (a search index)."""

    question_ids: tuple[int, ...]
