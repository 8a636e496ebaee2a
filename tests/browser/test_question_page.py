"""The question page in a real browser: points beside names that follow a best answer chosen
without a reload, the structured data under a strict Content-Security-Policy, and a title
that uses the width of the column."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, Route, expect

from mindwell.accounts.models import User
from mindwell.qa import actions
from tests.browser.support import (
    ask,
    axe_violations,
    blocking,
    describe_violations,
    has_horizontal_scroll,
    screenshot,
)
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def shown_points(page: Page, username: str) -> list[str]:
    return page.locator(f"main [data-points-of='{username}']").all_inner_texts()


def points_of(member: User) -> int:
    member.refresh_from_db()
    return member.points


def test_points_beside_names_follow_a_best_answer_chosen_without_a_reload(
    visitor: Visitor,
) -> None:
    asker = make_member("asker")
    helper = make_member("helper", display_name="Helper")
    shy = make_member("shy", display_name="Shy")
    question = ask(asker)
    named = actions.post_answer(
        question=question, author=helper, body="A notebook by the bed helps me a great deal."
    )
    hidden = actions.post_answer(
        question=question, author=shy, anonymous=True, body="I read until I am tired, it works."
    )
    # Both writers also appear by name elsewhere on the page, beside comments.
    actions.add_comment(post=question, author=helper, body="I know this feeling well.")
    actions.add_comment(post=named, author=shy, body="Same here, the notebook works for me.")
    before = {"helper": points_of(helper), "shy": points_of(shy), "asker": points_of(asker)}

    page = visitor(asker)
    page.goto(question.get_absolute_url())
    assert shown_points(page, "helper") == [f"({before['helper']} points)"] * 2
    page.locator(f"#a{named.pk}").get_by_role("button", name="Select as best answer").click()
    expect(page.locator(f"#a{named.pk} .accepted-label")).to_be_visible()
    # Every place the helper's points are shown moves, and the asker's own in the header.
    helper_now = points_of(helper)
    assert helper_now == before["helper"] + 30
    expect(page.locator("main [data-points-of='helper']")).to_have_text(
        [f"({helper_now} points)"] * 2
    )
    expect(page.locator("main [data-points-of='helper']").first).to_have_attribute(
        "title", f"{helper_now} points"
    )
    expect(page.locator(".user-nav [data-points-of='asker']")).to_have_text(str(points_of(asker)))
    screenshot(page, "question-points-after-accepting")

    # Choosing the anonymous answer instead: the helper's points go back; nothing shown
    # beside the anonymous writer's name elsewhere moves, whatever the ledger says.
    page.locator(f"#a{hidden.pk}").get_by_role("button", name="Select as best answer").click()
    expect(page.locator(f"#a{hidden.pk} .accepted-label")).to_be_visible()
    expect(page.locator("main [data-points-of='helper']")).to_have_text(
        [f"({before['helper']} points)"] * 2
    )
    assert shown_points(page, "shy") == [f"({before['shy']} points)"]
    expect(page.locator(f"#a{hidden.pk} .byline .points")).to_have_count(0)


def test_voting_without_a_reload_moves_the_points_beside_the_writers_name(
    visitor: Visitor,
) -> None:
    asker, helper, voter = make_member("asker"), make_member("helper"), make_member("voter")
    question = ask(asker)
    reply = actions.post_answer(question=question, author=helper, body="Writing it down helps.")
    page = visitor(voter)
    page.goto(question.get_absolute_url())
    page.locator(f"#a{reply.pk}").get_by_role("button", name="Vote up").click()
    expect(page.locator(f"#a{reply.pk} .score")).to_have_text("1")
    expect(page.locator("main [data-points-of='helper']")).to_have_text(
        f"({points_of(helper)} points)"
    )


STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def test_the_structured_data_is_read_and_breaks_no_strict_content_security_policy(
    visitor: Visitor, site_url: str
) -> None:
    asker = make_member("asker", display_name="Asker")
    question = ask(asker, body="A body that tries to leave its block: </script><b>bold</b>")
    actions.post_answer(
        question=question, author=asker, anonymous=True, body="</script><script>alert(1)</script>"
    )
    page = visitor()
    page.add_init_script(
        """window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => {
            window.__violations.push(e.violatedDirective + " " + e.blockedURI);
        });"""
    )

    def with_strict_policy(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": STRICT_CSP}
        route.fulfill(response=response, headers=headers)

    page.route(f"{site_url}{question.get_absolute_url()}", with_strict_policy)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(question.get_absolute_url())
    page.wait_for_load_state("load")
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "QAPage"
    assert data["mainEntity"]["suggestedAnswer"][0]["text"] == "</script><script>alert(1)</script>"
    assert data["mainEntity"]["suggestedAnswer"][0]["author"]["name"] == "Anonymous"
    assert page.evaluate("window.__violations") == []
    assert not [text for text in messages if "Content Security Policy" in text]
    # The only script with code is our own file.
    assert page.locator("script[src]").count() == 1


def test_on_a_phone_the_first_question_starts_high_and_help_stays_in_sight(
    visitor: Visitor,
) -> None:
    call_command("load_demo", stdout=io.StringIO())
    maya = User.objects.get(username="maya")
    for who in (None, maya):
        page = visitor(who, width=360, height=740)
        page.goto("/")
        first = page.locator(".question-row").first.bounding_box()
        assert first is not None
        # Guests and members see the first question in the top third.
        assert first["y"] < 250, (who, first["y"])
        help_link = page.locator(".help-now-bar").get_by_role("link", name="Need help now?")
        expect(help_link).to_be_visible()
        expect(help_link).to_be_in_viewport(ratio=1)
        # Every link of the header is there to see and press, none pushed off the side.
        # (The search box is not shown on a phone: a link to the search page is.)
        expect(page.locator(".site-search")).to_be_hidden()
        for link in page.locator(".site-header a:visible, .site-header button:visible").all():
            expect(link).to_be_in_viewport(ratio=1)
        assert not has_horizontal_scroll(page)
        problems = blocking(axe_violations(page))
        assert not problems, describe_violations(problems)
        screenshot(page, f"phone-home-{'member' if who else 'guest'}", full_page=False)


def line_widths(page: Page, selector: str) -> list[float]:
    """The width of each line box of an element's text."""
    return list(
        page.evaluate(
            """(selector) => {
                const range = document.createRange();
                range.selectNodeContents(document.querySelector(selector));
                const lines = new Map();
                for (const rect of range.getClientRects()) {
                    const top = Math.round(rect.top);
                    lines.set(top, (lines.get(top) || 0) + rect.width);
                }
                return [...lines.values()];
            }""",
            selector,
        )
    )


