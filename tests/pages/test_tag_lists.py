"""A tag's list reads the same rows whichever way the database is asked for them: on SQLite
a tag held by many questions is read by walking the list's order (EXISTS), a rare one
through the tags table (see COMMON_TAG_SHARE in mindwell/qa/views.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.qa import actions, views
from mindwell.qa.models import Post
from mindwell.tags.models import Tag
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("sort", ["recent", "hot", "votes", "unanswered"])
def test_common_and_rare_tags_list_the_same_questions_either_way(
    maya, category, sort, settings, monkeypatch
):
    settings.MINDWELL_PAGE_SIZE = 4
    monkeypatch.setattr(views, "COMMON_TAG_SHARE", 0.5)  # "rare" is on 3 of 12
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
            {}, field=views.SORTS[sort][1], cast=views.SORTS[sort][2], size=4,
        ).items  # fmt: skip
        assert listed == [q.pk for q in joined] and len(listed) == min(4, expected)
        common = tag.question_count >= views.COMMON_TAG_SHARE * 12
        if connection.vendor == "sqlite" and common:
            assert any("EXISTS" in q["sql"] for q in queries.captured_queries)
        else:
            assert not any("EXISTS" in q["sql"] for q in queries.captured_queries)
