"""Logging in by username or email address, and logging out."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, client_for, make_member

pytestmark = pytest.mark.django_db

URL = reverse("accounts:login")


def logged_in_as(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize("identifier", ["maya", "MAYA", " maya "])
def test_it_logs_in_with_the_username_in_any_letter_case(maya, identifier):
    client = Client()

    response = client.post(URL, {"username": identifier, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("qa:home")
    assert logged_in_as(client) == str(maya.pk)


@pytest.mark.parametrize("identifier", ["maya@example.org", "Maya@Example.ORG"])
def test_it_logs_in_with_the_email_address(maya, identifier):
    client = Client()

    response = client.post(URL, {"username": identifier, "password": PASSWORD})

    assert response.status_code == 302
    assert logged_in_as(client) == str(maya.pk)


def test_it_goes_on_to_the_page_the_member_came_from(maya):
    response = Client().post(URL + "?next=/ask/", {"username": "maya", "password": PASSWORD})
    assert response["Location"] == "/ask/"


@pytest.mark.parametrize(
    ("identifier", "password"),
    [("maya", "wrong password"), ("maya@example.org", PASSWORD.upper()), ("nobody", PASSWORD)],
)
def test_it_refuses_a_wrong_password_or_unknown_name_with_one_message(maya, identifier, password):
    client = Client()

    response = client.post(URL, {"username": identifier, "password": password})

    assert response.status_code == 200
    assert (
        "That username or email address and password do not match an account."
        in response.content.decode()
    )
    assert logged_in_as(client) is None


def test_it_refuses_a_deactivated_member():
    make_member("gone", is_active=False)
    client = Client()

    response = client.post(URL, {"username": "gone", "password": PASSWORD})

    assert response.status_code == 200
    assert logged_in_as(client) is None


def test_the_form_is_labelled_for_password_managers():
    html = Client().get(URL).content.decode()

    assert '<label for="id_username">Username or email address</label>' in html
    assert 'autocomplete="username"' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="current-password"' in html
    assert reverse("accounts:password_reset") in html


def test_it_logs_out_on_post_and_says_so_once_on_the_page_it_lands_on(maya):
    client = client_for(maya)

    response = client.post(reverse("accounts:logout"), follow=True)

    assert response.redirect_chain == [(reverse("qa:home"), 302)]
    assert logged_in_as(client) is None
    assert response.content.decode().count("You have logged out.") == 1
    assert "You have logged out." not in client.get(reverse("qa:home")).content.decode()


def test_the_message_is_for_the_member_who_logged_out_only(maya):
    client_for(maya).post(reverse("accounts:logout"))

    assert "You have logged out." not in Client().get(reverse("qa:home")).content.decode()


def test_a_link_to_log_out_asks_with_a_button_and_logs_nobody_out(maya):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maya)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "You are logged in as <strong>Maya</strong>" in html
    assert f'<form method="post" action="{reverse("accounts:logout")}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert logged_in_as(client) == str(maya.pk)
    assert client.post(reverse("accounts:logout")).status_code == 403  # no CSRF token
    assert logged_in_as(client) == str(maya.pk)


def test_a_visitor_who_is_not_logged_in_is_told_so():
    response = Client().get(reverse("accounts:logout"))

    assert response.status_code == 200
    assert "You are logged out" in response.content.decode()
    after_post = Client().post(reverse("accounts:logout"), follow=True)
    assert "You have logged out." not in after_post.content.decode()
