"""The review pages in a real browser: a moderator removes a spam wave in one step from the
queue, and every review page passes axe in the light and the dark theme."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from mindwell.moderation.models import Flag, FlagReason, Queue
from mindwell.moderation.queue import PRIORITY_URGENT, enqueue
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.tags.models import Category
from tests.browser.support import axe_in_both_themes, screenshot
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SPAM = "Cheap followers and likes, visit my shop today for a discount."


def spam_wave() -> dict[str, object]:
    maya = make_member("maya", display_name="Maya")
    spammer = make_member("spam_bot_7")
    flagger = make_member("flagger_ana")
    category = Category.objects.get(slug="therapy-relationship")
    question = actions.ask_question(
        author=maya, title="Is it normal to feel attached to my therapist?",
        body="I have been seeing my therapist for a year and think of her often.",
        category=category, tags="transference",
    )  # fmt: skip
    spam = [
        actions.post_answer(question=question, author=spammer, body=f"{SPAM} Offer {n}.")
        for n in range(3)
    ]
    items = []
    for post in spam:
        Flag.objects.create(
            flagger=flagger, post=post, reason=FlagReason.SPAM, note="An advert",
            created_at=timezone.now(),
        )  # fmt: skip
        items.append(enqueue(queue=Queue.FLAGS, reason="Flagged as spam", post=post))
    enqueue(queue=Queue.SAFETY, reason="may need support", post=question, priority=PRIORITY_URGENT)
    return {"question": question, "spam": spam, "items": items, "spammer": spammer}


def check_axe(page: Page, name: str, failures: list[str]) -> None:
    assert page.locator("h1").count() == 1, name
    failures.extend(axe_in_both_themes(page, name))
    screenshot(page, f"review-{name}", full_page=True)


def test_a_moderator_hides_a_spam_wave_from_the_queue_and_the_pages_pass_axe(
    visitor: Callable[..., Page],
) -> None:
    wave = spam_wave()
    moderator = make_member("mod_jo", display_name="Jo (moderator)", is_moderator=True)
    page = visitor(moderator)
    failures: list[str] = []

    page.goto("/")
    page.get_by_role("link", name="Review (4)").click()
    check_axe(page, "queues", failures)
    page.get_by_role("link", name="Flagged posts").click()
    check_axe(page, "queue", failures)
    for item in wave["items"]:  # type: ignore[attr-defined]
        page.get_by_label(f"Select item {item.pk}: Flagged as spam").check()
    page.get_by_label("Decision").select_option("hide")
    page.get_by_label("Short reason").fill("Spam")
    page.get_by_role("button", name="Review the selection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hide 3 items?")
    check_axe(page, "bulk-confirm", failures)
    page.get_by_role("button", name="Yes, hide 3 answers").click()
    expect(page.get_by_text("Hidden: 3 items.")).to_be_visible()
    assert all(Post.objects.get(pk=p.pk).removal == "hidden" for p in wave["spam"])  # type: ignore[attr-defined]

    page.goto("/moderation/review/safety/")
    page.get_by_role("link", name="Review item").first.click()
    page.get_by_role("button", name="Claim it for 15 minutes").click()
    expect(page.get_by_text("You claimed this item for 15 minutes.")).to_be_visible()
    check_axe(page, "item", failures)

    page.goto(f"/moderation/member/{wave['spammer'].pk}/remove")  # type: ignore[attr-defined]
    check_axe(page, "remove-account", failures)
    page.get_by_role("button", name="Yes, remove the account").click()
    expect(
        page.get_by_role("button", name="Restore everything removed by this action")
    ).to_be_visible()
    check_axe(page, "removal", failures)
    assert not failures, "\n\n".join(failures)
