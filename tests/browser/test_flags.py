"""Flagging in a real browser, with and without JavaScript, and the flag pages through axe:
the flag form, "Your flags", asking for a review, and a hidden answer as its author sees it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.moderation.actions.flags import flag_item
from mindwell.moderation.models import Flag
from mindwell.qa import actions
from mindwell.qa.models import Post
from tests.browser.support import ask, axe_in_both_themes, screenshot
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]
ANSWER = "Try writing the argument down, then closing the notebook for the night."


@pytest.fixture
def answer() -> Post:
    question = ask(make_member("asker"))
    return actions.post_answer(
        question=question, author=make_member("writer", display_name="Robin"), body=ANSWER
    )


def assert_passes_axe(page: Page, name: str) -> None:
    failures = axe_in_both_themes(page, name)
    assert not failures, "\n\n".join(failures)


def test_a_member_flags_an_answer_in_place(visitor: Visitor, answer: Post) -> None:
    reader = make_member("reader")
    page = visitor(reader)
    page.goto(answer.get_absolute_url())
    page.evaluate("window.__sameDocument = true")
    post = page.locator(f"#a{answer.pk}")
    post.get_by_role("link", name="Flag answer").click()
    choices = post.get_by_role("group", name="What is wrong with it?")
    expect(choices).to_be_visible()
    assert_passes_axe(page, "question page with the flag form open")
    post.get_by_role("button", name="Send the flag").click()
    expect(post.get_by_role("alert")).to_contain_text("Choose what is wrong with it.")
    choices.get_by_label("Spam").check()
    post.get_by_role("button", name="Send the flag").click()
    expect(post.get_by_role("status").last).to_contain_text("Thank you for flagging this")
    expect(post.get_by_role("link", name="Flag answer")).to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True  # no reload
    assert Flag.objects.get(post=answer).flagger == reader
    screenshot(page, "flag-in-place")


def test_a_member_flags_an_answer_without_javascript(visitor: Visitor, answer: Post) -> None:
    page = visitor(make_member("reader"), javascript=False)
    page.goto(answer.get_absolute_url())
    page.locator(f"#a{answer.pk}").get_by_role("link", name="Flag answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flag this answer")
    page.get_by_label("Needs a moderator").check()
    page.get_by_role("button", name="Send the flag").click()
    expect(page.get_by_role("alert")).to_contain_text("Tell the moderators")
    page.get_by_label("A note for the moderators").fill("It names the writer's clinic.")
    page.get_by_role("button", name="Send the flag").click()
    expect(page.get_by_text("Thank you for flagging this")).to_be_visible()
    assert Flag.objects.get(post=answer).note == "It names the writer's clinic."


def test_the_pages_of_flags_and_hidden_answers_pass_axe(visitor: Visitor, answer: Post) -> None:
    moderator = make_member("mod_sam", is_moderator=True)
    reader = make_member("reader")
    flag_page = visitor(make_member("other_reader"), javascript=False)
    flag_page.goto(f"/moderation/flag/post/{answer.pk}/")
    assert_passes_axe(flag_page, "flag page")
    flag_page.get_by_role("button", name="Send the flag").click()
    expect(flag_page.get_by_role("alert")).to_contain_text("Choose what is wrong with it.")
    assert_passes_axe(flag_page, "flag page with a problem")
    flag_item(flagger=reader, post=answer, reason="rude")
    flag_item(flagger=moderator, post=answer, reason="spam")
    writer = answer.author
    assert writer is not None
    pages = [
        ("my flags", visitor(reader), "/moderation/flags/mine/"),
        ("hidden answer, its author", visitor(writer), answer.get_absolute_url()),
        ("ask for a review", visitor(writer), f"/moderation/review-request/post/{answer.pk}/"),
    ]
    for name, page, path in pages:
        response = page.goto(path)
        assert response is not None and response.status == 200, name
        assert page.locator("h1").count() == 1, name
        assert_passes_axe(page, name)
    author_page = pages[1][1]
    expect(author_page.locator(".post.is-held .held-note")).to_contain_text(
        "A moderator hid this answer as spam."
    )
    author_page.get_by_role("link", name="Ask for a review").click()
    author_page.get_by_label("Why should it be shown again?").fill("It is general advice.")
    author_page.get_by_role("button", name="Ask for a review").click()
    expect(author_page.get_by_text("a moderator will look at it again")).to_be_visible()
