# mypy: disable-error-code="union-attr"
"""Real worker processes (`manage.py db_worker`) on the test database, a real SMTP server,
and workers killed with SIGKILL in the middle of their work: every message arrives, and
none twice.

The workers, the housekeeping and the web server run as separate processes on the same
database as this test (a SQLite file, or PostgreSQL), so the test commits what it writes
(`transaction=True`) and reads back what they did.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from mindwell.accounts.models import User
from mindwell.notifications import fanout, follows, stalled, tasks
from mindwell.notifications.models import Email, EmailSettings, Notification
from tests.conftest import make_member
from tests.notifications.conftest import header_link
from tests.pages.servers import Server, database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
LEASE = 2  # seconds: MINDWELL_EMAIL_LEASE_SECONDS and MINDWELL_STALLED_TASK_SECONDS here
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def wait_for(check, *, within=60.0, message="it did not happen"):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.05)
    raise AssertionError(message)


@pytest.fixture
def env(postbox, settings):
    """The processes' environment: this test database, the postbox, short leases. Tasks
    queued here go to the database, for the workers."""
    settings.TASKS = DATABASE_TASKS
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "EMAIL_URL": f"smtp://127.0.0.1:{postbox.port}",
        "MINDWELL_EMAIL_LEASE_SECONDS": str(LEASE),
        "MINDWELL_STALLED_TASK_SECONDS": str(LEASE),
        "SITE_URL": settings.SITE_URL,
    }
    environment.pop("TASKS_BACKEND", None)  # the settings' default: the database
    return environment


class Worker:
    def __init__(self, env, log: Path) -> None:
        self.log = log
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
                 "--interval", "0.1"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workers(env, tmp_path):
    """Start worker processes; all are stopped at the end of the test."""
    started: list[Worker] = []

    def start() -> Worker:
        started.append(Worker(env, tmp_path / f"worker-{len(started) + 1}.log"))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


def manage(env, *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def our_tasks(status=None):
    rows = DBTaskResult.objects.filter(task_path__startswith=stalled.OURS)
    return rows if status is None else rows.filter(status=status)


def all_finished() -> bool:
    busy = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    return not our_tasks().filter(status__in=busy).exists()


def followed_question(maya, ask, count: int):
    """Maya's question, followed by `count` members who want news of it at once."""
    question = ask(maya)
    followers = [make_member(f"follower{n}") for n in range(count)]
    for member in followers:
        follows.set_following(member, "question", question, following=True)
        EmailSettings.objects.create(member=member, frequencies={"followed": "instant"})
    return question, followers


def recipients(postbox) -> Counter[str]:
    return Counter(m["To"] for m in postbox.messages)


# --- a worker killed while the server holds one message of the batch --------------------------


def test_a_worker_killed_mid_batch_loses_no_message_and_sends_none_twice(
    maya, rosie, ask, answer, postbox, workers, env
):
    question, followers = followed_question(maya, ask, 5)
    expected = {m.email for m in [maya, *followers]}
    postbox.hold = 3  # the third message of the batch: the server never answers it

    first = workers()
    answer(question, rosie)  # the worker makes the notifications and sends their email
    assert postbox.holding.wait(60), first.log.read_text()
    held_at = time.monotonic()
    assert len(postbox.messages) == 2
    first.kill()

    [dead] = our_tasks(TaskResultStatus.RUNNING)
    assert dead.task_path == tasks.deliver.module_path
    assert Email.objects.filter(status="sent").count() == 2
    workers(), workers()  # two new workers, sharing what comes
    time.sleep(max(0.0, held_at + LEASE + 0.5 - time.monotonic()))  # the lease ends
    report = manage(env, "housekeeping")
    assert "stalled notification tasks: 1" in report
    assert "notification email due: 4" in report  # the held one and the three after it

    wait_for(lambda: len(postbox.messages) >= len(expected) and all_finished())
    time.sleep(1)  # anything sent twice would come now
    assert recipients(postbox) == Counter(expected)
    assert len(set(postbox.received())) == len(expected)
    assert postbox.arrived == len(expected) + 1  # the held one came in twice, taken once
    assert set(Email.objects.values_list("status", flat=True)) == {"sent"}
    dead.refresh_from_db()
    assert dead.status == TaskResultStatus.FAILED
    assert dead.exception_class_path == "mindwell.notifications.stalled.WorkerLost"
    [copy] = our_tasks().filter(args_kwargs=dead.args_kwargs).exclude(pk=dead.pk)
    assert copy.status == TaskResultStatus.SUCCESSFUL


# --- a fan-out a dead worker left running ----------------------------------------------------


