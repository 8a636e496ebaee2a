"""Housekeeping: the clean-ups the site promises (the privacy page's among them) run on the
task worker, each run queueing the next, and `manage.py housekeeping` runs or schedules
them."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mindwell.accounts import actions as account_actions
from mindwell.accounts.models import PendingSignup
from mindwell.accounts.tokens import max_age
from mindwell.core import housekeeping as registry
from mindwell.core.housekeeping import run_all
from mindwell.core.tasks import housekeeping, send_email
from mindwell.moderation.models import Origin
from mindwell.qa.models import GuestLink, Post, Submission
from tests.pages.servers import token_in

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for a worker, as under ./run."""
    settings.TASKS = DATABASE_TASKS


def guest_answers(question: Post, body: str) -> Post:
    """A guest answers through the question page's form, as a browser sends it: the answer
    gets a private link, a record of the form's sending and the origin of the post."""
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(question.get_absolute_url()).content.decode()
    submission = re.search(r'name="submission" value="([^"]+)"', html)
    assert submission is not None
    tokens = {"csrfmiddlewaretoken": token_in(html), "submission": submission.group(1)}
    response = browser.post(
        reverse("qa:answer", args=[question.pk]), {"body": body, "guest_name": "Sam", **tokens}
    )
    assert response.status_code == 302
    return Post.objects.answers().get(body=body)


def rows_of(answer: Post) -> tuple:
    return (
        Origin.objects.filter(post=answer),
        Submission.objects.filter(post=answer),
        GuestLink.objects.filter(post=answer),
    )


def sign_up(username: str) -> PendingSignup:
    pending = account_actions.sign_up(
        username=username, email=f"{username}@example.org", password="a long Test passphrase 42"
    )
    assert pending is not None
    return pending


def waiting() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=housekeeping.module_path, status="READY"))


def test_it_forgets_old_origins_submissions_expired_links_and_sign_ups_and_keeps_recent_ones(
    ask, maya, settings
):
    question = ask(maya)
    old = guest_answers(question, "Breathing slowly out, longer than in, helped me the most.")
    recent = guest_answers(question, "Naming five things I could see brought me back to the room.")
    assert all(rows.count() == 1 for rows in rows_of(old) + rows_of(recent))
    now = timezone.now()
    origin_days = timedelta(days=settings.MINDWELL_ORIGIN_DAYS)
    old_origin, old_submission, old_link = rows_of(old)
    old_origin.update(created_at=now - origin_days - timedelta(hours=1))
    old_submission.update(created_at=now - timedelta(days=8))
    old_link.update(expires_at=now - timedelta(minutes=1))
    recent_origin, recent_submission, recent_link = rows_of(recent)
    recent_origin.update(created_at=now - origin_days + timedelta(hours=1))
    recent_submission.update(created_at=now - timedelta(days=6))
    recent_link.update(expires_at=now + timedelta(minutes=1))
    link_lifetime = timedelta(seconds=max_age())
    expired_signup, waiting_signup = sign_up("too_late"), sign_up("still_on_time")
    PendingSignup.objects.filter(pk=expired_signup.pk).update(
        created_at=now - link_lifetime - timedelta(minutes=1)
    )
    PendingSignup.objects.filter(pk=waiting_signup.pk).update(
        created_at=now - link_lifetime + timedelta(minutes=1)
    )

    removed = run_all()

    assert (
        removed.items()
        >= {
            "post origins": 1,
            "form submissions": 1,
            "expired guest links": 1,
            "expired sign-ups": 1,
        }.items()
    )
    assert not any(rows.exists() for rows in rows_of(old))
    assert all(rows.count() == 1 for rows in rows_of(recent))
    assert list(PendingSignup.objects.values_list("username", flat=True)) == ["still_on_time"]
    # Only the records go: both answers stay.
    assert Post.objects.answers().filter(question=question).count() == 2


def test_the_records_of_tasks_finished_over_a_day_ago_are_forgotten(database_tasks):
    def queue_email(to: str) -> DBTaskResult:
        return DBTaskResult.objects.get(pk=send_email.enqueue(to=to, subject="S", body="B").id)

    long_done, just_done = queue_email("maya@example.org"), queue_email("sam@example.org")
    for row in (long_done, just_done):
        row.set_successful(None)
    DBTaskResult.objects.filter(pk=long_done.pk).update(
        finished_at=timezone.now() - timedelta(days=1, minutes=1)
    )
    still_waiting = queue_email("jo@example.org")

    assert run_all()["finished tasks"] == 1

    assert set(DBTaskResult.objects.all()) == {just_done, still_waiting}


