"""The rows the actions would write for a plan, computed in Python to be loaded in bulk.

Each method says which action's writes it stands for (mindwell/qa/actions.py): the post
rows with their denormalised counters, the revisions, the tags of a question, and the
points ledger. The totals that many rows add to (tag and category question counts, the
members' points) are summed here and added at the end. tests/bench/test_sitegen_drift.py
replays a plan through the real actions and compares every column, so that this module
cannot drift from them.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.hashers import make_password

from bench.sitegen.plan import (
    MEMBER_PASSWORD,
    Byline,
    PlannedAnswer,
    PlannedPost,
    PlannedQuestion,
    SitePlan,
)
from bench.sitegen.rows import (
    CommentRow,
    PointRow,
    PostRow,
    PostTagRow,
    RevisionRow,
    TagRow,
    UserRow,
    VoteRow,
)
from mindwell.qa.models import Post
from mindwell.qa.ranking import hot_score
from mindwell.reputation.actions import points_for, vote_points
from mindwell.reputation.models import PointReason


@dataclass
class Batch:
    """The rows of a batch of questions, table by table."""

    posts: list[PostRow] = field(default_factory=list)
    post_tags: list[PostTagRow] = field(default_factory=list)
    comments: list[CommentRow] = field(default_factory=list)
    votes: list[VoteRow] = field(default_factory=list)
    revisions: list[RevisionRow] = field(default_factory=list)
    points: list[PointRow] = field(default_factory=list)


@dataclass
class NextIds:
    """The ids of the rows the plan does not number itself."""

    post_tag: int
    vote: int
    revision: int
    point: int


class BulkWriter:
    def __init__(self, plan: SitePlan, *, ts: Callable[[int], Any], next_ids: NextIds) -> None:
        self.plan = plan
        self.ts = ts  # seconds to what the database connection takes
        self.ids = next_ids
        self.tag_names = {tag.id: tag.name for tag in plan.tags}
        self.points: Counter[int] = Counter()  # added to each member's total at the end
        self.tag_counts: Counter[int] = Counter()
        self.category_counts: Counter[int] = Counter()
        self.asked, self.answered = points_for("ask_question"), points_for("post_answer")
        self.accepted = points_for("answer_accepted")
        self.selected = points_for("select_accepted_answer")
        self.vote_points = functools.cache(vote_points)  # for a few small numbers of votes

    # --- the members and tags, before any question --------------------------------------

    def members(self) -> list[UserRow]:
        password = make_password(MEMBER_PASSWORD, salt="mindwellbench", hasher="default")
        joined = self.ts(self.plan.joined)
        return [
            UserRow(
                id=member.id,
                password=password,
                last_login=None,
                is_superuser=False,
                username=member.username,
                first_name="",
                last_name="",
                is_staff=False,
                is_active=True,
                date_joined=joined,
                email=member.email,
                email_confirmed=True,
                display_name=member.display_name,
                about="",
                about_html="",
                points=0,
                is_moderator=False,
                professional_badge=member.professional_badge,
                professional_until=member.professional_until,
                pending_email="",
                is_category_moderator=False,
                suspended_until=None,
                suspension_reason="",
                posts_held=0,
                unread_moderator_messages=0,
            )
            for member in self.plan.members
        ]

    def tags(self) -> list[TagRow]:
        return [
            TagRow(tag.id, tag.name, description="", question_count=0) for tag in self.plan.tags
        ]

    # --- a batch of questions -----------------------------------------------------------

    def batch(self, questions: Iterable[PlannedQuestion]) -> Batch:
        out = Batch()
        for question in questions:
            self._thread(question, out)
        return out

    def _thread(self, question: PlannedQuestion, out: Batch) -> None:
        """A question and everything under it: each post's votes, comments, revisions and
        points, then the post rows with the counters those make."""
        tag_names = " ".join(self.tag_names[tag_id] for tag_id in question.tag_ids)
        self._tag_question(question, out)
        at = self.ts(question.at)
        up, down = self._votes(question, out)
        self._comments(question, out)
        self._revisions(question, at, out, title=question.title, tag_names=tag_names)
        self._asked(question, up, down, at, out)
        answer_rows = []
        for answer in question.answers:
            a_at = self.ts(answer.at)
            a_up, a_down = self._votes(answer, out)
            self._comments(answer, out)
            self._revisions(answer, a_at, out)
            self._answered(answer, question, a_up, a_down, a_at, out)
            answer_rows.append(self._answer_row(answer, question, a_up, a_down, a_at))
        out.posts.append(self._question_row(question, up, down, at, tag_names))
        out.posts += answer_rows

    # --- post rows: ask_question and post_answer, with what later actions change ---------

    def _question_row(
        self, question: PlannedQuestion, up: int, down: int, at: Any, tag_names: str
    ) -> PostRow:
        answers, views = len(question.answers), question.views
        created = datetime.fromtimestamp(question.at, UTC)
        return self._post_row(
            question,
            up,
            down,
            at,
            kind="q",
            title=question.title,
            slug=Post.slug_for(question.title),
            category_id=question.category_id,
            tag_names=tag_names,
            answer_count=answers,
            has_accepted_answer=question.accepted_id is not None,
            view_count=views,
            hot_score=hot_score(created_at=created, views=views, answers=answers, score=up - down),
            last_activity_at=self.ts(_last_activity(question)),
        )

    def _answer_row(
        self, answer: PlannedAnswer, question: PlannedQuestion, up: int, down: int, at: Any
    ) -> PostRow:
        return self._post_row(
            answer,
            up,
            down,
            at,
            kind="a",
            question_id=question.id,
            # Its own time, or its edit's (edit_post sets it; comments set the question's).
            last_activity_at=self.ts(answer.edit.at) if answer.edit else at,
            is_accepted=answer.id == question.accepted_id,
        )

    def _post_row(
        self,
        post: PlannedPost,
        up: int,
        down: int,
        at: Any,
        *,
        kind: str,
        question_id: int | None = None,
        title: str = "",
        slug: str = "",
        category_id: int | None = None,
        tag_names: str = "",
        answer_count: int = 0,
        has_accepted_answer: bool = False,
        view_count: int = 0,
        hot_score: float = 0.0,
        last_activity_at: Any,
        is_accepted: bool = False,
    ) -> PostRow:
        by, edit = post.by, post.edit
        return PostRow(
            id=post.id,
            author_id=by.author_id,
            anonymous=by.anonymous,
            guest_name=by.guest_name,
            guest_email="",
            notify=False,
            body=post.text.body,
            body_html=post.text.html,
            created_at=at,
            deleted_at=None,
            kind=kind,
            question_id=question_id,
            title=title,
            slug=slug,
            category_id=category_id,
            tag_names=tag_names,
            answer_count=answer_count,
            has_accepted_answer=has_accepted_answer,
            view_count=view_count,
            hot_score=hot_score,
            last_activity_at=last_activity_at,
            is_accepted=is_accepted,
            score=up - down,
            upvotes=up,
            downvotes=down,
            comment_count=len(post.comments),
            revision_count=2 if edit else 1,
            last_editor_id=by.author_id if edit else None,
            last_edited_at=self.ts(edit.at) if edit else None,
        )

    # --- ask_question: the question's tags, its category's count -------------------------

    def _tag_question(self, question: PlannedQuestion, out: Batch) -> None:
        for tag_id in question.tag_ids:
            out.post_tags.append(PostTagRow(self.ids.post_tag, question.id, tag_id))
            self.ids.post_tag += 1
            self.tag_counts[tag_id] += 1
        self.category_counts[question.category_id] += 1

    # --- cast_vote -------------------------------------------------------------------------

    def _votes(self, post: PlannedPost, out: Batch) -> tuple[int, int]:
        """The post's vote rows; returns its (upvotes, downvotes)."""
        up = 0
        for vote in post.votes:
            out.votes.append(
                VoteRow(self.ids.vote, vote.voter_id, post.id, vote.value, self.ts(vote.at))
            )
            self.ids.vote += 1
            up += vote.value > 0
        return up, len(post.votes) - up

    # --- add_comment -----------------------------------------------------------------------

    def _comments(self, post: PlannedPost, out: Batch) -> None:
        for c in post.comments:
            out.comments.append(
                CommentRow(
                    id=c.id,
                    author_id=c.by.author_id,
                    anonymous=c.by.anonymous,
                    guest_name=c.by.guest_name,
                    guest_email="",
                    notify=False,
                    body=c.text.body,
                    body_html=c.text.html,
                    created_at=self.ts(c.at),
                    deleted_at=None,
                    post_id=post.id,
                    deleted_by_id=None,
                )
            )

    # --- revisions: number 1 from ask_question or post_answer, 2 from edit_post ------------

    def _revisions(
        self, post: PlannedPost, at: Any, out: Batch, *, title: str = "", tag_names: str = ""
    ) -> None:
        versions = [(post.posted_body, "", at)]
        if post.edit is not None:  # by the author
            versions.append((post.text.body, post.edit.reason, self.ts(post.edit.at)))
        for number, (body, reason, created_at) in enumerate(versions, start=1):
            out.revisions.append(
                RevisionRow(
                    id=self.ids.revision,
                    post_id=post.id,
                    number=number,
                    title=title,
                    body=body,
                    tag_names=tag_names,
                    editor_id=post.by.author_id,
                    editor_anonymous=post.by.anonymous,
                    reason=reason,
                    created_at=created_at,
                )
            )
            self.ids.revision += 1

    # --- the points ledger -----------------------------------------------------------------

    def _asked(self, question: PlannedQuestion, up: int, down: int, at: Any, out: Batch) -> None:
        self._line(question.by, PointReason.ASKED, question.id, self.asked, at, out)
        votes = self.vote_points(is_question=True, upvotes=up, downvotes=down)
        self._line(question.by, PointReason.VOTES_RECEIVED, question.id, votes, at, out)

    def _answered(
        self,
        answer: PlannedAnswer,
        question: PlannedQuestion,
        up: int,
        down: int,
        at: Any,
        out: Batch,
    ) -> None:
        self._line(answer.by, PointReason.ANSWERED, answer.id, self.answered, at, out)
        votes = self.vote_points(is_question=False, upvotes=up, downvotes=down)
        self._line(answer.by, PointReason.VOTES_RECEIVED, answer.id, votes, at, out)
        # accept_answer: choosing an answer everyone can see is your own earns nothing.
        asker, author = question.by, answer.by
        visibly_own = (
            author.author_id == asker.author_id and not asker.anonymous and not author.anonymous
        )
        if answer.id == question.accepted_id and author.author_id is not None and not visibly_own:
            self._line(author, PointReason.ANSWER_ACCEPTED, answer.id, self.accepted, at, out)
            self._line(asker, PointReason.SELECTED_ANSWER, question.id, self.selected, at, out)

    def _line(
        self, by: Byline, reason: str, post_id: int, amount: int, at: Any, out: Batch
    ) -> None:
        """set_points: a line per (member, reason, post), none for guests, anonymous posts
        (decision 0010) or 0."""
        user_id = by.author_id
        if user_id is None or by.anonymous or amount == 0:
            return
        out.points.append(PointRow(self.ids.point, user_id, reason, post_id, amount, at, at))
        self.ids.point += 1
        self.points[user_id] += amount


def _last_activity(question: PlannedQuestion) -> int:
    """The question's last answer, comment or edit, its own or on an answer."""
    last = question.at
    for post in (question, *question.answers):
        last = max(last, post.at, *(c.at for c in post.comments))
        if post.edit is not None:
            last = max(last, post.edit.at)
    return last
