"""The index follows what site administrators change outside the posts: a tag renamed or
removed, and a category moved under another parent. The test settings run the worker's
tasks at once."""

import pytest

from mindwell.core import events
from mindwell.qa import actions
from mindwell.tags import actions as tag_actions
from mindwell.tags.events import CategoryMoved
from mindwell.tags.models import Category, Tag
from tests.search.test_search_page import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(committed, ask, answer, maya, dr_okafor):
    question = committed(ask, maya, title="Scared of the last session", tags="endings grief")
    reply = committed(answer, question, dr_okafor, body="Say so in the session itself.")
    return question.pk, reply.pk


def test_a_renamed_tag_finds_its_threads_under_the_new_name_only(committed, thread):
    committed(
        actions.update_tag, tag=Tag.objects.get(name="endings"), name="ending-therapy",
        description="",
    )  # fmt: skip
    assert set(found("[ending-therapy]")) == set(thread)
    assert found("[endings]") == []
    assert set(found("[grief]")) == set(thread)  # the question's other tag is untouched
    assert found("therapy") == [thread[0]]  # the new name's words, as a tag's are


def test_a_removed_tag_no_longer_finds_its_threads(committed, thread):
    committed(actions.delete_tag, tag=Tag.objects.get(name="endings"))
    assert found("[endings]") == []
    assert set(found("[grief]")) == set(thread)


def test_a_moved_category_finds_its_threads_under_its_new_ancestors(committed, ask, maya):
    child = Category.objects.get(slug="finding-a-therapist")
    old_parent, new_parent = child.parent, Category.objects.get(slug="relationships")
    assert old_parent is not None and old_parent != new_parent
    question = committed(ask, maya, title="Which therapist to choose", category=child)
    assert found(f"category:{old_parent.slug}") == [question.pk]

    child.parent = new_parent
    committed(tag_actions.save_category, category=child)

    assert found(f"category:{new_parent.slug}") == [question.pk]
    assert found(f"category:{old_parent.slug}") == []
    assert found(f"category:{child.slug}") == [question.pk]


def test_only_a_change_of_parent_is_announced_as_a_move(committed):
    child = Category.objects.get(slug="finding-a-therapist")
    heard: list[CategoryMoved] = []
    events.on_commit(CategoryMoved, heard.append)
    try:
        child.description = "How to find one who suits you."
        committed(tag_actions.save_category, category=child)
        assert heard == []
        child.parent = None
        committed(tag_actions.save_category, category=child)
        assert heard == [CategoryMoved(child.pk)]
    finally:
        events.unsubscribe(CategoryMoved, heard.append)


def test_threads_are_written_in_batches_and_none_is_missed(committed, ask, maya, monkeypatch):
    monkeypatch.setattr("mindwell.search.tasks.THREADS_PER_BATCH", 1)
    asked = {committed(ask, maya, title=f"Ending number {n}", tags="endings").pk for n in range(3)}
    committed(
        actions.update_tag, tag=Tag.objects.get(name="endings"), name="goodbyes", description=""
    )
    assert set(found("[goodbyes]")) == asked
    child = Category.objects.get(slug="therapy-relationship")
    child.parent = Category.objects.get(slug="relationships")
    committed(tag_actions.save_category, category=child)
    assert set(found("category:relationships")) == asked