def test_a_failing_job_is_logged_and_the_others_still_run(monkeypatch, caplog, capsys):
    ran = []

    def broken() -> int:
        raise RuntimeError("the disk is full")

    def counted(name: str):
        def job() -> int:
            ran.append(name)
            return 2

        return job

    monkeypatch.setattr(
        registry, "_jobs", {"first": counted("first"), "broken": broken, "last": counted("last")}
    )

    assert run_all() == {"first": 2, "last": 2}
    assert ran == ["first", "last"]
    assert "Housekeeping job 'broken' failed" in caplog.text
    assert "the disk is full" in caplog.text

    # The command says which failed, and fails itself, so cron mails about it.
    with pytest.raises(SystemExit) as exited:
        call_command("housekeeping")
    assert exited.value.code == 1
    assert capsys.readouterr().out.splitlines() == [
        "first: 2",
        "broken: failed (see the log)",
        "last: 2",
    ]


def test_the_command_runs_every_job_now_and_prints_what_each_removed(capsys):
    call_command("housekeeping")

    printed = capsys.readouterr().out.splitlines()
    assert {line.split(":")[0] for line in printed} >= {
        "post origins",
        "form submissions",
        "expired guest links",
        "expired sign-ups",
        "finished tasks",
    }
    assert all(line.endswith(": 0") for line in printed)


def test_scheduling_twice_leaves_one_housekeeping_waiting(database_tasks, capsys):
    call_command("housekeeping", "--schedule")
    call_command("housekeeping", "--schedule")

    assert len(waiting()) == 1
    assert capsys.readouterr().out.splitlines() == [
        "Housekeeping is queued to run now.",
        "Housekeeping was queued already.",
    ]


def test_scheduling_keeps_one_of_two_queued_by_starts_at_the_same_moment(database_tasks):
    housekeeping.enqueue()
    housekeeping.enqueue()

    call_command("housekeeping", "--schedule")

    assert len(waiting()) == 1


def test_scheduling_starts_a_new_chain_when_a_stopped_worker_left_its_run_unfinished(
    database_tasks,
):
    call_command("housekeeping", "--schedule")
    [interrupted] = waiting()
    interrupted.claim("a worker that was killed")

    call_command("housekeeping", "--schedule")

    assert len(waiting()) == 1 and waiting()[0].pk != interrupted.pk


def test_each_run_on_the_worker_queues_the_next_after_the_configured_interval(
    database_tasks, settings
):
    settings.MINDWELL_HOUSEKEEPING_SECONDS = 600
    call_command("housekeeping", "--schedule")
    [row] = waiting()

    # What the worker does with the row, without its connection handling.
    before = timezone.now()
    row.claim("worker")
    row.set_successful(row.task.call())
    after = timezone.now()

    [following] = waiting()
    assert following.pk != row.pk
    assert before + timedelta(seconds=600) <= following.run_after <= after + timedelta(seconds=600)
    # What each job removed is kept with the run (nothing was old enough here).
    ran = DBTaskResult.objects.get(pk=row.pk)
    assert ran.return_value == dict.fromkeys(registry.jobs(), 0)


def test_a_run_queues_no_other_when_one_is_waiting_already(database_tasks):
    call_command("housekeeping", "--schedule")
    [row] = waiting()
    row.claim("worker")
    # Meanwhile ./run started again, and queued one since none was waiting.
    call_command("housekeeping", "--schedule")

    row.task.call()

    assert len(waiting()) == 1


def test_with_tasks_run_at_once_a_run_queues_nothing_after_itself(monkeypatch, capsys):
    runs = []

    def counted() -> int:
        runs.append(1)
        return 0

    monkeypatch.setattr(registry, "_jobs", {"counted": counted})

    result = housekeeping.enqueue()

    assert result.status == "SUCCESSFUL" and runs == [1]
    assert not DBTaskResult.objects.exists()
    # Nor can it be scheduled: the command says to run it from cron instead.
    call_command("housekeeping", "--schedule")
    assert "cannot keep housekeeping queued" in capsys.readouterr().err
    assert runs == [1] and not DBTaskResult.objects.exists()
