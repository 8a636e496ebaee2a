"""No test reads another's related questions. Their ids are cached under the question's id,
and SQLite hands the next test the ids the last one rolled back: tests/conftest.py empties
the cache around every test. The two tests run in this order, in one process (unless
pytest-xdist hands them to two, where they pass either way)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def related_titles(question):
    return [row.title for row in Client().get(question.get_absolute_url()).context["related"]]


def test_one_whose_question_has_a_related_question(committed, ask, maya):
    committed(ask, maya, title="Is it normal to feel attached to my therapist?")
    question = committed(ask, maya, title="Attached to my counsellor after two years")
    assert related_titles(question) == ["Is it normal to feel attached to my therapist?"]


def test_the_next_whose_questions_have_none_shows_none(ask, maya):
    ask(maya, title="Panic attacks on the motorway", tags="panic driving")
    question = ask(maya, title="Cannot sleep the night before exams", tags="sleep exams")
    assert related_titles(question) == []
