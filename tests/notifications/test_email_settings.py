# mypy: disable-error-code="union-attr"
"""The email settings page: a frequency per kind with the defaults chosen, excerpts off by
default, the time zone of the digests, stopping and resuming every email, and what the page
says when the address bounced or is not confirmed. Bad input is a 400 with the form back."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.utils import timezone

from mindwell.core.errors import ActionError
from mindwell.notifications import actions as notification_actions
from mindwell.notifications import preferences
from mindwell.notifications.models import EmailSettings, Notification
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

SETTINGS = "/notifications/settings/"
ANSWER_BODY = "Try writing the worry down before bed, then close the notebook."


def selected(html: str, name: str) -> str:
    """The chosen option of a select."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select, name
    found = re.findall(r'<option value="([^"]*)"[^>]*selected>', select.group(0))
    assert len(found) == 1, (name, found)
    return found[0]


def valid(**changes: str) -> dict[str, str]:
    data = {f"email_{kind}": preferences.DEFAULTS[kind] for kind in preferences.CHOOSABLE}
    data["timezone"] = "UTC"
    data.update(changes)
    return data


def settings_of(member) -> EmailSettings:
    return EmailSettings.objects.get(member=member)


# The page ---------------------------------------------------------------------------------


def test_the_page_offers_every_kind_with_its_default_chosen(maya):
    html = client_for(maya).get(SETTINGS).content.decode()
    for kind in preferences.CHOOSABLE:
        assert kind.label in unescape(html)
        assert selected(html, f"email_{kind}") == preferences.DEFAULTS[kind]
    assert "email_message" not in html  # the moderators' messages are always emailed
    assert selected(html, "timezone") == "UTC"
    assert "data-guess-timezone" in html  # still the default: the device's zone is offered
    quote = re.search(r'<input type="checkbox" name="quote_excerpts"[^>]*>', html).group(0)
    assert "checked" not in quote
    assert "a lock screen" in html and "shares your inbox" in html
    # Nothing bounced, the address is confirmed, nothing stopped: no notice.
    assert "refused our email" not in html and "not confirmed yet" not in html
    assert "Resume email" not in html and "Stop every email</button>" in html


def test_saving_changes_what_is_emailed_and_how(maya, rosie, ask, answer, smtp_inbox, committed):
    client = client_for(maya)
    data = valid(email_answer="daily", email_mention="never", timezone="Europe/Berlin")
    data["quote_excerpts"] = "on"
    response = client.post(SETTINGS, data)
    assert response.status_code == 302 and response["Location"] == SETTINGS
    saved = settings_of(maya)
    assert saved.frequencies["answer"] == "daily" and saved.frequencies["mention"] == "never"
    assert (saved.quote_excerpts, saved.timezone) == (True, "Europe/Berlin")
    html = client.get(SETTINGS).content.decode()
    assert "Your email settings are saved." in html
    assert selected(html, "email_answer") == "daily"
    assert selected(html, "timezone") == "Europe/Berlin"
    assert "data-guess-timezone" not in html
    # An answer now waits for the daily digest rather than coming at once.
    question = committed(ask, maya)
    committed(answer, question, rosie, body=ANSWER_BODY)
    assert Notification.objects.get(recipient=maya).email == "daily"
    assert smtp_inbox.to("maya@example.org") == []


def test_excerpts_are_quoted_only_for_those_who_asked(
    maya, rosie, ask, answer, smtp_inbox, committed
):
    question = committed(ask, maya)
    committed(answer, question, rosie, body=ANSWER_BODY)
    [plain] = smtp_inbox.to("maya@example.org")
    assert "notebook" not in plain.as_string()
    client_for(maya).post(SETTINGS, {**valid(), "quote_excerpts": "on"})
    committed(answer, question, make_answerer(), body=ANSWER_BODY)
    quoted = smtp_inbox.to("maya@example.org")[1]
    assert "notebook" in quoted.as_string()
    assert "notebook" not in quoted["Subject"]


