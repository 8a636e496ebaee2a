"""The worker's side of search: documents a request could not write, threads whose tags or
category an administrator changed (any number of questions: too many for the request), and
related questions never worked out (the backfill, a batch at a time until none is left)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.core.cache import cache
from django_tasks import task

from mindwell.qa.models import Post, PostKind
from mindwell.search import index, related
from mindwell.search.documents import categories_within, documents

# Questions whose threads are written again in one transaction (a tag or category change).
THREADS_PER_BATCH = 500


@task()
def reindex_posts(*, post_ids: list[int]) -> int:
    """Write these posts' documents again (those that still exist); returns how many."""
    return index.store(documents(post_ids))


@task()
def reindex_threads(*, question_ids: list[int]) -> int:
    """Write these questions' documents again, with their answers' (which carry the
    question's tags and category); returns how many posts."""
    answers = Post.objects.filter(question_id__in=question_ids, kind=PostKind.ANSWER)
    return index.store(documents([*question_ids, *answers.values_list("id", flat=True)]))


def reindex_threads_soon(question_ids: Sequence[int]) -> None:
    """Queue `reindex_threads` for these questions, THREADS_PER_BATCH to a task."""
    for batch in _thread_batches(question_ids):
        reindex_threads.enqueue(question_ids=batch)


@task()
def reindex_category(*, category_id: int) -> int:
    """Write again the documents of every thread in the category and its subcategories,
    THREADS_PER_BATCH questions per transaction; returns how many posts."""
    questions = Post.objects.filter(
        kind=PostKind.QUESTION, category_id__in=categories_within(category_id)
    )
    ids = list(questions.order_by("pk").values_list("pk", flat=True))
    return sum(reindex_threads.call(question_ids=batch) for batch in _thread_batches(ids))


def _thread_batches(question_ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(question_ids), THREADS_PER_BATCH):
        yield list(question_ids[start : start + THREADS_PER_BATCH])


@task()
def work_out_related(*, question_ids: list[int], go_on: bool = False) -> int:
    """Work out the related questions of those of these questions never worked out yet,
    newest first, each in its own transaction; returns how many. Running it again does
    nothing twice. With `go_on` (the backfill), then queue the next batch while any are
    left, so that a site of many questions is done in hours rather than a batch an hour;
    the worker takes other tasks between batches."""
    waiting = related.never_worked_out().filter(pk__in=question_ids)
    ids = list(waiting.values_list("pk", flat=True))
    for question_id in ids:
        related.refresh(question_id)
    if go_on:
        _queue_backfill_batch()
    return len(ids)


# The backfill's chain marks itself running in the cache for this long after each batch, so
# that the housekeeping starts no second chain beside it, and starts it again if it stopped.
BACKFILL_MARK = "search:related:backfill"
BACKFILL_MARK_SECONDS = 15 * 60


def _queue_backfill_batch() -> int:
    ids = list(related.never_worked_out().values_list("pk", flat=True)[: related.BATCH])
    if ids:
        cache.set(BACKFILL_MARK, True, BACKFILL_MARK_SECONDS)
        work_out_related.enqueue(question_ids=ids, go_on=True)
    else:
        cache.delete(BACKFILL_MARK)
    return len(ids)


def work_out_related_soon() -> int:
    """A housekeeping job: start the backfill, unless it is running: the worker works out
    the questions whose related questions never were, `related.BATCH` at a time, newest
    first (`work_out_related`). Returns how many the first batch holds. The housekeeping
    runs each job inside one transaction (on SQLite, holding the write lock throughout), so
    the job only queues. Nothing while the index is empty (a site whose index is not built
    yet): every list would come out empty, and stay so."""
    if index.is_empty() or cache.get(BACKFILL_MARK):
        return 0
    return _queue_backfill_batch()
