"""The profile at /u/<username>/: who the member is, and a tab each for their questions,
answers and (for the member themself) comments, a page at a time."""

import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mindwell.accounts.models import User
from mindwell.qa import actions
from mindwell.qa.models import Post
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

ANON_MARK = "posted anonymously, only you see this here"
TABS = ("questions", "answers", "comments")


def profile_url(username: str, tab: str = "questions") -> str:
    if tab == "questions":
        return reverse("qa:profile", kwargs={"username": username})
    return reverse("qa:profile_tab", kwargs={"username": username, "tab": tab})


def page_at(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def page(client: Client, username: str, tab: str = "questions") -> str:
    return page_at(client, profile_url(username, tab))


def tab_counts(html: str) -> dict[str, int]:
    """{tab label: the count beside it} from the profile's tabs."""
    found = re.findall(r'>(\w+) <span class="tab-count">([\d,]+)</span></a>', html)
    return {label: int(count.replace(",", "")) for label, count in found}


def current_tab(html: str) -> str:
    match = re.search(r'aria-current="page">(\w+) <span class="tab-count">', html)
    assert match is not None
    return match.group(1)


def test_it_shows_who_the_member_is(dr_okafor):
    User.objects.filter(pk=dr_okafor.pk).update(
        points=1234, about="Couples therapist.", about_html="<p>Couples <em>therapist</em>.</p>"
    )

    html = page(Client(), "dr_okafor")

    assert "<h1>Dr Okafor" in html
    assert "@dr_okafor" in html
    assert f'<span class="pro-badge">{dr_okafor.professional_badge}</span>' in html
    assert "Verified professional: Mindwell staff checked the licence" in html
    assert '<span title="1,234 points">1.2k points</span>' in html
    assert "<p>Couples <em>therapist</em>.</p>" in html
    assert f'member since <time datetime="{dr_okafor.date_joined:%Y-%m-%d}">' in html


def test_a_member_without_a_display_name_is_shown_by_username_and_without_a_badge(newcomer):
    questions, answers = page(Client(), "newcomer"), page(Client(), "newcomer", "answers")

    assert "<h1>newcomer</h1>" in questions
    assert "pro-badge" not in questions and "Verified professional" not in questions
    assert "No questions yet." in questions
    assert "No answers yet." in answers
    assert tab_counts(questions) == tab_counts(answers) == {"Questions": 0, "Answers": 0}


def test_each_tab_lists_the_members_posts_newest_first(
    maya, dr_okafor, ask: Callable[..., Post], answer: Callable[..., Post]
):
    first = ask(maya, title="How do I talk to my partner about money?")
    second = ask(maya, title="Is it fine to skip a therapy session?")
    answered = ask(dr_okafor, title="How do I set boundaries with my parents?")
    reply = answer(answered, maya)

    questions, answers = page(Client(), "maya"), page(Client(), "maya", "answers")

    assert current_tab(questions) == "Questions" and current_tab(answers) == "Answers"
    assert questions.index(second.title) < questions.index(first.title)
    assert f'href="{first.get_absolute_url()}"' in questions
    assert reply.get_absolute_url() not in questions
    assert f'href="{reply.get_absolute_url()}">{answered.title}</a>' in answers
    assert first.title not in answers
    assert tab_counts(questions) == tab_counts(answers) == {"Questions": 2, "Answers": 1}
    assert 'href="/u/maya/answers/"' in questions and 'href="/u/maya/"' in answers


def test_anonymous_posts_are_never_linked_to_the_profile_for_others(
    maya, dr_okafor, moderator, ask, answer
):
    ask(maya, title="Something I ask under my own name")
    secret = ask(maya, title="Something I would never say openly", anonymous=True)
    other = ask(dr_okafor, title="A question from the professional")
    hidden_answer = answer(other, maya, anonymous=True)
    actions.add_comment(
        post=other, author=maya, body="A comment I made anonymously.", anonymous=True
    )

    for viewer in (None, dr_okafor, moderator):
        for tab in ("questions", "answers"):
            html = page(client_for(viewer), "maya", tab)
            assert secret.title not in html
            assert secret.get_absolute_url() not in html
            assert hidden_answer.get_absolute_url() not in html
            assert other.title not in html
            assert ANON_MARK not in html
            assert "/u/maya/comments/" not in html
            assert tab_counts(html) == {"Questions": 1, "Answers": 0}
        assert "Something I ask under my own name" in page(client_for(viewer), "maya")


def test_the_member_sees_their_own_anonymous_posts_marked(maya, dr_okafor, ask, answer):
    secret = ask(maya, title="Something I would never say openly", anonymous=True)
    hidden_answer = answer(ask(dr_okafor), maya, anonymous=True)
    client = client_for(maya)

    questions, answers = page(client, "maya"), page(client, "maya", "answers")

    assert secret.get_absolute_url() in questions and questions.count(ANON_MARK) == 1
    assert hidden_answer.get_absolute_url() in answers and answers.count(ANON_MARK) == 1
    assert tab_counts(questions) == {"Questions": 1, "Answers": 1, "Comments": 0}
    assert "Only you see this view." in questions


def test_the_members_own_view_is_never_stored_by_any_cache(maya):
    response = client_for(maya).get(profile_url("maya"))

    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Member-Page" not in response


def test_the_comments_tab_is_the_members_own(maya, dr_okafor, moderator, ask, answer):
    question = ask(dr_okafor, title="How do I tell my sister I need space?")
    reply = answer(question, dr_okafor)
    said = actions.add_comment(post=question, author=maya, body="Same here, following this.")
    hidden = actions.add_comment(
        post=reply, author=maya, body="This helped me more than I can say.", anonymous=True
    )
    removed = actions.add_comment(post=question, author=maya, body="A comment I took back.")
    actions.delete_comment(comment=removed, by=maya)
    gone_thread = ask(dr_okafor, title="A question the professional removed later")
    orphan = actions.add_comment(post=gone_thread, author=maya, body="Under a removed question.")
    actions.delete_post(post=gone_thread, by=dr_okafor)

    html = page(client_for(maya), "maya", "comments")

    assert current_tab(html) == "Comments"
    assert f'href="{said.get_absolute_url()}">On “{question.title}”</a>' in html
    assert "Same here, following this." in html
    assert f'href="{hidden.get_absolute_url()}"' in html and html.count(ANON_MARK) == 1
    assert removed.body not in html and orphan.body not in html
    assert tab_counts(html)["Comments"] == 2
    for viewer in (None, dr_okafor, moderator):
        assert client_for(viewer).get(profile_url("maya", "comments")).status_code == 404


def test_an_unknown_tab_is_not_found(maya):
    for client in (Client(), client_for(maya)):
        assert client.get("/u/maya/votes/").status_code == 404
        response = client.get("/u/maya/votes/", HTTP_ACCEPT="application/json")
        assert response.status_code == 404
        assert "A profile lists questions, answers and comments" in response.json()["error"]


def test_deleted_posts_and_answers_to_deleted_questions_are_not_listed(
    maya, dr_okafor, moderator, ask, answer
):
    gone = ask(maya, title="A question I later deleted myself")
    actions.delete_post(post=gone, by=maya)
    removed_thread = ask(dr_okafor, title="A question a moderator removed")
    orphan = answer(removed_thread, maya)
    actions.delete_post(post=removed_thread, by=moderator)
    removed_answer = answer(ask(dr_okafor), maya)
    actions.delete_post(post=removed_answer, by=maya)

    for viewer in (None, maya, moderator):
        for tab in ("questions", "answers"):
            html = page(client_for(viewer), "maya", tab)
            assert gone.title not in html
            assert removed_thread.title not in html
            assert orphan.get_absolute_url() not in html
            assert removed_answer.get_absolute_url() not in html
            assert tab_counts(html)["Answers"] == 0


def listed(html: str) -> list[str]:
    """The links of the rows listed under the tabs."""
    rows = html.split('<ul class="plain-list profile-list">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<li>\s*<a href="([^"]+)"', rows)


def _walk(client: Client, url: str) -> tuple[list[str], list[str]]:
    """Follow "Next page" from `url` to the end: every row's link, and each page's address."""
    links, pages = [], [url]
    while True:
        html = page_at(client, url)
        links += listed(html)
        next_link = re.search(r'rel="next" href="([^"]+)"', html)
        if next_link is None:
            return links, pages
        url = url.split("?")[0] + next_link.group(1).replace("&amp;", "&")
        pages.append(url)


@pytest.mark.parametrize("tab", ["questions", "answers"])
def test_every_post_can_be_reached_page_by_page(maya, dr_okafor, ask, answer, settings, tab):
    settings.MINDWELL_PAGE_SIZE = 4
    question = ask(dr_okafor)
    posts = []
    for n in range(11):
        posts.append(ask(maya, title=f"Question number {n:02d} about sleep"))
        posts.append(answer(question, maya, body=f"Answer number {n:02d}: keep a routine."))
    ask(maya, title="Asked anonymously, never listed", anonymous=True)
    wanted = [
        p.get_absolute_url() for p in reversed(posts) if p.is_question == (tab == "questions")
    ]

    links, pages = _walk(Client(), profile_url("maya", tab))

    assert links == wanted
    assert len(pages) == 3
    last = page_at(Client(), pages[-1])
    assert "Page 3 of 3" in last and f"{tab} 9–11 of 11" in last
    back = re.search(r'rel="prev" href="([^"]+)"', last)
    assert back is not None
    middle = page_at(Client(), profile_url("maya", tab) + back.group(1).replace("&amp;", "&"))
    assert listed(middle) == wanted[4:8]


def test_a_forged_page_link_is_a_clear_400(maya):
    for client in (Client(), client_for(maya)):
        for query in ("?after=abc&page=2", "?page=x", "?before=1~2~3"):
            response = client.get(profile_url("maya") + query)
            assert response.status_code == 400, query


@pytest.mark.parametrize("username", ["nobody", "maya_"])
def test_an_unknown_member_is_not_found(maya, username):
    for tab in TABS:
        assert Client().get(profile_url(username, tab)).status_code == 404


def test_a_deactivated_member_is_not_found():
    make_member("gone", is_active=False)
    assert Client().get(profile_url("gone")).status_code == 404


def test_the_username_in_the_address_may_use_any_letter_case(maya):
    for tab in ("questions", "answers"):
        response = Client().get(profile_url("MAYA", tab))

        assert response.status_code == 301
        assert response["Location"] == profile_url("maya", tab)


def test_the_email_address_never_appears_on_the_profile(maya, dr_okafor, moderator, ask, answer):
    ask(maya)
    answer(ask(dr_okafor), maya)

    for viewer in (None, maya, dr_okafor, moderator):
        for tab in ("questions", "answers"):
            html = page(client_for(viewer), "maya", tab).lower()
            assert "maya@example.org" not in html
            assert "example.org" not in html


def test_the_email_address_shows_only_on_the_members_own_settings_page(maya, moderator):
    seen_by_others = [
        (moderator, profile_url("maya")),
        (moderator, reverse("accounts:settings")),
        (moderator, reverse("accounts:password_change")),
        (None, reverse("accounts:signup")),
        (None, reverse("accounts:login")),
        (None, reverse("accounts:password_reset")),
    ]
    for viewer, url in seen_by_others:
        response = client_for(viewer).get(url)
        assert response.status_code == 200, url
        assert "maya@example.org" not in response.content.decode(), url

    assert "maya@example.org" in page_at(client_for(maya), reverse("accounts:settings"))


def test_an_unconfirmed_member_is_reminded_on_their_own_profile_only(newcomer):
    User.objects.filter(pk=newcomer.pk).update(email_confirmed=False)

    assert "Your email address is not confirmed yet." in page(client_for(newcomer), "newcomer")
    assert "not confirmed" not in page(Client(), "newcomer")


def _queries_for(client: Client, url: str) -> int:
    client.get(url)  # warm the session and any one-off lookups
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("viewer", "tab"),
    [(viewer, tab) for viewer in ("guest", "member", "owner") for tab in TABS
     if tab != "comments" or viewer == "owner"],
)  # fmt: skip
def test_every_tab_costs_the_same_few_queries_for_one_post_or_many(
    maya, dr_okafor, ask, answer, settings, viewer, tab
):
    settings.MINDWELL_PAGE_SIZE = 5
    question = ask(dr_okafor, title="A question others answer a lot")
    reply = answer(question, dr_okafor)
    client = client_for({"guest": None, "member": dr_okafor, "owner": maya}[viewer])
    url = profile_url("maya", tab)

    def write(n: int, *, anonymous: bool = False) -> None:
        ask(maya, title=f"Question {n:02d} from maya to count", anonymous=anonymous)
        answer(question, maya, anonymous=anonymous)
        actions.add_comment(post=reply, author=maya, body=f"Comment {n}.", anonymous=anonymous)

    write(0)
    with_one = _queries_for(client, url)
    for n in range(1, 12):
        write(n, anonymous=n % 3 == 0)
    with_many = _queries_for(client, url)
    second_page = re.search(r'rel="next" href="([^"]+)"', page_at(client, url))
    assert second_page is not None
    deeper = _queries_for(client, url + second_page.group(1).replace("&amp;", "&"))

    assert with_one == with_many == deeper
    # The member, the counts, the page of rows; a member's session and account; whether
    # another member follows them (the Follow button); the owner's comment count.
    assert with_one <= {"guest": 3, "member": 6, "owner": 5}[viewer]
