"""manage.py in_turn: several commands in one process, in order, stopping at a failure."""

import pytest
from django.core.management import CommandError, call_command

from mindwell.search import index

pytestmark = pytest.mark.django_db

CHECKED = "System check identified no issues"


def test_each_command_runs_in_turn_with_its_own_arguments(capsys, maya, ask):
    question = ask(maya)
    index.clear()
    call_command("in_turn", "check", "rebuild_search_index --if-empty --jobs 1")
    assert CHECKED in capsys.readouterr().out
    assert index.indexed_ids([question.pk]) == {question.pk}


def test_the_first_failure_stops_the_rest_and_says_which_command_failed(capsys):
    with pytest.raises(CommandError) as failed:
        call_command("in_turn", "check", "rebuild_search_index --batch 0", "check")
    assert str(failed.value).startswith("rebuild_search_index --batch 0: ")
    assert "0 is less than 1" in str(failed.value)
    assert capsys.readouterr().out.count(CHECKED) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [("", "An empty command was given."), ("no_such_command", "Unknown command")],
)
def test_an_unknown_or_empty_command_is_refused_by_name(line, message):
    with pytest.raises(CommandError, match=message):
        call_command("in_turn", line)
