"""Resetting a forgotten password through the emailed link."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.conftest import link_in, only_email_to
from tests.conftest import PASSWORD, make_member

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "seven green kettles sing"


def request_reset(client: Client, email: str, capture) -> Any:
    with capture(execute=True):
        return client.post(reverse("accounts:password_reset"), {"email": email})


def test_a_member_resets_a_forgotten_password_end_to_end(maya, django_capture_on_commit_callbacks):
    client = Client()

    response = request_reset(client, "MAYA@example.org", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    message = only_email_to("maya@example.org")
    assert message.subject == "Reset your Mindwell password"
    link = link_in(message)

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    assert 'autocomplete="new-password"' in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert client.get(response["Location"]).status_code == 200
    login = Client()
    assert login.login(username="maya", password=NEW_PASSWORD)
    assert not login.login(username="maya", password=PASSWORD)
    response = Client().post(
        reverse("accounts:login"), {"username": "maya@example.org", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302


def test_the_link_works_only_once(maya, django_capture_on_commit_callbacks):
    client = Client()
    request_reset(client, "maya@example.org", django_capture_on_commit_callbacks)
    link = link_in(only_email_to("maya@example.org"))
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = Client().get(link, follow=True)

    assert "This link does not work any more" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_email(
    maya, django_capture_on_commit_callbacks
):
    response = request_reset(Client(), "nobody@example.org", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_a_weak_new_password_is_refused(maya, django_capture_on_commit_callbacks):
    client = Client()
    request_reset(client, "maya@example.org", django_capture_on_commit_callbacks)
    set_url = client.get(link_in(only_email_to("maya@example.org")), follow=True).redirect_chain[
        -1
    ][0]

    response = client.post(set_url, {"new_password1": "password", "new_password2": "password"})

    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    maya.refresh_from_db()
    assert maya.check_password(PASSWORD)


def test_a_reset_confirms_the_address_it_was_sent_to(django_capture_on_commit_callbacks):
    sam = make_member("sam", email_confirmed=False)
    client = Client()
    request_reset(client, "sam@example.org", django_capture_on_commit_callbacks)
    set_url = client.get(link_in(only_email_to("sam@example.org")), follow=True).redirect_chain[-1][
        0
    ]

    client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    sam.refresh_from_db()
    assert sam.email_confirmed and sam.check_password(NEW_PASSWORD)
