"""Background work run by the django-tasks worker (`manage.py db_worker`)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend

from mindwell.core.housekeeping import run_all

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_tasks_db.models import DBTaskResult

# How long the worker's record of a finished task is kept (forget_finished_tasks).
FINISHED_TASK_DAYS = 1


@task()
def send_email(*, to: str, subject: str, body: str) -> None:
    """Send one plain-text email from DEFAULT_FROM_EMAIL. Arguments must stay JSON-safe."""
    send_mail(subject, body, None, [to])


@task()
def housekeeping() -> dict[str, int]:
    """Run every housekeeping job (core.housekeeping), then queue the next run
    MINDWELL_HOUSEKEEPING_SECONDS from now, even when a job failed: each run keeps the
    chain going, and `manage.py housekeeping --schedule` starts it."""
    try:
        return run_all()
    finally:
        _queue_next_housekeeping()


def _queue_next_housekeeping() -> None:
    backend = housekeeping.get_backend()
    # A backend that runs tasks at once (the tests') would run this again, for ever.
    if not backend.supports_defer:
        return
    # One queued by `--schedule` while this ran carries the chain on alone.
    if waiting_housekeeping():
        return
    run_after = timezone.now() + timedelta(seconds=settings.MINDWELL_HOUSEKEEPING_SECONDS)
    housekeeping.using(run_after=run_after).enqueue()


def waiting_housekeeping() -> int | None:
    """How many housekeeping tasks wait in the queue, or None when the backend keeps no
    queue this site can read (only django_tasks_db's database backend does)."""
    backend = housekeeping.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    return _waiting_rows(backend).count()


def schedule_housekeeping() -> str:
    """Make sure exactly one housekeeping task waits in the queue, so that starting the
    site again (or twice) never adds a second chain of runs. With none waiting, one is
    queued to run now. Returns "queued", "waiting" (one already was) or "unsupported"
    (the backend defers no tasks, or its queue cannot be read)."""
    backend = housekeeping.get_backend()
    if not backend.supports_defer or not isinstance(backend, DatabaseBackend):
        return "unsupported"
    waiting = _waiting_rows(backend)
    first = waiting.order_by("run_after", "enqueued_at").first()
    if first is None:
        housekeeping.enqueue()
        return "queued"
    # Two starts at the same moment may each have queued one: one is enough.
    waiting.exclude(pk=first.pk).delete()
    return "waiting"


def _waiting_rows(backend: DatabaseBackend) -> QuerySet[DBTaskResult]:
    # Imported here: mail (and so this module) is imported by models modules as apps load.
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=housekeeping.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    )


def forget_finished_tasks() -> int:
    """Delete the database backend's records of tasks that finished over a day ago: they
    keep each task's arguments, and an email's are its body, with the private link or
    confirmation link it carries. Returns how many went."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=FINISHED_TASK_DAYS)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted
