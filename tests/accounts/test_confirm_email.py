"""Confirming an email address with the signed, expiring link we email."""

import base64
import json
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from mindwell.accounts import actions
from mindwell.accounts.models import User
from tests.accounts.conftest import link_in, only_email_to
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

DAY = 24 * 60 * 60
PASSWORD = "quiet harbour lanterns 19"


@pytest.fixture
def signed_up(django_capture_on_commit_callbacks):
    """Sam, whose address is not confirmed, asked for a link `days_ago` in the past; gives
    him and his link's path."""

    def _sign_up(*, days_ago: float = 0) -> tuple[User, str]:
        sam = make_member("sam", email="sam@example.net", email_confirmed=False)
        sam.set_password(PASSWORD)
        sam.save()
        signed_at = time.time() - days_ago * DAY
        with (
            mock.patch("django.core.signing.time.time", return_value=signed_at),
            django_capture_on_commit_callbacks(execute=True),
        ):
            actions.resend_confirmation(user=sam)
        return sam, link_in(only_email_to("sam@example.net"))

    return _sign_up


def confirmed(user: User) -> bool:
    user.refresh_from_db(fields=["email_confirmed"])
    return user.email_confirmed


def test_opening_the_link_shows_a_button_and_confirms_nothing(signed_up):
    sam, link = signed_up()

    response = Client().get(link)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirm my email address" in html
    assert f'<form method="post" action="{link}">' in html
    assert not confirmed(sam)


def test_pressing_the_button_confirms_the_address(signed_up):
    sam, link = signed_up()

    response = Client().post(link)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert confirmed(sam)


def test_a_logged_in_member_goes_back_to_their_settings_after_confirming(signed_up):
    sam, link = signed_up()

    response = client_for(sam).post(link, follow=True)

    assert response.redirect_chain == [(reverse("accounts:settings"), 302)]
    assert "Thank you: your email address is confirmed." in response.content.decode()
    assert confirmed(sam)


def test_confirming_twice_is_harmless(signed_up):
    sam, link = signed_up()
    client = Client()
    client.post(link)

    assert client.post(link).status_code == 302
    assert "already confirmed" in client.get(link).content.decode()
    assert confirmed(sam)


def test_a_link_two_days_old_still_works(signed_up):
    sam, link = signed_up(days_ago=2)

    assert Client().post(link).status_code == 302
    assert confirmed(sam)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_link_older_than_three_days_has_expired(signed_up, method):
    sam, link = signed_up(days_ago=3.1)

    response = getattr(Client(), method)(link)

    assert response.status_code == 400
    assert "This confirmation link has expired." in response.content.decode()
    assert not confirmed(sam)


def test_the_time_a_link_lasts_is_a_setting(signed_up, settings):
    settings.MINDWELL_CONFIRM_MAX_AGE = DAY
    sam, link = signed_up(days_ago=1.5)

    response = Client().post(link)

    assert response.status_code == 400
    assert "This confirmation link has expired." in response.content.decode()
    assert not confirmed(sam)


def _tamper(link: str) -> str:
    token = link.removeprefix("/accounts/confirm/").removesuffix("/")
    payload, timestamp, signature = token.split(":")
    return f"/accounts/confirm/{payload}:{timestamp}:{signature[::-1]}/"


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("make_link", [_tamper, lambda link: "/accounts/confirm/nonsense/"])
def test_a_forged_link_gets_a_clear_400_page(signed_up, method, make_link):
    sam, link = signed_up()

    response = getattr(Client(), method)(make_link(link))

    assert response.status_code == 400
    assert "This confirmation link is not valid." in response.content.decode()
    assert not confirmed(sam)


def test_a_link_for_another_members_id_cannot_be_made_by_editing_it(signed_up):
    # The payload is signed: swapping in another member's id breaks the signature.
    _, link = signed_up()
    maya = make_member("maya", email_confirmed=False)
    token = link.removeprefix("/accounts/confirm/").removesuffix("/")
    payload, timestamp, signature = token.split(":")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["u"] = maya.pk
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    response = Client().post(f"/accounts/confirm/{forged}:{timestamp}:{signature}/")

    assert response.status_code == 400
    assert not confirmed(maya)


def test_a_new_address_replaces_the_old_one_only_when_its_link_is_opened(
    signed_up, django_capture_on_commit_callbacks
):
    sam, old_link = signed_up()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.change_email(user=sam, new_email="sam.new@example.net", password=PASSWORD)
    message = only_email_to("sam.new@example.net")
    assert message.subject == "Confirm your new email address for Mindwell"
    new_link = link_in(message)
    sam.refresh_from_db()
    assert (sam.email, sam.pending_email) == ("sam@example.net", "sam.new@example.net")

    assert "make this the email address" in Client().get(new_link).content.decode()
    assert Client().post(new_link).status_code == 302

    sam.refresh_from_db()
    assert (sam.email, sam.pending_email, sam.email_confirmed) == ("sam.new@example.net", "", True)
    response = Client().post(old_link)
    assert response.status_code == 400
    assert "no longer on the account" in response.content.decode()


def test_a_new_address_taken_before_its_link_is_opened_stays_off_the_account(
    signed_up, django_capture_on_commit_callbacks
):
    sam, _ = signed_up()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.change_email(user=sam, new_email="sam.new@example.net", password=PASSWORD)
    new_link = link_in(only_email_to("sam.new@example.net"))
    make_member("other", email="Sam.New@example.net")

    response = Client().post(new_link)

    assert response.status_code == 400
    assert "was put on another account" in response.content.decode()
    sam.refresh_from_db()
    assert sam.email == "sam@example.net"


def test_a_member_can_ask_for_a_new_link_from_settings(
    signed_up, django_capture_on_commit_callbacks
):
    sam, _ = signed_up()
    mail.outbox.clear()
    client = client_for(sam)

    assert "Send a new link" in client.get(reverse("accounts:settings")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:resend_confirmation"), follow=True)

    assert "We have sent you a new confirmation link." in response.content.decode()
    assert client.post(link_in(only_email_to("sam@example.net"))).status_code == 302
    assert confirmed(sam)


def test_a_confirmed_member_gets_no_new_link(maya, django_capture_on_commit_callbacks):
    client = client_for(maya)

    assert "Send a new link" not in client.get(reverse("accounts:settings")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:resend_confirmation"), follow=True)

    assert "Your email address is already confirmed." in response.content.decode()
    assert mail.outbox == []


def test_asking_for_a_new_link_needs_a_post_and_a_login(maya):
    url = reverse("accounts:resend_confirmation")
    assert client_for(maya).get(url).status_code == 405
    response = Client().post(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
