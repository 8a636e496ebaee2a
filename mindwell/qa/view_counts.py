"""Question views, counted in memory and written in batches, never a write per page view.

Each process keeps its own tally and writes it in one transaction when it is older than
MINDWELL_VIEW_FLUSH_SECONDS or holds MINDWELL_VIEW_FLUSH_COUNT views, and when the process
exits. A crash loses at most that many views, which a view counter can afford. A write
that fails (the database busy or gone) puts its views back into the tally for the next
try, and never fails the page that happened to trigger it.
"""

import atexit
import contextlib
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import F

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pending: Counter[int] = Counter()
_pending_total = 0
_last_flush = time.monotonic()


def count_view(question_id: int) -> None:
    global _pending_total
    with _lock:
        _pending[question_id] += 1
        _pending_total += 1
        due = (
            _pending_total >= settings.MINDWELL_VIEW_FLUSH_COUNT
            or time.monotonic() - _last_flush >= settings.MINDWELL_VIEW_FLUSH_SECONDS
        )
    if due:
        try:
            flush_views()
        except Exception:
            log.exception("Writing question views failed; they are kept for the next try")


def flush_views() -> int:
    """Write every pending view; returns how many were written. If the write fails, the
    views go back into the tally and the error is raised."""
    global _last_flush, _pending_total
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _pending_total = 0
        _last_flush = time.monotonic()
    if not batch:
        return 0
    try:
        _write(batch)
    except BaseException:
        with _lock:
            _pending.update(batch)
            _pending_total += sum(batch.values())
        raise
    return sum(batch.values())


def _write(batch: dict[int, int]) -> None:
    from mindwell.qa.models import Post
    from mindwell.qa.ranking import hot_score

    with transaction.atomic():
        for question_id, views in sorted(batch.items()):
            Post.objects.filter(pk=question_id).update(view_count=F("view_count") + views)
        for question in Post.objects.filter(pk__in=batch).only(
            "created_at", "view_count", "answer_count", "score"
        ):
            Post.objects.filter(pk=question.pk).update(
                hot_score=hot_score(
                    created_at=question.created_at,
                    views=question.view_count,
                    answers=question.answer_count,
                    score=question.score,
                )
            )


def _flush_at_exit() -> None:
    with contextlib.suppress(Exception):  # the database may already be gone at exit
        flush_views()


atexit.register(_flush_at_exit)


def discard_pending_views() -> None:
    """Forget unwritten views (between tests, whose databases roll back)."""
    global _pending_total
    with _lock:
        _pending.clear()
        _pending_total = 0
