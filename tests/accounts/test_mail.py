"""Email goes out through the task queue, and only once the change that caused it commits."""

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from mindwell.core.mail import send_email_after_commit
from mindwell.core.tasks import send_email

pytestmark = pytest.mark.django_db


def test_it_queues_the_email_until_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send_email_after_commit(to="maya@example.org", subject="Hello", body="A plain body.")
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (message.to, message.subject, message.body) == (
        ["maya@example.org"],
        "Hello",
        "A plain body.",
    )
    assert message.content_subtype == "plain"


def test_it_sends_nothing_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    class Abandon(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abandon),
        transaction.atomic(),
    ):
        send_email_after_commit(to="maya@example.org", subject="Hello", body="Body")
        raise Abandon
    assert callbacks == []
    assert mail.outbox == []


def test_the_send_email_task_sends_from_the_site_address(settings):
    result = send_email.enqueue(to="maya@example.org", subject="Subject", body="Body")
    assert result.status == "SUCCESSFUL"
    assert mail.outbox[0].from_email == settings.DEFAULT_FROM_EMAIL


def test_with_the_database_backend_the_email_waits_in_the_queue_for_a_worker(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    with django_capture_on_commit_callbacks(execute=True):
        send_email_after_commit(to="maya@example.org", subject="Queued", body="Body")

    queued = DBTaskResult.objects.get()
    assert mail.outbox == []
    assert queued.task_path == "mindwell.core.tasks.send_email"
    assert queued.args_kwargs == {
        "args": [],
        "kwargs": {"to": "maya@example.org", "subject": "Queued", "body": "Body"},
    }
    # What the worker does with the row, without its connection handling.
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    assert [m.subject for m in mail.outbox] == ["Queued"]
