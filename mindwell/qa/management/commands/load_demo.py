"""Fill an empty site with the demo community from mindwell/qa/demo_content.py.

Everything goes through the real actions, back-dated with `now=`, so counters, revisions,
tag counts and the points ledger are exactly what members would have produced.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.core.markdown import render_markdown
from mindwell.qa import actions
from mindwell.qa.demo_content import MEMBERS, QUESTIONS
from mindwell.qa.models import Comment, Post
from mindwell.qa.ranking import hot_score
from mindwell.reputation.actions import rebuild_point_totals
from mindwell.tags.models import Category

DEFAULT_PASSWORD = "mindwell-demo"
MODERATOR = "moderator"
# A comment on an answer whose own time would not fall after the answer is placed this long
# after it instead.
COMMENT_GAP = timedelta(minutes=7)


class Command(BaseCommand):
    help = "Load the demo members, questions, answers, comments and votes into an empty site."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"password of every demo account (default: {DEFAULT_PASSWORD})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Post.objects.questions().exists():
            self.stdout.write("The site already has questions; the demo content was not loaded.")
            return
        usernames = [m["username"] for m in MEMBERS] + [MODERATOR]
        taken = sorted(
            User.objects.filter(username__in=usernames).values_list("username", flat=True)
        )
        if taken:
            # Not an error: ./run calls this on every start, and a new site may have members
            # before its first question.
            self.stdout.write(
                self.style.WARNING(
                    f"The site already has members named {', '.join(taken)}; the demo content "
                    "was not loaded. Load it into an empty database."
                )
            )
            return
        loader = DemoLoader(password=options["password"], now=timezone.now())
        with transaction.atomic():
            try:
                loader.load()
            except ActionError as exc:
                raise CommandError(
                    f"The demo content broke a rule at {loader.step}: {exc.message}"
                ) from None
            # The actions keep each cached total equal to the ledger; prove it before commit.
            wrong = rebuild_point_totals()
            if wrong:
                raise CommandError(
                    f"Demo points disagreed with the ledger for {wrong} member(s); "
                    "nothing was loaded."
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo: {len(MEMBERS)} members, "
                f"{Post.objects.questions().count()} questions, "
                f"{Post.objects.answers().count()} answers, {Comment.objects.count()} comments."
            )
        )
        self.stdout.write(
            f"Log in as any demo member (maya, dr_okafor, ...) or as {MODERATOR}; "
            f"the password is {options['password']!r}."
        )


class _Event(NamedTuple):
    """A post or comment to write. Sorting by (at, seq) replays the site's history; `seq`
    keeps the data's order for equal times, so an answer always precedes its comments."""

    at: datetime
    seq: int
    kind: str  # "question", "answer", "question_comment" or "answer_comment"
    q: int  # index into QUESTIONS
    a: int  # index into the question's answers, or -1
    data: dict[str, Any]


