"""Fill an empty site with the demo community from mindwell/demo/content/.

Everything goes through the real actions, back-dated with `now=`, so counters, revisions,
tag counts and the points ledger are exactly what members would have produced.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from mindwell.accounts.actions import apply_as_professional, verify_credential
from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.core.markdown import render_markdown
from mindwell.demo.loader import (
    CONTENT_FOLDER,
    Answer,
    DemoContent,
    DemoContentError,
    Licence,
    Question,
    Writing,
    read_content,
    shown_path,
)
from mindwell.moderation.actions.closing import close_question
from mindwell.qa import actions
from mindwell.qa.models import CloseReason, Comment, Post
from mindwell.qa.ranking import hot_score
from mindwell.reputation.actions import rebuild_point_totals
from mindwell.tags.actions import set_category_moderators
from mindwell.tags.models import Category

DEFAULT_PASSWORD = "mindwell-demo"
MODERATOR = "moderator"
CATEGORY_MODERATORS = [("hannah_grief", "grief")]
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
        parser.add_argument(
            "--content",
            type=Path,
            default=CONTENT_FOLDER,
            help=f"the folder of demo content to load (default: {shown_path(CONTENT_FOLDER)})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Post.objects.questions().exists():
            self.stdout.write("The site already has questions; the demo content was not loaded.")
            return
        try:
            content = read_content(options["content"])
        except DemoContentError as exc:
            raise CommandError(f"The demo content is malformed: {exc}") from None
        usernames = [member.username for member in content.members] + [MODERATOR]
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
        writer = DemoWriter(content=content, password=options["password"], now=timezone.now())
        with transaction.atomic():
            try:
                writer.write()
            except ActionError as exc:
                raise CommandError(
                    f"The demo content broke a rule at {writer.step}: {exc.message}"
                ) from None
            except DemoContentError as exc:
                raise CommandError(f"The demo content is malformed: {exc}") from None
            # The actions keep each cached total equal to the ledger; prove it before commit.
            wrong = rebuild_point_totals()
            if wrong:
                raise CommandError(
                    f"Demo points disagreed with the ledger for {wrong} member(s); "
                    "nothing was loaded."
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo: {len(content.members)} members, "
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
    keeps the files' order for equal times, so an answer always precedes its comments."""

    at: datetime
    seq: int
    q: int  # index into content.questions
    a: int  # index into the question's answers, or -1
    writing: Writing


def _where(writing: Writing) -> str:
    return f"{writing.place} of {shown_path(writing.path)}"


