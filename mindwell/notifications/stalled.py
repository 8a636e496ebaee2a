"""Taking up again the notifications tasks of a worker that died.

django-tasks' database backend marks a task RUNNING when a worker takes it and leaves it so
for ever if that worker is killed: nobody runs it again. A housekeeping job looks for our
own tasks (notifications.tasks) still running after MINDWELL_STALLED_TASK_SECONDS, marks
each failed and queues a copy with the same arguments. That is safe because every one of
them may run twice and makes nothing twice (notifications.tasks); a task that was merely
slow and still runs only does part of its work twice, harmlessly.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from mindwell.notifications import tasks

log = logging.getLogger(__name__)

OURS = tasks.__name__ + "."
BATCH = 200


class WorkerLost(Exception):
    """The worker running the task stopped without finishing it (killed, or its machine
    went down); the task was queued again."""


def take_up_stalled(now: datetime | None = None) -> int:
    """Queue again each of our tasks that a dead worker left running; returns how many."""
    if not isinstance(tasks.deliver.get_backend(), DatabaseBackend):
        return 0  # only the database backend keeps tasks that can stall
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.MINDWELL_STALLED_TASK_SECONDS)
    stalled = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff, task_path__startswith=OURS
    ).order_by("started_at")
    taken = 0
    for row in stalled[:BATCH]:
        with transaction.atomic():
            # Only one sweep takes each up, however many run at once.
            if not DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{__name__}.{WorkerLost.__name__}",
                traceback=f"{WorkerLost.__doc__}\nIt started at {row.started_at.isoformat()}.",
            ):
                continue
            task = import_string(row.task_path).using(
                priority=row.priority, queue_name=row.queue_name, backend=row.backend_name
            )
            copy = task.enqueue(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        log.warning(
            "Task %s (%s) was left running by a dead worker since %s; queued again as %s.",
            row.pk, row.task_path, row.started_at, copy.id,
        )  # fmt: skip
        taken += 1
    return taken
