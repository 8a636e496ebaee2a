"""What people do on Mindwell, in a real browser, each journey a test that ends with a
screenshot in test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from mindwell.accounts.models import User
from mindwell.qa import actions
from mindwell.qa.models import Post, Revision, Vote
from mindwell.tags.models import Category
from tests.browser.support import (
    ask,
    axe_violations,
    blocking,
    describe_violations,
    focused,
    has_horizontal_scroll,
    screenshot,
    tab_to,
)
from tests.conftest import PASSWORD, make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Visitor = Callable[..., Page]


def mark_document(page: Page) -> None:
    """Leave a mark in the page; still there later means there was no reload."""
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return bool(page.evaluate("window.__sameDocument === true"))


def test_a_guest_asks_a_question_with_a_display_name_and_a_private_email(
    visitor: Visitor,
) -> None:
    page = visitor()
    page.goto("/")
    page.get_by_role("link", name="Ask a question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask a question")

    page.get_by_label("Title").fill("How do I get through a panic attack at work?")
    page.get_by_label("Details").fill(
        "It started in a meeting last week and I had to **leave the room**."
    )
    # The live preview renders the Markdown while the guest types.
    preview = page.get_by_role("region", name="Preview of your question")
    expect(preview.locator("strong")).to_have_text("leave the room")
    panic = Category.objects.get(slug="panic-attacks")
    page.get_by_label("Category").select_option(str(panic.pk))
    page.get_by_label("Tags").fill("panic work")
    page.get_by_label("Your name to display").fill("Sam")
    page.get_by_label("Email address").fill("sam.private@example.org")
    # Email about replies is offered beside the address, and never ticked for the guest.
    expect(page.get_by_label("Email me when someone replies")).not_to_be_checked()
    screenshot(page, "journey-1-guest-ask-form")
    page.get_by_role("button", name="Post your question").click()

    # The guest lands on their question's private link, then goes on to the question.
    expect(page.get_by_role("status").first).to_contain_text("Your question is posted.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Keep this link")
    page.get_by_role("link", name="See it on the site").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How do I get through a panic attack at work?"
    )
    question = Post.objects.questions().get()
    byline = page.locator(f"#q{question.pk} .byline")
    expect(byline).to_contain_text("Sam")
    expect(byline.locator(".guest-badge")).to_have_text("guest")
    assert "sam.private@example.org" not in page.content()
    assert question.author is None
    assert (question.guest_name, question.guest_email) == ("Sam", "sam.private@example.org")
    assert question.category == panic and question.tag_names == "panic work"
    screenshot(page, "journey-1-guest-question-posted")


def test_the_ask_form_keeps_a_draft_through_a_reload_and_forgets_it_once_posted(
    visitor: Visitor,
) -> None:
    page = visitor(make_member("drafter"))
    page.goto("/ask/")
    page.get_by_label("Title").fill("Is it normal to feel flat after finishing therapy?")
    page.get_by_label("Details").fill("We ended last month and I expected to feel *proud*.")
    page.get_by_label("Category").select_option(
        str(Category.objects.get(slug="therapy-relationship").pk)
    )
    page.reload()

    expect(page.get_by_label("Title")).to_have_value(
        "Is it normal to feel flat after finishing therapy?"
    )
    expect(page.get_by_label("Details")).to_have_value(
        "We ended last month and I expected to feel *proud*."
    )
    expect(page.get_by_label("Category")).to_have_value(
        str(Category.objects.get(slug="therapy-relationship").pk)
    )
    expect(page.locator(".draft-status")).to_have_text("Your unsent draft is back.")
    # The restored draft is previewed at once.
    expect(page.get_by_role("region", name="Preview of your question").locator("em")).to_have_text(
        "proud"
    )
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Is it normal to feel flat after finishing therapy?"
    )

    page.goto("/ask/")
    expect(page.get_by_label("Title")).to_have_value("")
    expect(page.get_by_label("Details")).to_have_value("")


def test_a_member_answers_anonymously_another_votes_it_up_without_a_reload_and_the_asker_accepts_it(
    visitor: Visitor,
) -> None:
    asker, answerer, voter = make_member("asker"), make_member("answerer"), make_member("voter")
    question = ask(asker)

    # The answerer writes anonymously.
    page = visitor(answerer)
    page.goto(question.get_absolute_url())
    page.get_by_role("textbox", name="Your answer").fill(
        "Writing the argument down before bed helped me: once it is on paper I can let it go."
    )
    page.get_by_role("checkbox", name="Post anonymously", exact=True).check()
    page.get_by_role("button", name="Post your answer").click()
    reply = Post.objects.answers().get()
    assert reply.author == answerer and reply.anonymous
    article = page.locator(f"#a{reply.pk}")
    expect(article.locator(".byline .anon-badge")).to_have_text("Anonymous")
    expect(article.locator(".byline")).not_to_contain_text("answerer")
    # Voting on your own answer is refused in place, and said where the reader is.
    mark_document(page)
    article.get_by_role("button", name="Vote up").click()
    expect(article.get_by_role("status")).to_have_text("You cannot vote on your own post.")
    expect(article.locator(".score")).to_have_text("0")
    assert same_document(page)

    # Another member votes it up; the page stays where it is.
    page = visitor(voter)
    page.goto(question.get_absolute_url())
    mark_document(page)
    article = page.locator(f"#a{reply.pk}")
    expect(article.locator(".byline")).not_to_contain_text("answerer")
    article.get_by_role("button", name="Vote up").click()
    expect(article.locator(".score")).to_have_text("1")
    expect(article.get_by_role("button", name="Vote up")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#live-status")).to_have_text("Vote saved. Score is now 1.")
    assert same_document(page)
    assert Vote.objects.get(post=reply, user=voter).value == 1
    screenshot(page, "journey-2-voted")

    # The asker chooses it as the best answer, also without a reload.
    page = visitor(asker)
    page.goto(question.get_absolute_url())
    mark_document(page)
    article = page.locator(f"#a{reply.pk}")
    article.get_by_role("button", name="Select as best answer").click()
    expect(article.locator(".accepted-label")).to_have_text("Best answer, chosen by the asker")
    expect(article).to_contain_class("accepted")
    expect(article.get_by_role("button", name="Unselect best answer")).to_be_focused()
    assert same_document(page)
    reply.refresh_from_db()
    assert reply.is_accepted
    screenshot(page, "journey-2-accepted")
    # And the server agrees on the next visit.
    page.reload()
    expect(page.locator(f"#a{reply.pk} .accepted-label")).to_be_visible()


def test_voting_and_accepting_work_as_plain_form_posts_without_javascript(
    visitor: Visitor,
) -> None:
    asker, helper, voter = make_member("asker"), make_member("helper"), make_member("voter")
    question = ask(asker)
    reply = actions.post_answer(
        question=question, author=helper, body="A notebook by the bed helps me a great deal."
    )
    page = visitor(voter, javascript=False)
    page.goto(question.get_absolute_url())
    page.locator(f"#a{reply.pk}").get_by_role("button", name="Vote up").click()
    expect(page.locator(f"#a{reply.pk} .score")).to_have_text("1")
    expect(
        page.locator(f"#a{reply.pk}").get_by_role("button", name="Vote up (your vote")
    ).to_have_attribute("aria-pressed", "true")

    page = visitor(asker, javascript=False)
    page.goto(question.get_absolute_url())
    page.locator(f"#a{reply.pk}").get_by_role("button", name="Select as best answer").click()
    expect(page.locator(f"#a{reply.pk} .accepted-label")).to_be_visible()
    reply.refresh_from_db()
    assert reply.is_accepted


def test_a_guest_answers_keeps_the_private_link_and_later_deletes_their_answer(
    visitor: Visitor,
) -> None:
    question = ask(make_member("asker"))
    page = visitor()
    page.goto(question.get_absolute_url())
    page.get_by_role("textbox", name="Your answer").fill(
        "When it happened to me I told my manager everything, including my medication."
    )
    page.locator("#id_guest_name").fill("Sam")
    page.get_by_role("button", name="Post your answer").click()

    expect(page.get_by_role("status").first).to_contain_text("Thank you: your answer is posted.")
    keep = page.get_by_role("heading", name="Keep this link")
    expect(keep).to_contain_text("it is the only way to edit or delete this answer")
    link = page.get_by_label("Your private link").input_value()
    assert link.startswith(f"{page.url.split('/guest/')[0]}/guest/")
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert not blocking(axe_violations(page)), describe_violations(blocking(axe_violations(page)))
    screenshot(page, "journey-guest-link-posted")

    # Later, in another browser with no trace of the first: the link alone is enough.
    later = visitor()
    later.goto(link)
    expect(later.get_by_role("heading", level=1)).to_have_text("Your answer")
    expect(later.locator(".post-body")).to_contain_text("including my medication")
    later.locator("summary", has_text="Delete your answer").click()
    later.get_by_role("button", name="Yes, delete my answer").click()
    expect(later.locator(".notice")).to_contain_text("This answer is deleted")
    screenshot(later, "journey-guest-link-deleted")

    reader = visitor()
    reader.goto(question.get_absolute_url())
    expect(reader.get_by_role("heading", level=1)).to_have_text(question.title)
    expect(reader.get_by_text("including my medication")).to_have_count(0)
    assert Post.objects.answers().get().is_deleted


def test_a_member_edits_their_answer_and_a_reader_opens_the_revisions(visitor: Visitor) -> None:
    asker, author = make_member("asker"), make_member("author", display_name="Dr Okafor")
    question = ask(asker)
    reply = actions.post_answer(
        question=question,
        author=author,
        body="Try a fixed worry time in the early evening, then close the notebook.",
    )

    page = visitor(author)
    page.goto(question.get_absolute_url())
    page.locator(f"#a{reply.pk}").get_by_role("link", name="Edit answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit answer")
    page.get_by_label("Body").fill(
        "Try a fixed worry time in the late afternoon, then close the notebook."
    )
    page.get_by_label("Edit summary").fill("Afternoon works better")
    page.get_by_role("button", name="Save edit").click()
    expect(page.get_by_role("status").first).to_contain_text("Your edit is saved.")
    expect(page.locator(f"#a{reply.pk} .post-body")).to_contain_text("late afternoon")
    assert Revision.objects.filter(post=reply).count() == 2

    reader = visitor()
    reader.goto(question.get_absolute_url())
    edited = reader.locator(f"#a{reply.pk} .edited")
    expect(edited).to_contain_text("by Dr Okafor")
    edited.get_by_role("link", name="edited").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Revisions")
    latest = reader.get_by_role("region", name="Revision 2")
    expect(latest).to_contain_text("Afternoon works better")
    expect(latest.locator("ins").first).to_be_visible()
    assert " ".join(latest.locator("ins").all_inner_texts()).split() == ["late", "afternoon,"]
    assert " ".join(latest.locator("del").all_inner_texts()).split() == ["early", "evening,"]
    expect(reader.get_by_role("region", name="Original")).to_be_visible()
    screenshot(reader, "journey-3-revisions")


def test_a_keyboard_only_user_logs_in_asks_a_question_and_votes(visitor: Visitor) -> None:
    make_member("kim", display_name="Kim")
    other = ask(make_member("asker"), title="What helps you wind down after a hard day?")
    page = visitor()
    page.goto("/")

    # The first Tab reaches the skip link, which moves the focus to the content.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to content"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    # Log in: a plain form, no puzzle.
    tab_to(page, lambda el: el["text"] == "Log in", backwards=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    tab_to(page, lambda el: el["name"] == "username")
    page.keyboard.type("kim")
    tab_to(page, lambda el: el["name"] == "password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Kim")).to_be_visible()

    # Ask a question.
    tab_to(page, lambda el: el["text"] == "Ask a question")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask a question")
    tab_to(page, lambda el: el["name"] == "title")
    page.keyboard.type("How do I explain my anxiety to my manager?")
    tab_to(page, lambda el: el["name"] == "body")
    page.keyboard.type("I want to ask for flexible hours without oversharing.")
    tab_to(page, lambda el: el["name"] == "category")
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Category").input_value() != ""
    tab_to(page, lambda el: el["name"] == "tags")
    page.keyboard.type("work anxiety")
    tab_to(page, lambda el: el["name"] == "anonymous")
    page.keyboard.press("Space")
    expect(page.get_by_label("Post anonymously")).to_be_checked()
    tab_to(page, lambda el: el["text"] == "Post your question")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How do I explain my anxiety to my manager?"
    )
    mine = Post.objects.questions().get(title__startswith="How do I explain")
    assert mine.author is not None and mine.author.username == "kim" and mine.anonymous

    # Vote on someone else's question, from the list.
    page.goto("/")
    tab_to(page, lambda el: el["text"] == other.title)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(other.title)
    mark_document(page)
    tab_to(page, lambda el: el["label"] == "Vote up")
    page.keyboard.press("Space")
    expect(page.locator(f"#q{other.pk} .score")).to_have_text("1")
    assert focused(page)["label"] == "Vote up (your vote; press to undo)"
    assert same_document(page)
    assert Vote.objects.get(post=other, user__username="kim").value == 1
    screenshot(page, "journey-4-keyboard-voted", full_page=False)

    # No trap: Tab goes on through the page to the last link in the footer.
    tab_to(page, lambda el: el["text"] == "Need help now?", limit=200)


def test_on_a_phone_the_home_question_and_ask_pages_fit_without_sideways_scrolling(
    visitor: Visitor,
) -> None:
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    question = Post.objects.questions().order_by("-answer_count").first()
    assert question is not None
    long_lines = ask(
        User.objects.get(username="maya"),
        title="A question with a very long link and a line of code in it",
        body="See https://example.org/" + "a-very-long-path-segment-" * 8 + " and\n\n"
        "    " + "x = 'a long line of code that does not wrap at all' " * 3 + "\n\n"
        "| day | mood | sleep | notes |\n|---|---|---|---|\n"
        "| Monday | low | 5 hours | " + "woke-at-four-and-could-not-get-back " * 3 + "|",
    )
    page = visitor(width=360, height=740)
    for name, path in [
        ("home", "/"),
        ("question", question.get_absolute_url()),
        ("long-lines", long_lines.get_absolute_url()),
        ("ask", "/ask/"),
    ]:
        page.goto(path)
        assert not has_horizontal_scroll(page), f"{name} scrolls sideways at 360px"
        # Every control is at least 24px tall and wide (WCAG 2.2, 2.5.8), bar links in text.
        small = page.evaluate(
            """() => [...document.querySelectorAll("button, input, select, textarea, summary,"
                + " .button, .nav-list a, .tabs a, .tag")]
                .filter((el) => el.offsetParent !== null)
                .map((el) => [el.textContent.trim() || el.name, el.getBoundingClientRect()])
                .filter(([, r]) => r.width < 24 || r.height < 24)
                .map(([t, r]) => `${t} ${r.width}x${r.height}`)"""
        )
        assert not small, f"{name}: targets under 24px: {small}"
        problems = blocking(axe_violations(page))
        assert not problems, f"{name} at 360px:\n{describe_violations(problems)}"
        screenshot(page, f"journey-5-phone-{name}")
    expect(page.get_by_role("link", name="Ask a question")).to_be_in_viewport()


def test_a_form_sent_back_with_errors_announces_them_and_ties_each_to_its_field(
    visitor: Visitor,
) -> None:
    page = visitor()
    page.goto("/ask/")
    page.get_by_label("Tags").fill("panic work")
    page.get_by_role("button", name="Post your question").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Please correct 3 problems; nothing you wrote is lost.")
    expect(page.get_by_label("Tags")).to_have_value("panic work")  # kept
    title = page.get_by_role("textbox", name="Title")
    expect(title).to_have_attribute("aria-invalid", "true")
    # The error is part of the field's description, so a screen reader reads it with the field.
    described_by = (title.get_attribute("aria-describedby") or "").split()
    assert "id_title_error" in described_by
    expect(page.locator("#id_title_error")).to_contain_text("This field is required.")
    # Each line of the summary leads to its field.
    summary.get_by_role("link", name="Details").click()
    expect(page.get_by_role("textbox", name="Details")).to_be_focused()
    screenshot(page, "ask-form-errors")


def test_on_a_phone_without_javascript_a_reader_pages_through_a_profiles_tabs(
    visitor: Visitor, settings: object
) -> None:
    """The tabs and pages are plain links: they work without JavaScript, fit a phone, and
    the member's own view adds their comments and marks what they posted anonymously."""
    settings.MINDWELL_PAGE_SIZE = 4  # type: ignore[attr-defined]
    maya, other = make_member("maya", display_name="Maya"), make_member("other")
    thread = ask(other, title="How do you wind down after a hard day at work?")
    for n in range(6):
        ask(maya, title=f"Question {n} maya asked about sleeping through the night")
        actions.post_answer(
            question=thread, author=maya, body=f"Answer {n}: a walk after dinner helps me a lot."
        )
    actions.add_comment(post=thread, author=maya, body="Thank you all, this thread helps.")
    secret = ask(maya, title="Something maya asked without her name", anonymous=True)

    page = visitor(width=360, height=740, javascript=False)
    page.goto("/u/maya/")
    tabs = page.get_by_role("navigation", name="What Maya wrote")
    expect(tabs.get_by_role("link", name="Questions 6")).to_have_attribute("aria-current", "page")
    expect(tabs.get_by_role("link")).to_have_count(2)
    expect(page.get_by_text(secret.title)).to_have_count(0)
    tabs.get_by_role("link", name="Answers 6").click()
    expect(page).to_have_url(re.compile(r"/u/maya/answers/$"))
    expect(page.locator(".profile-list > li")).to_have_count(4)
    page.get_by_role("link", name="Next page").click()
    expect(page.locator(".profile-list > li")).to_have_count(2)
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    assert not has_horizontal_scroll(page), "the profile scrolls sideways at 360px"
    screenshot(page, "journey-profile-phone-answers")
    second_page = page.url

    own = visitor(maya, width=360, height=740, javascript=False)
    own.goto("/u/maya/")
    expect(own.get_by_text(secret.title)).to_be_visible()
    expect(own.locator(".anon-badge")).to_have_count(1)
    own.get_by_role("navigation", name="What you wrote").get_by_role(
        "link", name="Comments 1"
    ).click()
    expect(own.get_by_text("Thank you all, this thread helps.")).to_be_visible()
    assert not has_horizontal_scroll(own)
    screenshot(own, "journey-profile-phone-own-comments")

    for user, path in [(None, second_page), (maya, "/u/maya/"), (maya, "/u/maya/comments/")]:
        checked = visitor(user, width=360, height=740, javascript=False)
        checked.goto(path)
        problems = blocking(axe_violations(checked))
        assert not problems, f"{path}:\n{describe_violations(problems)}"
