"""Signing up: the link emailed to the address creates the account and logs the member in.

The form answers a known address exactly as a new one, and tells the owner by email.
"""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts import actions
from mindwell.accounts.models import PendingSignup, User
from mindwell.core.errors import ActionError
from tests.accounts.conftest import link_in, only_email_to
from tests.conftest import PASSWORD, make_member

pytestmark = pytest.mark.django_db

URL = reverse("accounts:signup")
GOOD_PASSWORD = "quiet harbour lanterns 19"
DAY = 24 * 60 * 60


def signup_data(**fields: str) -> dict[str, str]:
    data = {
        "username": "sam_rivers",
        "email": "sam@example.net",
        "password": GOOD_PASSWORD,
        "password_again": GOOD_PASSWORD,
        "display_name": "",
        "agree": "on",
    }
    data.update(fields)
    return data


def sign_up_and_get_link(client: Client, capture, **fields: str) -> str:
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post(URL, signup_data(**fields))
    assert response.status_code == 302
    return link_in(only_email_to(fields.get("email", "sam@example.net")))


def test_the_emailed_link_creates_the_member_and_logs_them_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, signup_data(display_name="Sam"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_done")
    assert "Check your email" in client.get(response["Location"]).content.decode()
    assert not User.objects.exists()
    assert "_auth_user_id" not in client.session
    message = only_email_to("sam@example.net")
    assert message.subject == "Confirm your email address for Mindwell"
    link = link_in(message)
    assert link.startswith("/accounts/signup/complete/")

    page = client.get(link)
    assert "Create my account" in page.content.decode()
    assert not User.objects.exists()  # opening the link (a mail scanner may) creates nothing
    response = client.post(link, follow=True)

    assert response.redirect_chain == [(reverse("qa:home"), 302)]
    assert "Welcome to Mindwell, Sam: your account is ready." in response.content.decode()
    sam = User.objects.get(username="sam_rivers")
    assert (sam.email, sam.display_name, sam.email_confirmed) == ("sam@example.net", "Sam", True)
    assert sam.check_password(GOOD_PASSWORD)
    assert client.session["_auth_user_id"] == str(sam.pk)


def test_until_the_link_is_opened_there_is_no_account_and_the_username_is_free(
    client, django_capture_on_commit_callbacks
):
    sign_up_and_get_link(client, django_capture_on_commit_callbacks)

    login = Client().post(
        reverse("accounts:login"), {"username": "sam_rivers", "password": GOOD_PASSWORD}
    )
    assert login.status_code == 200
    assert "open the link in the email we sent you first" in login.content.decode()
    again = Client().post(URL, signup_data(email="other@example.net"))
    assert again.status_code == 302  # the username is not held by a sign-up


def test_a_link_works_once(client, django_capture_on_commit_callbacks):
    link = sign_up_and_get_link(client, django_capture_on_commit_callbacks)
    assert Client().post(link).status_code == 302

    response = Client().post(link)

    assert response.status_code == 400
    assert "This link has been used already" in response.content.decode()
    assert User.objects.count() == 1


def test_a_link_older_than_three_days_has_expired_and_its_sign_up_is_deleted(
    client, django_capture_on_commit_callbacks
):
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 3.1 * DAY):
        link = sign_up_and_get_link(client, django_capture_on_commit_callbacks)
    PendingSignup.objects.update(created_at=timezone.now() - timedelta(days=3.1))

    response = Client().post(link)

    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    assert not User.objects.exists()
    sign_up_and_get_link(Client(), django_capture_on_commit_callbacks, username="someone_else")
    assert list(PendingSignup.objects.values_list("username", flat=True)) == ["someone_else"]


def test_a_username_taken_before_the_link_is_opened_is_explained(
    client, django_capture_on_commit_callbacks
):
    link = sign_up_and_get_link(client, django_capture_on_commit_callbacks)
    make_member("Sam_Rivers")

    response = Client().post(link)

    assert response.status_code == 400
    assert "Someone else took your username after you signed up" in response.content.decode()
    assert User.objects.count() == 1


def test_the_form_is_labelled_and_tells_password_managers_what_each_field_is(client):
    html = client.get(URL).content.decode()
    for field, autocomplete in [
        ("username", "username"),
        ("email", "email"),
        ("password", "new-password"),
        ("password_again", "new-password"),
        ("display_name", "nickname"),
    ]:
        assert f'<label for="id_{field}">' in html
        assert f'name="{field}"' in html
        assert f'autocomplete="{autocomplete}"' in html
    assert 'aria-describedby="id_username_helptext"' in html
    assert 'id="id_username_helptext"' in html


@pytest.mark.parametrize("taken", ["maya", "MAYA", "Maya"])
def test_it_refuses_a_username_taken_in_any_letter_case(
    client, maya, taken, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, signup_data(username=taken))

    assert response.status_code == 200
    html = response.content.decode()
    assert "That username is taken. Please choose another." in html
    assert 'aria-describedby="id_username_helptext id_username_error"' in html
    assert 'id="id_username_error"' in html
    assert User.objects.count() == 1
    assert "_auth_user_id" not in client.session
    assert mail.outbox == []


def _page_without_tokens(response) -> str:
    return re.sub(r'value="[^"]{64}"', 'value="TOKEN"', response.content.decode())


