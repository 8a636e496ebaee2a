"""The honeypot and the minimum fill time on every public form (mindwell/core/antispam.py):
a bot filling every field, or sending the form the moment it gets it, is refused with a
400 and writes nothing; a person's form comes back with their text; stored pages give each
response its own fresh stamp."""

import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from mindwell.accounts.models import PendingSignup
from mindwell.core import antispam
from mindwell.qa.models import Comment, Post
from tests.accounts.test_signup import signup_data
from tests.conftest import PASSWORD, client_for
from tests.pages.servers import token_in
from tests.support.clock import Clock, stop_clock

pytestmark = pytest.mark.django_db

STAMP = re.compile(r'name="form_stamp" value="([^"]+)"')
HONEYPOT = re.compile(r'<input type="text" name="website" value="([^"]*)"')


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return stop_clock(monkeypatch, antispam)


@pytest.fixture
def fill_time(settings, clock):
    settings.MINDWELL_MIN_FILL_SECONDS = 3
    return clock


def stamp_in(response) -> str:
    stamps = STAMP.findall(response.content.decode())
    assert stamps, "no form stamp on the page"
    return stamps[0]


@pytest.fixture
def forms(maya, ask, category):
    """Each public form: where it is shown, where it is posted, what a person fills in, and
    how to count what it writes."""
    question = ask(maya)
    answer_url = reverse("qa:answer", args=[question.pk])
    return {
        "ask": (
            reverse("qa:ask"),
            reverse("qa:ask"),
            {
                "title": "How do I stop checking my partner's phone?",
                "body": "I keep doing it and I feel worse every time.",
                "category": str(category.pk),
            },
            lambda: Post.objects.questions().count(),
        ),
        "answer": (
            question.get_absolute_url(),
            answer_url,
            {"body": "Telling them about the urge, rather than acting on it, helped me."},
            lambda: Post.objects.answers().count(),
        ),
        "comment": (
            question.get_absolute_url(),
            reverse("qa:comment", args=[question.pk]),
            {"body": "Could you say how long this has been going on?"},
            lambda: Comment.objects.count(),
        ),
        "signup": (
            reverse("accounts:signup"),
            reverse("accounts:signup"),
            signup_data(),
            lambda: PendingSignup.objects.count(),
        ),
        "password reset": (
            reverse("accounts:password_reset"),
            reverse("accounts:password_reset"),
            {"email": "maya@example.org"},
            lambda: len(mail.outbox),
        ),
    }


FORMS = ["ask", "answer", "comment", "signup", "password reset"]


@pytest.mark.parametrize("name", FORMS)
def test_a_filled_honeypot_is_refused_and_nothing_is_written(
    forms, name, django_capture_on_commit_callbacks
):
    _page, action, data, written = forms[name]
    client = Client()
    before = written()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action, {**data, "website": "http://cheap-pills.example"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "filled in the way automated programs fill forms" in html
    assert written() == before
    # What the person typed comes back; the trap comes back empty, so sending again works.
    first_text = next(value for key, value in data.items() if key in ("body", "email", "username"))
    assert first_text.replace("'", "&#x27;") in html
    assert HONEYPOT.findall(html) == [""] * len(HONEYPOT.findall(html)) != []


@pytest.mark.parametrize("name", FORMS)
def test_a_form_sent_too_soon_is_refused_then_accepted_when_sent_again_later(
    forms, name, fill_time, django_capture_on_commit_callbacks
):
    page, action, data, written = forms[name]
    client = Client()
    stamp = stamp_in(client.get(page))
    before = written()

    fill_time.advance(1)
    with django_capture_on_commit_callbacks(execute=True):
        hurried = client.post(action, {**data, "form_stamp": stamp})

    assert hurried.status_code == 400
    assert "sent too quickly" in hurried.content.decode()
    assert written() == before
    # The form comes back with the same stamp: the time counts from when it was first shown.
    assert stamp in STAMP.findall(hurried.content.decode())

    fill_time.advance(2)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(action, {**data, "form_stamp": stamp})
    assert sent.status_code == 302
    assert written() == before + 1


@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("stamp", [None, "", "1700000000000:forged-signature", "not a stamp"])
def test_a_missing_or_forged_stamp_is_refused(forms, name, stamp, fill_time):
    _page, action, data, written = forms[name]
    before = written()
    fields = data if stamp is None else {**data, "form_stamp": stamp}

    response = Client().post(action, fields)

    assert response.status_code == 400
    assert "missing part of what the page gave it" in response.content.decode()
    assert written() == before
    # A forged stamp is not sent back: the page gives a new, real one.
    assert antispam.stamped_at(stamp_in(response)) is not None


def test_a_stamp_cannot_be_moved_back_in_time(forms, fill_time):
    _page, action, data, written = forms["answer"]
    real = antispam.issue_stamp()
    value, signature = real.split(":")
    older = f"{int(value) - 60_000:013d}:{signature}"

    response = Client().post(action, {**data, "form_stamp": older})

    assert response.status_code == 400 and written() == 0


def test_log_in_with_a_filled_honeypot_tries_no_password_and_logs_no_one_in(maya):
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"username": "maya", "password": PASSWORD, "website": "x"},
    )
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert 'value="maya"' in response.content.decode()


