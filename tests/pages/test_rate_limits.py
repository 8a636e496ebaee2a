"""The issue's hostile tries, through the site: password guessing, sign-up floods, answer
floods and reset floods meet 429 (a readable page or JSON, with Retry-After) before they do
harm, while a member using the site as people do never meets a limit."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from config import settings as real_settings
from mindwell.accounts.models import PendingSignup
from mindwell.core import ratelimit
from mindwell.qa.models import Comment, Post, Vote
from tests.accounts.test_signup import signup_data
from tests.conftest import PASSWORD, client_for, make_member
from tests.support.clock import Clock, stop_clock

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
SIGNUP = reverse("accounts:signup")
RESET = reverse("accounts:password_reset")
TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|submission|form_stamp)" value=")[^"]+(")')


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return stop_clock(monkeypatch, ratelimit)


@pytest.fixture
def limits(settings, clock):
    """Set the limits of the named actions for this test, from a clean count, with the
    limits' clock stopped so that no window ends half-way through a test."""
    cache.clear()

    def _limits(**actions):
        settings.MINDWELL_RATE_LIMITS = {**settings.MINDWELL_RATE_LIMITS, **actions}

    yield _limits
    cache.clear()


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def assert_slow_down(response, *, window: int) -> None:
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= window


# Log-in ------------------------------------------------------------------------------------


def test_many_wrong_passwords_then_the_right_one_is_refused_until_the_window_passes(
    maya, limits, clock
):
    limits(login={"key+ip": [(10, 300)], "ip": [(50, 300)]})
    guesser = Client()
    for attempt in range(10):
        wrong = guesser.post(LOGIN, {"username": "maya", "password": f"guess {attempt}"})
        assert wrong.status_code == 200, attempt

    refused = guesser.post(LOGIN, {"username": "maya", "password": "guess 11"})
    right = guesser.post(LOGIN, {"username": "maya", "password": PASSWORD})

    assert_slow_down(refused, window=300)
    assert_slow_down(right, window=300)
    assert "Please slow down" in right.content.decode()
    assert not logged_in(guesser)
    # The same name in other letters, or spaced, is the same name.
    assert Client().post(LOGIN, {"username": " MAYA ", "password": PASSWORD}).status_code == 429

    clock.advance(300)
    again = guesser.post(LOGIN, {"username": "maya", "password": PASSWORD})
    assert again.status_code == 302 and logged_in(guesser)


def test_the_refusal_says_nothing_about_whether_the_account_exists(maya, limits, clock):
    limits(login={"key+ip": [(3, 300)], "ip": [(50, 300)]})
    answers = {}
    for name in ["maya", "no_such_member"]:
        client = Client()
        statuses = [
            client.post(LOGIN, {"username": name, "password": "wrong"}).status_code
            for _ in range(4)
        ]
        last = client.post(LOGIN, {"username": name, "password": PASSWORD})
        answers[name] = (statuses, last.status_code, TOKENS.sub(r"\1\2", last.content.decode()))

    assert answers["maya"] == answers["no_such_member"]
    assert answers["maya"][:2] == ([200, 200, 200, 429], 429)


def test_a_right_password_on_the_first_try_is_never_counted(maya, limits):
    limits(login={"key+ip": [(2, 300)], "ip": [(2, 300)]})
    for _ in range(5):
        client = Client()
        assert client.post(LOGIN, {"username": "maya", "password": PASSWORD}).status_code == 302


def test_one_address_trying_many_names_is_stopped_too(maya, limits):
    limits(login={"key+ip": [(10, 300)], "ip": [(5, 300)]})
    client = Client()
    statuses = [
        client.post(LOGIN, {"username": f"name{n}", "password": "123456"}).status_code
        for n in range(7)
    ]
    assert statuses == [200] * 5 + [429] * 2


# Sign-up, password reset -------------------------------------------------------------------


def test_many_sign_ups_from_one_client_are_refused_and_the_form_keeps_what_was_typed(limits):
    limits(signup={"ip": [(5, 3600)]})
    client = Client()
    for n in range(5):
        data = signup_data(username=f"spam_{n}", email=f"spam{n}@example.net")
        assert client.post(SIGNUP, data).status_code == 302

    refused = client.post(SIGNUP, signup_data(username="spam_5", email="spam5@example.net"))

    assert_slow_down(refused, window=3600)
    page = refused.content.decode()
    assert "too many times" in page and 'value="spam_5"' in page
    assert PendingSignup.objects.count() == 5


def test_many_password_resets_send_at_most_the_limit_of_emails(
    maya, limits, django_capture_on_commit_callbacks
):
    limits(password_reset={"key": [(3, 3600)], "ip": [(10, 3600)]})
    mail.outbox.clear()
    statuses = []
    for n in range(20):
        client = Client(REMOTE_ADDR=f"198.51.100.{n}")  # from many addresses, even
        with django_capture_on_commit_callbacks(execute=True):
            statuses.append(client.post(RESET, {"email": "Maya@example.org"}).status_code)

    assert statuses == [302] * 3 + [429] * 17
    assert len(mail.outbox) == 3


def test_reset_answers_alike_for_an_address_without_an_account(maya, limits):
    limits(password_reset={"key": [(2, 3600)], "ip": [(10, 3600)]})

    def tries(email):
        client = Client(REMOTE_ADDR="198.51.100.1" if "maya" in email else "198.51.100.2")
        return [client.post(RESET, {"email": email}).status_code for _ in range(4)]

    assert tries("maya@example.org") == tries("nobody@example.org") == [302, 302, 429, 429]