class DemoWriter:
    """Writes the demo content inside the caller's transaction; `step` names what it is
    writing."""

    def __init__(self, *, content: DemoContent, password: str, now: datetime) -> None:
        self.content = content
        self.password = password
        self.now = now
        self.step = "the start"
        self.members: dict[str, User] = {}
        self.moderator: User | None = None
        self.questions: dict[int, Post] = {}
        self.answers: dict[tuple[int, int], Post] = {}

    def write(self) -> None:
        events = self._history()
        self._create_members(events)
        self._write_posts(events)
        for q, question in enumerate(self.content.questions):
            self._vote_and_accept(q, question)
        for q, question in enumerate(self.content.questions):
            self._set_views(self.questions[q], views=question.views)
        self._close_duplicates()
        self._appoint_category_moderators()

    def _close_duplicates(self) -> None:
        """The moderator closes each duplicate as a duplicate of its original, a few hours
        after the later of the two was asked (what similar_eval --closed-duplicates measures
        with). Most duplicates are older than their originals: a site's well-answered
        question is often the newer one, and the recent questions stay open ones."""
        assert self.moderator is not None, "the members are created first"
        by_name = {question.path.stem: q for q, question in enumerate(self.content.questions)}
        for q, question in enumerate(self.content.questions):
            if not question.duplicate_of:
                continue
            self.step = f"closing {_where(question)} as a duplicate"
            post, original = self.questions[q], self.questions[by_name[question.duplicate_of]]
            close_question(
                question=post,
                by=self.moderator,
                reason=CloseReason.DUPLICATE,
                duplicate_of=original,
                now=self._at(max(post.created_at, original.created_at) + timedelta(hours=5)),
            )

    def _appoint_category_moderators(self) -> None:
        """A grief counsellor moderates the grief category (and its subcategories), so the
        demo shows a category moderator beside the site-wide one."""
        self.step = "category moderators"
        for username, slug in CATEGORY_MODERATORS:
            category = Category.objects.filter(slug=slug).first()
            if category is not None and username in self.members:
                set_category_moderators(
                    category=category, moderator_ids=[self.members[username].pk]
                )

    def _at(self, moment: datetime) -> datetime:
        """Demo history never reaches past the moment the command runs."""
        return min(moment, self.now)

    def _history(self) -> list[_Event]:
        events: list[_Event] = []

        def add(at: datetime, q: int, a: int, writing: Writing) -> None:
            events.append(_Event(self._at(at), len(events), q, a, writing))

        for q, question in enumerate(self.content.questions):
            asked = self._at(self.now - timedelta(days=question.days_ago))
            add(asked, q, -1, question)
            for comment in question.comments:
                add(asked + timedelta(hours=comment.hours_after_question), q, -1, comment)
            for a, answer in enumerate(question.answers):
                answered = self._at(asked + timedelta(hours=answer.hours_after_question))
                add(answered, q, a, answer)
                for comment in answer.comments:
                    at = asked + timedelta(hours=comment.hours_after_question)
                    add(max(at, answered + COMMENT_GAP), q, a, comment)
        return sorted(events)

    def _create_members(self, events: list[_Event]) -> None:
        first_seen: dict[str | None, datetime] = {}
        for event in events:
            first_seen.setdefault(event.writing.author, event.at)
        # One hash for all: the accounts share a password, and hashing is the slow part.
        hashed = make_password(self.password)
        for member in self.content.members:
            username = member.username
            joined = first_seen.get(username, self.now - timedelta(days=1)) - timedelta(days=3)
            self.members[username] = self._create_user(
                username=username,
                password=hashed,
                display_name=member.display_name,
                about=member.about,
                about_html=render_markdown(member.about),
                date_joined=joined,
            )
        self.moderator = moderator = self._create_user(
            username=MODERATOR,
            password=hashed,
            display_name="Moderator",
            is_moderator=True,
            is_staff=True,
            is_superuser=True,
            date_joined=self.now - timedelta(days=200),
        )
        for member in self.content.members:
            if member.licence is not None:
                self._verify(self.members[member.username], member.licence, by=moderator)

    def _verify(self, member: User, licence: Licence, *, by: User) -> None:
        """The professional applied two days before the moderator (an administrator)
        verified their licence, which expires `expires_in_days` from today."""
        self.step = f"the credential of member {member.username!r}"
        verified = self.now - timedelta(days=licence.verified_days_ago)
        applied = apply_as_professional(
            member=member,
            profession=licence.profession,
            licence_number=licence.licence_number,
            jurisdiction=licence.jurisdiction,
            regulator=licence.regulator,
            expires_on=timezone.localdate(self.now) + timedelta(days=licence.expires_in_days),
            now=verified - timedelta(days=2),
        )
        verify_credential(credential=applied, by=by, expires_on=applied.expires_on, now=verified)

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
            writing = event.writing
            author = self._member(writing.author)
            self.step = _where(writing)
            if isinstance(writing, Question):
                if writing.category not in categories:
                    raise DemoContentError(
                        writing.path, f"no category has the slug {writing.category!r}",
                        place=writing.place, field="category",
                    )  # fmt: skip
                self.questions[event.q] = actions.ask_question(
                    author=author,
                    title=writing.title,
                    body=writing.body,
                    category=categories[writing.category],
                    tags=list(writing.tags),
                    anonymous=writing.anonymous,
                    guest_name=writing.guest_name,
                    now=event.at,
                )
            elif isinstance(writing, Answer):
                self.answers[event.q, event.a] = actions.post_answer(
                    question=self.questions[event.q],
                    author=author,
                    body=writing.body,
                    anonymous=writing.anonymous,
                    guest_name=writing.guest_name,
                    now=event.at,
                )
            else:
                post = self.questions[event.q] if event.a < 0 else self.answers[event.q, event.a]
                actions.add_comment(
                    post=post,
                    author=author,
                    body=writing.body,
                    anonymous=writing.anonymous,
                    guest_name=writing.guest_name,
                    now=event.at,
                )

    def _vote_and_accept(self, q: int, question: Question) -> None:
        post = self.questions[q]
        self._vote(post, question)
        asker = self._member(question.author)
        for a, answer in enumerate(question.answers):
            self._vote(self.answers[q, a], answer)
            if answer.accepted:
                self.step = f"accepting {_where(answer)}"
                assert asker is not None, "read_content refuses accepting on a guest's question"
                actions.accept_answer(question=post, answer=self.answers[q, a], by=asker)

    def _vote(self, post: Post, writing: Question | Answer) -> None:
        self.step = f"the votes on {_where(writing)}"
        for username in writing.up:
            actions.cast_vote(user=self.members[username], post=post, value=1)
        for username in writing.down:
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
