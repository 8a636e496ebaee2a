"""Notifications in a real browser: a member follows a question (in place, with JavaScript)
and a tag (a plain form, without), another member answers (picking a name after "@" from
the keyboard) and asks under the tag; the first member sees the bell's count, opens the
inbox, marks read, changes their email settings and unfollows. The inbox, email settings
and following pages pass axe in both themes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from mindwell.notifications.models import EmailSettings, Follow, Notification
from mindwell.qa import actions
from mindwell.tags.models import Category, Tag
from tests.browser.support import ask, axe_in_both_themes, screenshot
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def assert_accessible(page: Page, name: str) -> None:
    """axe on the page as it is now, in the light and the dark theme."""
    failures = axe_in_both_themes(page, name, shots=f"notifications-{name}")
    assert not failures, "\n\n".join(failures)


def mark_document(page: Page) -> None:
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return bool(page.evaluate("window.__sameDocument === true"))


def test_a_member_follows_hears_reads_and_manages_notifications(visitor: Visitor) -> None:
    asker = make_member("asker", display_name="Asker")
    reader = make_member("reader", display_name="Reader")
    writer = make_member("writer", display_name="Writer")
    question = ask(asker)  # tagged "sleep rumination"
    actions.add_comment(post=question, author=reader, body="I know this too well, sadly.")
    sleep = Tag.objects.get(name="sleep")

    # The reader follows the question in place: the button is pressed, no reload.
    page = visitor(reader, timezone_id="Europe/Berlin")
    page.goto(question.get_absolute_url())
    follow = page.get_by_role("button", name="Follow this question")
    expect(follow).to_have_attribute("aria-pressed", "false")
    mark_document(page)
    follow.click()
    expect(follow).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#live-status")).to_have_text(
        "You follow this question: you will hear of its new answers."
    )
    assert same_document(page)
    assert Follow.objects.filter(follower=reader, question=question, following=True).exists()
    screenshot(page, "notifications-question-followed", full_page=False)

    # And the tag with a plain form: back on the tag's page with a message.
    plain = visitor(reader, javascript=False)
    plain.goto("/tag/sleep/")
    plain.get_by_role("button", name="Follow the tag sleep").click()
    expect(plain).to_have_url(f"{plain.url.split('/tag/')[0]}/tag/sleep/")
    expect(plain.get_by_role("status")).to_contain_text("You follow the tag “sleep”")
    expect(plain.get_by_role("button", name="Follow the tag sleep")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert Follow.objects.filter(follower=reader, tag=sleep, following=True).exists()
    screenshot(plain, "notifications-tag-followed-without-javascript", full_page=False)

    # Another member answers, naming the reader from the list offered after "@".
    other = visitor(writer)
    other.goto(question.get_absolute_url())
    box = other.get_by_role("textbox", name="Your answer")
    box.click()
    box.press_sequentially("Ask @re")
    names = other.get_by_role("listbox", name="Names in this thread")
    expect(names).to_be_visible()
    expect(names.get_by_role("option")).to_have_text(["@readerReader"])
    first = names.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id") or "")
    screenshot(other, "notifications-names-after-at", full_page=False)
    box.press("Escape")
    expect(names).to_be_hidden()
    box.press_sequentially("a")  # "@rea": offered again
    expect(names.get_by_role("option", name="@reader")).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(names).to_be_hidden()
    box.press_sequentially("what helped; a notebook by the bed works for me.")
    expect(box).to_have_value("Ask @reader what helped; a notebook by the bed works for me.")
    other.get_by_role("button", name="Post your answer").click()
    expect(other.get_by_role("status").first).to_contain_text("your answer is posted")
    # ... and asks under the tag the reader follows.
    actions.ask_question(
        author=writer, title="Why do I wake at four every morning?",
        body="I fall asleep fine but wake at four and cannot settle again.",
        category=Category.objects.get(slug="sleep-and-worry"), tags="sleep",
    )  # fmt: skip
    assert Notification.objects.filter(recipient=reader).count() == 2

    # The bell counts them, on any page.
    page.goto("/")
    bell = page.get_by_role("link", name="Notifications, 2 unread")
    expect(bell).to_be_visible()
    expect(bell.locator(".bell-count")).to_have_text("2")
    screenshot(page, "notifications-bell")
    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(page.get_by_role("link", name="Writer mentioned you")).to_be_visible()
    expect(
        page.get_by_role("link", name="New question tagged sleep, a tag you follow")
    ).to_be_visible()
    assert_accessible(page, "inbox")

    # Mark one read in place: the bell follows, nothing reloads.
    mark_document(page)
    page.get_by_role("button", name="Mark read (Writer mentioned you)").click()
    expect(page.get_by_role("link", name="Notifications, 1 unread")).to_be_visible()
    expect(page.locator("#live-status")).to_have_text("Marked read. 1 unread.")
    expect(page.get_by_role("button", name="Mark read (Writer mentioned you)")).to_have_count(0)
    assert same_document(page)
    # Opening the other one marks it read on the way to the question.
    page.get_by_role("link", name="New question tagged sleep, a tag you follow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Why do I wake at four every morning?"
    )
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    assert not Notification.objects.filter(recipient=reader, read_at__isnull=True).exists()

    # Email settings: the device's time zone is offered; mentions are no longer emailed.
    page.goto("/notifications/")
    page.get_by_role("link", name="Email settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Email settings")
    expect(page.get_by_label("Your time zone")).to_have_value("Europe/Berlin")
    expect(page.locator(".timezone-note")).to_contain_text("Set to this device's time zone")
    expect(page.get_by_label("Someone mentions me")).to_have_value("instant")
    assert_accessible(page, "email-settings")
    page.get_by_label("Someone mentions me").select_option("never")
    page.get_by_label("Quote a short excerpt of the post in emails").check()
    page.get_by_role("button", name="Save email settings").click()
    expect(page.locator(".messages")).to_contain_text("Your email settings are saved.")
    saved = EmailSettings.objects.get(member=reader)
    assert (saved.frequencies["mention"], saved.timezone, saved.quote_excerpts) == (
        "never",
        "Europe/Berlin",
        True,
    )
    page.get_by_role("button", name="Stop every email").click()
    expect(page.get_by_role("heading", name="Every notification email is stopped")).to_be_visible()

    # What they follow: unfollow the tag in place, and follow it again.
    page.get_by_role("link", name="What you follow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What you follow")
    assert_accessible(page, "following")
    page.get_by_role("link", name="Tags 1").click()
    unfollow = page.get_by_role("button", name="Unfollow (the tag sleep)")
    mark_document(page)
    unfollow.click()
    expect(page.get_by_role("button", name="Follow again (the tag sleep)")).to_be_visible()
    expect(page.locator("#live-status")).to_have_text("You no longer follow the tag “sleep”.")
    assert not Follow.objects.filter(follower=reader, tag=sleep, following=True).exists()
    assert same_document(page)
    screenshot(page, "notifications-unfollowed")


def test_the_bell_and_the_follow_button_fit_a_phone(visitor: Visitor) -> None:
    reader = make_member("reader_with_a_rather_long_name", display_name="Reader Long Name")
    question = ask(make_member("asker"))
    actions.post_answer(
        question=question, author=make_member("helper"), body="It gets easier, give it time."
    )
    actions.add_comment(post=question, author=reader, body="Following along, same for me.")
    Notification.objects.create(
        recipient=reader, kind="followed", event_key="t:1", question=question, post=question,
        detail="question", created_at=question.created_at, email="never",
    )  # fmt: skip
    reader.unread_notifications = 1
    reader.save()
    page = visitor(reader, width=360, height=740)
    page.goto(question.get_absolute_url())
    bell = page.get_by_role("link", name="Notifications, 1 unread")
    expect(bell).to_be_in_viewport()
    expect(page.get_by_role("button", name="Log out")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Follow this question")).to_be_visible()
    assert not page.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
    screenshot(page, "notifications-phone-question", full_page=False)
    failures = axe_in_both_themes(page, "phone question page")
    assert not failures, "\n\n".join(failures)
