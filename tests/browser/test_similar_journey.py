"""Similar questions while asking, in a real browser: as the title is typed the questions
that look alike appear in a live region, a link to one keeps the draft, and without
JavaScript the Preview button shows the same list. axe passes on the ask page with them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from tests.browser.support import ask, axe_in_both_themes
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def test_an_asker_sees_questions_like_theirs_as_they_type(visitor: Visitor) -> None:
    cache.clear()
    asker = make_member("asker", display_name="Asker")
    attached = ask(
        asker,
        title="Is it normal to feel attached to my therapist?",
        body="I have seen her weekly for a year and think about her between sessions.",
        tags="attachment",
    )
    ask(asker)  # about sleep after arguments: not alike

    page = visitor(asker)
    page.goto("/ask/")
    hints = page.locator(".similar-hints")
    expect(hints).to_have_attribute("aria-live", "polite")
    page.get_by_label("Title").fill("Attached")  # too short to ask about yet
    page.wait_for_timeout(700)
    expect(hints.locator("li")).to_have_count(0)
    page.get_by_label("Title").fill("Getting really attached to my counsellor")
    link = hints.get_by_role("link", name=attached.title)
    expect(link).to_be_visible()
    expect(hints.get_by_role("heading", name="Already asked? These look alike")).to_be_visible()
    expect(hints.locator("li")).to_have_count(1)
    failures = axe_in_both_themes(page, "ask page with hints", shots="similar-hints")
    assert not failures, "\n\n".join(failures)

    # Reading one and coming back keeps the draft.
    link.click()
    expect(page).to_have_url(f"{page.url.split('/q/')[0]}{attached.get_absolute_url()}")
    page.go_back()
    expect(page.get_by_label("Title")).to_have_value("Getting really attached to my counsellor")


def test_without_javascript_the_preview_lists_them(visitor: Visitor) -> None:
    cache.clear()
    asker = make_member("asker", display_name="Asker")
    attached = ask(
        asker,
        title="Is it normal to feel attached to my therapist?",
        body="I have seen her weekly for a year and think about her between sessions.",
        tags="attachment",
    )
    page = visitor(asker, javascript=False)
    page.goto("/ask/")
    page.get_by_label("Title").fill("Getting really attached to my counsellor")
    page.get_by_label("Details").fill("I think about her between our sessions, all week long.")
    page.get_by_label("Category").select_option(index=1)
    page.get_by_role("button", name="Preview").click()
    hints = page.locator(".similar-hints")
    expect(hints.get_by_role("link", name=attached.title)).to_be_visible()
    expect(hints).to_contain_text("(0 answers)")
    failures = axe_in_both_themes(page, "preview with hints, without JavaScript")
    assert not failures, "\n\n".join(failures)
