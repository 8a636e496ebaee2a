"""The public profile at /u/<username>/."""

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


def profile_url(username: str) -> str:
    return reverse("qa:profile", kwargs={"username": username})


def page_at(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def page(client: Client, username: str) -> str:
    return page_at(client, profile_url(username))


def test_it_shows_who_the_member_is(dr_okafor):
    User.objects.filter(pk=dr_okafor.pk).update(
        points=1234, about="Couples therapist.", about_html="<p>Couples <em>therapist</em>.</p>"
    )

    html = page(Client(), "dr_okafor")

    assert "<h1>Dr Okafor" in html
    assert "@dr_okafor" in html
    assert "verified professional" in html
    assert '<span title="1,234 points">1.2k points</span>' in html
    assert "<p>Couples <em>therapist</em>.</p>" in html
    assert f'member since <time datetime="{dr_okafor.date_joined:%Y-%m-%d}">' in html


def test_a_member_without_a_display_name_is_shown_by_username_and_without_a_badge(newcomer):
    html = page(Client(), "newcomer")

    assert "<h1>newcomer</h1>" in html
    assert "verified professional" not in html
    assert "No questions yet." in html
    assert "No answers yet." in html


def test_it_lists_the_members_questions_and_answers_newest_first(
    maya, dr_okafor, ask: Callable[..., Post], answer: Callable[..., Post]
):
    first = ask(maya, title="How do I talk to my partner about money?")
    second = ask(maya, title="Is it fine to skip a therapy session?")
    answered = ask(dr_okafor, title="How do I set boundaries with my parents?")
    reply = answer(answered, maya)

    html = page(Client(), "maya")

    assert html.index(second.title) < html.index(first.title)
    assert f'href="{first.get_absolute_url()}"' in html
    assert f'href="{reply.get_absolute_url()}"' in html
    assert 'Questions <span class="muted">(2)</span>' in html
    assert 'Answers <span class="muted">(1)</span>' in html


def test_anonymous_posts_are_never_linked_to_the_profile_for_others(
    maya, dr_okafor, moderator, ask, answer
):
    ask(maya, title="Something I ask under my own name")
    secret = ask(maya, title="Something I would never say openly", anonymous=True)
    other = ask(dr_okafor, title="A question from the professional")
    hidden_answer = answer(other, maya, anonymous=True)

    for viewer in (None, dr_okafor, moderator):
        html = page(client_for(viewer), "maya")
        assert "Something I ask under my own name" in html
        assert secret.title not in html
        assert secret.get_absolute_url() not in html
        assert hidden_answer.get_absolute_url() not in html
        assert other.title not in html
        assert ANON_MARK not in html
        assert 'Questions <span class="muted">(1)</span>' in html
        assert 'Answers <span class="muted">(0)</span>' in html


def test_the_member_sees_their_own_anonymous_posts_marked(maya, dr_okafor, ask, answer):
    secret = ask(maya, title="Something I would never say openly", anonymous=True)
    hidden_answer = answer(ask(dr_okafor), maya, anonymous=True)

    html = page(client_for(maya), "maya")

    assert secret.get_absolute_url() in html
    assert hidden_answer.get_absolute_url() in html
    assert html.count(ANON_MARK) == 2


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
        html = page(client_for(viewer), "maya")
        assert gone.title not in html
        assert removed_thread.title not in html
        assert orphan.get_absolute_url() not in html
        assert removed_answer.get_absolute_url() not in html
        assert 'Answers <span class="muted">(0)</span>' in html


def test_it_shows_at_most_twenty_of_each(maya, dr_okafor, ask, answer):
    question = ask(dr_okafor)
    for n in range(21):
        ask(maya, title=f"Question number {n:02d} about sleep")
        answer(question, maya, body=f"Answer number {n:02d}: try a regular bedtime routine.")

    html = page(Client(), "maya")

    assert "Question number 20" in html
    assert "Question number 00" not in html
    assert html.count(f'href="{question.get_absolute_url()}#a') == 20
    assert html.count("Showing the latest 20.") == 2


@pytest.mark.parametrize("username", ["nobody", "maya_"])
def test_an_unknown_member_is_not_found(maya, username):
    assert Client().get(profile_url(username)).status_code == 404


def test_a_deactivated_member_is_not_found():
    make_member("gone", is_active=False)
    assert Client().get(profile_url("gone")).status_code == 404


def test_the_username_in_the_address_may_use_any_letter_case(maya):
    response = Client().get(profile_url("MAYA"))

    assert response.status_code == 301
    assert response["Location"] == profile_url("maya")


def test_the_email_address_never_appears_on_the_profile(maya, dr_okafor, moderator, ask, answer):
    ask(maya)
    answer(ask(dr_okafor), maya)

    for viewer in (None, maya, dr_okafor, moderator):
        html = page(client_for(viewer), "maya").lower()
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


def _queries_for(client: Client, username: str) -> int:
    client.get(profile_url(username))  # warm the session and any one-off lookups
    with CaptureQueriesContext(connection) as queries:
        assert client.get(profile_url(username)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("as_owner", [False, True], ids=["visitor", "owner"])
def test_the_page_costs_the_same_queries_for_one_post_or_ten(
    maya, dr_okafor, ask, answer, as_owner
):
    question = ask(dr_okafor, title="A question others answer a lot")
    client = client_for(maya if as_owner else None)

    def write(n: int, *, anonymous: bool = False) -> None:
        ask(maya, title=f"Question {n:02d} from maya to count", anonymous=anonymous)
        answer(question, maya, anonymous=anonymous)

    write(0)
    with_one = _queries_for(client, "maya")
    for n in range(1, 10):
        write(n, anonymous=n % 3 == 0)
    with_ten = _queries_for(client, "maya")

    assert with_one == with_ten
    assert with_one <= (6 if as_owner else 4)
