"""Search in a real browser: a reader types in the header's box, sees the matched words
highlighted, follows a result, narrows with an operator, and reads the sentence a bad
operator gets. The results and help pages pass axe in both themes; on a phone the header
links to the search page's own box (plain GET forms: no script is involved in searching)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.qa import actions
from tests.browser.support import (
    ask,
    axe_in_both_themes,
    has_horizontal_scroll,
)
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def assert_accessible(page: Page, name: str) -> None:
    failures = axe_in_both_themes(page, name, shots=f"search-{name}")
    assert not failures, "\n\n".join(failures)


def test_a_reader_searches_from_the_header_and_narrows_with_operators(visitor: Visitor) -> None:
    asker = make_member("asker", display_name="Asker")
    helper = make_member("helper", display_name="Helper")
    question = ask(asker)  # "How do I stop replaying arguments in my head at night?"
    actions.post_answer(
        question=question, author=helper, body="Writing the argument down before bed helps."
    )
    ask(asker, title="Arguing with my sister about our parents' care", tags="family")

    page = visitor()
    page.goto("/")
    box = page.get_by_role("searchbox", name="Search questions and answers")
    box.fill("arguments")
    box.press("Enter")
    expect(page).to_have_url("/search/?q=arguments")
    expect(page.locator("#search-count")).to_contain_text("2 results")
    expect(page.locator(".snippet mark").first).to_be_visible()
    assert_accessible(page, "results")

    page.get_by_role("link", name=question.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(question.title)

    box = page.get_by_role("searchbox", name="Search questions and answers")
    box.fill("argument is:answer")
    box.press("Enter")
    expect(page.locator(".search-result")).to_have_count(1)
    expect(page.locator(".search-result")).to_contain_text("Answer to")
    expect(page.locator(".snippet mark")).to_have_text("argument")

    page.get_by_role("searchbox", name="Search questions and answers").first.fill("tag:family")
    page.get_by_role("searchbox", name="Search questions and answers").first.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("“tag:” is not something search knows")
    assert_accessible(page, "problem")

    page.get_by_role("link", name="How to search").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How to search")
    assert_accessible(page, "help")


def test_on_a_phone_the_header_links_to_the_search_page(visitor: Visitor) -> None:
    ask(make_member("asker"))
    page = visitor(width=360, height=740)
    page.goto("/")
    assert not has_horizontal_scroll(page)
    # The box would take a row of the header: a link to the search page stands in for it.
    expect(page.get_by_role("searchbox", name="Search questions and answers")).to_be_hidden()
    page.locator(".site-header").get_by_role("link", name="Search", exact=True).click()
    page.locator("main").get_by_role("searchbox").fill("replaying")
    page.locator("main").get_by_role("button", name="Search").click()
    expect(page.locator(".snippet, .search-result h2 mark, .search-result").first).to_be_visible()
    assert not has_horizontal_scroll(page)
    assert_accessible(page, "phone")