class DemoLoader:
    """Loads the demo inside the caller's transaction; `step` names what it is writing."""

    def __init__(self, *, password: str, now: datetime) -> None:
        self.password = password
        self.now = now
        self.step = "the start"
        self.members: dict[str, User] = {}
        self.questions: dict[int, Post] = {}
        self.answers: dict[tuple[int, int], Post] = {}

    def load(self) -> None:
        events = self._history()
        self._create_members(events)
        self._write_posts(events)
        for q, data in enumerate(QUESTIONS):
            self._vote_and_accept(q, data)
        for q, data in enumerate(QUESTIONS):
            self._set_views(self.questions[q], views=int(data["views"]))

    def _at(self, moment: datetime) -> datetime:
        """Demo history never reaches past the moment the command runs."""
        return min(moment, self.now)

    def _history(self) -> list[_Event]:
        events: list[_Event] = []

        def add(at: datetime, kind: str, q: int, a: int, data: dict[str, Any]) -> None:
            events.append(_Event(self._at(at), len(events), kind, q, a, data))

        for q, question in enumerate(QUESTIONS):
            asked = self._at(self.now - timedelta(days=question["days_ago"]))
            add(asked, "question", q, -1, question)
            for comment in question["comments"]:
                add(
                    asked + timedelta(hours=comment["hours_after"]),
                    "question_comment",
                    q,
                    -1,
                    comment,
                )
            for a, answer in enumerate(question["answers"]):
                answered = self._at(asked + timedelta(hours=answer["hours_after"]))
                add(answered, "answer", q, a, answer)
                for comment in answer["comments"]:
                    at = asked + timedelta(hours=comment["hours_after"])
                    add(max(at, answered + COMMENT_GAP), "answer_comment", q, a, comment)
        return sorted(events)

    def _create_members(self, events: list[_Event]) -> None:
        first_seen: dict[str, datetime] = {}
        for event in events:
            first_seen.setdefault(event.data["author"], event.at)
        # One hash for all: the accounts share a password, and hashing is the slow part.
        hashed = make_password(self.password)
        for data in MEMBERS:
            username = data["username"]
            joined = first_seen.get(username, self.now - timedelta(days=1)) - timedelta(days=3)
            self.members[username] = self._create_user(
                username=username,
                password=hashed,
                display_name=data["display_name"],
                about=data["about"],
                about_html=render_markdown(data["about"]),
                is_professional=bool(data["professional"]),
                date_joined=joined,
            )
        self._create_user(
            username=MODERATOR,
            password=hashed,
            display_name="Moderator",
            is_moderator=True,
            is_staff=True,
            is_superuser=True,
            date_joined=self.now - timedelta(days=200),
        )

    def _create_user(self, *, username: str, password: str, **fields: Any) -> User:
        self.step = f"member {username!r}"
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.invalid",
            password=None,
            email_confirmed=True,
            **fields,
        )
        user.password = password
        user.save(update_fields=["password"])
        return user

    def _member(self, username: str | None) -> User | None:
        return None if username is None else self.members[username]

    def _write_posts(self, events: list[_Event]) -> None:
        """Write in the order things happened, so ids, "recent" lists and each question's
        last activity read like real history."""
        categories = {c.slug: c for c in Category.objects.all()}
        for event in events:
            data = event.data
            author = self._member(data["author"])
            anonymous = bool(data["anonymous"])
            self.step = f"{event.kind} in {QUESTIONS[event.q]['title']!r}"
            if event.kind == "question":
                self.questions[event.q] = actions.ask_question(
                    author=author,
                    title=data["title"],
                    body=data["body"],
                    category=categories[data["category"]],
                    tags=list(data["tags"]),
                    anonymous=anonymous,
                    guest_name=data["guest_name"],
                    now=event.at,
                )
            elif event.kind == "answer":
                self.answers[event.q, event.a] = actions.post_answer(
                    question=self.questions[event.q],
                    author=author,
                    body=data["body"],
                    anonymous=anonymous,
                    guest_name=data["guest_name"],
                    now=event.at,
                )
            else:
                post = (
                    self.questions[event.q]
                    if event.kind == "question_comment"
                    else self.answers[event.q, event.a]
                )
                actions.add_comment(
                    post=post, author=author, body=data["body"], anonymous=anonymous, now=event.at
                )

    def _vote_and_accept(self, q: int, data: dict[str, Any]) -> None:
        self.step = f"votes in {data['title']!r}"
        question = self.questions[q]
        self._vote(question, data)
        asker = self._member(data["author"])
        for a, answer_data in enumerate(data["answers"]):
            answer = self.answers[q, a]
            self._vote(answer, answer_data)
            if answer_data["accepted"]:
                if asker is None:
                    raise ActionError("a guest's question cannot have an accepted answer")
                actions.accept_answer(question=question, answer=answer, by=asker)

    def _vote(self, post: Post, data: dict[str, Any]) -> None:
        for username in data["up"]:
            actions.cast_vote(user=self.members[username], post=post, value=1)
        for username in data["down"]:
            actions.cast_vote(user=self.members[username], post=post, value=-1)

    def _set_views(self, question: Post, *, views: int) -> None:
        # Views are not an action (pages count them in batches), so the demo sets them
        # directly and recomputes the stored hot score they feed.
        question.refresh_from_db(fields=["answer_count", "score"])
        Post.objects.filter(pk=question.pk).update(
            view_count=views,
            hot_score=hot_score(
                created_at=question.created_at,
                views=views,
                answers=question.answer_count,
                score=question.score,
            ),
        )
