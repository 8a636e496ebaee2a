"""Questions whose related questions were never worked out (written before search existed,
imported, generated) get them from the backfill the housekeeping starts, a batch at a time,
newest first, until none is left, or at once from `manage.py refresh_related_questions`."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client

from mindwell.core.housekeeping import run_all
from mindwell.qa import actions
from mindwell.search import rebuild, related, tasks
from mindwell.search.models import RelatedWorkedOut
from mindwell.search.tasks import work_out_related

pytestmark = pytest.mark.django_db

JOB = "related questions backfill"


def related_titles(question):
    response = Client().get(question.get_absolute_url())
    assert response.status_code == 200
    return [row.title for row in response.context["related"]]


def worked_out():
    return set(RelatedWorkedOut.objects.values_list("question_id", flat=True))


@pytest.fixture
def older_site(ask, maya):
    """Questions written before search existed: no handler ran after their commit (the test's
    transaction never commits), and the index was built afterwards, as ./run does."""
    first = ask(maya, title="Is it normal to feel attached to my therapist?")
    other = ask(
        maya, title="Panic attacks on the motorway", body="Driving fast roads scares me.",
        tags="panic driving",
    )  # fmt: skip
    second = ask(
        maya,
        title="Attached to my counsellor after two years",
        body="Is this normal, after so long?",
    )
    rebuild.rebuild()
    return first, other, second


def test_the_housekeeping_starts_the_backfill_which_goes_on_a_batch_at_a_time(
    older_site, committed, monkeypatch
):
    first, other, second = older_site
    monkeypatch.setattr(related, "BATCH", 2)
    batches = []

    class Queued:  # what is queued, run at once as the test settings' backend does
        def enqueue(self, **kwargs):
            batches.append(kwargs)
            return real.call(**kwargs)

    real = tasks.work_out_related
    monkeypatch.setattr(tasks, "work_out_related", Queued())
    assert related_titles(second) == []

    assert committed(run_all)[JOB] == 2  # the first batch; the chain queues the next
    assert batches == [
        {"question_ids": [second.pk, other.pk], "go_on": True},
        {"question_ids": [first.pk], "go_on": True},
    ]
    assert worked_out() == {first.pk, second.pk, other.pk}
    assert related_titles(second) == [first.title]  # the page read [] before; fresh now
    assert related_titles(first) == [second.title]
    # Nothing like the panic question: its list came out empty, and stays worked out.
    assert related_titles(other) == []
    assert cache.get(tasks.BACKFILL_MARK) is None  # done: the next run may start one
    assert committed(run_all)[JOB] == 0


def test_the_housekeeping_starts_no_second_backfill_beside_a_running_one(older_site, committed):
    cache.set(tasks.BACKFILL_MARK, True)
    assert committed(run_all)[JOB] == 0
    assert worked_out() == set()
    cache.delete(tasks.BACKFILL_MARK)  # it stopped: its mark lapses
    assert committed(run_all)[JOB] == 3
    assert len(worked_out()) == 3


def test_a_question_written_since_is_worked_out_already(committed, ask, maya):
    question = committed(ask, maya)
    assert worked_out() == {question.pk}
    assert run_all()[JOB] == 0


def test_the_task_runs_again_without_working_anything_out_twice(older_site, committed, maya):
    first, _other, second = older_site
    committed(
        actions.edit_post, post=second, editor=maya, title="Attached to my counsellor: two years",
        body="Is this normal, after so long?",
    )  # fmt: skip
    assert worked_out() == {second.pk}
    before = RelatedWorkedOut.objects.get(question=second).worked_out_at

    assert work_out_related.call(question_ids=[first.pk, second.pk]) == 1
    assert RelatedWorkedOut.objects.get(question=second).worked_out_at == before
    assert work_out_related.call(question_ids=[first.pk, second.pk]) == 0


def run_command(*args, verbosity=1):
    out, err = StringIO(), StringIO()
    call_command("refresh_related_questions", *args, stdout=out, stderr=err, verbosity=verbosity)
    return out.getvalue(), err.getvalue()


def test_the_command_works_out_every_question_never_worked_out(older_site):
    first, other, second = older_site
    out, err = run_command()
    assert out == "Worked out the related questions of 3 questions.\n"
    assert "3/3 questions 100%" in err
    assert worked_out() == {first.pk, other.pk, second.pk}
    assert related_titles(second) == [first.title]
    out, _ = run_command()
    assert out == "Worked out the related questions of 0 questions.\n"


def test_the_command_works_out_every_question_again_with_all(older_site):
    run_command()
    times = dict(RelatedWorkedOut.objects.values_list("question_id", "worked_out_at"))
    out, err = run_command("--all", verbosity=0)
    assert out == "Worked out the related questions of 3 questions.\n" and err == ""
    again = dict(RelatedWorkedOut.objects.values_list("question_id", "worked_out_at"))
    assert again.keys() == times.keys() and all(again[pk] > times[pk] for pk in times)


def test_nothing_is_worked_out_while_the_index_is_empty(ask, maya, committed):
    """A site whose index is not built yet: every list would come out empty, for good."""
    ask(maya)
    assert committed(run_all)[JOB] == 0
    with pytest.raises(CommandError, match="The search index is empty"):
        run_command()
    assert worked_out() == set()
