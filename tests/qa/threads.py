"""Running actions in threads, each with its own database connection, as web workers would.

Only for tests marked django_db(transaction=True): the threads must see committed rows.
"""

import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, connections, models, transaction


def in_thread(
    job: Callable[[], Any], errors: list[BaseException], *, name: str | None = None
) -> threading.Thread:
    """A thread (not yet started) that runs `job`, adds what it raises to `errors`, and
    closes its own database connection at the end."""

    def run() -> None:
        try:
            job()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    return threading.Thread(target=run, name=name)


def join_all(*threads: threading.Thread) -> None:
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"


def run_at_once(jobs: list[Callable[[], Any]]) -> list[BaseException]:
    """Run each job in its own thread, released together; return what they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def released_together(job: Callable[[], Any]) -> Callable[[], Any]:
        def run() -> Any:
            barrier.wait(timeout=30)
            return job()

        return run

    threads = [in_thread(released_together(job), errors) for job in jobs]
    for thread in threads:
        thread.start()
    join_all(*threads)
    return errors


def wait_until_blocked(count: int) -> None:
    """Wait until `count` connections are waiting for a lock (PostgreSQL); on SQLite, where
    a writer waits for the whole database, wait a moment."""
    if connection.vendor != "postgresql":
        time.sleep(0.3)
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            # Statistics views are a snapshot per transaction; this may run inside one.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            row = cursor.fetchone()
        if row and row[0] >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{count} connection(s) never waited for a lock")


def run_queued_behind_a_lock(
    model: type[models.Model], pk: int, first: Callable[[], Any], second: Callable[[], Any]
) -> list[BaseException]:
    """Hold a lock on one row while `first` and then `second` start and queue for it, then let
    go. If the two take their locks in opposite orders, this ends in a deadlock every time."""
    errors: list[BaseException] = []
    threads = [in_thread(first, errors), in_thread(second, errors)]
    with transaction.atomic():
        model._default_manager.select_for_update().filter(pk=pk).exists()
        threads[0].start()
        wait_until_blocked(1)
        threads[1].start()
        wait_until_blocked(2)
    join_all(*threads)
    return errors
