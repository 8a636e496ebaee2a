"""Related questions beside every question, read within the page's own query."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mindwell.qa import actions
from mindwell.search import related
from mindwell.search.models import RelatedQuestion
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db


def related_titles(question, client=None):
    response = (client or Client()).get(question.get_absolute_url())
    assert response.status_code == 200
    return [row.title for row in response.context["related"]]


@pytest.fixture
def thread(committed, ask, maya):
    first = committed(ask, maya, title="Is it normal to feel attached to my therapist?")
    second = committed(
        ask,
        maya,
        title="Attached to my counsellor after two years",
        body="Is this normal, after so long?",
    )
    other = committed(
        ask, maya, title="Panic attacks on the motorway", body="Driving fast roads scares me.",
        tags="panic driving",
    )  # fmt: skip
    return first, second, other


def test_a_question_page_lists_questions_like_it(thread):
    first, second, other = thread
    assert related_titles(second) == [first.title]
    # The older question learns of the newer one that found it.
    assert related_titles(first) == [second.title]
    assert second.title not in related_titles(other)
    assert "Related questions" in Client().get(first.get_absolute_url()).content.decode()


def test_a_deleted_or_hidden_related_question_is_left_out_at_once(thread, moderator, maya):
    first, second, _other = thread
    actions.hide_post(post=first, by=moderator)
    assert related_titles(second) == []
    actions.restore_post(post=first, by=moderator)
    assert related_titles(second) == [first.title]
    actions.delete_post(post=first, by=maya)
    assert related_titles(second) == []
    assert related_titles(second, client_for(moderator)) == []


def test_the_page_needs_no_more_queries_with_related_questions(thread, newcomer, settings):
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_VIEW_FLUSH_COUNT = 10_000
    _first, second, _other = thread
    url = second.get_absolute_url()

    def queries(viewer):
        with CaptureQueriesContext(connection) as captured:
            assert client_for(viewer).get(url).status_code == 200
        return len(captured)

    with_related = {"guest": queries(None), "member": queries(newcomer)}
    assert related_titles(second) != []
    RelatedQuestion.objects.all().delete()
    cache.delete(related._key(second.pk))
    # The ids are read from the table once after the cache lost them (an eviction)...
    assert queries(None) == with_related["guest"] + 1
    assert related_titles(second) == []
    # ... and the page costs what it costs without related questions from then on.
    assert {"guest": queries(None), "member": queries(newcomer)} == with_related


def test_an_edit_works_the_list_out_again(thread, committed, maya):
    first, _second, other = thread
    committed(
        actions.edit_post, post=other, editor=maya, title="Feeling attached to my therapist too",
        body="Like others here, I think of my therapist all week.",
    )  # fmt: skip
    other.refresh_from_db()
    assert first.title in related_titles(other)


def test_a_duplicate_does_not_list_its_original_again(thread, committed, moderator):
    from mindwell.moderation.actions import closing

    first, second, _other = thread
    committed(
        closing.close_question,
        question=second,
        by=moderator,
        reason="duplicate",
        duplicate_of=first,
    )
    # The closed notice links the original; the related block does not repeat it.
    assert first.title not in related_titles(second)


def test_a_purged_question_leaves_no_related_questions_in_the_cache(thread, committed):
    first, second, _other = thread
    assert related.ranked_ids(second.pk) == [first.pk]
    admin = make_member("site_admin", is_staff=True, is_superuser=True)
    committed(actions.purge_post, post=second, by=admin)
    # Its rows went with it, and so did its ids in the cache: a later question given the same
    # id (as a test database does after a rollback) would show them.
    assert related.ranked_ids(second.pk) == []
