"""Every page type, as a guest and as a member, in the light and the dark theme: axe-core
finds no serious or critical problem, and no page ships more than 50 KB of our own CSS and
JavaScript (gzip-compressed). The demo content makes the pages realistic."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page

from mindwell.accounts.actions import apply_as_professional, sign_up
from mindwell.accounts.models import User
from mindwell.accounts.tokens import make_signup_token
from mindwell.moderation.audit import record
from mindwell.qa import actions
from mindwell.qa.guest_links import issue_link
from mindwell.qa.models import Post
from mindwell.tags.models import Category, Tag
from tests.browser.support import (
    ARTIFACTS,
    WEIGHT_BUDGET,
    WeightMeter,
    axe_in_both_themes,
    screenshot,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submit_empty_ask_form(page: Page) -> None:
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_load_state()


def log_in_with_a_wrong_password(page: Page) -> None:
    page.get_by_label("Username or email address").fill("maya")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()


def submit_empty_signup_form(page: Page) -> None:
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()


def send_empty_application(page: Page) -> None:
    page.get_by_role("button", name="Send my application").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()


def test_every_page_type_passes_axe_in_both_themes_and_stays_light(
    visitor: Callable[..., Page], site_url: str
) -> None:
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    maya = User.objects.get(username="maya")
    question = (
        Post.objects.questions().filter(has_accepted_answer=True).order_by("-answer_count").first()
    )
    assert question is not None
    answer = Post.objects.answers().filter(question=question, is_accepted=True).get()
    actions.edit_post(
        post=answer, editor=answer.author, body=answer.body + "\n\nEdited: a line added.",  # type: ignore[arg-type]
        reason="Added a line",
    )  # fmt: skip
    category = Category.objects.filter(question_count__gt=0).first()
    tag = Tag.objects.order_by("-question_count").first()
    assert category is not None and tag is not None
    guest_answer = actions.post_answer(
        question=question, author=None, body="A guest's answer, with its private link.",
        guest_name="Sam",
    )  # fmt: skip
    private_link = f"/guest/{issue_link(item=guest_answer)}/"

    pending = sign_up(
        username="river", email="river@example.net", password="a long Test passphrase 42"
    )
    assert pending is not None
    signup_link = reverse(
        "accounts:complete_signup", args=[make_signup_token(pending_id=pending.pk)]
    )

    administrator = User.objects.get(is_superuser=True)
    removed = actions.post_answer(
        question=question, author=maya, body="An answer a moderator deleted, to be purged."
    )
    actions.delete_post(post=removed, by=administrator)
    with transaction.atomic():
        record(actor=administrator, action="delete", post=removed, member=maya, reason="Off-topic")

    rosie = User.objects.get(username="rosie")
    application = apply_as_professional(
        member=rosie, profession="Registered psychotherapist", licence_number="RP-7781",
        jurisdiction="Ontario", regulator="College of Registered Psychotherapists of Ontario",
        register_url="https://register.example.org/rp/7781",
        expires_on=timezone.localdate() + timedelta(days=200),
    )  # fmt: skip

    guest, member, staff = visitor(), visitor(maya), visitor(administrator)
    no_action: Callable[[Page], None] = lambda page: None  # noqa: E731
    pages: list[tuple[str, Page, str, Callable[[Page], None]]] = [
        ("home", guest, "/", no_action),
        ("home-member", member, "/", no_action),
        ("hot", guest, "/questions/hot/", no_action),
        ("category", guest, f"/category/{category.slug}/", no_action),
        ("tag", guest, f"/tag/{tag.name}/", no_action),
        ("categories", guest, "/categories/", no_action),
        ("tags", guest, "/tags/", no_action),
        ("question", guest, question.get_absolute_url(), no_action),
        ("question-member", member, question.get_absolute_url(), no_action),
        ("revisions", guest, f"/post/{answer.pk}/revisions/", no_action),
        ("ask", guest, "/ask/", no_action),
        ("ask-errors", guest, "/ask/", submit_empty_ask_form),
        ("ask-member", member, "/ask/", no_action),
        ("edit", member, f"/post/{Post.objects.filter(author=maya).first().pk}/edit/", no_action),  # type: ignore[union-attr]
        ("login", guest, reverse("accounts:login"), no_action),
        ("signup", guest, reverse("accounts:signup"), no_action),
        ("signup-errors", guest, reverse("accounts:signup"), submit_empty_signup_form),
        ("signup-done", guest, reverse("accounts:signup_done"), no_action),
        ("complete-signup", guest, signup_link, no_action),
        ("logout", member, reverse("accounts:logout"), no_action),
        ("login-errors", guest, reverse("accounts:login"), log_in_with_a_wrong_password),
        ("password-reset", guest, reverse("accounts:password_reset"), no_action),
        ("password-change", member, reverse("accounts:password_change"), no_action),
        ("settings", member, reverse("accounts:settings"), no_action),
        ("professional", member, reverse("accounts:professional"), no_action),
        ("professional-errors", member, reverse("accounts:professional"), send_empty_application),
        ("applications", staff, reverse("accounts:applications"), no_action),
        ("application", staff, reverse("accounts:application", args=[application.pk]), no_action),
        ("profile", guest, "/u/dr_okafor/", no_action),
        ("profile-answers", member, "/u/dr_okafor/answers/", no_action),
        ("profile-self", member, "/u/maya/", no_action),
        ("profile-self-comments", member, "/u/maya/comments/", no_action),
        ("help-now", guest, "/help-now/", no_action),
        ("about", guest, reverse("about"), no_action),
        ("privacy", guest, reverse("privacy"), no_action),
        ("terms", guest, reverse("terms"), no_action),
        ("404", guest, "/no-such-page/", no_action),
        ("guest-link-posted", guest, f"{private_link}posted", no_action),
        ("guest-link", guest, private_link, no_action),
        ("guest-link-edit", guest, f"{private_link}edit/", no_action),
        ("guest-link-404", guest, "/guest/not-a-link/", no_action),
        ("audit-log", staff, reverse("moderation:audit_log"), no_action),
        ("audit-log-errors", staff, f"{reverse('moderation:audit_log')}?since=soon", no_action),
        ("purge", staff, reverse("moderation:purge", args=["post", removed.pk]), no_action),
    ]
    meters = {id(page): WeightMeter(page, f"{site_url}/static/") for page in (guest, member, staff)}
    report: dict[str, Any] = {}
    failures = []
    for name, page, path, then in pages:
        meter = meters[id(page)]
        meter.reset()
        page.emulate_media(color_scheme="light")
        response = page.goto(path)
        assert response is not None
        then(page)
        expected = 404 if name.endswith("404") else 200
        if not name.endswith("-errors"):
            assert response.status == expected, (name, response.status)
        # Every page is named "<page> · Mindwell", even where Django's auth views pass their
        # own site_name, and has one h1.
        assert page.title().endswith(" · Mindwell"), (name, page.title())
        assert page.locator("h1").count() == 1, name
        if name == "404":
            assert "It may have been removed" in page.content()
            assert "Resolver404" not in page.content()
        weights = meter.measure(page)
        assert any(k.endswith(".css") for k in weights), f"{name}: no stylesheet loaded"
        entry: dict[str, Any] = {"path": path, "weights": weights, "total": sum(weights.values())}
        failures.extend(axe_in_both_themes(page, name))
        if entry["total"] > WEIGHT_BUDGET:
            failures.append(f"{name}: {entry['total']} bytes of CSS and JS > {WEIGHT_BUDGET}")
        report[name] = entry
        page.emulate_media(color_scheme="dark")
        screenshot(page, f"page-{name}-dark", full_page=False)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "pages-report.json").write_text(json.dumps(report, indent=2))
    assert not failures, "\n\n".join(failures)
