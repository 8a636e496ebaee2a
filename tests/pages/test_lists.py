"""List pages: order, keyset pagination, and a fixed number of queries whatever the size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mindwell.qa import actions
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

LIST_URLS = [
    "/",
    "/questions/hot/",
    "/questions/votes/",
    "/questions/unanswered/",
    "/category/therapists/",
    "/category/therapy-relationship/?sort=votes",
    "/tag/attachment/",
    "/tag/attachment/?sort=hot",
    "/categories/",
    "/tags/",
]


def make_questions(count, *, author, start=0):
    category = Category.objects.get(slug="therapy-relationship")
    base = timezone.now() - timedelta(days=30)
    questions = []
    for i in range(start, start + count):
        questions.append(
            actions.ask_question(
                author=author,
                title=f"Question number {i} about feeling attached",
                body="Some words about what is going on and what I have tried.",
                category=category,
                tags=["attachment", f"topic-{i % 7}"],
                now=base + timedelta(minutes=i),
            )
        )
    return questions


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", LIST_URLS)
@pytest.mark.parametrize("as_member", [False, True])
def test_list_pages_need_the_same_queries_for_3_or_30_questions(url, as_member, settings):
    settings.MINDWELL_PAGE_SIZE = 50
    authors = [make_member(f"asker{i}", display_name=f"Asker {i}") for i in range(3)]
    viewer = make_member("viewer") if as_member else None
    for author in authors:
        make_questions(1, author=author, start=authors.index(author))
    client = client_for(viewer)
    small = queries_for(client, url)
    for n, author in enumerate(authors):
        make_questions(9, author=author, start=10 + n * 9)
    large = queries_for(client, url)
    assert small == large
    # A category's or tag's page also asks whether the member follows it (its Follow button).
    follows = url.startswith(("/category/", "/tag/"))
    assert large <= ((7 if follows else 6) if as_member else 4)


def test_recent_is_newest_first_and_pages_by_keyset(maya, settings):
    settings.MINDWELL_PAGE_SIZE = 4
    questions = make_questions(10, author=maya)
    client = Client()
    page1 = client.get("/")
    titles = [q.title for q in page1.context["page"].items]
    assert titles == [q.title for q in questions[::-1][:4]]
    html = page1.content.decode()
    assert "Page 1 of 3" in html and "questions 1–4 of 10" in html
    next_url = page1.context["page"].next_query
    assert "after=" in next_url and "page=2" in next_url and "offset" not in next_url
    page2 = client.get("/" + next_url)
    assert [q.title for q in page2.context["page"].items] == [q.title for q in questions[::-1][4:8]]
    assert "questions 5–8 of 10" in page2.content.decode()
    page3 = client.get("/" + page2.context["page"].next_query)
    assert len(page3.context["page"].items) == 2 and page3.context["page"].next_query is None
    back = client.get("/" + page3.context["page"].previous_query)
    assert [q.pk for q in back.context["page"].items] == [q.pk for q in page2.context["page"].items]
    assert back.context["page"].number == 2
    first = client.get("/" + back.context["page"].previous_query)
    assert first.context["page"].number == 1 and first.context["page"].previous_query is None


def test_votes_and_hot_orders_follow_score_and_activity(maya, dr_okafor, newcomer, answer):
    old, popular, quiet = make_questions(3, author=maya)
    for voter in (dr_okafor, newcomer):
        actions.cast_vote(user=voter, post=popular, value=1)
    actions.cast_vote(user=newcomer, post=quiet, value=-1)
    answer(popular, dr_okafor)
    answer(popular, newcomer)
    by_votes = [q.pk for q in Client().get("/questions/votes/").context["page"].items]
    assert by_votes == [popular.pk, old.pk, quiet.pk]
    hot = [q.pk for q in Client().get("/questions/hot/").context["page"].items]
    assert hot[0] == popular.pk


def test_unanswered_lists_only_questions_without_answers(maya, dr_okafor, answer):
    answered, waiting = make_questions(2, author=maya)
    answer(answered, dr_okafor)
    items = Client().get("/questions/unanswered/").context["page"].items
    assert [q.pk for q in items] == [waiting.pk]


def test_a_parent_category_lists_its_subcategories_questions(maya):
    make_questions(2, author=maya)
    page = Client().get("/category/therapists/")
    assert len(page.context["page"].items) == 2
    assert "The therapy relationship" in page.content.decode()
    assert Client().get("/category/anxiety/").context["page"].items == []
    assert Client().get("/category/no-such-place/").status_code == 404


def test_list_rows_show_counts_accepted_mark_and_asker_points(maya, dr_okafor, answer):
    (question,) = make_questions(1, author=maya)
    reply = answer(question, dr_okafor)
    actions.accept_answer(question=question, answer=reply, by=maya)
    html = Client().get("/").content.decode()
    assert "has-accepted" in html and "one accepted" in html
    maya.refresh_from_db()
    assert f"({maya.points} points)" in html
    assert "asked" in html and 'by <a href="/u/maya/">Maya</a>' in html


def test_unknown_sorts_and_forged_cursors_are_handled(maya):
    make_questions(2, author=maya)
    assert Client().get("/questions/sideways/").status_code == 404
    assert Client().get("/category/anxiety/?sort=sideways").status_code == 404
    assert Client().get("/?after=zz&page=2").status_code == 400
    assert Client().get("/questions/hot/?after=abc~1&page=2").status_code == 400
    assert Client().get("/?page=-4").status_code == 200
    assert Client().get("/?page=two").status_code == 400


def test_a_deleted_question_leaves_every_list(maya):
    gone, kept = make_questions(2, author=maya)
    actions.delete_post(post=gone, by=maya)
    for url in ["/", "/questions/votes/", "/questions/unanswered/", "/tag/attachment/"]:
        pks = [q.pk for q in Client().get(url).context["page"].items]
        assert pks == [kept.pk], url


def test_tag_autocomplete_suggests_used_tags_by_prefix(maya):
    make_questions(3, author=maya)
    tags = Client().get("/tags/autocomplete/?q=att").json()["tags"]
    assert tags == [{"name": "attachment", "question_count": 3}]
    assert Client().get("/tags/autocomplete/?q=").json() == {"tags": []}


def test_the_question_page_needs_the_same_queries_for_one_or_many_answers(
    maya, dr_okafor, newcomer, ask, answer, settings
):
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600  # count the page's own queries, not a flush
    settings.MINDWELL_VIEW_FLUSH_COUNT = 10_000
    question = ask(maya)
    answer(question, dr_okafor)
    actions.add_comment(post=question, author=newcomer, body="Same here, thanks for asking.")
    url = question.get_absolute_url()
    # The first view reads the question's related questions into the cache (search.related),
    # as working them out after the question is written does; after that they cost no query.
    queries_for(client_for(None), url)
    counts = {}
    for label, viewer in (("guest", None), ("member", newcomer)):
        counts[label] = [queries_for(client_for(viewer), url)]
    for i in range(8):
        writer = make_member(f"helper{i}")
        reply = answer(question, writer, body=f"Answer number {i}: it helped me to talk about it.")
        actions.add_comment(post=reply, author=maya, body="Thank you, that is kind.")
        actions.cast_vote(user=newcomer, post=reply, value=1)
    actions.edit_post(post=question, editor=maya, body="An edited body, with more detail now.")
    for label, viewer in (("guest", None), ("member", newcomer)):
        counts[label].append(queries_for(client_for(viewer), url))
    assert counts["guest"][0] == counts["guest"][1] <= 5
    # A member's also: their votes, and whether they follow the question.
    assert counts["member"][0] == counts["member"][1] <= 9


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["votes", "hot"])
def test_a_category_or_tag_list_keeps_its_sort_on_the_next_pages(maya, settings, sort):
    settings.MINDWELL_PAGE_SIZE = 4
    questions = make_questions(10, author=maya)
    category = questions[0].category
    for base in (f"/category/{category.slug}/", "/tag/attachment/"):
        client = Client()
        page1 = client.get(f"{base}?sort={sort}")
        next_query = page1.context["page"].next_query
        assert f"sort={sort}" in next_query
        page2 = client.get(base + next_query)
        assert page2.status_code == 200 and page2.context["sort"] == sort
        seen = [q.pk for q in page1.context["page"].items + page2.context["page"].items]
        assert len(set(seen)) == 8
        back = page2.context["page"].previous_query
        assert f"sort={sort}" in back
        assert client.get(base + back).context["page"].number == 1
