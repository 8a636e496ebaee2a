"""Loading a planned site into the database in bulk: COPY on PostgreSQL, `executemany` in
one transaction on SQLite, in batches of questions whose rows bulk.py computes."""

from __future__ import annotations

import contextlib
import functools
import gc
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from typing import Any

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Model

from bench.sitegen.bulk import BulkWriter, NextIds
from bench.sitegen.plan import FirstIds, PlannedQuestion, SitePlan
from bench.sitegen.rows import (
    COMMENTS,
    POINTS,
    POST_TAGS,
    POSTS,
    REVISIONS,
    TABLES,
    TAGS,
    USERS,
    VOTES,
    Table,
    check_tables,
)
from mindwell.accounts.models import User
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category, Tag


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

    def add_time(self, phase: str, seconds: float) -> None:
        self.phases[phase] = self.phases.get(phase, 0.0) + seconds


def describe(counts: Counts) -> str:
    return (
        f"{counts.questions:,} questions, {counts.answers:,} answers, {counts.comments:,} "
        f"comments, {counts.votes:,} votes, {counts.revisions:,} revisions, {counts.users:,} "
        f"members, {counts.tags:,} tags, {counts.point_events:,} ledger lines "
        f"in {counts.seconds:.1f} s"
    )


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
    check_tables()
    started = time.monotonic()
    now = now or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    plan = plan_site(questions=questions, seed=seed, now=now)
    counts = Counts()
    counts.add_time("prepare", time.monotonic() - started)
    with _no_cycle_collection():
        load_site(plan, batch=batch, progress=progress, counts=counts)
    make_cached_pages_stale()
    counts.seconds = time.monotonic() - started
    return counts


def plan_site(*, questions: int, seed: int, now: datetime) -> SitePlan:
    """The plan of a site to add to this database: its ids follow the ones in use."""
    return SitePlan(
        questions=questions,
        seed=seed,
        now=now,
        categories=list(Category.objects.order_by("pk").values_list("pk", "parent_id")),
        first=FirstIds(
            user=_next_id(User), tag=_next_id(Tag), post=_next_id(Post), comment=_next_id(Comment)
        ),
    )


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector would scan every live plan object and row of a batch again
    and again (it doubled the time of a load); they hold no cycles, so it is off meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def make_cached_pages_stale() -> None:
    """Pages cached before (in Redis, say) show none of the new rows."""
    from mindwell.core.pagecache import changed_now, every_page

    changed_now(every_page())


def _next_id(model: type[Model]) -> int:
    last = model._default_manager.order_by("-pk").values_list("pk", flat=True).first()
    return int(last or 0) + 1


def _utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@functools.cache
def _iso_day(days: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=days)).isoformat()


