"""A generated site of any size, for benchmarks: `manage.py generate_site --questions N`.

The rows are computed in Python with their ids and every denormalised counter already
known, then written in large batches: COPY on PostgreSQL, `executemany` in one transaction
on SQLite. Nothing goes through the actions (that would be far too slow for a million
questions), so this module is responsible for producing exactly what the actions would have:
answer and comment counts, score = upvotes - downvotes, one accepted answer at most,
revision 1 for every post (and 2 for edited ones), tag and category question counts, and
points ledger lines whose sums are the members' cached totals.

Everything random comes from one `random.Random(seed)` consumed in a fixed order, and the
times are counted back from `now`, so a seed and a `now` give the same site every time.
Post bodies are drawn from a small pool of generated Markdown texts, each rendered once.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.text import slugify

from mindwell.accounts.models import User
from mindwell.core.markdown import render_markdown
from mindwell.core.pagecache import changed_now, every_page
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.qa.ranking import hot_score
from mindwell.reputation.actions import points_for, vote_points
from mindwell.reputation.models import PointEvent, PointReason
from mindwell.tags.models import Category, Tag

MEMBER_PASSWORD = "mindwell-bench"
QUESTIONS_PER_MEMBER = 10
HISTORY_DAYS = 3 * 365

# Columns written for each table, checked against the models so that a new field fails loudly
# here rather than as a NOT NULL error half-way through a load.
POST_COLUMNS = (
    "id", "author_id", "anonymous", "guest_name", "guest_email", "notify", "body", "body_html",
    "created_at", "deleted_at", "kind", "question_id", "title", "slug", "category_id",
    "tag_names", "answer_count", "has_accepted_answer", "view_count", "hot_score",
    "last_activity_at", "is_accepted", "score", "upvotes", "downvotes", "comment_count",
    "revision_count", "last_editor_id", "last_edited_at",
)  # fmt: skip
COMMENT_COLUMNS = (
    "id", "author_id", "anonymous", "guest_name", "guest_email", "notify", "body", "body_html",
    "created_at", "deleted_at", "post_id",
)  # fmt: skip
VOTE_COLUMNS = ("id", "user_id", "post_id", "value", "created_at")
REVISION_COLUMNS = (
    "id", "post_id", "number", "title", "body", "tag_names", "editor_id", "editor_anonymous",
    "reason", "created_at",
)  # fmt: skip
POST_TAG_COLUMNS = ("id", "post_id", "tag_id")
POINT_COLUMNS = ("id", "user_id", "reason", "post_id", "amount", "created_at", "updated_at")
USER_COLUMNS = (
    "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name",
    "is_staff", "is_active", "date_joined", "email", "email_confirmed", "display_name", "about",
    "about_html", "points", "is_moderator", "is_professional",
)  # fmt: skip
TAG_COLUMNS = ("id", "name", "description", "question_count")

WORDS = (
    "anxiety", "depression", "therapy", "relationships", "sleep", "grief", "stress", "family",
    "boundaries", "self-esteem", "panic", "loneliness", "burnout", "dating", "marriage",
    "parenting", "friendship", "trauma", "cbt", "mindfulness", "breakup", "jealousy", "trust",
    "communication", "work", "motivation", "anger", "shame", "guilt", "rumination",
    "attachment", "transference", "medication", "social-anxiety", "insomnia", "exercise",
    "journaling", "emdr", "psychodynamic", "counselling", "divorce", "siblings", "parents",
    "conflict", "avoidance", "perfectionism", "procrastination", "confidence", "loss",
    "health-anxiety", "intrusive-thoughts", "ocd", "adhd", "postnatal", "caregiving",
    "isolation", "moving", "studying", "exams", "retirement", "identity", "coming-out",
    "long-distance", "infidelity", "forgiveness", "apologising", "crying", "numbness",
    "fatigue", "appetite", "routine", "waiting-lists", "costs", "online-therapy",
    "group-therapy", "endings", "first-session", "homework", "relapse", "recovery",
)  # fmt: skip
FEELINGS = (
    "anxious", "stuck", "exhausted", "lonely", "overwhelmed", "numb", "guilty", "hopeful",
    "confused", "angry", "embarrassed", "restless",
)  # fmt: skip
OPENERS = (
    "How do I cope when", "Is it normal that", "What can I do when", "Should I worry that",
    "How do I talk to my partner when", "Why do I feel worse when", "How did you get through",
    "Does it get easier when", "What helped you when", "Is therapy worth it when",
)  # fmt: skip
SITUATIONS = (
    "I feel {f} after every session", "my friend stops replying", "I can't sleep before work",
    "my parents criticise my choices", "I keep checking my phone at night",
    "I feel {f} around new people", "my therapist is going on leave", "we argue about money",
    "I cry for no clear reason", "I feel {f} on Sunday evenings", "my partner wants space",
    "I start a new medication", "I have to end a long friendship", "I feel {f} at family dinners",
    "my sibling won't speak to me", "I am waiting months for therapy",
)  # fmt: skip
SENTENCES = (
    "It started a few months ago and has been getting slowly worse.",
    "I have tried writing things down, which helps a little, but not for long.",
    "My partner is supportive, though I can tell it is wearing on them too.",
    "Some days are fine and then something small sets it off again.",
    "I don't want to overreact, but I also don't want to ignore it.",
    "A friend suggested talking to a professional and I am not sure where to start.",
    "It is worst in the evenings, when there is nothing to distract me.",
    "I noticed I avoid the situations that make it worse, which seems to make it bigger.",
    "Breathing slowly helps in the moment; the hard part is the hours afterwards.",
    "I keep telling myself I should be over this by now.",
    "Work has been busy, and I wonder how much of this is simply stress.",
    "I would love to hear from anyone who has been through something similar.",
)  # fmt: skip
ANSWER_SENTENCES = (
    "What you describe is very common, and it says nothing bad about you.",
    "It may help to notice what happens just before the feeling starts.",
    "Try naming the feeling out loud; it often takes some of its power away.",
    "Small, regular routines do more than big resolutions.",
    "If it keeps getting in the way of daily life, a GP is a good first step.",
    "Be as kind to yourself as you would be to a friend in the same place.",
    "Bringing this up with your therapist directly is usually worth the awkwardness.",
    "Writing a short list of what helped on better days can guide you on harder ones.",
    "Sleep, food and movement are boring answers, and they matter a lot.",
    "You don't have to solve it all at once; one conversation is a start.",
)  # fmt: skip
COMMENTS = (
    "Thank you, this helps more than you know.", "Same here. You are not alone in this.",
    "Could you say more about what you tried first?", "This is really thoughtful advice.",
    "I had the same experience last year; it did get better.",
    "Have you been able to talk to anyone about it?", "Saving this for a hard day.",
    "The point about routines is so true.", "Sending kindness your way.",
    "Did your GP suggest anything?", "That is a good question, I wondered too.",
)  # fmt: skip
GUEST_NAMES = ("", "", "Sam", "a reader", "J.", "Quiet visitor", "Alex", "")
EDIT_REASONS = ("Added more detail", "Fixed a typo", "Clarified the question", "")


@dataclass
class Counts:
    users: int = 0
    questions: int = 0
    answers: int = 0
    comments: int = 0
    votes: int = 0
    revisions: int = 0
    post_tags: int = 0
    point_events: int = 0
    tags: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)


@dataclass
class _Text:
    body: str
    html: str


class _Writer:
    """Writes rows in batches: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self) -> None:
        self.vendor = connection.vendor
        self.raw: Any = connection.connection

    def ts(self, seconds: float) -> Any:
        moment = datetime.fromtimestamp(seconds, UTC)
        if self.vendor == "sqlite":
            return moment.strftime("%Y-%m-%d %H:%M:%S")
        return moment

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        cols = ", ".join(connection.ops.quote_name(c) for c in columns)
        if self.vendor == "postgresql":
            sql = f"COPY {connection.ops.quote_name(table)} ({cols}) FROM STDIN"
            with self.raw.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            cursor = self.raw.cursor()
            cursor.executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', rows)
            cursor.close()


