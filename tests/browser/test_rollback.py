"""Rolling back to an earlier revision in a real browser: a confirm step on the revisions
page, then the post as it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.tags.models import Category
from tests.browser.support import axe_violations, blocking, describe_violations, screenshot
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def test_the_author_rolls_back_to_the_original_after_confirming(visitor: Visitor) -> None:
    asker = make_member("asker")
    question = actions.ask_question(
        author=asker,
        title="How do I stop replaying arguments in my head at night?",
        body="After a row with my partner I lie awake going over every word.",
        category=Category.objects.get(slug="sleep-and-worry"),
        tags="sleep",
    )
    actions.edit_post(
        post=question, editor=asker, body="Sorry, I would rather not say any of this now."
    )
    page = visitor(asker)
    page.goto(f"/post/{question.pk}/revisions/")
    original = page.get_by_role("region", name="Original")
    expect(page.get_by_role("region", name="Revision 2").locator("details")).to_have_count(0)
    original.get_by_text("Roll back to the original", exact=True).click()
    confirm = original.get_by_role("button", name="Yes, roll back to the original")
    expect(confirm).to_be_visible()
    violations = blocking(axe_violations(page))
    assert not violations, describe_violations(violations)
    screenshot(page, "rollback-confirm")
    confirm.click()
    expect(page.get_by_role("status").first).to_contain_text("Rolled back to revision 1.")
    expect(page.locator(f"#q{question.pk} .post-body")).to_contain_text("I lie awake")
    assert Post.objects.get(pk=question.pk).revision_count == 3
