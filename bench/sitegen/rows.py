"""The rows the bulk writer loads, one named tuple per table.

Each field is a database column, so a row is built by name and written as the tuple it
is, in the order of its fields; `Table.columns` is that order. `check_tables()` compares the
fields with the models, so that a new column fails loudly here rather than as a NOT NULL
error half-way through a load. Times are whatever the database connection takes (see
database.Sink.ts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import Model

from mindwell.accounts.models import User
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Tag


class UserRow(NamedTuple):
    id: int
    password: str
    last_login: Any
    is_superuser: bool
    username: str
    first_name: str
    last_name: str
    is_staff: bool
    is_active: bool
    date_joined: Any
    email: str
    email_confirmed: bool
    display_name: str
    about: str
    about_html: str
    points: int
    is_moderator: bool
    professional_badge: str
    professional_until: Any
    pending_email: str
    is_category_moderator: bool
    suspended_until: Any
    suspension_reason: str
    posts_held: int
    unread_moderator_messages: int
    has_reader_controls: bool = False
    unread_notifications: int = 0


class TagRow(NamedTuple):
    id: int
    name: str
    description: str
    question_count: int


class PostRow(NamedTuple):
    id: int
    author_id: int | None
    anonymous: bool
    guest_name: str
    guest_email: str
    notify: bool
    body: str
    body_html: str
    created_at: Any
    deleted_at: Any
    kind: str
    question_id: int | None
    title: str
    slug: str
    category_id: int | None
    tag_names: str
    answer_count: int
    has_accepted_answer: bool
    view_count: int
    hot_score: float
    last_activity_at: Any
    is_accepted: bool
    score: int
    upvotes: int
    downvotes: int
    comment_count: int
    revision_count: int
    last_editor_id: int | None
    last_edited_at: Any
    removal: str = ""
    removal_note: str = ""
    closed_at: Any = None
    close_reason: str = ""
    close_note: str = ""
    duplicate_of_id: int | None = None
    locked_at: Any = None
    protected_at: Any = None
    keep_out_of_search: bool = False
    content_note: str = ""


class PostTagRow(NamedTuple):
    id: int
    post_id: int
    tag_id: int


class CommentRow(NamedTuple):
    id: int
    author_id: int | None
    anonymous: bool
    guest_name: str
    guest_email: str
    notify: bool
    body: str
    body_html: str
    created_at: Any
    deleted_at: Any
    post_id: int
    deleted_by_id: int | None
    removal: str = ""
    removal_note: str = ""


class VoteRow(NamedTuple):
    id: int
    user_id: int
    post_id: int
    value: int
    created_at: Any


class RevisionRow(NamedTuple):
    id: int
    post_id: int
    number: int
    title: str
    body: str
    tag_names: str
    editor_id: int | None
    editor_anonymous: bool
    reason: str
    created_at: Any
    content_note: str = ""


class PointRow(NamedTuple):
    """A line of the points ledger. `post_id` is the column, whatever the model's field is."""

    id: int
    user_id: int
    reason: str
    post_id: int
    amount: int
    created_at: Any
    updated_at: Any


@dataclass(frozen=True)
class Table:
    model: type[Model]
    columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return str(self.model._meta.db_table)

    def check(self) -> None:
        expected = {f.column for f in self.model._meta.concrete_fields}
        if set(self.columns) != expected:
            raise RuntimeError(
                f"bench.sitegen is out of date for {self.name}: missing "
                f"{sorted(expected - set(self.columns))}, unknown "
                f"{sorted(set(self.columns) - expected)}"
            )


USERS = Table(User, UserRow._fields)
TAGS = Table(Tag, TagRow._fields)
POSTS = Table(Post, PostRow._fields)
POST_TAGS = Table(Post.tags.through, PostTagRow._fields)
COMMENTS = Table(Comment, CommentRow._fields)
VOTES = Table(Vote, VoteRow._fields)
REVISIONS = Table(Revision, RevisionRow._fields)
POINTS = Table(PointEvent, PointRow._fields)
TABLES = (USERS, TAGS, POSTS, POST_TAGS, COMMENTS, VOTES, REVISIONS, POINTS)


def check_tables() -> None:
    for table in TABLES:
        table.check()
