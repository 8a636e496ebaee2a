"""About, privacy and terms: reachable by anyone from every page's footer and from sign-up;
the privacy page's durations and cookies are the ones the site really uses."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from config import settings as real_settings  # the limits as deployed, not the tests'
from mindwell.accounts import tokens
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

PAGES = {"about": "About Mindwell", "privacy": "Privacy", "terms": "Terms of use"}
DAY = 24 * 60 * 60


@pytest.mark.parametrize(("url_name", "heading"), PAGES.items())
def test_each_page_is_there_for_guests_and_members(maya, url_name, heading):
    for viewer in (None, maya):
        response = client_for(viewer).get(reverse(url_name))

        assert response.status_code == 200
        assert f"<h1>{heading}</h1>" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/help-now/", "/no-such-page/"])
def test_every_page_links_to_them_from_its_footer(path):
    page = Client().get(path).content.decode()
    footer = page[page.index('<footer class="site-footer">') :]

    for url_name in PAGES:
        assert f'href="{reverse(url_name)}"' in footer, url_name


def test_the_terms_state_the_age_floor():
    page = Client().get(reverse("terms")).content.decode()

    assert "You must be 18 or older" in page
    assert "only if you are <strong>18 or older</strong>" in page


def test_the_privacy_page_gives_the_durations_the_site_uses():
    page = Client().get(reverse("privacy")).content.decode()

    assert settings.SESSION_COOKIE_AGE == 14 * DAY and "after 2 weeks" in page
    assert settings.CSRF_COOKIE_AGE == 364 * DAY and "<td>1 year</td>" in page
    link_days = tokens.max_age() // DAY
    assert link_days == settings.PASSWORD_RESET_TIMEOUT // DAY == 3
    assert f"Links in our emails stop working after {link_days} days" in page
    assert settings.MINDWELL_PAGE_CACHE_SECONDS == 60 and "for up to a minute" in page
    origin_days = settings.MINDWELL_ORIGIN_DAYS
    assert origin_days == 30 and f"kept for {origin_days} days against abuse" in page
    assert f"it is deleted after {origin_days} days" in page
    longest_window = max(
        seconds
        for scopes in real_settings.MINDWELL_RATE_LIMITS.values()
        for windows in scopes.values()
        for _, seconds in windows
    )
    assert longest_window == 3600 and "for up to an hour" in page


def test_the_privacy_page_names_every_cookie_the_site_sets(
    maya, django_capture_on_commit_callbacks
):
    client = Client()
    client.get("/")
    client.post(reverse("accounts:login"), {"username": "maya", "password": PASSWORD})
    client.get(reverse("accounts:settings"))
    client.post(reverse("accounts:logout"))
    client.get("/")
    client.post(reverse("help_now"), {"region": "GB"})  # a country chosen on "Need help now?"
    set_by_the_site = set(client.cookies)

    page = Client().get(reverse("privacy")).content.decode()
    described = set(re.findall(r"<tr><td><code>(\w+)</code>", page))

    assert set_by_the_site == described == {"csrftoken", "sessionid", "messages", "region"}


def test_the_favicon_is_a_real_icon_at_the_site_root():
    response = Client().get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert body == (Path(settings.WHITENOISE_ROOT) / "favicon.ico").read_bytes()
    assert body[:4] == b"\x00\x00\x01\x00" and 0 < len(body) < 8192  # an ICO, and small
    assert "max-age" in response["Cache-Control"]
    page = Client().get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico"' in page
