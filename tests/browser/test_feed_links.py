"""The links to the Atom feeds in a real browser: beside the heading of the lists, a
category, a tag and a question, named for what they follow, leading to the feed, axe clean
in both colour schemes and on a narrow screen."""

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


def test_feed_links_lead_to_their_feeds_and_pass_axe(visitor: Visitor) -> None:
    asker = make_member("asker", display_name="Asker")
    question = ask(asker)
    actions.post_answer(
        question=question, author=None, guest_name="Robin", body="Writing it down helped me."
    )
    assert question.category is not None
    tag, slug = question.tag_list[0], question.category.slug
    pages = {
        "/": ("Atom feed", "/feeds/questions/"),
        f"/category/{slug}/": ("Atom feed", f"/feeds/category/{slug}/"),
        f"/tag/{tag}/": ("Atom feed", f"/feeds/tag/{tag}/"),
        question.get_absolute_url(): ("Atom feed of answers", f"/feeds/question/{question.pk}/"),
    }  # fmt: skip
    for width in (1280, 360):
        page = visitor(width=width)
        for path, (name, feed) in pages.items():
            page.goto(path)
            link = page.get_by_role("link", name=name, exact=True)
            expect(link).to_be_visible()
            expect(link).to_have_attribute("href", feed)
            assert page.locator(f'head link[rel="alternate"][href="{feed}"]').count() == 1
            assert not has_horizontal_scroll(page), (path, width)
            failures = axe_in_both_themes(page, f"{path} at {width}px")
            assert not failures, "\n\n".join(failures)
            fetched = page.request.get(feed)
            assert fetched.status == 200
            assert fetched.headers["content-type"] == "application/atom+xml; charset=utf-8"
        page.goto(question.get_absolute_url())
        link = page.get_by_role("link", name="Atom feed of answers", exact=True)
        link.focus()
        expect(link).to_be_focused()
        feed = page.request.get(f"/feeds/question/{question.pk}/").text()
        assert "<name>Robin</name>" in feed and question.title in feed
