"""A plan passed through the real actions, one call per thing that happens, in the order of
its times: what the site would hold had members done it all by hand. Far too slow for a
benchmark site; the tests replay a small plan and compare every column with what the bulk
writer loads for the same plan (tests/bench/test_sitegen_drift.py).

Members and tags are created directly (the plan's ids kept): no action under test makes
them. Votes, accepted answers and ledger lines are stamped with the real time by the
actions, which take no `now` for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from django.test import TestCase

from bench.sitegen.plan import (
    MEMBER_PASSWORD,
    PlannedComment,
    PlannedPost,
    PlannedQuestion,
    SitePlan,
)
from mindwell.accounts.models import User
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.qa.view_counts import flush_views
from mindwell.tags.models import Category, Tag


@dataclass
class Replayed:
    """The database id of each planned post and comment."""

    posts: dict[int, int] = field(default_factory=dict)
    comments: dict[int, int] = field(default_factory=dict)


def replay_site(plan: SitePlan) -> Replayed:
    return _Replayer(plan).run()


def _as_committed(action: Callable[[], object]) -> None:
    """Run an action as on the site: its after-commit work (the page cache's, say) runs
    right after it, even inside a test's transaction, which never commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        action()


def _when(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class _Replayer:
    def __init__(self, plan: SitePlan) -> None:
        self.plan = plan
        self.members = self._create_members()
        Tag.objects.bulk_create(Tag(id=tag.id, name=tag.name) for tag in plan.tags)
        self.tag_names = {tag.id: tag.name for tag in plan.tags}
        self.categories = Category.objects.in_bulk()
        self.posts: dict[int, Post] = {}  # by planned id
        self.replayed = Replayed()
        # (time, order of planning, action): sorted, the site's history.
        self.steps: list[tuple[int, int, Callable[[], object]]] = []

    def _create_members(self) -> dict[int, User]:
        members = {}
        for planned in self.plan.members:
            member = User(
                id=planned.id,
                username=planned.username,
                email=planned.email,
                email_confirmed=True,
                display_name=planned.display_name,
                professional_badge=planned.professional_badge,
                professional_until=planned.professional_until,
                date_joined=_when(self.plan.joined),
            )
            member.set_password(MEMBER_PASSWORD)
            members[planned.id] = member
        User.objects.bulk_create(members.values())
        return members

    def _member(self, member_id: int | None) -> User | None:
        return None if member_id is None else self.members[member_id]

    def run(self) -> Replayed:
        questions = list(self.plan.questions())
        for question in questions:
            self._plan_thread(question)
        for _, _, step in sorted(self.steps, key=lambda s: (s[0], s[1])):
            _as_committed(step)
        for question in questions:
            for _ in range(question.views):
                actions.record_view(question=self.posts[question.id])
        _as_committed(flush_views)
        return self.replayed

    def _at(self, seconds: int, action: Callable[[], object]) -> None:
        self.steps.append((seconds, len(self.steps), action))

    # --- the steps of one thread ----------------------------------------------------------

    def _plan_thread(self, question: PlannedQuestion) -> None:
        self._at(question.at, partial(self._ask, question))
        for answer in question.answers:
            self._at(answer.at, partial(self._answer, question, answer))
            if answer.id == question.accepted_id:
                self._at(answer.at, partial(self._accept, question, answer))
        for post in (question, *question.answers):
            for comment in post.comments:
                self._at(comment.at, partial(self._comment, comment))
            for vote in post.votes:
                voter = self.members[vote.voter_id]
                self._at(vote.at, partial(self._vote, post, voter, vote.value))
            if post.edit is not None:
                self._at(post.edit.at, partial(self._edit, post))

    def _ask(self, question: PlannedQuestion) -> None:
        self.posts[question.id] = actions.ask_question(
            author=self._member(question.by.author_id),
            title=question.title,
            body=question.posted_body,
            category=self.categories[question.category_id],
            tags=[self.tag_names[tag_id] for tag_id in question.tag_ids],
            anonymous=question.by.anonymous,
            guest_name=question.by.guest_name,
            now=_when(question.at),
        )
        self.replayed.posts[question.id] = self.posts[question.id].pk

    def _answer(self, question: PlannedQuestion, answer: PlannedPost) -> None:
        self.posts[answer.id] = actions.post_answer(
            question=self.posts[question.id],
            author=self._member(answer.by.author_id),
            body=answer.posted_body,
            anonymous=answer.by.anonymous,
            guest_name=answer.by.guest_name,
            now=_when(answer.at),
        )
        self.replayed.posts[answer.id] = self.posts[answer.id].pk

    def _accept(self, question: PlannedQuestion, answer: PlannedPost) -> None:
        asker = self._member(question.by.author_id)
        assert asker is not None, "only members accept answers"
        actions.accept_answer(
            question=self.posts[question.id], answer=self.posts[answer.id], by=asker
        )

    def _comment(self, comment: PlannedComment) -> None:
        created = actions.add_comment(
            post=self.posts[comment.post_id],
            author=self._member(comment.by.author_id),
            body=comment.text.body,
            anonymous=comment.by.anonymous,
            guest_name=comment.by.guest_name,
            now=_when(comment.at),
        )
        self.replayed.comments[comment.id] = created.pk

    def _vote(self, post: PlannedPost, voter: User, value: int) -> None:
        actions.cast_vote(user=voter, post=self.posts[post.id], value=value)

    def _edit(self, post: PlannedPost) -> None:
        assert post.edit is not None
        editor = self._member(post.by.author_id)
        assert editor is not None, "only members edit"
        actions.edit_post(
            post=self.posts[post.id],
            editor=editor,
            body=post.text.body,
            reason=post.edit.reason,
            now=_when(post.edit.at),
        )
