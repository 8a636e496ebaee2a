"""The "Need help now?" page: reachable by anyone, from every page, with the numbers.
Which region it shows first, and the resources behind it: tests/safety/test_help_resources.py."""

import re

import pytest
from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# With no cookie and no browser languages: the international page, which lists each
# country's emergency number and first crisis line.
NUMBERS = ["112", "911", "999", "000", "988", "116 123", "13 11 14", "1737"]


def test_a_guest_sees_emergency_numbers_and_crisis_lines() -> None:
    response = client_for(None).get(reverse("help_now"))

    assert response.status_code == 200
    page = response.content.decode()
    for number in NUMBERS:
        assert number in page, number
    assert "findahelpline.com" in page
    assert "not a crisis service or a treatment service" in page
    assert "not an emergency service" in page
    assert "not therapy" in page


def test_a_member_sees_the_page_too(maya) -> None:
    response = client_for(maya).get(reverse("help_now"))

    assert response.status_code == 200
    assert "116 123" in response.content.decode()


def test_the_page_loads_nothing_from_other_sites() -> None:
    page = client_for(None).get(reverse("help_now")).content.decode()

    external = re.findall(r'<(?:script|img|link|iframe)\b[^>]*(?:src|href)="(?:https?:)?//', page)
    assert external == []


@pytest.mark.parametrize("url_name", ["qa:home", "qa:categories", "accounts:login", "help_now"])
def test_every_page_links_to_help_now(url_name: str) -> None:
    response = client_for(None).get(reverse(url_name))

    assert response.status_code == 200
    assert f'href="{reverse("help_now")}"' in response.content.decode()


def test_a_missing_page_still_links_to_help_now() -> None:
    response = client_for(None).get("/no-such-page/")

    assert response.status_code == 404
    assert f'href="{reverse("help_now")}"' in response.content.decode()