def _check_columns(model: Any, columns: Sequence[str]) -> None:
    expected = {f.column for f in model._meta.concrete_fields}
    if set(columns) != expected:
        raise RuntimeError(
            f"sitegen is out of date for {model._meta.db_table}: "
            f"missing {sorted(expected - set(columns))}, unknown {sorted(set(columns) - expected)}"
        )


def _next_id(model: Any) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


class _Progress:
    def __init__(self, total: int, *, enabled: bool, label: str = "questions") -> None:
        self.total, self.enabled, self.label = total, enabled, label
        self.start = time.monotonic()

    def show(self, done: int, note: str = "") -> None:
        if not self.enabled:
            return
        width = 30
        filled = int(width * done / max(1, self.total))
        elapsed = time.monotonic() - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - done) / rate if rate else 0.0
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{self.total:,} {self.label}"
            f"  {elapsed:6.1f}s  eta {eta:5.0f}s {note:<12}"
        )
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _zipf_cum_weights(n: int, exponent: float) -> list[float]:
    total, cum = 0.0, []
    for rank in range(1, n + 1):
        total += 1.0 / rank**exponent
        cum.append(total)
    return cum


def generate_site(
    *,
    questions: int,
    seed: int = 1,
    now: datetime | None = None,
    batch: int = 20_000,
    progress: bool = False,
) -> Counts:
    """Add a generated site of `questions` questions to a database that has no posts yet."""
    if questions < 1:
        raise ValueError("Generate at least one question.")
    if Post.objects.exists():
        raise ValueError("The site already has posts; generate into an empty database.")
    for model, columns in (
        (Post, POST_COLUMNS), (Comment, COMMENT_COLUMNS), (Vote, VOTE_COLUMNS),
        (Revision, REVISION_COLUMNS), (Post.tags.through, POST_TAG_COLUMNS),
        (PointEvent, POINT_COLUMNS), (User, USER_COLUMNS), (Tag, TAG_COLUMNS),
    ):  # fmt: skip
        _check_columns(model, columns)
    started = time.monotonic()
    now = now or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    gen = _Generator(questions=questions, seed=seed, now=now, batch=batch, progress=progress)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        gen.run_sqlite()
    else:
        gen.run_postgresql()
    changed_now(every_page())  # pages cached before (in Redis, say) show none of this
    gen.counts.seconds = time.monotonic() - started
    return gen.counts


