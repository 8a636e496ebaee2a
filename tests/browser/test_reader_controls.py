"""Reader controls and content notes in a real browser, with JavaScript off: a member hides
a tag and mutes a word on the settings page, no longer meets those questions in the list,
reads one of them once from its notice, opens a content note and a folded answer from the
keyboard; every page on the way passes axe in both themes, as it is shown without JavaScript."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.qa import actions
from mindwell.tags.models import Tag
from tests.browser.support import ask, axe_in_both_themes
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def assert_accessible(checker: Page, url: str) -> None:
    """axe on `url`, as the same member sees it (on a page of its own: the checks leave the
    journey's page where it is)."""
    checker.goto(url)
    failures = axe_in_both_themes(checker, url)
    assert not failures, "\n\n".join(failures)


def test_a_member_hides_a_tag_reads_a_hidden_question_once_and_opens_folded_text(
    visitor: Visitor,
) -> None:
    Tag.objects.create(name="self-harm")
    asker = make_member("asker")
    helper = make_member("helper", display_name="Helper")
    reader = make_member("reader", display_name="Reader")
    hidden = ask(
        asker,
        title="How do I support a friend who used to self-harm?",
        body="She told me about it years ago and is doing well now. I feel unsure what to say "
        "if it comes up again.",
        tags="self-harm shame",
        content_note="mentions self-harm",
    )
    plain = ask(asker, title="Is it normal to dread Sunday evenings before work?")
    actions.post_answer(
        question=plain, author=helper, body="Counting calories at night kept me awake for years."
    )
    actions.post_answer(question=plain, author=helper, body="A short walk after dinner helps me.")

    page = visitor(reader, javascript=False)
    checker = visitor(reader, javascript=False)
    page.goto("/accounts/settings/reading/")
    assert_accessible(checker, "/accounts/settings/reading/")
    page.get_by_label("self-harm").check()
    page.get_by_label("Muted words and phrases").fill("calories")
    page.get_by_role("button", name="Save reader settings").click()
    expect(page.get_by_text("Your reader settings are saved.")).to_be_visible()

    page.goto("/")
    expect(page.get_by_role("link", name=plain.title)).to_be_visible()
    expect(page.get_by_role("link", name=hidden.title)).to_have_count(0)
    expect(
        page.get_by_text("Questions hidden by your reader settings are left out.")
    ).to_be_visible()

    page.goto(hidden.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This question is hidden by your reader settings"
    )
    expect(page.get_by_text("It is tagged “self-harm”.")).to_be_visible()
    assert hidden.title not in page.content()
    assert_accessible(checker, hidden.get_absolute_url())
    page.get_by_role("link", name="Show it this once").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(hidden.title)
    body = page.get_by_text("I feel unsure what to say if it comes up again.")
    expect(body).to_be_hidden()  # folded under its content note
    note = page.locator("summary", has_text="Content note: mentions self-harm")
    note.focus()
    page.keyboard.press("Enter")
    expect(body).to_be_visible()
    assert_accessible(checker, f"{hidden.get_absolute_url()}?show=once")

    page.goto(plain.get_absolute_url())
    folded = page.get_by_text("Counting calories at night")
    expect(folded).to_be_hidden()
    expect(page.get_by_text("A short walk after dinner helps me.")).to_be_visible()
    page.locator("summary", has_text="This answer contains a word you muted").click()
    expect(folded).to_be_visible()
    assert_accessible(checker, plain.get_absolute_url())
