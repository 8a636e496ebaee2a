"""The pages for moderating members, and what a suspended member sees, in a real browser:
axe-core finds no serious or critical problem in either theme, and a moderator can suspend
a member with the form, who then sees why on every page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from mindwell.moderation.actions.members import (
    block_range,
    send_moderator_message,
    suspend_member,
)
from mindwell.qa import actions
from mindwell.tags.models import Category
from tests.browser.support import axe_in_both_themes
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_moderating_members_pages_pass_axe_and_a_suspension_is_seen_by_the_member(
    visitor: Callable[..., Page],
) -> None:
    moderator = make_member("mod_jo", is_moderator=True)
    maya = make_member("maya", display_name="Maya")
    riley = make_member("riley")
    category = Category.objects.get(slug="panic-attacks")
    question = actions.ask_question(
        author=maya, title="How do I get through a panic attack at work?",
        body="It started in a meeting last week and I had to leave the room.",
        category=category, tags="panic",
    )  # fmt: skip
    suspend_member(member=riley, by=moderator, days=3, reason="Spam links in answers.")
    send_moderator_message(member=riley, by=moderator, body="Please **stop** posting links.")
    block_range(network="203.0.113.0/24", by=moderator, reason="A spam wave.", days=7)

    mod, suspended = visitor(moderator), visitor(riley)
    pages: list[tuple[str, Page, str]] = [
        ("member-record", mod, reverse("moderation:member", args=[riley.pk])),
        ("suspend", mod, reverse("moderation:suspend", args=[maya.pk])),
        ("lift", mod, reverse("moderation:lift", args=[riley.pk])),
        ("message", mod, reverse("moderation:message", args=[maya.pk])),
        ("blocked-ranges", mod, reverse("moderation:blocked_ranges")),
        ("suspended-home", suspended, "/"),
        ("suspended-question", suspended, question.get_absolute_url()),
        ("suspended-ask", suspended, reverse("qa:ask")),
        ("my-messages", suspended, reverse("moderation:my_messages")),
    ]
    failures = []
    for name, page, path in pages:
        response = page.goto(path)
        assert response is not None
        assert response.status == (403 if name == "suspended-ask" else 200), name
        assert page.locator("h1").count() == 1, name
        failures.extend(axe_in_both_themes(page, name))
    assert not failures, "\n\n".join(failures)

    # The moderator suspends maya with the form; she sees why on the next page.
    mod.goto(reverse("moderation:suspend", args=[maya.pk]))
    mod.get_by_label("1 week").check()
    mod.get_by_label("Reason").fill("Repeated personal attacks.")
    mod.get_by_role("button", name="Suspend").click()
    expect(mod.get_by_role("status")).to_contain_text("maya is suspended until")
    own = visitor(maya)
    own.goto(question.get_absolute_url())
    expect(own.get_by_role("status")).to_contain_text("Repeated personal attacks.")
