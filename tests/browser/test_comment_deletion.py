"""Deleting a comment in a real browser: a confirm step in the page, then an Undo in its
place, by keyboard, with and without JavaScript."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.qa import actions
from mindwell.qa.models import Comment
from mindwell.tags.models import Category
from tests.browser.support import (
    axe_in_both_themes,
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
WORDS = "Writing it down before bed helped me too."


@pytest.fixture
def comment() -> Comment:
    asker, writer = make_member("asker"), make_member("writer", display_name="Robin")
    question = actions.ask_question(
        author=asker,
        title="How do I stop replaying arguments in my head at night?",
        body="After a row with my partner I lie awake going over every word.",
        category=Category.objects.get(slug="sleep-and-worry"),
        tags="sleep",
    )
    return actions.add_comment(post=question, author=writer, body=WORDS)


def focused_text(page: Page) -> str:
    return " ".join(focused(page)["text"].split())


def is_deleted(comment: Comment) -> bool:
    return Comment.objects.get(pk=comment.pk).is_deleted


def test_a_member_deletes_their_comment_after_a_confirm_step_and_undoes_it(
    visitor: Visitor, comment: Comment
) -> None:
    page = visitor(comment.author)
    page.goto(comment.get_absolute_url())
    page.evaluate("window.__sameDocument = true")
    item = page.locator(f"#c{comment.pk}")

    # Escape takes the question back, and the focus returns to the link.
    item.get_by_role("link", name="delete comment").click()
    confirm = item.get_by_role("group", name="Delete this comment?")
    expect(confirm).to_be_visible()
    assert focused_text(page) == "Yes, delete"
    page.keyboard.press("Escape")
    expect(confirm).to_have_count(0)
    assert focused_text(page) == "delete comment"
    assert not is_deleted(comment)

    page.keyboard.press("Enter")  # the link has the focus: open the question again
    expect(confirm).to_be_visible()
    violations = blocking(axe_violations(page))
    assert not violations, describe_violations(violations)
    page.keyboard.press("Enter")  # "Yes, delete"
    expect(item).to_contain_text("Comment deleted.")
    expect(item).not_to_contain_text(WORDS)
    assert focused_text(page) == "Undo"
    expect(page.locator("#live-status")).to_have_text(
        "Comment deleted. Press Undo to bring it back."
    )
    assert is_deleted(comment)
    screenshot(page, "comment-deleted-undo")

    page.keyboard.press("Enter")  # Undo
    expect(item).to_contain_text(WORDS)
    expect(page.locator("#live-status")).to_have_text("Comment restored.")
    assert focused_text(page) == "delete comment"
    assert not is_deleted(comment)
    assert page.evaluate("window.__sameDocument === true"), "no reload on the way"
    # The confirm page that JavaScript stands in for.
    page.goto(f"/comment/{comment.pk}/delete")
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this comment?")
    violations = blocking(axe_violations(page))
    assert not violations, describe_violations(violations)


def test_without_javascript_a_page_asks_first_and_offers_the_undo(
    visitor: Visitor, comment: Comment
) -> None:
    page = visitor(comment.author, javascript=False)
    page.goto(comment.get_absolute_url())
    page.locator(f"#c{comment.pk}").get_by_role("link", name="delete comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this comment?")
    expect(page.locator(".comment-quote")).to_contain_text(WORDS)
    failures = axe_in_both_themes(page, "delete a comment, without JavaScript")
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Comment deleted")
    assert is_deleted(comment)
    failures += axe_in_both_themes(page, "comment deleted, without JavaScript")
    assert not failures, "\n\n".join(failures)
    page.get_by_role("button", name="Undo: bring it back").click()
    expect(page.locator(f"#c{comment.pk}")).to_contain_text(WORDS)
    expect(page.get_by_role("status").first).to_contain_text("The comment is back.")
    assert not is_deleted(comment)


def test_a_moderator_sees_a_deleted_comment_marked_and_restores_it(
    visitor: Visitor, comment: Comment
) -> None:
    moderator = make_member("mod_jo", display_name="Jo", is_moderator=True)
    actions.delete_comment(comment=comment, by=comment.author)  # type: ignore[arg-type]
    page = visitor(moderator)
    page.goto(comment.get_absolute_url())
    item = page.locator(f"#c{comment.pk}")
    expect(item).to_contain_text("only moderators see this")
    failures = axe_in_both_themes(page, "a deleted comment, as its moderator sees it")
    assert not failures, "\n\n".join(failures)
    item.get_by_role("button", name="Restore comment").click()
    expect(page.get_by_role("status").first).to_contain_text("The comment is back.")
    expect(page.locator(f"#c{comment.pk}")).not_to_contain_text("only moderators see this")
    assert not is_deleted(comment)
