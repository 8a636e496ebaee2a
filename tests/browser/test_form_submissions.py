"""Sending the question page's forms in a real browser: a double click posts once, a comment
with problems comes back with every problem and its text."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Route, expect

from mindwell.qa.models import Comment, Post
from tests.browser.support import ask
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


@pytest.mark.parametrize("javascript", [True, False])
def test_an_answer_sent_again_after_the_connection_dropped_is_posted_once(
    visitor: Visitor, javascript: bool
) -> None:
    question = ask(make_member("asker"))
    page = visitor(javascript=javascript)
    page.goto(question.get_absolute_url())
    page.get_by_role("textbox", name="Your answer").fill(
        "Writing the argument down before bed helped me: once it is on paper I can let it go."
    )

    # The request reaches the site and is posted, but the answer never reaches the browser.
    def lose_the_answer(route: Route) -> None:
        route.fetch(max_redirects=0)
        route.abort("connectionreset")

    page.route("**/answer", lose_the_answer)
    with contextlib.suppress(PlaywrightError):
        page.get_by_role("button", name="Post your answer").click()
        page.wait_for_load_state()
    assert Post.objects.answers().count() == 1
    page.unroute("**/answer")
    # The writer reloads the error page, once the browser shows it: the browser sends the
    # same request again.
    expect(page).to_have_url(re.compile(r"^chrome-error://"))
    page.reload()

    expect(page.get_by_role("status").first).to_contain_text("your answer is posted")
    # A guest lands on their answer's private link page, which shows it.
    expect(page.locator(".post-body")).to_contain_text("once it is on paper")
    assert Post.objects.answers().count() == 1


def test_an_answer_sent_again_from_the_form_after_the_connection_dropped_is_posted_once(
    visitor: Visitor,
) -> None:
    question = ask(make_member("asker"))
    page = visitor()
    page.goto(question.get_absolute_url())
    page.get_by_role("textbox", name="Your answer").fill(
        "Writing the argument down before bed helped me: once it is on paper I can let it go."
    )

    def lose_the_answer(route: Route) -> None:
        route.fetch(max_redirects=0)
        route.abort("connectionreset")

    page.route("**/answer", lose_the_answer)
    with contextlib.suppress(PlaywrightError):
        page.get_by_role("button", name="Post your answer").click()
        page.wait_for_load_state()
    assert Post.objects.answers().count() == 1
    page.unroute("**/answer")
    # The writer goes back to their form (the page is fetched anew) and sends it again.
    page.go_back()
    expect(page.get_by_role("textbox", name="Your answer")).to_have_value(
        "Writing the argument down before bed helped me: once it is on paper I can let it go."
    )
    page.get_by_role("button", name="Post your answer").click()

    expect(page.get_by_role("status").first).to_contain_text("your answer is posted")
    assert Post.objects.answers().count() == 1


def test_a_comment_with_problems_comes_back_open_with_each_problem_and_its_text(
    visitor: Visitor,
) -> None:
    question = ask(make_member("asker"))
    page = visitor()
    page.goto(question.get_absolute_url())
    page.get_by_text("Add a comment").click()
    form = page.locator(f"#q{question.pk} .comment-form")
    form.get_by_label("Your comment").fill("Hm")
    form.get_by_label("Your name to display").fill("Moderator")
    form.get_by_role("button", name="Add comment").click()

    summary = page.locator(f"#q{question.pk}").get_by_role("alert")
    expect(summary).to_contain_text("Please correct 2 problems; nothing you wrote is lost.")
    expect(summary).to_contain_text("The comment is too short")
    expect(summary).to_contain_text("Please choose a display name")
    expect(form.get_by_label("Your comment")).to_have_value("Hm")
    expect(form.get_by_label("Your name to display")).to_have_value("Moderator")
    expect(form.get_by_label("Email address")).to_be_visible()  # the form is open
    summary.get_by_role("link", name="Your comment: The comment is too short").click()
    expect(form.get_by_label("Your comment")).to_be_focused()
    assert not Comment.objects.exists()
