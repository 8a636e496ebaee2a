"""What happens on a generated site, decided before anything is written.

A plan is the site's history as the actions would receive it: who joined, which tags
exist, and for each question who asked it, when, with which text, title, category and
tags; its answers, comments, votes and edits, the answer its asker accepted and how many
times it was viewed. Counters, revisions and points are not in the plan: they are what the
actions make of it. The bulk writer (bulk.py) computes them to load large sites fast; the
replayer (replay.py) passes the same plan through the real actions, and the tests compare
the two databases.

Everything random comes from one `random.Random(seed)` drawn in a fixed order, and the
times are counted back from `now`, so a seed and a `now` give the same plan every time.
Times are whole Unix seconds, as the database keeps them.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from bench.sitegen.texts import (
    EDIT_REASONS,
    FEELINGS,
    GUEST_NAMES,
    OPENERS,
    SITUATIONS,
    WORDS,
    Text,
    TextPool,
)

MEMBER_PASSWORD = "mindwell-bench"  # every member's, to sign in as one
QUESTIONS_PER_MEMBER = 10
HISTORY_DAYS = 3 * 365
DAY = 86400
NO_TEXT = Text("", "")


class FirstIds(NamedTuple):
    """The ids the plan starts counting from, one past the largest in each table."""

    user: int = 1
    tag: int = 1
    post: int = 1
    comment: int = 1


class Byline(NamedTuple):
    """Who wrote a post or comment, as the actions take it: a member (maybe anonymously)
    or, with no author, a guest who may give a name."""

    author_id: int | None
    anonymous: bool
    guest_name: str


class PlannedMember(NamedTuple):
    id: int
    username: str
    email: str
    display_name: str
    # A verified professional's badge and the day it lapses ("" and None for the others).
    professional_badge: str
    professional_until: date | None


class PlannedTag(NamedTuple):
    id: int
    name: str


class PlannedVote(NamedTuple):
    voter_id: int
    value: int  # +1 or -1
    at: int


@dataclass(slots=True)
class PlannedComment:
    id: int
    post_id: int
    by: Byline
    text: Text
    at: int


@dataclass(slots=True)
class Edit:
    """The author replaced the post's text at `at`: `original_body` is what was posted
    first, the post's `text` what it says now."""

    at: int
    original_body: str = ""
    reason: str = ""


@dataclass(slots=True)
class PlannedPost:
    id: int
    by: Byline
    at: int
    text: Text = NO_TEXT
    votes: list[PlannedVote] = field(default_factory=list)
    comments: list[PlannedComment] = field(default_factory=list)
    edit: Edit | None = None

    @property
    def posted_body(self) -> str:
        """The body as first posted (before any edit)."""
        return self.edit.original_body if self.edit else self.text.body


@dataclass(slots=True)
class PlannedAnswer(PlannedPost):
    pass


@dataclass(slots=True)
class PlannedQuestion(PlannedPost):
    title: str = ""
    category_id: int = 0
    tag_ids: list[int] = field(default_factory=list)
    answers: list[PlannedAnswer] = field(default_factory=list)  # oldest first
    accepted_id: int | None = None
    views: int = 0


class _CumWeights:
    """Ranks 0 to n - 1 drawn with Zipf-like weights 1 / (rank + 1) ** exponent: a long tail."""

    def __init__(self, n: int, exponent: float) -> None:
        total, self.cum = 0.0, []
        for rank in range(1, n + 1):
            total += 1.0 / rank**exponent
            self.cum.append(total)

    def draw(self, rng: random.Random) -> int:
        # What rng.choices(range(n), cum_weights=self.cum)[0] does, without its overhead.
        return bisect(self.cum, rng.random() * self.cum[-1], 0, len(self.cum) - 1)