@pytest.mark.parametrize("taken", ["maya@example.org", "MAYA@Example.ORG"])
def test_a_known_address_is_answered_exactly_as_a_new_one_and_its_owner_is_told(
    maya, taken, smtp_inbox, django_capture_on_commit_callbacks
):
    new_visitor, prober = Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        for_new = new_visitor.post(URL, signup_data(username="sam_one"), follow=True)
        for_known = prober.post(URL, signup_data(username="sam_two", email=taken), follow=True)

    assert for_known.status_code == for_new.status_code == 200
    assert for_known.redirect_chain == for_new.redirect_chain
    assert _page_without_tokens(for_known) == _page_without_tokens(for_new)
    assert set(for_known.cookies) == set(for_new.cookies)
    assert "_auth_user_id" not in prober.session
    assert not User.objects.filter(username="sam_two").exists()
    maya.refresh_from_db()
    assert (maya.username, maya.email, maya.email_confirmed) == ("maya", "maya@example.org", True)
    assert maya.check_password(PASSWORD)

    [notice] = smtp_inbox.to("maya@example.org")
    assert notice["Subject"] == "Someone tried to sign up to Mindwell with your address"
    body = " ".join(notice.get_payload(decode=True).decode().split())
    assert "no new account was made and your account has not changed" in body
    assert "your username is maya" in body
    assert f"{settings.SITE_URL}/accounts/login/" in body
    assert f"{settings.SITE_URL}/accounts/password-reset/" in body
    assert "/accounts/confirm/" not in body
    assert [m["To"] for m in smtp_inbox.messages] == ["sam@example.net", "maya@example.org"]


def test_signing_up_again_after_a_known_or_a_new_address_answers_alike(
    maya, django_capture_on_commit_callbacks
):
    # A prober who signs up with someone's address and then tries the same username again
    # (or tries to log in with it) learns nothing: neither sign-up holds anything visible.
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(URL, signup_data(username="probe_known", email="maya@example.org"))
        Client().post(URL, signup_data(username="probe_new", email="fresh@example.net"))
    for username in ("probe_known", "probe_new"):
        login = Client().post(
            reverse("accounts:login"), {"username": username, "password": GOOD_PASSWORD}
        )
        assert login.status_code == 200, username
        again = Client().post(URL, signup_data(username=username, email="x@example.net"))
        assert (again.status_code, again["Location"]) == (302, reverse("accounts:signup_done"))


def test_a_known_address_takes_as_long_as_a_new_one(maya, settings):
    # A known address skips creating the account, so it hashes the password anyway.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]

    def fastest(email: str) -> float:
        times = []
        for attempt in range(3):
            started = time.perf_counter()
            Client().post(URL, signup_data(username=f"timing_{email[:4]}{attempt}", email=email))
            times.append(time.perf_counter() - started)
        return min(times)

    known, new = fastest("maya@example.org"), fastest("new@example.net")
    assert known > new / 2, (known, new)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password", "This password is too common."),
        ("short1", "This password is too short."),
        ("83749201938", "This password is entirely numeric."),
        ("sam_rivers1", "The password is too similar to the username."),
    ],
)
def test_it_refuses_a_weak_password(client, password, message):
    response = client.post(URL, signup_data(password=password, password_again=password))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'id="id_password_error"' in response.content.decode()
    assert not User.objects.exists()


def test_it_refuses_two_different_passwords(client):
    response = client.post(URL, signup_data(password_again=GOOD_PASSWORD + "x"))

    assert "The two passwords are not the same." in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("ab", "must be 3 to 30 characters long"),
        ("a" * 31, "at most 30 characters"),
        ("sam rivers", "Use only letters (a–z), digits and underscores"),
        ("sam.rivers", "Use only letters (a–z), digits and underscores"),
        ("sámi", "Use only letters (a–z), digits and underscores"),
        ("Anonymous", "That username is taken."),
    ],
)
def test_it_refuses_a_username_outside_the_rules(client, username, message):
    response = client.post(URL, signup_data(username=username))

    assert message in response.content.decode()
    assert not User.objects.exists()


def test_it_refuses_a_post_without_a_csrf_token():
    response = Client(enforce_csrf_checks=True).post(URL, signup_data())

    assert response.status_code == 403
    assert not User.objects.exists()


def test_a_logged_in_member_is_sent_on_from_the_signup_page(maya):
    client = Client()
    client.force_login(maya)
    assert client.get(URL)["Location"] == reverse("qa:home")


def test_the_action_refuses_a_taken_username_even_when_called_directly(maya):
    with pytest.raises(ActionError) as caught:
        actions.sign_up(username="Maya", email="new@example.net", password=GOOD_PASSWORD)
    assert caught.value.field == "username"


def test_the_action_creates_nothing_for_a_known_address(maya, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = actions.sign_up(
            username="maya2", email=" Maya@EXAMPLE.org ", password=GOOD_PASSWORD
        )
    assert created is None
    assert list(User.objects.values_list("username", flat=True)) == ["maya"]
    assert not PendingSignup.objects.exists()
    assert only_email_to("maya@example.org").subject.startswith("Someone tried to sign up")


def test_it_asks_members_to_confirm_they_are_adults_who_agree_to_the_terms(client):
    page = client.get(URL).content.decode()
    assert f'<a href="{reverse("terms")}">terms of use</a>' in page
    assert f'<a href="{reverse("privacy")}">privacy page</a>' in page
    assert '<input type="checkbox" name="agree"' in page

    data = signup_data()
    del data["agree"]
    response = client.post(URL, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tick this box to join: members must be 18 or older and agree to the terms." in html
    assert 'id="id_agree_error"' in html
    assert not User.objects.exists()
