# mypy: disable-error-code="union-attr"
"""Every form reports every problem at once, counted and listed in its summary, and keeps
what was typed; and no form offers what the site does not do."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from mindwell.qa.forms import GUEST_EMAIL_HELP
from mindwell.qa.models import Comment, Post
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

SEVEN_TAGS = "one two three four five six seven"


def summary_of(response):
    """The error summary's heading and its list of problems, as text."""
    page = response.content.decode()
    box = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert box, "no error summary"
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", box.group(0), re.S).group(1)
    items = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", box.group(0))]
    return html.unescape(heading), [html.unescape(item) for item in items]


def assert_problems(response, *messages):
    heading, items = summary_of(response)
    assert response.status_code in (200, 400)  # the account forms answer 200, as before
    count = len(messages)
    assert (
        heading
        == f"Please correct {count} problem{'s' if count > 1 else ''}; nothing you wrote is lost."
    )
    assert len(items) == count, items
    for message, item in zip(messages, items, strict=True):
        assert message in item, (message, item)


def test_the_ask_form_reports_title_body_category_and_tags_together():
    response = Client().post(
        reverse("qa:ask"),
        {"title": "x", "body": "y", "category": "", "tags": SEVEN_TAGS, "guest_name": "Moderator",
         "guest_email": "not-an-email"},
    )  # fmt: skip

    assert_problems(
        response,
        "Title: The title is too short",
        "Details: The question is too short",
        "Category: This field is required.",
        "Tags: Use at most 5 tags; you gave 7.",
        "Your name to display (optional): Please choose a display name",
        "Email address (optional): Enter a valid email address.",
    )
    assert Post.objects.count() == 0


def test_the_answer_form_reports_every_problem_and_keeps_the_text(maya, ask):
    question = ask(maya)
    response = Client().post(
        reverse("qa:answer", args=[question.pk]),
        {"body": "Too short", "guest_name": "Mindwell", "guest_email": "nope"},
    )

    assert_problems(
        response,
        "Your answer: The answer is too short",
        "Your name to display (optional): Please choose a display name",
        "Email address (optional): Enter a valid email address.",
    )
    assert "Too short</textarea>" in response.content.decode()


def test_the_comment_form_reports_every_problem_under_its_post_and_keeps_the_text(
    maya, dr_okafor, ask, answer
):
    question = ask(maya)
    reply = answer(question, dr_okafor)
    response = Client().post(
        reverse("qa:comment", args=[reply.pk]),
        {"body": "Hm", "guest_name": "Moderator", "guest_email": "sam@"},
    )

    assert_problems(
        response,
        "Your comment: The comment is too short",
        "Your name to display (optional): Please choose a display name",
        "Email address (optional): Enter a valid email address.",
    )
    page = response.content.decode()
    answer_part = page.split(f'id="a{reply.pk}"', 1)[1]
    assert '<details class="comment-form" open>' in answer_part
    assert f'id="comment-body-{reply.pk}"' in answer_part and ">Hm</textarea>" in answer_part
    assert 'value="sam@"' in answer_part
    assert f'href="#comment-body-{reply.pk}"' in answer_part  # the summary leads to the field
    assert Comment.objects.count() == 0


def test_the_edit_form_reports_every_problem(maya, ask):
    question = ask(maya)
    response = client_for(maya).post(
        reverse("qa:edit", args=[question.pk]),
        {"title": "Short", "body": "tiny", "category": str(question.category_id),
         "tags": SEVEN_TAGS, "reason": "r" * 201},
    )  # fmt: skip

    assert_problems(
        response,
        "Title: The title is too short",
        "Body: The text is too short",
        "Tags: Use at most 5 tags; you gave 7.",
        "Edit summary (optional): Ensure this value has at most 200 characters",
    )


def test_sign_up_reports_every_problem(maya):
    response = Client().post(
        reverse("accounts:signup"),
        {"username": "MAYA", "email": "not-an-email", "password": "short",
         "password_again": "shorter", "display_name": "Moderator"},
    )  # fmt: skip

    assert_problems(
        response,
        "Username: That username is taken.",
        "Email address: Enter a valid email address.",
        "Password: This password is too short.",
        "Password again: The two passwords are not the same.",
        "Display name: Please choose a display name",
        "Tick this box to join: members must be 18 or older and agree to the terms.",
    )


def test_the_profile_form_reports_every_problem(maya):
    response = client_for(maya).post(
        reverse("accounts:settings"), {"display_name": "Anonymous", "about": "a" * 2001}
    )
    page = response.content.decode()
    assert "Please correct 2 problems" in page
    assert "Please choose a display name" in page and "at most 2000 characters" in page


def test_the_email_change_form_reports_every_problem(maya):
    response = client_for(maya).post(
        reverse("accounts:change_email"), {"new_email": "MAYA@example.org", "password": "wrong"}
    )
    page = html.unescape(response.content.decode())
    assert "Please correct 2 problems" in page
    assert "That is already the email address on your account." in page
    assert "That is not your current password." in page


def test_the_password_change_form_reports_every_problem(maya):
    response = client_for(maya).post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": "a new Test passphrase 43",
         "new_password2": "another one"},
    )  # fmt: skip
    page = html.unescape(response.content.decode())
    assert "Please correct 2 problems" in page
    assert "Your old password was entered incorrectly." in page
    assert "The two password fields didn’t match." in page
    maya.refresh_from_db()
    assert maya.check_password(PASSWORD)


# What the forms offer ---------------------------------------------------------------------


def pages_with_forms(question):
    return [reverse("qa:ask"), question.get_absolute_url()]


def test_only_guests_are_offered_email_about_replies_beside_each_email_field(maya, ask):
    question = ask(maya)
    for url in pages_with_forms(question):
        page = client_for(maya).get(url).content.decode()
        assert "Email me when someone replies" not in page, url
        assert 'name="notify"' not in page, url
        page = Client().get(url).content.decode()
        assert page.count('name="notify"') == page.count('name="guest_email"') > 0, url
        assert page.count("Email me when someone replies") == page.count('name="notify"'), url


def test_the_guest_email_field_says_what_the_address_is_for(maya, ask):
    question = ask(maya)
    for url in pages_with_forms(question):
        page = html.unescape(Client().get(url).content.decode())
        # What the page says, not the addresses in it (the names after "@" come from
        # /notifications/mentions/).
        assert "notifications" not in re.sub(r'(href|data-[\w-]+)="[^"]*"', "", page), url
        assert 'name="guest_email"' in page
        # Every guest email field (the answer form and each comment form) says the same.
        assert page.count(GUEST_EMAIL_HELP) == page.count('name="guest_email"'), url