class SitePlan:
    """The plan of a site of `questions` questions. The members, tags and texts are drawn
    at once; the questions are drawn as `questions()` is iterated, which can be done once."""

    def __init__(
        self,
        *,
        questions: int,
        seed: int,
        now: datetime,
        categories: Sequence[tuple[int, int | None]],
        first: FirstIds,
    ) -> None:
        if questions < 1:
            raise ValueError("Generate at least one question.")
        if not categories:
            raise ValueError("There are no categories: run the migrations first.")
        self.n_questions = questions
        self.rng = random.Random(seed)
        self.now = int(now.timestamp())
        self.span = HISTORY_DAYS * DAY  # questions are spread evenly over it, oldest first
        self.joined = self.now - self.span - DAY
        # Professionals carry a badge on their member row, as the credential actions leave
        # it (the generator writes no credential rows): verified a month before `now`, with
        # a licence that runs a year after it, so pages show it.
        verified = now - timedelta(days=30)
        self._badge = f"Licensed clinical psychologist · Ontario · verified {verified:%Y-%m}"
        self._badge_until = now.date() + timedelta(days=365)
        self.texts = TextPool.draw(self.rng)
        self.members = self._draw_members(first.user, max(2, questions // QUESTIONS_PER_MEMBER))
        self.member_weights = _CumWeights(len(self.members), 0.8)
        # Tags with a long tail: single words first (most used), then pairs.
        self.tags = [
            PlannedTag(first.tag + i, name)
            for i, name in enumerate(_tag_names(min(4000, max(40, questions // 25))))
        ]
        self.tag_weights = _CumWeights(len(self.tags), 1.05)
        # Leaves are where most questions go.
        self.category_ids = [pk for pk, _ in categories]
        self.category_weights = [3 if parent else 1 for _, parent in categories]
        self.next_post_id = first.post
        self.next_comment_id = first.comment
        self._drawn = False

    # --- the site's members ---------------------------------------------------------------

    def _draw_members(self, first_id: int, n: int) -> list[PlannedMember]:
        members = []
        for uid in range(first_id, first_id + n):
            professional = self.rng.random() < 0.02
            display_name = f"Member {uid}" if self.rng.random() < 0.4 else ""
            members.append(
                PlannedMember(
                    id=uid,
                    username=f"member{uid}",
                    email=f"member{uid}@example.invalid",
                    display_name=display_name,
                    professional_badge=self._badge if professional else "",
                    professional_until=self._badge_until if professional else None,
                )
            )
        return members

    def _member(self) -> int:
        """A member, the active ones far more often (a Zipf-like long tail)."""
        return self.members[0].id + self.member_weights.draw(self.rng)

    def _byline(self) -> Byline:
        r = self.rng.random()
        if r < 0.05:
            return Byline(None, False, self.rng.choice(GUEST_NAMES))
        return Byline(self._member(), r < 0.13, "")

    # --- questions ------------------------------------------------------------------------

    def questions(self) -> Iterator[PlannedQuestion]:
        if self._drawn:
            raise RuntimeError("A plan's questions can be drawn once; make a new plan.")
        self._drawn = True
        for i in range(self.n_questions):
            yield self._question(i)

    def _post_id(self) -> int:
        self.next_post_id += 1
        return self.next_post_id - 1

    def _question(self, i: int) -> PlannedQuestion:
        rng = self.rng
        qid = self._post_id()
        at = int(self.now - self.span + self.span * (i + rng.random()) / self.n_questions)
        at = min(at, self.now - 60)
        by = self._byline()
        text = rng.choice(self.texts.questions)
        question = PlannedQuestion(
            id=qid,
            by=by,
            at=at,
            text=text,
            title=self._title(i),
            category_id=rng.choices(self.category_ids, weights=self.category_weights)[0],
            tag_ids=self._tag_ids(),
            answers=self._answers(at),
        )
        question.accepted_id = self._accepted(question)
        question.votes = self._votes(by, at, mean_up=2.0)
        question.comments = self._comments(qid, at, mean=1.44)  # about 1 each
        for answer in question.answers:
            answer.votes = self._votes(answer.by, answer.at, mean_up=1.8)
            answer.comments = self._comments(answer.id, answer.at, mean=1.23)  # about 0.8
            answer.text = rng.choice(self.texts.answers)
            answer.edit = self._maybe_edit(answer, days=5)
        question.edit = self._maybe_edit(question, days=3)
        question.views = int(rng.lognormvariate(3.5, 1.2)) + len(question.answers)
        # What the edited posts said before, drawn last.
        self._fill_edit(question, self.texts.questions)
        for answer in question.answers:
            self._fill_edit(answer, self.texts.answers)
        return question

    def _title(self, i: int) -> str:
        feeling = self.rng.choice(FEELINGS)
        opener, situation = self.rng.choice(OPENERS), self.rng.choice(SITUATIONS)
        return f"{opener} {situation.format(f=feeling)}?{'' if i % 3 else f' ({i})'}"

    def _tag_ids(self) -> list[int]:
        rng, tag_ids = self.rng, []
        for _ in range(rng.randint(1, 4)):
            tag_id = self.tags[self.tag_weights.draw(rng)].id
            if tag_id not in tag_ids:
                tag_ids.append(tag_id)
        return tag_ids

    def _answers(self, question_at: int) -> list[PlannedAnswer]:
        # floor(Exp(mean 3.0)) has mean 2.5.
        answers = []
        for _ in range(min(int(self.rng.expovariate(1 / 3.0)), 30)):
            aid = self._post_id()
            by = self._byline()
            at = min(self.now - 30, int(question_at + self.rng.uniform(300, 10 * DAY)))
            answers.append(PlannedAnswer(id=aid, by=by, at=at))
        answers.sort(key=lambda a: (a.at, a.id))
        return answers

    def _accepted(self, question: PlannedQuestion) -> int | None:
        """The answer the asker (a member) chose, preferably someone else's."""
        asker = question.by.author_id
        if asker is None or not question.answers or self.rng.random() >= 0.45:
            return None
        others = [a for a in question.answers if a.by.author_id != asker] or question.answers
        return self.rng.choice(others).id

    def _votes(self, by: Byline, at: int, *, mean_up: float) -> list[PlannedVote]:
        """Members other than the author, each voting once: the first `up` up, the rest down."""
        rng, n_members, first = self.rng, len(self.members), self.members[0].id
        up = min(int(rng.expovariate(1 / mean_up)), n_members - 1)
        down = min(int(rng.expovariate(1 / 0.25)), n_members - 1 - up)
        chosen: set[int] = set()
        while len(chosen) < up + down:
            voter = first + rng.randrange(n_members)
            if voter != by.author_id:
                chosen.add(voter)
        return [
            PlannedVote(
                voter, 1 if n < up else -1, min(self.now, int(at + rng.uniform(60, 30 * DAY)))
            )
            for n, voter in enumerate(sorted(chosen))
        ]

    def _comments(self, post_id: int, post_at: int, *, mean: float) -> list[PlannedComment]:
        comments = []
        for _ in range(min(int(self.rng.expovariate(1 / mean)), 12)):
            by = self._byline()
            text = self.rng.choice(self.texts.comments)
            at = min(self.now, int(post_at + self.rng.uniform(600, 20 * DAY)))
            comments.append(PlannedComment(self.next_comment_id, post_id, by, text, at))
            self.next_comment_id += 1
        return comments

    def _maybe_edit(self, post: PlannedPost, *, days: int) -> Edit | None:
        """Members (not guests) edit about one post in twelve."""
        if post.by.author_id is None or self.rng.random() >= 0.08:
            return None
        return Edit(at=min(self.now, int(post.at + self.rng.uniform(600, days * DAY))))

    def _fill_edit(self, post: PlannedPost, pool: Sequence[Text]) -> None:
        if post.edit is not None:
            k = self.rng.randrange(len(pool))
            while pool[k].body == post.text.body:  # an edit changes the text
                k = (k + 1) % len(pool)
            post.edit.original_body = pool[k].body
            post.edit.reason = self.rng.choice(EDIT_REASONS)


def _tag_names(n: int) -> list[str]:
    names: list[str] = list(WORDS)
    pairs = ((a, b) for a in WORDS for b in WORDS if a != b)
    while len(names) < n:
        a, b = next(pairs)
        if len(f"{a}-{b}") <= 32:
            names.append(f"{a}-{b}")
    return names[:n]
