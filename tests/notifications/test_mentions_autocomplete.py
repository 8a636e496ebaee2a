# mypy: disable-error-code="union-attr"
"""The names offered after "@" in a thread: members who wrote in it under their name, as the
reader sees the thread; never an anonymous writer, never a guest."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.notifications.mentions import MOST_NAMES
from mindwell.qa import actions
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

JSON = {"Accept": "application/json"}


def names(client, question, q: str | None = None) -> list[str]:
    url = f"/notifications/mentions/{question.pk}/"
    response = client.get(url, {} if q is None else {"q": q})
    assert response.status_code == 200, response.content
    return [found["username"] for found in response.json()["names"]]


@pytest.fixture
def thread(maya, dr_okafor, newcomer, ask, answer):
    """Maya asks; dr_okafor answers; rosie comments under her name; newcomer answers
    anonymously and comments anonymously; a guest answers with a name."""
    rosie = make_member("rosie", display_name="Rosie P")
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.add_comment(post=reply, author=rosie, body="This helped me a lot, thank you.")
    answer(question, newcomer, body="Anonymously: I went through this last year.", anonymous=True)
    actions.add_comment(post=question, author=newcomer, body="Same here, quietly.", anonymous=True)
    answer(question, None, body="As a guest: it passed for me with time.", guest_name="Sam")
    return question, reply, rosie


def test_it_offers_who_wrote_by_name_in_the_thread(thread, moderator):
    question = thread[0]
    assert names(client_for(moderator), question) == ["dr_okafor", "maya", "rosie"]


def test_never_an_anonymous_writer_nor_a_guest_even_to_moderators(thread, moderator, newcomer):
    question = thread[0]
    for viewer in (moderator, make_member("reader"), None):
        offered = names(client_for(viewer), question)
        assert "newcomer" not in offered
        assert "Sam" not in offered and "sam" not in offered


def test_not_the_reader_themself(thread, maya):
    assert names(client_for(maya), thread[0]) == ["dr_okafor", "rosie"]


def test_a_prefix_matches_the_start_of_a_username_or_display_name_in_any_case(thread):
    question = thread[0]
    client = client_for(make_member("reader"))
    assert names(client, question, "DR") == ["dr_okafor"]
    assert names(client, question, "@ro") == ["rosie"]  # the "@" typed is not part of it
    assert names(client, question, "okafor") == []  # the start, not anywhere
    response = client.get(f"/notifications/mentions/{question.pk}/", {"q": "rosie"})
    assert response.json() == {"names": [{"username": "rosie", "name": "Rosie P"}]}


def test_what_the_reader_may_not_see_is_not_offered(thread, moderator, dr_okafor):
    question, reply, _ = thread
    actions.delete_post(post=reply, by=moderator)
    reader = client_for(make_member("reader"))
    assert names(reader, question) == ["maya"]  # rosie's comment went with the answer
    assert names(client_for(moderator), question) == ["dr_okafor", "maya", "rosie"]


def test_a_question_out_of_view_or_missing_is_not_found(thread, maya, moderator):
    question = thread[0]
    actions.delete_post(post=question, by=moderator)
    for raw in (question.pk, 999999, "abc"):
        response = client_for(maya).get(f"/notifications/mentions/{raw}/", headers=JSON)
        assert response.status_code == 404
        assert response.json()["error"]
    # An answer's id is not a thread.
    response = client_for(maya).get(f"/notifications/mentions/{thread[1].pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize("q", ["a b", "<script>", "x" * 151, "name%"])
def test_a_prefix_that_cannot_be_a_name_is_refused(thread, q):
    response = client_for(None).get(f"/notifications/mentions/{thread[0].pk}/", {"q": q})
    assert response.status_code == 400
    assert "letters, digits" in response.json()["error"]


def test_at_most_a_few_names_and_the_same_queries_however_many_wrote(maya, ask, answer):
    question = ask(maya)
    client = client_for(make_member("reader"))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            names(client, question)
        return len(captured.captured_queries)

    answer(question, make_member("writer_0"))
    few = queries()
    for n in range(1, MOST_NAMES + 4):
        answer(question, make_member(f"writer_{n}"))
    assert queries() == few
    assert len(names(client, question)) == MOST_NAMES


def test_the_question_page_says_where_the_names_come_from(maya, ask):
    question = ask(maya)
    html = client_for(None).get(question.get_absolute_url()).content.decode()
    assert f'data-mention-url="/notifications/mentions/{question.pk}/"' in html