def test_a_fan_out_a_dead_worker_left_running_is_taken_up_and_makes_nothing_twice(
    maya, rosie, ask, answer, postbox, env
):
    question, followers = followed_question(maya, ask, 4)
    reply = answer(question, rosie)
    [queued] = [
        row for row in our_tasks(TaskResultStatus.READY)
        if row.args_kwargs["kwargs"] == {"event": "post_created", "data": {"post_id": reply.pk}}
    ]  # fmt: skip
    # A worker took it, made the notifications and queued their email, then died before
    # queueing the delivery and before marking the task done: the rows as it left them.
    queued.claim("a worker that died")
    DBTaskResult.objects.filter(pk=queued.pk).update(
        started_at=queued.started_at.replace(year=2000)
    )
    fanout.post_created(reply.pk)
    our_tasks().filter(task_path=tasks.deliver.module_path).delete()
    assert Notification.objects.count() == 5 and Email.objects.filter(status="queued").count() == 5

    report = manage(env, "housekeeping")
    assert "stalled notification tasks: 1" in report and "notification email due: 5" in report
    manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")

    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.FAILED
    [again] = our_tasks().filter(args_kwargs=queued.args_kwargs).exclude(pk=queued.pk)
    assert again.status == TaskResultStatus.SUCCESSFUL
    assert again.return_value == 0  # nothing new: everything was made the first time
    assert Counter(Notification.objects.values_list("recipient_id", flat=True)) == Counter(
        m.pk for m in [maya, *followers]
    )
    assert set(User.objects.filter(pk__in=[m.pk for m in followers]).values_list(
        "unread_notifications", flat=True
    )) == {1}  # fmt: skip
    assert recipients(postbox) == Counter(m.email for m in [maya, *followers])


class FanOutStopper:
    """Keeps a worker's fan-out from finishing, so that it can be killed in the middle: another
    transaction holds one follower's row, which the fan-out must lock inside its own
    transaction, so it waits there and dies having committed nothing. PostgreSQL only:
    SQLite's writers wait for the whole database, which the worker also needs to take the
    task, so nothing can stop it between taking the task and finishing it; the rows a worker
    leaves whenever it dies are tested on both (the test above)."""

    def __init__(self, follower: User) -> None:
        import psycopg

        db = connection.settings_dict
        self.lock = psycopg.connect(
            host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"],
            password=db["PASSWORD"] or None, dbname=db["NAME"],
        )  # fmt: skip
        self.lock.execute("SELECT 1 FROM accounts_user WHERE id = %s FOR UPDATE", [follower.pk])

    def wait_until_stuck(self, task: DBTaskResult) -> None:
        wait_for(lambda: waiting_for_a_lock() == 1, message="the fan-out never waited")
        assert our_tasks(TaskResultStatus.RUNNING).get().pk == task.pk

    def release(self) -> None:
        self.lock.rollback()
        self.lock.close()


def waiting_for_a_lock() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def test_a_worker_killed_in_the_middle_of_a_fan_out_is_replaced_and_nothing_is_made_twice(
    maya, rosie, ask, answer, postbox, workers, env
):
    if connection.vendor != "postgresql":
        pytest.skip("holding a worker inside its fan-out needs PostgreSQL's row locks")
    question, followers = followed_question(maya, ask, 5)
    stopper = FanOutStopper(followers[2])
    try:
        first = workers()
        reply = answer(question, rosie)
        [task] = [
            row for row in our_tasks()
            if row.args_kwargs["kwargs"].get("data") == {"post_id": reply.pk}
        ]  # fmt: skip
        stopper.wait_until_stuck(task)
        started = time.monotonic()
        first.kill()
    finally:
        stopper.release()

    assert Notification.objects.count() == 0  # its transaction died with it
    workers()
    time.sleep(max(0.0, started + LEASE + 0.5 - time.monotonic()))
    assert "stalled notification tasks: 1" in manage(env, "housekeeping")
    expected = Counter(m.email for m in [maya, *followers])
    wait_for(lambda: len(postbox.messages) >= len(expected) and all_finished())
    time.sleep(1)
    assert recipients(postbox) == expected
    assert Notification.objects.count() == len(expected)
    assert set(User.objects.filter(pk__in=[m.pk for m in followers]).values_list(
        "unread_notifications", flat=True
    )) == {1}  # fmt: skip
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED


# --- one click, over HTTP, on the URL the worker wrote -----------------------------------------


def test_the_header_url_takes_a_real_one_click_post(
    maya, rosie, ask, answer, postbox, workers, env, tmp_path
):
    web = Server({**env, "MINDWELL_PAGE_VERSIONS_FILE": str(tmp_path / "versions.bin")})
    try:
        env["SITE_URL"] = f"http://127.0.0.1:{web.port}"  # the links the worker writes
        workers()
        question = ask(maya)
        answer(question, rosie)
        [message] = wait_for(lambda: postbox.messages)
        url = header_link(message)
        assert url.startswith(f"http://127.0.0.1:{web.port}/notifications/unsubscribe/")
        request = urllib.request.Request(
            url, data=b"List-Unsubscribe=One-Click", method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert "Emails stopped" in response.read().decode()
    finally:
        web.stop()
    assert EmailSettings.objects.get(member=maya).frequencies == {"answer": "never"}
    answer(question, make_member("sam"), body="Another answer, from someone else.")
    wait_for(lambda: Notification.objects.filter(recipient=maya).count() == 2 and all_finished())
    time.sleep(0.5)
    assert len(postbox.messages) == 1
