"""The settings page: profile, email address and password."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.conftest import link_in, only_email_to
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

URL = reverse("accounts:settings")
EMAIL_URL = reverse("accounts:change_email")


@pytest.mark.parametrize(
    "url", [URL, EMAIL_URL, reverse("accounts:password_change")], ids=["settings", "email", "pw"]
)
def test_settings_need_a_login(url):
    response = Client().get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_the_page_shows_the_members_current_profile(maya):
    maya.about = "I like *long walks*."
    maya.save()

    html = client_for(maya).get(URL).content.decode()

    assert 'value="Maya"' in html
    assert "I like *long walks*.</textarea>" in html
    assert '<label for="id_display_name">' in html
    assert '<label for="id_about">' in html
    assert '<label for="id_new_email">' in html
    assert 'autocomplete="current-password"' in html


def test_it_saves_the_display_name_and_renders_about_as_sanitised_markdown(maya):
    client = client_for(maya)
    about = "I write **poems**.\n\n<script>alert('x')</script> [link](javascript:alert(1))"

    response = client.post(URL, {"display_name": "  Maya   L. ", "about": about}, follow=True)

    assert "Your profile is saved." in response.content.decode()
    maya.refresh_from_db()
    assert maya.display_name == "Maya L."
    assert maya.about == about
    assert "<strong>poems</strong>" in maya.about_html
    assert "<script" not in maya.about_html
    assert 'href="javascript' not in maya.about_html
    profile = Client().get(reverse("qa:profile", kwargs={"username": "maya"})).content.decode()
    assert "<strong>poems</strong>" in profile
    assert "<script>alert" not in profile


def test_clearing_about_clears_the_profile_text(maya):
    client = client_for(maya)
    client.post(URL, {"display_name": "", "about": "Something"})

    client.post(URL, {"display_name": "", "about": ""})

    maya.refresh_from_db()
    assert (maya.display_name, maya.about, maya.about_html) == ("", "", "")


@pytest.mark.parametrize(
    ("display_name", "message"),
    [
        ("Anonymous", "Please choose a display name that readers will not mistake"),
        ("x" * 41, "at most 40 characters"),
    ],
)
def test_it_refuses_a_display_name_outside_the_rules(maya, display_name, message):
    response = client_for(maya).post(URL, {"display_name": display_name, "about": ""})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'id="id_display_name_error"' in response.content.decode()
    maya.refresh_from_db()
    assert maya.display_name == "Maya"


def test_changing_the_email_address_needs_confirming_the_new_one(
    maya, django_capture_on_commit_callbacks
):
    client = client_for(maya)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            EMAIL_URL, {"new_email": "maya.new@example.net", "password": PASSWORD}, follow=True
        )

    html = response.content.decode()
    assert "We have sent a link to the new address. Your address changes when you open it." in html
    assert "You asked to change it to <strong>maya.new@example.net</strong>" in html
    maya.refresh_from_db()
    assert (maya.email, maya.email_confirmed) == ("maya@example.org", True)
    link = link_in(only_email_to("maya.new@example.net"))
    assert client.post(link).status_code == 302
    maya.refresh_from_db()
    assert (maya.email, maya.email_confirmed) == ("maya.new@example.net", True)


def test_an_address_on_another_account_is_answered_alike_and_its_owner_is_told(
    maya, dr_okafor, smtp_inbox, django_capture_on_commit_callbacks
):
    def change_to(address: str) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(maya).post(
                EMAIL_URL, {"new_email": address, "password": PASSWORD}, follow=True
            )
        assert response.status_code == 200
        page = response.content.decode().replace(address, "ADDRESS")
        return re.sub(r'value="[^"]{64}"', 'value="TOKEN"', page)

    assert change_to("DR_OKAFOR@example.org") == change_to("free@example.net")

    [notice] = smtp_inbox.to("dr_okafor@example.org")
    assert notice["Subject"] == "Someone tried to use your address on Mindwell"
    assert "/accounts/confirm/" not in notice.get_payload(decode=True).decode()
    assert len(smtp_inbox.to("free@example.net")) == 1
    dr_okafor.refresh_from_db()
    assert dr_okafor.email == "dr_okafor@example.org"
    maya.refresh_from_db()
    assert maya.email == "maya@example.org"


@pytest.mark.parametrize(
    ("new_email", "password", "field", "message"),
    [
        ("maya.new@example.net", "not my password", "password", "not your current password"),
        ("Maya@Example.org", PASSWORD, "new_email", "already the email address on your account"),
        ("not-an-address", PASSWORD, "new_email", "Enter a valid email address."),
    ],
)
def test_it_refuses_an_email_change_outside_the_rules(
    maya, dr_okafor, new_email, password, field, message, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(maya).post(EMAIL_URL, {"new_email": new_email, "password": password})

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    maya.refresh_from_db()
    assert (maya.email, maya.email_confirmed) == ("maya@example.org", True)
    assert mail.outbox == []


def test_changing_the_email_address_needs_a_post(maya):
    assert client_for(maya).get(EMAIL_URL).status_code == 405


def test_a_member_changes_their_password(maya):
    client = client_for(maya)
    new = "seven green kettles sing"

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )

    assert response.redirect_chain == [(URL, 302)]
    assert "Your password is changed." in response.content.decode()
    assert client.session.get("_auth_user_id") == str(maya.pk)
    assert Client().login(username="maya", password=new)


def test_a_wrong_current_password_does_not_change_it(maya):
    response = client_for(maya).post(
        reverse("accounts:password_change"),
        {"old_password": "guess", "new_password1": "x" * 20, "new_password2": "x" * 20},
    )

    assert response.status_code == 200
    assert 'id="id_old_password_error"' in response.content.decode()
    assert Client().login(username="maya", password=PASSWORD)
