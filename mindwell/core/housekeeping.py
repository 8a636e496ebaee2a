"""Clean-ups that run on their own, so that what the site promises to forget is forgotten.

Each app registers its jobs in its AppConfig.ready() with `register(name, job)`: a job
takes no arguments, deletes what has outlived its use and returns how many rows went.
`run_all()` runs them all, each on its own: one that fails is logged and the others still
run. The worker runs them every MINDWELL_HOUSEKEEPING_SECONDS (`core.tasks.housekeeping`),
and `manage.py housekeeping` runs them at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction

log = logging.getLogger(__name__)

Job = Callable[[], int]

_jobs: dict[str, Job] = {}


def register(name: str, job: Job) -> None:
    """Run `job` with every housekeeping; a name registered again replaces its job."""
    _jobs[name] = job


def jobs() -> dict[str, Job]:
    return dict(_jobs)


def run_all() -> dict[str, int]:
    """Run every job and return how many rows each removed; a job that failed is left out
    (and logged), so that one broken clean-up never keeps the others from their promise."""
    removed: dict[str, int] = {}
    for name, job in _jobs.items():
        try:
            # Its own transaction (a savepoint inside another): a database error in one job
            # leaves the connection fit for the next.
            with transaction.atomic():
                removed[name] = job()
        except Exception:
            log.exception("Housekeeping job %r failed; the others still ran.", name)
    return removed