def test_log_in_too_soon_is_refused_and_accepted_later(maya, fill_time):
    client = Client()
    stamp = stamp_in(client.get(reverse("accounts:login")))
    data = {"username": "maya", "password": PASSWORD, "form_stamp": stamp}

    assert client.post(reverse("accounts:login"), data).status_code == 400
    fill_time.advance(3)
    assert client.post(reverse("accounts:login"), data).status_code == 302


def test_the_honeypot_is_hidden_from_people_screen_readers_and_the_keyboard(forms):
    for name in FORMS:
        page = Client().get(forms[name][0]).content.decode()
        trap = re.search(r'<div class="form-trap" aria-hidden="true">.*?</div>', page)
        assert trap, name
        assert 'tabindex="-1"' in trap.group() and 'autocomplete="off"' in trap.group()
        assert "<label>Leave this field empty" in trap.group()


def test_every_form_on_a_member_page_gets_a_fresh_stamp_per_response(maya, dr_okafor, ask):
    # Member pages are recorded once for "some member" and personalised per request, even
    # with the cache off: the stamp is put in per response, never the placeholder.
    question = ask(maya)
    client = client_for(dr_okafor)
    first = STAMP.findall(client.get(question.get_absolute_url()).content.decode())
    time.sleep(0.2)  # stamps tell the time to a tenth of a second
    second = STAMP.findall(client.get(question.get_absolute_url()).content.decode())

    assert len(first) == 2  # the answer form and the question's comment form
    assert antispam.stamp_placeholder() not in first + second
    assert set(first).isdisjoint(second)
    assert all(antispam.stamped_at(stamp) is not None for stamp in first + second)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_stored_page_gives_each_response_a_fresh_stamp(servers, maya, ask):
    question = ask(maya)
    server = servers[0]
    first, first_html = server.request("GET", question.get_absolute_url())
    time.sleep(1.1)
    second, second_html = server.request("GET", question.get_absolute_url())

    assert first.getheader("X-Page-Cache") == "miss"
    assert second.getheader("X-Page-Cache") == "hit"
    first_stamps, second_stamps = STAMP.findall(first_html), STAMP.findall(second_html)
    assert len(first_stamps) == len(second_stamps) == 2
    assert antispam.stamp_placeholder() not in first_html + second_html

    def served(stamps: list[str]) -> list[float]:
        times = [antispam.stamped_at(stamp) for stamp in stamps]
        return [when for when in times if when is not None]

    assert all(abs(time.time() - when) < 1 for when in served(second_stamps))
    # Served from the page stored a second earlier, yet stamped at the moment it was served.
    assert len(served(second_stamps)) == 2
    assert min(served(second_stamps)) - max(served(first_stamps)) > 1
    # The stamp is as long as its placeholder: the stored Content-Length stays right.
    assert int(second.getheader("Content-Length")) == len(second_html.encode())
    assert token_in(second_html) != token_in(first_html)


def test_a_stamp_is_as_long_as_its_placeholder():
    assert len(antispam.issue_stamp()) == len(antispam.stamp_placeholder()) == 57
    assert len(antispam.issue_stamp(at=0)) == len(antispam.issue_stamp(at=4_000_000_000)) == 57
