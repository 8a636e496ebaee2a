"""Tag and category lists read the same rows whichever way the database is asked for them:
on SQLite one held by many questions is read by walking the list's order, a rare one
through its index (see COMMON_LIST_SHARE in mindwell/qa/models.py)."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from mindwell.qa import actions, models, views
from mindwell.qa.models import Post
from mindwell.tags.models import Tag
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("sort", ["recent", "hot", "votes", "unanswered"])
def test_common_and_rare_tags_list_the_same_questions_either_way(
    maya, category, sort, settings, monkeypatch
):
    settings.MINDWELL_PAGE_SIZE = 4
    monkeypatch.setattr(models, "COMMON_LIST_SHARE", 0.5)  # "rare" is on 3 of 12
    for i in range(12):
        tags = "common rare" if i % 5 == 0 else "common"
        actions.ask_question(
            author=maya, title=f"Question {i} about a hard week", category=category,
            body="What helped you through a week like this?", tags=tags,
        )  # fmt: skip
    client = client_for(None)
    for name, expected in (("common", 12), ("rare", 3)):
        tag = Tag.objects.get(name=name)
        assert tag.question_count == expected
        with CaptureQueriesContext(connection) as queries:
            page = client.get(f"/tag/{name}/?sort={sort}").context["page"]
        listed = [q.pk for q in page.items]
        joined = views.keyset_page(
            Post.objects.filter(tags=tag).questions().alive().for_listing()
            .filter(**({"answer_count": 0} if sort == "unanswered" else {})),
            QueryDict(), field=views.SORTS[sort][1], cast=views.SORTS[sort][2], size=4,
        ).items  # fmt: skip
        assert listed == [q.pk for q in joined] and len(listed) == min(4, expected)
        common = tag.question_count >= models.COMMON_LIST_SHARE * 12
        if connection.vendor == "sqlite" and common:
            assert any("EXISTS" in q["sql"] for q in queries.captured_queries)
        else:
            assert not any("EXISTS" in q["sql"] for q in queries.captured_queries)
    # The category (all 12 questions) is walked in the list's order on SQLite.
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/category/{category.slug}/?sort={sort}").context["page"]
    by_index = views.keyset_page(
        Post.objects.filter(category=category).questions().alive().for_listing()
        .filter(**({"answer_count": 0} if sort == "unanswered" else {})),
        QueryDict(), field=views.SORTS[sort][1], cast=views.SORTS[sort][2], size=4,
    ).items  # fmt: skip
    assert [q.pk for q in page.items] == [q.pk for q in by_index] and len(by_index) == 4
    walked = any('"category_id" + 0' in q["sql"] for q in queries.captured_queries)
    assert walked == (connection.vendor == "sqlite")
