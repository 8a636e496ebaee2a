"""Signing up: a new member is logged in and emailed a confirmation link."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from mindwell.accounts import actions
from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from tests.accounts.conftest import link_in, only_email_to

pytestmark = pytest.mark.django_db

URL = reverse("accounts:signup")
GOOD_PASSWORD = "quiet harbour lanterns 19"


def signup_data(**fields: str) -> dict[str, str]:
    data = {
        "username": "sam_rivers",
        "email": "sam@example.net",
        "password": GOOD_PASSWORD,
        "password_again": GOOD_PASSWORD,
        "display_name": "",
    }
    data.update(fields)
    return data


def test_it_creates_the_member_logs_them_in_and_emails_a_confirmation_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, signup_data(display_name="Sam"))

    assert response.status_code == 302
    assert response["Location"] == reverse("qa:home")
    sam = User.objects.get(username="sam_rivers")
    assert (sam.email, sam.display_name, sam.email_confirmed) == ("sam@example.net", "Sam", False)
    assert sam.check_password(GOOD_PASSWORD)
    assert client.session["_auth_user_id"] == str(sam.pk)
    message = only_email_to("sam@example.net")
    assert message.subject == "Confirm your email address for Mindwell"
    assert link_in(message).startswith("/accounts/confirm/")


def test_it_goes_on_to_a_local_next_page_but_not_to_another_site(client):
    response = client.post(URL + "?next=/ask/", signup_data())
    assert response["Location"] == "/ask/"

    other = Client()
    response = other.post(
        URL + "?next=https://evil.example/",
        signup_data(username="other_one", email="other@example.net"),
    )
    assert response["Location"] == reverse("qa:home")


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


@pytest.mark.parametrize("taken", ["maya@example.org", "MAYA@Example.ORG"])
def test_it_refuses_an_email_address_already_on_an_account_in_any_letter_case(
    client, maya, taken, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, signup_data(email=taken))

    assert response.status_code == 200
    assert "An account with this email address already exists." in response.content.decode()
    assert 'id="id_email_error"' in response.content.decode()
    assert not User.objects.filter(username="sam_rivers").exists()
    assert mail.outbox == []


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


def test_the_action_refuses_a_duplicate_even_when_called_directly(maya):
    with pytest.raises(ActionError) as caught:
        actions.sign_up(username="Maya", email="new@example.net", password=GOOD_PASSWORD)
    assert caught.value.field == "username"
    with pytest.raises(ActionError) as caught:
        actions.sign_up(username="maya2", email=" Maya@EXAMPLE.org ", password=GOOD_PASSWORD)
    assert caught.value.field == "email"
