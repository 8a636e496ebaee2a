"""Closing in a real browser: the close and reopen pages and a question's notices and
controls pass axe in both themes, and a moderator closes a question as a duplicate with
JavaScript off, by the plain form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.accounts.models import User
from mindwell.moderation.actions import closing
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.tags.models import Category
from tests.browser.support import axe_in_both_themes
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _ask(author: User, title: str) -> Post:
    return actions.ask_question(
        author=author, title=title, body="Some words about what is going on and what I tried.",
        category=Category.objects.get(slug="therapy-relationship"), tags="attachment",
    )  # fmt: skip


def test_a_moderator_closes_a_duplicate_without_javascript_and_the_pages_pass_axe(
    visitor: Callable[..., Page],
) -> None:
    maya = make_member("maya", display_name="Maya")
    moderator = make_member("mod_jo", display_name="Jo", is_moderator=True)
    trusted = make_member("ines", display_name="Ines", points=150)
    question = _ask(maya, "Is it normal to feel attached to my therapist?")
    original = _ask(trusted, "How do I tell my therapist I feel attached?")
    protected = _ask(trusted, "Why do I miss my therapist between sessions?")
    closing.protect_question(question=protected, by=moderator)
    closing.lock_thread(question=protected, by=moderator)

    failures: list[str] = []

    def check(name: str, each: Page) -> None:
        failures.extend(axe_in_both_themes(each, name))

    # With JavaScript off, through the plain forms.
    page = visitor(moderator, javascript=False)
    page.goto(question.get_absolute_url())
    page.get_by_role("link", name="Close", exact=True).click()
    page.get_by_role("button", name="Close the question").click()  # no reason: errors
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_role("radio", name="Duplicate").check()
    page.get_by_label("The original question (for a duplicate)").fill(original.get_absolute_url())
    page.get_by_role("button", name="Close the question").click()
    expect(page.get_by_text("This question has an answer already:")).to_be_visible()
    expect(page.get_by_role("link", name=original.title)).to_be_visible()
    check("closed-duplicate-without-javascript", page)

    # Each page of closing, as its people see it.
    other = _ask(maya, "Why do I dread the end of each session so much?")
    form = visitor(moderator)
    form.goto(f"/moderation/question/{other.pk}/close")
    form.get_by_role("button", name="Close the question").click()
    expect(form.get_by_role("alert")).to_be_visible()
    check("close-errors", form)
    form.goto(question.get_absolute_url())
    check("closed-question-moderator", form)
    form.get_by_role("link", name="Reopen").click()
    check("reopen", form)
    voter = visitor(trusted)
    voter.goto(question.get_absolute_url())
    expect(voter.get_by_role("link", name="Vote to reopen")).to_be_visible()
    check("closed-question-voter", voter)
    voter.goto(f"/moderation/question/{other.pk}/close")
    check("vote-to-close", voter)
    guest = visitor()
    guest.goto(original.get_absolute_url())
    expect(guest.get_by_text("Questions marked as duplicates of this one")).to_be_visible()
    check("original", guest)
    guest.goto(protected.get_absolute_url())
    expect(guest.get_by_text("This question is locked:", exact=True)).to_be_visible()
    check("locked-protected", guest)
    guest.goto("/")
    check("home-badges", guest)
    assert not failures, "\n\n".join(failures)
