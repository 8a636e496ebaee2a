"""The spam defences in a real browser: a person filling in a form never meets the honeypot
and, taking a moment to write, never meets the minimum fill time; one who sends at once is
told why and sends again without retyping."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mindwell.qa.models import Post
from tests.browser.support import ask, focused
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


@pytest.mark.parametrize("javascript", [True, False])
def test_a_person_who_sends_too_soon_sends_again_and_the_answer_is_posted(
    visitor: Visitor, settings: Any, javascript: bool
) -> None:
    settings.MINDWELL_MIN_FILL_SECONDS = 2
    question = ask(make_member("asker"))
    page = visitor(javascript=javascript)
    page.goto(question.get_absolute_url())
    answer = "Going for a walk together before the hard talk made it gentler for us."
    page.get_by_role("textbox", name="Your answer").fill(answer)
    # From the answer to its button, the keyboard never lands in the honeypot.
    for _ in range(20):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["name"] != "website"
        if now["text"] == "Post your answer":
            break
    else:
        raise AssertionError("never reached the Post your answer button")

    page.get_by_role("button", name="Post your answer").click()
    page.wait_for_load_state()

    expect(page.get_by_role("alert").first).to_contain_text("sent too quickly")
    expect(page.get_by_role("textbox", name="Your answer")).to_have_value(answer)
    assert Post.objects.answers().count() == 0

    time.sleep(2)
    page.get_by_role("button", name="Post your answer").click()
    page.wait_for_load_state()
    expect(page.locator(".post-body")).to_contain_text("Going for a walk together")
    assert Post.objects.answers().count() == 1