def _sqlite_text(seconds: int) -> str:
    """What Django writes for a whole second on SQLite, 'YYYY-MM-DD HH:MM:SS', at twice
    the speed of strftime (millions of rows want it)."""
    days, s = divmod(seconds, 86400)
    return f"{_iso_day(days)} {s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Sink:
    """Writes rows in batches: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self) -> None:
        connection.ensure_connection()
        self.vendor = connection.vendor
        self.raw: Any = connection.connection
        # Unix seconds to what a column of times takes, in UTC as Django stores them.
        self.ts: Callable[[int], Any] = _sqlite_text if self.vendor == "sqlite" else _utc

    def write(self, table: Table, rows: Iterable[Sequence[Any]]) -> None:
        cols = ", ".join(connection.ops.quote_name(c) for c in table.columns)
        if self.vendor == "postgresql":
            sql = f"COPY {connection.ops.quote_name(table.name)} ({cols}) FROM STDIN"
            with self.raw.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(table.columns))
            cursor = self.raw.cursor()
            # Plain tuples: sqlite3 takes a slower path for a subclass such as a named tuple.
            plain = map(tuple, rows)
            cursor.executemany(f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks})', plain)
            cursor.close()

    def add_to_column(self, table: str, column: str, values: dict[int, int]) -> None:
        """Add each value to the column of the row with that id."""
        if not values:
            return
        pairs = sorted(values.items())
        if self.vendor == "sqlite":
            cursor = self.raw.cursor()
            cursor.executemany(
                f'UPDATE "{table}" SET "{column}" = "{column}" + ? WHERE id = ?',
                [(v, k) for k, v in pairs],
            )
            cursor.close()
            return
        with self.raw.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE sitegen_totals (id bigint, n integer) ON COMMIT DROP")
            with cursor.copy("COPY sitegen_totals (id, n) FROM STDIN") as copy:
                for row in pairs:
                    copy.write_row(row)
            cursor.execute(
                f'UPDATE "{table}" t SET "{column}" = t."{column}" + s.n '
                "FROM sitegen_totals s WHERE t.id = s.id"
            )
            cursor.execute("DROP TABLE sitegen_totals")


def load_site(plan: SitePlan, *, batch: int, progress: bool, counts: Counts) -> None:
    loader = _Loader(plan, batch=batch, progress=progress, counts=counts)
    if loader.sink.vendor == "sqlite":
        loader.run_sqlite()
    else:
        loader.run_postgresql()


class _Loader:
    def __init__(self, plan: SitePlan, *, batch: int, progress: bool, counts: Counts) -> None:
        self.plan, self.batch, self.counts = plan, batch, counts
        self.sink = Sink()
        self.progress = _Progress(plan.n_questions, enabled=progress)
        self.writer = BulkWriter(
            plan,
            ts=self.sink.ts,
            next_ids=NextIds(
                post_tag=_next_id(Post.tags.through),
                vote=_next_id(Vote),
                revision=_next_id(Revision),
                point=_next_id(PointEvent),
            ),
        )

    # --- the two ways of loading -----------------------------------------------------------

    def run_sqlite(self) -> None:
        cursor = self.sink.raw.cursor()
        # Tuned for the load: one writer, no fsync, and a rollback journal instead of a WAL
        # file that would grow to the size of the data (the journal holds only the few pages
        # that existed before). These settings cannot change inside a transaction, so a
        # caller's transaction (as in tests) keeps the defaults.
        tune = not connection.in_atomic_block
        if tune:
            for pragma in (
                "foreign_keys=OFF",
                "journal_mode=DELETE",
                "synchronous=OFF",
                "cache_size=-1000000",
                "temp_store=MEMORY",
            ):
                cursor.execute(f"PRAGMA {pragma}")
        try:
            with transaction.atomic():
                self._members_and_tags()
                for questions in self._batches():
                    self._write_batch(questions)
                self._totals()
        finally:
            if tune:
                for pragma in (
                    "journal_mode=WAL",
                    "synchronous=NORMAL",
                    "foreign_keys=ON",
                    "cache_size=-2000",
                ):
                    cursor.execute(f"PRAGMA {pragma}")
            cursor.close()
        with connection.cursor() as c:
            c.execute("PRAGMA analysis_limit=1000")
            c.execute("ANALYZE")
        self.progress.done()

    def run_postgresql(self) -> None:
        with connection.cursor() as c:
            c.execute("SET synchronous_commit = off")
        # One transaction per batch: the deferred foreign-key checks run at each commit
        # instead of queueing millions of events for one.
        with transaction.atomic():
            self._members_and_tags()
        for questions in self._batches():
            with transaction.atomic():
                self._write_batch(questions)
        with transaction.atomic():
            self._totals()
            with connection.cursor() as c:
                models = [table.model for table in TABLES]
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    c.execute(sql)
        if not connection.in_atomic_block:
            # VACUUM as well: otherwise autovacuum visits every freshly copied table later,
            # for minutes, while the site is in use (or being measured).
            with connection.cursor() as c:
                c.execute("VACUUM (ANALYZE)")
        self.progress.done()

    # --- the steps -------------------------------------------------------------------------

    def _members_and_tags(self) -> None:
        started = time.monotonic()
        members, tags = self.writer.members(), self.writer.tags()
        self.sink.write(USERS, members)
        self.sink.write(TAGS, tags)
        self.counts.users, self.counts.tags = len(members), len(tags)
        self.counts.add_time("prepare", time.monotonic() - started)

    def _batches(self) -> Iterator[list[PlannedQuestion]]:
        questions = self.plan.questions()
        while chunk := list(islice(questions, self.batch)):
            yield chunk

    def _write_batch(self, questions: list[PlannedQuestion]) -> None:
        rows = self.writer.batch(questions)
        started = time.monotonic()
        # Children after parents, for PostgreSQL's deferred checks and SQLite's order alike.
        self.sink.write(POSTS, rows.posts)
        self.sink.write(COMMENTS, rows.comments)
        self.sink.write(VOTES, rows.votes)
        self.sink.write(REVISIONS, rows.revisions)
        self.sink.write(POST_TAGS, rows.post_tags)
        self.sink.write(POINTS, rows.points)
        self.counts.add_time("write", time.monotonic() - started)
        c = self.counts
        c.questions += len(questions)
        c.answers += len(rows.posts) - len(questions)
        c.comments += len(rows.comments)
        c.votes += len(rows.votes)
        c.revisions += len(rows.revisions)
        c.post_tags += len(rows.post_tags)
        c.point_events += len(rows.points)
        self.progress.show(c.questions)

    def _totals(self) -> None:
        """What many rows add to: the members' points, the tags' and categories' counts."""
        self.progress.show(self.plan.n_questions, "totals")
        self.sink.add_to_column(USERS.name, "points", self.writer.points)
        self.sink.add_to_column(TAGS.name, "question_count", self.writer.tag_counts)
        self.sink.add_to_column(
            Category._meta.db_table, "question_count", self.writer.category_counts
        )


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