class _Generator:
    def __init__(
        self, *, questions: int, seed: int, now: datetime, batch: int, progress: bool
    ) -> None:
        self.n_questions = questions
        self.rng = random.Random(seed)
        self.now = now.timestamp()
        self.batch = batch
        self.progress = _Progress(questions, enabled=progress)
        self.counts = Counts()
        self.w = _Writer()
        self.points: Counter[int] = Counter()
        self.category_counts: Counter[int] = Counter()
        self.tag_counts: Counter[int] = Counter()

    # --- the two ways of writing ----------------------------------------------------------

    def run_sqlite(self) -> None:
        cursor = self.w.raw.cursor()
        # Tuned for the load: one writer, no fsync, and a rollback journal instead of a WAL
        # file that would grow to the size of the data (the journal holds only the few pages
        # that existed before). These settings cannot change inside a transaction, so a
        # caller's transaction (as in tests) keeps the defaults.
        tune = not connection.in_atomic_block
        if tune:
            for pragma in (
                "foreign_keys=OFF", "journal_mode=DELETE", "synchronous=OFF",
                "cache_size=-1000000", "temp_store=MEMORY",
            ):  # fmt: skip
                cursor.execute(f"PRAGMA {pragma}")
        try:
            with transaction.atomic():
                self._prepare()
                for start in range(0, self.n_questions, self.batch):
                    self._chunk(start, min(self.batch, self.n_questions - start))
                self._finish()
        finally:
            if tune:
                for pragma in (
                    "journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "cache_size=-2000",
                ):  # fmt: skip
                    cursor.execute(f"PRAGMA {pragma}")
            cursor.close()
        with connection.cursor() as c:
            c.execute("PRAGMA analysis_limit=1000")
            c.execute("ANALYZE")
        self.progress.done()

    def run_postgresql(self) -> None:
        with connection.cursor() as c:
            c.execute("SET synchronous_commit = off")
        # One transaction per chunk: the deferred foreign-key checks run at each commit
        # instead of queueing millions of events for one.
        with transaction.atomic():
            self._prepare()
        for start in range(0, self.n_questions, self.batch):
            with transaction.atomic():
                self._chunk(start, min(self.batch, self.n_questions - start))
        with transaction.atomic():
            self._finish()
            with connection.cursor() as c:
                for sql in connection.ops.sequence_reset_sql(
                    no_style(), [User, Tag, Post, Comment, Vote, Revision, PointEvent,
                                 Post.tags.through]
                ):  # fmt: skip
                    c.execute(sql)
        if not connection.in_atomic_block:
            # VACUUM as well: otherwise autovacuum visits every freshly copied table later,
            # for minutes, while the site is in use (or being measured).
            with connection.cursor() as c:
                c.execute("VACUUM (ANALYZE)")
        self.progress.done()

    # --- preparation ----------------------------------------------------------------------

    def _prepare(self) -> None:
        rng = self.rng
        t0 = time.monotonic()
        self.ids = {
            "user": _next_id(User), "tag": _next_id(Tag), "post": 1, "comment": _next_id(Comment),
            "vote": _next_id(Vote), "revision": _next_id(Revision),
            "post_tag": _next_id(Post.tags.through), "point": _next_id(PointEvent),
        }  # fmt: skip
        self.ids["post"] = _next_id(Post)
        # Texts: a small pool of generated Markdown, each rendered once.
        self.question_texts = [self._text(SENTENCES, rng, 3, 9) for _ in range(160)]
        self.answer_texts = [self._text(ANSWER_SENTENCES, rng, 2, 8) for _ in range(160)]
        self.comment_texts = []
        for i in range(80):
            body = COMMENTS[i % len(COMMENTS)] + ("" if i < len(COMMENTS) else f" ({i})")
            self.comment_texts.append(_Text(body, render_markdown(body)))
        # Members: one per ten questions, with a long tail of activity.
        n_users = max(2, self.n_questions // QUESTIONS_PER_MEMBER)
        self.first_user = self.ids["user"]
        self.n_users = n_users
        self.user_cum = _zipf_cum_weights(n_users, 0.8)
        password = make_password(MEMBER_PASSWORD, salt="mindwellbench", hasher="default")
        joined = self.w.ts(self.now - HISTORY_DAYS * 86400 - 86400)
        users = []
        for i in range(n_users):
            uid = self.first_user + i
            pro = rng.random() < 0.02
            users.append((
                uid, password, None, False, f"member{uid}", "", "", False, True, joined,
                f"member{uid}@example.invalid", True,
                f"Member {uid}" if rng.random() < 0.4 else "", "", "", 0, False, pro,
            ))  # fmt: skip
        self.w.write(User._meta.db_table, USER_COLUMNS, users)
        self.counts.users = n_users
        # Tags with a long tail: single words first (most used), then pairs.
        n_tags = min(4000, max(40, self.n_questions // 25))
        names: list[str] = list(WORDS)
        pairs = ((a, b) for a in WORDS for b in WORDS if a != b)
        while len(names) < n_tags:
            a, b = next(pairs)
            name = f"{a}-{b}"
            if len(name) <= 32:
                names.append(name)
        names = names[:n_tags]
        self.tag_ids = list(range(self.ids["tag"], self.ids["tag"] + n_tags))
        self.tag_names = dict(zip(self.tag_ids, names, strict=True))
        self.tag_cum = _zipf_cum_weights(n_tags, 1.05)
        self.w.write(
            Tag._meta.db_table, TAG_COLUMNS,
            [(tid, self.tag_names[tid], "", 0) for tid in self.tag_ids],
        )  # fmt: skip
        self.counts.tags = n_tags
        # The seeded categories: leaves are where most questions go.
        categories = list(Category.objects.order_by("pk").values_list("pk", "parent_id"))
        if not categories:
            raise ValueError("There are no categories: run the migrations first.")
        self.category_ids = [pk for pk, _ in categories]
        self.category_weights = [3 if parent else 1 for _, parent in categories]
        # Questions are spread evenly over the history, oldest first.
        self.span = HISTORY_DAYS * 86400
        self.counts.phases["prepare"] = time.monotonic() - t0

    @staticmethod
    def _text(sentences: Sequence[str], rng: random.Random, low: int, high: int) -> _Text:
        picked = [rng.choice(sentences) for _ in range(rng.randint(low, high))]
        paragraphs = []
        while picked:
            take, picked = picked[:3], picked[3:]
            paragraphs.append(" ".join(take))
        if rng.random() < 0.3:
            paragraphs.append("\n".join(f"- {s.rstrip('.')}" for s in rng.sample(sentences, 3)))
        if rng.random() < 0.2:
            paragraphs.insert(1, f"**{rng.choice(sentences)}**")
        body = "\n\n".join(paragraphs)
        return _Text(body, render_markdown(body))

    # --- one chunk of questions -----------------------------------------------------------

    def _user(self) -> int:
        return self.first_user + self.rng.choices(range(self.n_users), cum_weights=self.user_cum)[0]

    def _identity(self) -> tuple[int | None, bool, str]:
        """(author_id, anonymous, guest_name) for a new post or comment."""
        r = self.rng.random()
        if r < 0.05:
            return None, False, self.rng.choice(GUEST_NAMES)
        return self._user(), r < 0.13, ""

    def _chunk(self, start: int, count: int) -> None:
        rng, w, ts = self.rng, self.w, self.w.ts
        pts = points_for
        posts: list[tuple[Any, ...]] = []
        comments: list[tuple[Any, ...]] = []
        votes: list[tuple[Any, ...]] = []
        revisions: list[tuple[Any, ...]] = []
        post_tags: list[tuple[Any, ...]] = []
        ledger: list[tuple[Any, ...]] = []
        ids = self.ids

        def line(user_id: int | None, reason: str, post_id: int, amount: int, at: Any) -> None:
            if user_id is None or amount == 0:
                return
            ledger.append((ids["point"], user_id, reason, post_id, amount, at, at))
            ids["point"] += 1
            self.points[user_id] += amount

        def add_votes(
            post_id: int, author: int | None, is_question: bool, created: float
        ) -> tuple[int, int]:
            mean_up = 2.0 if is_question else 1.8
            up = min(int(rng.expovariate(1 / mean_up)), self.n_users - 1)
            down = min(int(rng.expovariate(1 / 0.25)), self.n_users - 1 - up)
            chosen: set[int] = set()
            while len(chosen) < up + down:
                voter = self.first_user + rng.randrange(self.n_users)
                if voter != author:
                    chosen.add(voter)
            for n, voter in enumerate(sorted(chosen)):
                at = ts(min(self.now, created + rng.uniform(60, 30 * 86400)))
                votes.append((ids["vote"], voter, post_id, 1 if n < up else -1, at))
                ids["vote"] += 1
            return up, down

        def add_comments(post_id: int, thread_created: float, mean: float) -> tuple[int, float]:
            n = min(int(rng.expovariate(1 / mean)), 12) if mean else 0
            last = 0.0
            for _ in range(n):
                author, anonymous, guest = self._identity()
                text = rng.choice(self.comment_texts)
                created = min(self.now, thread_created + rng.uniform(600, 20 * 86400))
                last = max(last, created)
                comments.append((
                    ids["comment"], author, anonymous, guest, "", False, text.body, text.html,
                    ts(created), None, post_id,
                ))  # fmt: skip
                ids["comment"] += 1
            return n, last

        for i in range(start, start + count):
            qid = ids["post"]
            ids["post"] += 1
            created = self.now - self.span + self.span * (i + rng.random()) / self.n_questions
            created = min(created, self.now - 60)
            asker, q_anonymous, q_guest = self._identity()
            text = rng.choice(self.question_texts)
            feeling = rng.choice(FEELINGS)
            title = (
                f"{rng.choice(OPENERS)} {rng.choice(SITUATIONS).format(f=feeling)}?"
                f"{'' if i % 3 else f' ({i})'}"
            )
            category = rng.choices(self.category_ids, weights=self.category_weights)[0]
            tag_ids: list[int] = []
            for _ in range(rng.randint(1, 4)):
                rank = rng.choices(range(len(self.tag_ids)), cum_weights=self.tag_cum)[0]
                tid = self.tag_ids[rank]
                if tid not in tag_ids:
                    tag_ids.append(tid)
            tag_names = " ".join(self.tag_names[t] for t in tag_ids)
            for tid in tag_ids:
                post_tags.append((ids["post_tag"], qid, tid))
                ids["post_tag"] += 1
                self.tag_counts[tid] += 1
            self.category_counts[category] += 1
            # Answers.
            # floor(Exp(mean 3.0)) has mean 2.5.
            n_answers = min(int(rng.expovariate(1 / 3.0)), 30)
            answers: list[tuple[int, int | None, bool, str, float]] = []
            last_activity = created
            for _ in range(n_answers):
                aid = ids["post"]
                ids["post"] += 1
                author, anonymous, guest = self._identity()
                a_created = min(self.now - 30, created + rng.uniform(300, 10 * 86400))
                answers.append((aid, author, anonymous, guest, a_created))
                last_activity = max(last_activity, a_created)
            answers.sort(key=lambda a: (a[4], a[0]))
            accepted: int | None = None
            if asker is not None and answers and rng.random() < 0.45:
                others = [a for a in answers if a[1] != asker] or answers
                accepted = rng.choice(others)[0]
            q_up, q_down = add_votes(qid, asker, True, created)
            q_comments, q_last = add_comments(qid, created, 1.44)  # about 1 each
            last_activity = max(last_activity, q_last)
            answer_rows = []
            for aid, author, anonymous, guest, a_created in answers:
                up, down = add_votes(aid, author, False, a_created)
                n_comments, c_last = add_comments(aid, a_created, 1.23)  # about 0.8
                last_activity = max(last_activity, c_last)
                a_text = rng.choice(self.answer_texts)
                edited = author is not None and rng.random() < 0.08
                edit_at = min(self.now, a_created + rng.uniform(600, 5 * 86400)) if edited else 0.0
                if edited:
                    last_activity = max(last_activity, edit_at)
                answer_rows.append((aid, author, anonymous, guest, a_created, a_text, up, down,
                                    n_comments, edited, edit_at))  # fmt: skip
            q_edited = asker is not None and rng.random() < 0.08
            q_edit_at = min(self.now, created + rng.uniform(600, 3 * 86400)) if q_edited else 0.0
            if q_edited:
                last_activity = max(last_activity, q_edit_at)
            views = int(rng.lognormvariate(3.5, 1.2)) + n_answers
            created_dt = datetime.fromtimestamp(created, UTC)
            c_ts, la_ts = ts(created), ts(last_activity)
            posts.append((
                qid, asker, q_anonymous, q_guest, "", False, text.body, text.html, c_ts, None,
                "q", None, title, slugify(title)[:80].strip("-") or "question", category,
                tag_names, n_answers, accepted is not None, views,
                hot_score(created_at=created_dt, views=views, answers=n_answers,
                          score=q_up - q_down),
                la_ts, False, q_up - q_down, q_up, q_down, q_comments, 2 if q_edited else 1,
                asker if q_edited else None, ts(q_edit_at) if q_edited else None,
            ))  # fmt: skip
            if q_edited:
                first = rng.choice(self.question_texts).body
                revisions.append((ids["revision"], qid, 1, title, first, tag_names, asker,
                                  q_anonymous, "", c_ts))  # fmt: skip
                revisions.append((ids["revision"] + 1, qid, 2, title, text.body, tag_names,
                                  asker, q_anonymous, rng.choice(EDIT_REASONS),
                                  ts(q_edit_at)))  # fmt: skip
                ids["revision"] += 2
            else:
                revisions.append((ids["revision"], qid, 1, title, text.body, tag_names, asker,
                                  q_anonymous, "", c_ts))  # fmt: skip
                ids["revision"] += 1
            line(asker, PointReason.ASKED, qid, pts("ask_question"), c_ts)
            line(asker, PointReason.VOTES_RECEIVED, qid,
                 vote_points(is_question=True, upvotes=q_up, downvotes=q_down), c_ts)  # fmt: skip
            for (aid, author, anonymous, guest, a_created, a_text, up, down, n_comments, edited,
                 edit_at) in answer_rows:  # fmt: skip
                a_ts = ts(a_created)
                is_accepted = aid == accepted
                posts.append((
                    aid, author, anonymous, guest, "", False, a_text.body, a_text.html, a_ts,
                    None, "a", qid, "", "", None, "", 0, False, 0, 0.0, a_ts, is_accepted,
                    up - down, up, down, n_comments, 2 if edited else 1,
                    author if edited else None, ts(edit_at) if edited else None,
                ))  # fmt: skip
                if edited:
                    first = rng.choice(self.answer_texts).body
                    revisions.append((ids["revision"], aid, 1, "", first, "", author, anonymous,
                                      "", a_ts))  # fmt: skip
                    revisions.append((ids["revision"] + 1, aid, 2, "", a_text.body, "",
                                      author, anonymous, rng.choice(EDIT_REASONS),
                                      ts(edit_at)))  # fmt: skip
                    ids["revision"] += 2
                else:
                    revisions.append((ids["revision"], aid, 1, "", a_text.body, "", author,
                                      anonymous, "", a_ts))  # fmt: skip
                    ids["revision"] += 1
                line(author, PointReason.ANSWERED, aid, pts("post_answer"), a_ts)
                line(author, PointReason.VOTES_RECEIVED, aid,
                     vote_points(is_question=False, upvotes=up, downvotes=down), a_ts)  # fmt: skip
                if is_accepted and author is not None and author != asker:
                    line(author, PointReason.ANSWER_ACCEPTED, aid, pts("answer_accepted"), a_ts)
                    line(asker, PointReason.SELECTED_ANSWER, qid,
                         pts("select_accepted_answer"), a_ts)  # fmt: skip
        t0 = time.monotonic()
        # Children after parents, for PostgreSQL's deferred checks and SQLite's order alike.
        w.write(Post._meta.db_table, POST_COLUMNS, posts)
        w.write(Comment._meta.db_table, COMMENT_COLUMNS, comments)
        w.write(Vote._meta.db_table, VOTE_COLUMNS, votes)
        w.write(Revision._meta.db_table, REVISION_COLUMNS, revisions)
        w.write(Post.tags.through._meta.db_table, POST_TAG_COLUMNS, post_tags)
        w.write(PointEvent._meta.db_table, POINT_COLUMNS, ledger)
        self.counts.phases["write"] = self.counts.phases.get("write", 0.0) + time.monotonic() - t0
        self.counts.questions += count
        self.counts.answers += sum(1 for p in posts if p[10] == "a")
        self.counts.comments += len(comments)
        self.counts.votes += len(votes)
        self.counts.revisions += len(revisions)
        self.counts.post_tags += len(post_tags)
        self.counts.point_events += len(ledger)
        self.progress.show(start + count)

    # --- totals ---------------------------------------------------------------------------

    def _finish(self) -> None:
        self.progress.show(self.n_questions, "totals")
        self._update("accounts_user", "points", sorted(self.points.items()))
        self._update("tags_tag", "question_count", sorted(self.tag_counts.items()))
        self._update(
            Category._meta.db_table, "question_count", sorted(self.category_counts.items())
        )

    def _update(self, table: str, column: str, values: list[tuple[int, int]]) -> None:
        if not values:
            return
        if connection.vendor == "sqlite":
            cursor = self.w.raw.cursor()
            cursor.executemany(
                f'UPDATE "{table}" SET "{column}" = "{column}" + ? WHERE id = ?',
                [(v, k) for k, v in values],
            )
            cursor.close()
            return
        with self.w.raw.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE sitegen_totals (id bigint, n integer) ON COMMIT DROP")
            with cursor.copy("COPY sitegen_totals (id, n) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
            cursor.execute(
                f'UPDATE "{table}" t SET "{column}" = t."{column}" + s.n '
                "FROM sitegen_totals s WHERE t.id = s.id"
            )
            cursor.execute("DROP TABLE sitegen_totals")


def describe(counts: Counts) -> str:
    return (
        f"{counts.questions:,} questions, {counts.answers:,} answers, {counts.comments:,} "
        f"comments, {counts.votes:,} votes, {counts.revisions:,} revisions, {counts.users:,} "
        f"members, {counts.tags:,} tags, {counts.point_events:,} ledger lines "
        f"in {counts.seconds:.1f} s"
    )