def test_one_address_asking_resets_for_many_addresses_is_stopped(limits):
    limits(password_reset={"key": [(3, 3600)], "ip": [(4, 3600)]})
    client = Client()
    statuses = [
        client.post(RESET, {"email": f"person{n}@example.org"}).status_code for n in range(6)
    ]
    assert statuses == [302] * 4 + [429] * 2


# Posting and voting ------------------------------------------------------------------------


def test_many_guest_answers_in_a_moment_are_refused_and_the_last_text_is_kept(maya, ask, limits):
    limits(answer={"member": [(10, 60)], "ip": [(10, 60), (60, 3600)]})
    question = ask(maya)
    guest = Client()
    url = reverse("qa:answer", args=[question.pk])
    statuses = [
        guest.post(url, {"body": f"Buy cheap pills at example.com, offer {n}"}).status_code
        for n in range(50)
    ]

    assert statuses == [302] * 10 + [429] * 40
    assert Post.objects.answers().filter(question=question).count() == 10
    question.refresh_from_db()
    assert question.answer_count == 10
    last = guest.post(url, {"body": "A real answer, written with care, sent at a bad time."})
    assert_slow_down(last, window=60)
    assert "A real answer, written with care" in last.content.decode()


def test_a_member_asking_over_the_limit_gets_the_form_back_with_429(maya, category, limits):
    limits(ask={"member": [(2, 3600)], "ip": [(100, 3600)]})
    client = client_for(maya)
    data = {"body": "I would like to understand this better, please.", "category": category.pk}
    for n in range(2):
        data["title"] = f"How do I talk about boundaries, part {n}?"
        assert client.post(reverse("qa:ask"), data).status_code == 302

    data["title"] = "How do I talk about boundaries, part 3?"
    refused = client.post(reverse("qa:ask"), data)

    assert_slow_down(refused, window=3600)
    assert "part 3?" in refused.content.decode()
    assert Post.objects.questions().filter(author=maya).count() == 2


def test_comments_over_the_limit_get_json_with_retry_after(maya, dr_okafor, ask, limits):
    limits(comment={"member": [(2, 60)], "ip": [(100, 60)]})
    question = ask(maya)
    client = client_for(dr_okafor)
    url = reverse("qa:comment", args=[question.pk])
    for n in range(2):
        client.post(url, {"body": f"Could you say more about that, {n}?"})

    refused = client.post(url, {"body": "One more?"}, HTTP_ACCEPT="application/json")

    assert_slow_down(refused, window=60)
    assert "too many times" in refused.json()["error"]
    assert Comment.objects.filter(post=question).count() == 2


def test_votes_over_the_limit_get_429_as_json_and_as_a_page(maya, dr_okafor, ask, answer, limits):
    limits(vote={"member": [(3, 3600)], "ip": [(100, 3600)]})
    question = ask(maya)
    helpers = [dr_okafor, *(make_member(f"helper{n}") for n in range(4))]
    replies = [answer(question, author) for author in helpers]
    client = client_for(maya)
    for reply in replies[:3]:
        response = client.post(reverse("qa:vote", args=[reply.pk]), {"value": "up"})
        assert response.status_code == 302

    as_json = client.post(
        reverse("qa:vote", args=[replies[3].pk]), {"value": "up"}, HTTP_ACCEPT="application/json"
    )
    as_page = client.post(reverse("qa:vote", args=[replies[4].pk]), {"value": "up"})

    assert_slow_down(as_json, window=3600)
    assert "error" in as_json.json()
    assert_slow_down(as_page, window=3600)
    assert "Please slow down" in as_page.content.decode()
    assert Vote.objects.filter(user=maya).count() == 3


def test_a_member_using_the_site_as_people_do_never_meets_the_default_limits(
    maya, dr_okafor, ask, category, settings, django_capture_on_commit_callbacks
):
    settings.MINDWELL_RATE_LIMITS = real_settings.MINDWELL_RATE_LIMITS
    cache.clear()
    client = Client()
    # One typo at log-in, then the right password.
    assert client.post(LOGIN, {"username": "maya", "password": PASSWORD[:-1]}).status_code == 200
    assert client.post(LOGIN, {"username": "maya", "password": PASSWORD}).status_code == 302
    others = [ask(dr_okafor, title=f"Others' question number {n} about sleep?") for n in range(4)]
    for n in range(3):
        data = {
            "title": f"My question number {n} about trust?",
            "body": "Some details about what happened and how I feel.",
            "category": category.pk,
        }
        assert client.post(reverse("qa:ask"), data).status_code == 302
    for question in others:
        body = {"body": "What helped me was writing it down first, then talking."}
        assert client.post(reverse("qa:answer", args=[question.pk]), body).status_code == 302
        for n in range(3):
            comment = {"body": f"Thank you for asking this ({n})."}
            assert (
                client.post(reverse("qa:comment", args=[question.pk]), comment).status_code == 302
            )
        for value in ["up", "none", "up"]:
            vote = client.post(reverse("qa:vote", args=[question.pk]), {"value": value})
            assert vote.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert Client().post(RESET, {"email": "maya@example.org"}).status_code == 302
    assert Post.objects.filter(author=maya).count() == 7
