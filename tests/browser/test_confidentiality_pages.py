"""Confidentiality in a real browser: the prompt before posting a question that names
someone (with and without JavaScript), and a moderator's redaction; axe finds no serious
problem on either page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.qa.actions import REDACTED
from mindwell.qa.models import Post, Revision
from tests.browser.support import (
    ask,
    axe_violations,
    blocking,
    describe_violations,
    focused,
    screenshot,
)
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def fill_named_question(page: Page) -> None:
    page.goto("/ask/")
    page.get_by_label("Title").fill("My therapist Dr Patel keeps checking the clock")
    page.get_by_label("Details").fill(
        "Every session at Riverside Counselling she glances at the clock when I talk about work."
    )
    page.get_by_label("Category").select_option(label="Therapists › The therapy relationship")
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_question_naming_someone_is_posted_only_once_its_asker_chooses(
    visitor: Visitor, javascript: bool
) -> None:
    page = visitor(make_member("asker"), javascript=javascript)
    fill_named_question(page)
    prompt = page.locator(".confirm-summary")
    expect(prompt).to_contain_text("“Dr Patel”, “Riverside Counselling”")
    assert not Post.objects.exists()
    expect(page.get_by_label("Details")).to_have_value(
        "Every session at Riverside Counselling she glances at the clock when I talk about work."
    )
    if javascript:
        assert focused(page)["tag"] == "div"  # the prompt, as the error summary would be
        problems = blocking(axe_violations(page))
        assert not problems, describe_violations(problems)
        screenshot(page, "ask-names-prompt", full_page=False)
    # "Edit the text" leads to the text; "Post it as it is" posts it.
    page.get_by_role("link", name="Edit the text").click()
    assert focused(page)["name"] == "body"
    page.get_by_role("button", name="Post it as it is").click()
    page.wait_for_load_state()
    question = Post.objects.questions().get()
    expect(page.get_by_role("heading", level=1)).to_have_text(question.title)
    assert "Dr Patel" in question.title


def test_a_moderator_redacts_a_name_from_a_question_and_its_history(visitor: Visitor) -> None:
    question = ask(
        make_member("asker"),
        title="Should I tell Dr Imogen Hart that she hurt me?",
        body="Dr Imogen Hart said something in our last session that stayed with me all week.",
    )
    page = visitor(make_member("mod_sam", is_moderator=True))
    page.goto(question.get_absolute_url())
    page.get_by_role("link", name="Redact a passage of this question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Redact a passage")
    problems = blocking(axe_violations(page))
    assert not problems, describe_violations(problems)
    screenshot(page, "redact", full_page=False)
    page.get_by_label("Words to remove").fill("Imogen Hart")
    page.get_by_role("button", name="Remove these words for good").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text(REDACTED)
    expect(page.locator(".post-body").first).not_to_contain_text("Imogen")
    assert "Imogen" not in Revision.objects.get(post=question).body