def make_answerer():
    return make_member("answerer")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email_answer": "hourly"}, "Choose at once, a daily digest, a weekly digest or never."),
        ({"email_answer": ""}, "Choose how to hear of this."),
        ({"timezone": "Mars/Olympus_Mons"}, "Choose a time zone from the list."),
        ({"timezone": "US/Eastern"}, "Choose a time zone from the list."),  # an old alias
        ({"timezone": "localtime"}, "Choose a time zone from the list."),
        ({"timezone": ""}, "Choose a time zone from the list."),
        ({"email_birthdays": "instant"}, "a kind of notification we do not send"),
        ({"email_message": "never"}, "a kind of notification we do not send"),
    ],
)
def test_bad_input_comes_back_with_the_form_and_a_400(maya, changes, message):
    client = client_for(maya)
    data = valid(email_reply="weekly", **changes)
    response = client.post(SETTINGS, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html
    assert selected(html, "email_reply") == "weekly"  # what they chose is kept
    assert not EmailSettings.objects.filter(member=maya).exists()


def test_the_action_checks_every_field_too(maya):
    with pytest.raises(ActionError, match="not a kind"):
        notification_actions.save_email_settings(
            member=maya, frequencies={"message": "never"}, quote_excerpts=False, timezone_name="UTC"
        )
    with pytest.raises(ActionError, match="daily digest"):
        notification_actions.save_email_settings(
            member=maya, frequencies={"answer": "sometimes"}, quote_excerpts=False,
            timezone_name="UTC",
        )  # fmt: skip
    with pytest.raises(ActionError) as error:
        notification_actions.save_email_settings(
            member=maya, frequencies={}, quote_excerpts=False, timezone_name="Nowhere/City"
        )
    assert error.value.field == "timezone"
    assert not EmailSettings.objects.exists()


def test_the_page_is_for_members_only():
    response = client_for(None).get(SETTINGS)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client_for(None).post("/notifications/settings/stop").status_code == 302


# Stopping and resuming --------------------------------------------------------------------


def test_stopping_every_email_holds_until_resumed(maya, rosie, ask, answer, smtp_inbox, committed):
    client = client_for(maya)
    response = client.post("/notifications/settings/stop")
    assert response.status_code == 302
    assert settings_of(maya).all_stopped_at is not None
    html = client.get(SETTINGS).content.decode()
    assert "We will send you no notification email until you resume." in html
    assert "Every notification email is stopped" in html and "Resume email</button>" in html
    # Saving other settings meanwhile does not resume them.
    client.post(SETTINGS, valid(email_comment="weekly"))
    assert settings_of(maya).all_stopped_at is not None
    question = committed(ask, maya)
    committed(answer, question, rosie, body=ANSWER_BODY)
    assert Notification.objects.get(recipient=maya).email == "never"
    assert smtp_inbox.to("maya@example.org") == []
    client.post("/notifications/settings/resume")
    assert settings_of(maya).all_stopped_at is None
    assert settings_of(maya).frequencies["comment"] == "weekly"  # kept through it all
    committed(answer, question, make_answerer(), body=ANSWER_BODY)
    assert len(smtp_inbox.to("maya@example.org")) == 1


def test_a_bounced_address_is_said_and_can_be_tried_again(maya):
    EmailSettings.objects.create(
        member=maya, bounced_at=timezone.now(), bounced_address="maya@example.org"
    )
    client = client_for(maya)
    html = client.get(SETTINGS).content.decode()
    assert "Your address refused our email" in html
    assert "maya@example.org" in html
    assert not preferences.may_email(maya)
    client.post("/notifications/settings/retry")
    assert settings_of(maya).bounced_at is None
    maya.refresh_from_db()
    assert preferences.may_email(maya)
    assert "refused our email" not in client.get(SETTINGS).content.decode()


def test_an_unconfirmed_address_is_said(maya):
    maya.email_confirmed = False
    maya.save()
    html = client_for(maya).get(SETTINGS).content.decode()
    assert "Your address is not confirmed yet" in html
    assert 'href="/accounts/settings/"' in html


def test_an_unknown_switch_is_not_found_and_switches_need_a_post(maya):
    client = client_for(maya)
    assert client.post("/notifications/settings/explode").status_code == 404
    assert client.get("/notifications/settings/stop").status_code == 405
    assert not EmailSettings.objects.exists()


def test_the_account_settings_page_links_here(maya):
    html = client_for(maya).get("/accounts/settings/").content.decode()
    assert f'href="{SETTINGS}"' in html
    assert 'href="/notifications/following/"' in html


def test_the_time_zones_offered_are_the_ones_browsers_name():
    names = preferences.time_zone_names()
    for zone in ("UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata",
                 "Asia/Calcutta", "Pacific/Auckland"):  # fmt: skip
        assert zone in names
    for alias in ("US/Eastern", "Egypt", "localtime", "Factory", "posixrules"):
        assert alias not in names
