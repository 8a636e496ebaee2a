# mypy: disable-error-code="union-attr"
"""Following questions, tags, categories and members: the buttons on shared pages (each
member's own state, never another's, never stale), the form without JavaScript and in place
with it, the list of what a member follows, and what following brings."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.core import pagecache
from mindwell.notifications import follows
from mindwell.notifications.models import Follow, Notification
from mindwell.qa import actions
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

FOLLOW = "/notifications/follow/"
FOLLOWING = "/notifications/following/"
JSON = {"Accept": "application/json"}


@pytest.fixture
def stored_pages(settings, tmp_path):
    """Member pages stored once and personalised per request, as in production."""
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(tmp_path / "versions.bin")
    pagecache.reset_stores()
    yield
    pagecache.reset_stores()


def follow_button(html: str) -> str:
    """The Follow button of the page: 'true' or 'false' (aria-pressed)."""
    found = re.findall(r'<button type="submit" class="follow-button" aria-pressed="(\w+)"', html)
    assert len(found) == 1, found
    return found[0]


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, response.content.decode(), len(queries.captured_queries)


def following(member, **target) -> bool:
    return Follow.objects.filter(follower=member, following=True, **target).exists()


# The buttons on pages ---------------------------------------------------------------------


def test_a_member_follows_a_question_without_javascript(maya, newcomer, ask):
    question = ask(maya)
    client = client_for(newcomer)
    url = question.get_absolute_url()
    assert follow_button(client.get(url).content.decode()) == "false"
    response = client.post(
        FOLLOW, {"target": f"question:{question.pk}", "follow": "yes", "next": url}
    )
    assert response.status_code == 302 and response["Location"] == url
    assert following(newcomer, question=question)
    html = client.get(url).content.decode()
    assert "You follow this question: you will hear of its new answers." in html
    assert follow_button(html) == "true"
    assert 'name="follow" value="no"' in html
    client.post(FOLLOW, {"target": f"question:{question.pk}", "follow": "no", "next": url})
    html = client.get(url).content.decode()
    assert "You no longer follow this question." in html
    assert follow_button(html) == "false"
    # The unfollow is kept: not following, rather than no row.
    assert Follow.objects.get(follower=newcomer, question=question).following is False


def test_following_in_place_answers_json(maya, newcomer, ask):
    question = ask(maya)
    client = client_for(newcomer)
    data = {"target": f"question:{question.pk}", "follow": "yes"}
    response = client.post(FOLLOW, data, headers=JSON)
    assert response.status_code == 200
    assert response.json() == {
        "following": True,
        "message": "You follow this question: you will hear of its new answers.",
    }
    response = client.post(FOLLOW, {**data, "follow": "no"}, headers=JSON)
    assert response.json()["following"] is False
    assert not following(newcomer, question=question)


def test_each_member_sees_their_own_follow_state_on_one_stored_page(
    stored_pages, maya, newcomer, ask, committed
):
    question = ask(maya)
    url = question.get_absolute_url()
    quinn, riley = make_member("quinn"), make_member("riley")
    committed(follows.set_following, quinn, "question", question, following=True)
    first, quinn_html, _ = get(client_for(quinn), url)
    assert first["X-Member-Page"] == "miss"
    second, riley_html, hits = get(client_for(riley), url)
    assert second["X-Member-Page"] == "hit"
    # The session, the member, their votes, and what they follow of the page: one query.
    assert hits == 4
    assert follow_button(quinn_html) == "true"
    assert follow_button(riley_html) == "false"
    # A follow shows on the member's next request, from the same stored page.
    committed(follows.set_following, riley, "question", question, following=True)
    committed(follows.set_following, quinn, "question", question, following=False)
    again, riley_html, _ = get(client_for(riley), url)
    assert again["X-Member-Page"] == "hit"
    assert follow_button(riley_html) == "true"
    assert follow_button(get(client_for(quinn), url)[1]) == "false"


@pytest.mark.parametrize("kind", ["tag", "category", "profile"])
def test_tag_category_and_profile_pages_cost_one_query_for_the_follow_state(
    stored_pages, maya, ask, committed, kind
):
    question = ask(maya)
    tag = Tag.objects.get(name="attachment")
    target, obj, url = {
        "tag": ("tag", tag, "/tag/attachment/"),
        "category": ("category", question.category, f"/category/{question.category.slug}/"),
        "profile": ("member", maya, "/u/maya/"),
    }[kind]
    reader = make_member("reader")
    client = client_for(reader)
    get(client, url)
    response, html, hits = get(client, url)
    assert response["X-Member-Page"] == "hit"
    assert follow_button(html) == "false"
    committed(follows.set_following, reader, target, obj, following=True)
    response, html, after = get(client, url)
    assert response["X-Member-Page"] == "hit" and after == hits
    assert follow_button(html) == "true"
    # The session, the member, what they follow of the page.
    assert hits == 3


def test_pages_offer_following_the_tag_the_category_and_the_member(maya, newcomer, ask):
    question = ask(maya)
    client = client_for(newcomer)
    tag = Tag.objects.get(name="attachment")
    pages = {
        "/tag/attachment/": (
            f"tag:{tag.pk}",
            'Follow<span class="visually-hidden"> the tag attachment',
        ),
        f"/category/{question.category.slug}/": (
            f"category:{question.category.pk}",
            f'Follow<span class="visually-hidden"> the category {question.category.name}',
        ),
        "/u/maya/": (f"member:{maya.pk}", 'Follow<span class="visually-hidden"> Maya'),
        question.get_absolute_url(): (
            f"question:{question.pk}",
            'Follow<span class="visually-hidden"> this question',
        ),
    }
    for url, (key, label) in pages.items():
        html = client.get(url).content.decode()
        assert f'name="target" value="{key}"' in html, url
        assert label in html, url
        assert follow_button(html) == "false"


def test_no_follow_button_on_your_own_profile_nor_on_lists(maya, ask):
    ask(maya)
    client = client_for(maya)
    for url in ("/u/maya/", "/", "/tags/", "/categories/", "/questions/hot/"):
        assert 'class="follow-button"' not in client.get(url).content.decode(), url


def test_an_anonymous_question_offers_no_way_to_follow_its_writer(maya, newcomer, ask):
    question = ask(maya, anonymous=True)
    html = client_for(newcomer).get(question.get_absolute_url()).content.decode()
    assert f"member:{maya.pk}" not in html
    assert "/u/maya/" not in html


def test_guests_are_asked_to_log_in(maya, ask):
    question = ask(maya)
    url = question.get_absolute_url()
    guest = client_for(None)
    html = guest.get(url).content.decode()
    assert 'class="follow-button"' not in html
    assert (
        f'<a class="follow-login" href="/accounts/login/?next={url}">'
        "Log in to follow this question</a>"
    ) in html
    data = {"target": f"question:{question.pk}", "follow": "yes", "next": url}
    response = guest.post(FOLLOW, data)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url.replace('/', '%2F')}"
    response = guest.post(FOLLOW, data, headers=JSON)
    assert response.status_code == 401 and response.json() == {"error": "Log in to follow."}
    assert not Follow.objects.exclude(follower=maya).exists()


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"target": "question:{q}"}, 400),  # follow or not?
        ({"target": "question:{q}", "follow": "maybe"}, 400),
        ({"follow": "yes"}, 400),
        ({"target": "planet:1", "follow": "yes"}, 404),
        ({"target": "question:abc", "follow": "yes"}, 404),
        ({"target": "question:999999", "follow": "yes"}, 404),
        ({"target": "tag:999999", "follow": "yes"}, 404),
        ({"target": "category:999999", "follow": "yes"}, 404),
        ({"target": "member:999999", "follow": "yes"}, 404),
        ({"target": "x" * 300, "follow": "yes"}, 400),
    ],
)
def test_following_refuses_what_it_cannot_read(maya, newcomer, ask, data, status):
    question = ask(maya)
    data = {key: value.format(q=question.pk) for key, value in data.items()}
    client = client_for(newcomer)
    assert client.post(FOLLOW, data).status_code == status
    response = client.post(FOLLOW, data, headers=JSON)
    assert response.status_code == status and response.json()["error"]
    assert not Follow.objects.filter(follower=newcomer).exists()


def test_a_question_out_of_view_cannot_be_followed(maya, newcomer, moderator, ask):
    question = ask(maya)
    actions.delete_post(post=question, by=moderator)
    response = client_for(newcomer).post(
        FOLLOW, {"target": f"question:{question.pk}", "follow": "yes"}
    )
    assert response.status_code == 404
    assert not following(newcomer, question=question)


def test_a_member_cannot_follow_themself_nor_someone_gone(maya, newcomer):
    client = client_for(maya)
    response = client.post(FOLLOW, {"target": f"member:{maya.pk}", "follow": "yes"})
    assert response.status_code == 302 and response["Location"] == "/u/maya/"
    assert "You cannot follow yourself." in client.get("/u/maya/").content.decode()
    response = client.post(FOLLOW, {"target": f"member:{maya.pk}", "follow": "yes"}, headers=JSON)
    assert response.status_code == 400
    newcomer.is_active = False
    newcomer.save()
    response = client.post(FOLLOW, {"target": f"member:{newcomer.pk}", "follow": "yes"})
    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_following_goes_back_only_to_this_site(maya, newcomer, ask):
    question = ask(maya)
    for elsewhere in ("https://elsewhere.example/", "//elsewhere.example/x", "javascript:alert(1)"):
        response = client_for(newcomer).post(
            FOLLOW, {"target": f"question:{question.pk}", "follow": "yes", "next": elsewhere}
        )
        assert response["Location"] == question.get_absolute_url()


# The list of what a member follows --------------------------------------------------------


def test_the_following_page_lists_each_kind_with_its_count(maya, newcomer, dr_okafor, ask):
    question = ask(maya)
    tag = Tag.objects.get(name="attachment")
    grief = Category.objects.exclude(pk=question.category_id).first()
    follows.set_following(newcomer, "question", question, following=True)
    follows.set_following(newcomer, "tag", tag, following=True)
    follows.set_following(newcomer, "category", grief, following=True)
    follows.set_following(newcomer, "member", dr_okafor, following=True)
    follows.set_following(newcomer, "member", maya, following=False)  # unfollowed: not listed
    client = client_for(newcomer)
    html = client.get(FOLLOWING).content.decode()
    counts = dict(re.findall(r'>(\w+) <span class="tab-count">(\d+)</span>', html))
    assert counts == {"Questions": "1", "Tags": "1", "Categories": "1", "Members": "1"}
    assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in html
    pages = {
        "tags": '<a class="tag" href="/tag/attachment/">attachment</a>',
        "categories": f'<a href="/category/{grief.slug}/">{grief.name}</a>',
        "members": '<a href="/u/dr_okafor/">Dr Okafor</a>',
    }
    for tab, shown in pages.items():
        html = client.get(f"{FOLLOWING}{tab}/").content.decode()
        assert shown in html, tab
        assert "Maya" not in html
    assert client.get(f"{FOLLOWING}secrets/").status_code == 404


def test_unfollowing_from_the_list_comes_back_to_it(maya, newcomer, ask):
    question = ask(maya)
    follows.set_following(newcomer, "question", question, following=True)
    client = client_for(newcomer)
    html = client.get(FOLLOWING).content.decode()
    assert f'name="target" value="question:{question.pk}"' in html
    assert (
        f'<span class="follow-label">Unfollow</span><span class="visually-hidden"> (the '
        f"question “{question.title}”)</span>"
    ) in html
    response = client.post(
        FOLLOW, {"target": f"question:{question.pk}", "follow": "no", "next": FOLLOWING}
    )
    assert response["Location"] == FOLLOWING
    html = client.get(FOLLOWING).content.decode()
    assert "You no longer follow this question." in html
    assert "You follow no questions." in html


def test_a_followed_question_out_of_view_is_listed_without_its_title(
    maya, newcomer, moderator, ask
):
    question = ask(maya)
    follows.set_following(newcomer, "question", question, following=True)
    actions.delete_post(post=question, by=moderator)
    html = client_for(newcomer).get(FOLLOWING).content.decode()
    assert question.title not in html
    assert "A question you can no longer see" in html


def test_the_following_page_is_paged_with_the_same_queries(maya, newcomer, ask):
    client = client_for(newcomer)
    for n in range(3):
        follows.set_following(
            newcomer,
            "question",
            ask(maya, title=f"Question {n} on sleep and worry"),
            following=True,
        )

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    few = queries(FOLLOWING)
    for n in range(32):
        follows.set_following(
            newcomer, "question", ask(maya, title=f"More {n} on sleep and worry"), following=True
        )
    assert queries(FOLLOWING) == few
    html = client.get(FOLLOWING).content.decode()
    older = re.search(r'rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert client.get(FOLLOWING + older).content.decode().count('class="follow-label"') == 5


def test_the_following_page_is_for_members_only():
    assert client_for(None).get(FOLLOWING).status_code == 302


# What following brings --------------------------------------------------------------------


def test_following_a_tag_brings_its_new_questions(maya, newcomer, ask, committed):
    tag = Tag.objects.get_or_create(name="sleep")[0]
    client_for(newcomer).post(FOLLOW, {"target": f"tag:{tag.pk}", "follow": "yes"})
    question = committed(ask, maya, title="Why do I wake at four every morning?", tags="sleep")
    [news] = Notification.objects.filter(recipient=newcomer)
    assert (news.kind, news.question_id, news.detail) == ("followed", question.pk, "tag:sleep")
    html = client_for(newcomer).get("/notifications/").content.decode()
    assert "New question tagged sleep, a tag you follow" in html


def test_following_a_member_brings_what_they_write_by_name_only(
    maya, newcomer, dr_okafor, ask, answer, committed
):
    question = ask(maya)
    client_for(newcomer).post(FOLLOW, {"target": f"member:{dr_okafor.pk}", "follow": "yes"})
    committed(
        answer,
        question,
        dr_okafor,
        body="Anonymous: it is common, and safe to say.",
        anonymous=True,
    )
    assert not Notification.objects.filter(recipient=newcomer).exists()
    committed(answer, question, dr_okafor, body="Under my name: it is common, and safe to say.")
    [news] = Notification.objects.filter(recipient=newcomer)
    assert news.detail == "member"
