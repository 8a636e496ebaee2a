"""The pages pre-moderation adds or changes pass axe in both themes, with one h1: the
moderators' rules page (with a watched word), a waiting question as its asker sees it, the
asker's own profile listing it, and a guest's waiting answer on its private link's page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from mindwell.moderation.actions.rules import add_watched_word, change_rules
from mindwell.qa import actions
from mindwell.qa.guest_links import issue_link
from mindwell.tags.models import Category
from tests.browser.support import axe_in_both_themes
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_premoderation_pages_pass_axe_in_both_themes(visitor: Callable[..., Page]) -> None:
    moderator = make_member("mod_jo", display_name="Jo", is_moderator=True)
    newcomer = make_member("newcomer")
    change_rules(
        by=moderator, premoderate_guests=True, premoderate_first_posts=True,
        premoderate_watched_words=True, link_limit=2, link_limit_points=10,
    )  # fmt: skip
    add_watched_word(by=moderator, phrase="cheap pills")
    question = actions.ask_question(
        author=newcomer, title="How do I get through a panic attack at work?",
        body="It started in a meeting last week and I had to leave the room.",
        category=Category.objects.get(slug="panic-attacks"), tags="panic work",
    )  # fmt: skip
    assert question.removal == "waiting"
    asked_by_moderator = actions.ask_question(
        author=moderator, title="What helps you sleep after a hard day?",
        body="I lie awake going over everything that happened at work.",
        category=Category.objects.get(slug="panic-attacks"), tags="sleep",
    )  # fmt: skip
    guest_answer = actions.post_answer(
        question=asked_by_moderator, author=None, guest_name="Sam",
        body="Breathe slowly and it does pass, I promise.",
    )  # fmt: skip
    assert guest_answer.removal == "waiting"
    private_link = f"/guest/{issue_link(item=guest_answer)}/"

    pages = [
        ("rules", visitor(moderator), "/moderation/rules/"),
        ("waiting-question", visitor(newcomer), question.get_absolute_url()),
        ("waiting-profile", visitor(newcomer), "/u/newcomer/"),
        ("waiting-guest-link", visitor(), f"{private_link}posted"),
    ]
    failures = []
    for name, page, path in pages:
        response = page.goto(path)
        assert response is not None and response.status == 200, (name, path)
        assert page.locator("h1").count() == 1, name
        failures.extend(axe_in_both_themes(page, name))
    assert not failures, "\n\n".join(failures)
