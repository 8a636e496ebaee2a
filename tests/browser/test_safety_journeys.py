"""Issue 12's journey in a real browser: a member writes a question that reads as crisis; they
see the support page at once (crisis options, "will they send the police?"), go on to their
published question, and a moderator finds it at the top of the review queue, marked "may
need support", with the screening's reasons and a reply from a template. The pages pass axe
in both themes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.moderation.models import Queue
from mindwell.moderation.queue import PRIORITY_HIGH, enqueue
from mindwell.qa import actions
from mindwell.tags.models import Category
from tests.browser.support import axe_in_both_themes
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "I do not know who else to tell about this"
BODY = (
    "i dont know why im writing this here. i dont want to be alive anymore and i keep "
    "thinking about ending my life tonight, everyone would be better off without me"
)


def axe_failures(page: Page, name: str) -> list[str]:
    return axe_in_both_themes(page, name)


def test_a_crisis_question_reaches_its_author_and_the_moderators(
    visitor: Callable[..., Page],
) -> None:
    asker = make_member("lee", display_name="Lee")
    moderator = make_member("mod_jo", display_name="Jo", is_moderator=True)
    category = Category.objects.get(slug="panic-attacks")
    earlier = actions.ask_question(
        author=make_member("kim"), title="What helps you sleep after a hard day?",
        body="I lie awake going over everything that happened at work.",
        category=category, tags="sleep",
    )  # fmt: skip
    enqueue(queue=Queue.SAFETY, reason="Screening: method", post=earlier, priority=PRIORITY_HIGH)
    failures: list[str] = []

    page = visitor(asker)
    page.goto("/ask/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Details").fill(BODY)
    page.get_by_label("Category").select_option(str(category.pk))
    page.get_by_label("Tags").fill("depression")
    page.get_by_role("button", name="Post your question").click()

    # The support page, at once: calm, with crisis options and the way on.
    expect(page.get_by_role("heading", level=1)).to_have_text("You are not on your own with this")
    expect(page.get_by_text("Your question is up on the site")).to_be_visible()
    expect(page.get_by_text("Will they send the police?")).to_be_visible()
    failures += axe_failures(page, "support page")
    page.get_by_role("link", name="Go to my question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("everyone would be better off without me")).to_be_visible()

    # The moderators' queue: the crisis question above the earlier item.
    mod = visitor(moderator)
    mod.goto(f"/moderation/review/{Queue.SAFETY}/")
    items = mod.locator("main h2 a")
    expect(items.first).to_be_visible()
    mod_first = items.first.get_attribute("href")
    mod.goto(str(mod_first))
    expect(mod.get_by_text(TITLE).first).to_be_visible()
    expect(mod.get_by_text("may need support, crisis", exact=False)).to_be_visible()
    failures += axe_failures(mod, "review item")
    mod.get_by_role("link", name="Reply from a template").click()
    mod.get_by_role("link", name="Checking in, after a hard post").click()
    reply = mod.get_by_label("Your reply")
    expect(reply).to_contain_text("I read what you wrote")
    failures += axe_failures(mod, "reply from a template")
    reply.fill("Lee, I read your question tonight. " + reply.input_value())
    mod.get_by_role("button", name="Send the reply").click()
    expect(mod.get_by_text("Your reply is sent.")).to_be_visible()
    assert not failures, "\n\n".join(failures)