@pytest.mark.parametrize("width", [1280, 900])
def test_a_long_question_title_uses_the_width_of_the_column(visitor: Visitor, width: int) -> None:
    title = (
        "How do I tell my partner that their jokes about my anxiety hurt, when they say they "
        "are only trying to make light of it?"
    )
    question = ask(make_member("asker"), title=title)
    page = visitor(width=width, height=900)
    page.goto(question.get_absolute_url())
    lines = line_widths(page, "#question-title")
    column = page.locator(".question-head").bounding_box()
    assert column is not None
    assert len(lines) >= 2, lines
    assert max(lines) > 0.8 * column["width"], (lines, column["width"])
    screenshot(page, f"question-long-title-{width}", full_page=False)


def test_the_order_of_answers_is_chosen_with_plain_links(visitor: Visitor) -> None:
    asker = make_member("asker")
    question = ask(asker)
    older = actions.post_answer(
        question=question, author=make_member("a1"), body="First, I wrote it all down."
    )
    newer = actions.post_answer(
        question=question, author=make_member("a2"), body="Later, I learned to wait."
    )
    actions.cast_vote(user=asker, post=older, value=-1)
    page = visitor(javascript=False)
    page.goto(question.get_absolute_url())
    order = page.get_by_role("navigation", name="Order of answers")
    expect(order.get_by_role("link", name="Most votes")).to_have_attribute("aria-current", "page")
    ids = page.locator("article[id^=a]").evaluate_all("(els) => els.map((el) => el.id)")
    assert ids == [f"a{newer.pk}", f"a{older.pk}"]
    order.get_by_role("link", name="Oldest").click()
    expect(page).to_have_url(f"{question.get_absolute_url()}?answers=oldest#answers")
    ids = page.locator("article[id^=a]").evaluate_all("(els) => els.map((el) => el.id)")
    assert ids == [f"a{older.pk}", f"a{newer.pk}"]
    expect(
        page.get_by_role("navigation", name="Order of answers").get_by_role("link", name="Oldest")
    ).to_have_attribute("aria-current", "page")
