"""The Content-Security-Policy in the real browser: every page type works under it, as a
guest, a member and a moderator, with its script doing its work, and nothing is blocked.

Every browser test fails on a blocked script, style or frame (the `visitor` fixture listens
for `securitypolicyviolation` and for the console's policy messages), so the page types of
test_pages.py and the journeys of test_journeys.py are covered too; this file adds what
they do not visit, and shows that the listener does catch a violation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Page, expect

from mindwell.qa import actions
from mindwell.qa.models import Comment, Post
from mindwell.tags.models import Category
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]
TABLE = "| Feeling | Days |\n|:--|--:|\n| calm | 3 |\n| anxious | 4 |"


def test_an_inline_script_or_style_is_blocked_and_reported(
    visitor: Visitor, policy_violations: list[str]
) -> None:
    page = visitor()
    response = page.goto("/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true";
            document.body.append(script);
            document.querySelector("main").setAttribute("style", "color: red");
        }"""
    )

    expect(page.locator("main")).to_have_attribute("style", "color: red")
    page.wait_for_function("() => true")  # let the reports arrive
    assert page.evaluate("() => window.__inlineRan") is None
    assert page.evaluate("() => getComputedStyle(document.querySelector('main')).color") != (
        "rgb(255, 0, 0)"
    )
    blocked = " ".join(policy_violations)
    assert "script-src-elem blocked inline" in blocked
    assert "style-src-attr blocked inline" in blocked
    policy_violations.clear()  # expected here; any other test fails on one


def test_every_feature_the_permissions_policy_names_is_known_and_turned_off(
    visitor: Visitor,
) -> None:
    page = visitor()
    page.goto("/")
    named = [part.split("=")[0].strip() for part in settings.MINDWELL_PERMISSIONS_POLICY.split(",")]

    known = page.evaluate("() => document.featurePolicy.features()")
    allowed = page.evaluate(
        "(names) => names.filter((name) => document.featurePolicy.allowsFeature(name))", named
    )

    assert set(named) <= set(known)
    assert allowed == []


def test_every_page_type_and_its_script_work_under_the_policy(visitor: Visitor) -> None:
    maya, helper = make_member("maya", display_name="Maya"), make_member("helper")
    moderator = make_member("mod_jo", is_moderator=True)
    category = Category.objects.get(slug="sleep-and-worry")
    question = actions.ask_question(
        author=maya, title="How do I stop replaying arguments in my head at night?",
        body="After a row with my partner I lie awake going over every word.",
        category=category, tags="sleep rumination",
    )  # fmt: skip
    reply = actions.post_answer(
        question=question, author=helper, body=f"What helped me:\n\n{TABLE}"
    )
    gone = actions.post_answer(question=question, author=helper, body="A second thought, removed.")
    actions.delete_post(post=gone, by=helper)
    url = question.get_absolute_url()

    # A guest reads, sees the table aligned by the stylesheet, and comments.
    guest = visitor()
    guest.goto(url)
    cell = guest.locator(f"#a{reply.pk} td", has_text="3")
    assert cell.evaluate("el => getComputedStyle(el).textAlign") == "right"
    guest.locator(f"#a{reply.pk} .comment-form summary").click()
    guest.locator(f"#a{reply.pk}").get_by_label("Your comment").fill("The table helps, thank you.")
    guest.locator(f"#a{reply.pk}").get_by_role("button", name="Add comment").click()
    expect(guest.get_by_text("The table helps, thank you.")).to_be_visible()
    assert Comment.objects.filter(body="The table helps, thank you.").exists()

    # A member's tag suggestions and live preview come from our own URLs.
    member = visitor(make_member("reader"))
    member.goto(reverse("qa:ask"))
    member.get_by_label("Details").fill("Some **bold** words")
    expect(member.locator(".live-preview strong")).to_have_text("bold")
    member.get_by_label("Tags").press_sequentially("sle")
    expect(member.locator("datalist option")).not_to_have_count(0)

    # The member votes without a reload; the asker chooses the best answer.
    member.goto(url)
    member.locator(f"#a{reply.pk}").get_by_role("button", name="Vote up").click()
    expect(member.locator(f"#a{reply.pk} .score")).to_have_text("1")
    asker = visitor(maya)
    asker.goto(url)
    asker.locator(f"#a{reply.pk}").get_by_role("button", name="Select as best answer").click()
    expect(asker.locator(f"#a{reply.pk} .accepted-label")).to_be_visible()

    # A moderator sees the deleted answer; the other pages each role opens.
    mod = visitor(moderator)
    mod.goto(url)
    expect(mod.locator(f"#a{gone.pk}")).to_be_visible()
    pages: list[tuple[Page, str, int]] = [
        (mod, f"/post/{reply.pk}/revisions/", 200),
        (mod, f"/post/{reply.pk}/edit/", 200),
        (mod, "/u/helper/", 200),
        (asker, reverse("accounts:settings"), 200),
        (asker, reverse("accounts:password_change"), 200),
        (asker, f"/post/{question.pk}/edit/", 200),
        (guest, "/", 200),
        (guest, "/questions/unanswered/", 200),
        (guest, "/categories/", 200),
        (guest, f"/category/{category.slug}/", 200),
        (guest, "/tags/", 200),
        (guest, "/tag/sleep/", 200),
        (guest, reverse("accounts:login"), 200),
        (guest, reverse("accounts:signup"), 200),
        (guest, reverse("accounts:password_reset"), 200),
        (guest, "/accounts/reset/MQ/not-a-token/", 200),
        (guest, "/help-now/", 200),
        (guest, "/tag/%00/", 400),
        (guest, "/no-such-page/", 404),
        (member, f"/post/{question.pk}/edit/", 404),
    ]
    for page, path, status in pages:
        response = page.goto(path)
        assert response is not None and response.status == status, (path, response)
        expect(page.locator("h1")).to_have_count(1)

    # The page a forged form post gets (403), with the CSRF cookie gone.
    guest.goto(url)
    guest.context.clear_cookies()
    guest.locator(f"#a{reply.pk} .comment-form summary").click()
    guest.locator(f"#a{reply.pk}").get_by_label("Your comment").fill("Sent without a cookie.")
    with guest.expect_response(lambda r: r.request.method == "POST") as posted:
        guest.locator(f"#a{reply.pk}").get_by_role("button", name="Add comment").click()
    assert posted.value.status == 403
    assert not Post.objects.filter(body__contains="without a cookie").exists()


def test_the_admin_works_under_the_policy(visitor: Visitor) -> None:
    admin = make_member("site_admin", is_staff=True, is_superuser=True)
    maya = make_member("maya")
    page = visitor(admin)
    for path in (
        "/admin/",
        "/admin/accounts/user/",
        f"/admin/accounts/user/{maya.pk}/change/",
        "/admin/tags/category/add/",
        "/admin/qa/post/",
    ):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
    page.goto("/admin/accounts/user/")
    page.locator("#searchbar").fill("maya")
    page.locator("#searchbar").press("Enter")
    expect(page.locator("#result_list")).to_contain_text("maya")
