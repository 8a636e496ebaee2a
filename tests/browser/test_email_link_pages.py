"""A guest in a real browser asks to hear of replies, confirms the address from the email's
link and stops the email again: it works with JavaScript on and off, and every page on the
way passes axe (which needs JavaScript: checked in the browser that runs it)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from mindwell.notifications.models import GuestAddress
from mindwell.tags.models import Category
from tests.browser.support import axe_violations, blocking, describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADDRESS = "river@example.org"


def assert_accessible(page: Page, javascript: bool) -> None:
    if javascript:
        found = blocking(axe_violations(page))
        assert found == [], describe_violations(found)


def link_in_mail(kind: str) -> str:
    [message] = [m for m in mail.outbox if m.to == [ADDRESS] and "confirm" in m.subject.lower()]
    found = re.search(rf"https?://[^/\s]+(/notifications/{kind}/[^\s]+/)", str(message.body))
    assert found, message.body
    return found.group(1)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_guest_asks_to_hear_of_replies_confirms_and_stops(
    visitor: Callable[..., Page], javascript: bool
) -> None:
    category = Category.objects.filter(parent__isnull=False).first()
    assert category is not None
    page = visitor(javascript=javascript)
    page.goto("/ask/")
    page.get_by_label("Title").fill("How do I get through a panic attack at work?")
    page.get_by_label("Details").fill("It started in a meeting last week and I had to leave.")
    page.get_by_label("Category").select_option(str(category.pk))
    page.get_by_label("Email address").fill(ADDRESS)
    page.get_by_label("Email me when someone replies").check()
    assert_accessible(page, javascript)
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_text("confirm the address with the link in the message")).to_be_visible()

    page.goto(link_in_mail("confirm"))
    expect(page.get_by_role("heading", name="Confirm your address")).to_be_visible()
    assert_accessible(page, javascript)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Address confirmed")).to_be_visible()
    assert_accessible(page, javascript)
    assert GuestAddress.objects.get(email=ADDRESS).confirmed_at is not None

    page.get_by_role("link", name="this one stops them now").click()
    expect(page.get_by_role("heading", name="Stop emails")).to_be_visible()
    assert_accessible(page, javascript)
    page.get_by_role("button", name="Stop them").click()
    expect(page.get_by_text("No more emails will be sent to this address.")).to_be_visible()
    assert_accessible(page, javascript)
    assert GuestAddress.objects.get(email=ADDRESS).stopped_at is not None

    response = page.goto(link_in_mail("confirm")[:-9] + "/")
    assert response is not None and response.status == 400
    expect(page.get_by_role("heading", name="This link does not work")).to_be_visible()
    assert_accessible(page, javascript)
