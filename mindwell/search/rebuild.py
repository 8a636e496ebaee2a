"""Build the whole index again from the posts: after a restore from backup, a change to how
text is analysed, or anything the handlers could not follow (a tag renamed in the admin, a
category moved under another)."""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any, TextIO

from django.db import connection, transaction

from mindwell.qa.models import Post
from mindwell.search import index
from mindwell.search.documents import Document, build, documents, read_rows

BATCH = 1000
BAR_WIDTH = 30


def progress_bar(stream: TextIO | Any, *, noun: str = "posts") -> Callable[[int, int], None]:
    """A one-line bar on `stream`, redrawn in place: done/total `noun`, percentage, rate."""
    started = time.monotonic()

    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(share * BAR_WIDTH)
        rate = done / max(time.monotonic() - started, 1e-9)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        end = "\n" if done >= total else ""
        stream.write(f"\r[{bar}] {done:,}/{total:,} {noun} {share:4.0%} {rate:,.0f}/s{end}")
        stream.flush()

    return show


def _batches(batch: int) -> Iterator[list[int]]:
    """Every post's id, in order, `batch` at a time."""
    after = 0
    while True:
        ids = list(
            Post.objects.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return
        yield ids
        after = ids[-1]


def _built(batch: int, jobs: int) -> Iterator[tuple[int, list[Document]]]:
    """Each batch's post count and documents, in order. With `jobs` > 1 the text analysis
    (most of the time) runs in that many processes while this one reads and writes; all
    queries stay in this process, inside its transaction."""
    if jobs <= 1:
        for ids in _batches(batch):
            yield len(ids), documents(ids)
        return
    pending: deque[tuple[int, AsyncResult[list[Document]]]] = deque()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for ids in _batches(batch):
            pending.append((len(ids), pool.apply_async(build, (read_rows(ids),))))
            while pending and (len(pending) > 2 * jobs or pending[0][1].ready()):
                count, result = pending.popleft()
                yield count, result.get()
        while pending:
            count, result = pending.popleft()
            yield count, result.get()


def rebuild(
    *,
    batch: int = BATCH,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Empty the index, then write every post's document, a batch per transaction, in the
    order of ids; returns how many posts were indexed. Posts written meanwhile are
    indexed by the handlers as usual."""
    total = Post.objects.count()
    index.clear()
    # Filling a GIN index row by row is much slower than building it once at the end.
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector_idx")
    done = 0
    for count, built in _built(batch, jobs):
        with transaction.atomic():
            index.store(built)
        done += count
        if progress:
            progress(done, max(total, done))
    if postgres:
        with connection.cursor() as cursor:
            # Inside an outer transaction the deferred key checks must run first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # GIN builds in memory, then merges: the default 64 MB makes it many times over.
            cursor.execute("SET maintenance_work_mem TO '512MB'")
            cursor.execute(index.POSTGRES_VECTOR_INDEX)
            cursor.execute("RESET maintenance_work_mem")
            # Fresh statistics: without them the planner takes a common word for a rare
            # one and reads every match through the GIN index (seconds, not milliseconds).
            cursor.execute("ANALYZE search_entry")
    if progress and done == 0:
        progress(0, 0)
    return done
