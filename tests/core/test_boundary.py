"""Control characters at the door: an address, a query or a form holding one is answered
400 with a readable message (JSON for JSON clients), never 500, on SQLite and PostgreSQL,
which cannot store NUL at all. Tabs and line breaks in form text still post."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from mindwell.accounts.models import User
from mindwell.qa.models import Comment, Post
from mindwell.tags.models import Category
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

CONTROL_CHARACTERS = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85"]


def encoded(char):
    return "".join(f"%{byte:02X}" for byte in char.encode())


def assert_refused(response, char):
    assert response.status_code == 400, response.content[:300]
    page = response.content.decode()
    assert "That request did not make sense to us" in page
    assert f"invisible control character (U+{ord(char):04X})" in page


@pytest.mark.parametrize("char", CONTROL_CHARACTERS, ids=repr)
@pytest.mark.parametrize(
    "url",
    [
        "/tag/{c}/",
        "/tag/a{c}b/",
        "/u/{c}/",
        "/u/maya{c}/",
        "/category/{c}/",
        "/q/{c}/",
        "/q/1{c}/some-slug/",
        "/post/{c}/revisions/",
        "/post/1{c}/edit/",
        "/accounts/confirm/{c}/",
        "/accounts/reset/{c}/token/",
        "/tags/autocomplete/?q={c}",
        "/tags/autocomplete/?q=anx{c}",
        "/?after={c}",
        "/questions/hot/?before=1{c}&page=2",
        "/tags/?{c}=1",
        "/accounts/login/?next=/{c}",
    ],
)
def test_a_control_character_in_the_address_or_query_is_a_400_page(maya, url, char):
    response = Client().get(url.format(c=encoded(char)))

    assert_refused(response, char)


@pytest.mark.parametrize(
    "url", ["/tag/%00/", "/u/maya%00/", "/tags/autocomplete/?q=%00", "/tag/%0A/", "/tag/%09/"]
)
def test_a_json_client_gets_the_refusal_as_json(maya, url):
    response = Client().get(url, headers={"accept": "application/json"})

    assert response.status_code == 400
    assert "control character" in response.json()["error"]


def test_the_refusal_page_knows_who_is_asking(maya):
    response = client_for(maya).get("/tag/%00/")

    assert_refused(response, "\x00")
    assert "/u/maya/" in response.content.decode()


def ask_form(**overrides):
    category = Category.objects.get(slug="panic-attacks")
    return {
        "title": "How do I get through a panic attack at work?",
        "body": "It started in a meeting last week and I had to leave the room.",
        "category": str(category.pk),
        "tags": "panic work",
        **overrides,
    }


SIGNUP = {
    "username": "sam_new",
    "email": "sam@example.org",
    "password": PASSWORD,
    "password_again": PASSWORD,
    "display_name": "Sam",
}


def form_posts(question_id):
    """(who posts, url, the valid form) for every form of the site."""
    return [
        (None, reverse("qa:ask"), ask_form()),
        (None, reverse("qa:ask"), ask_form(guest_name="Sam", guest_email="s@example.org")),
        ("maya", reverse("qa:ask"), ask_form()),
        (None, reverse("qa:answer", args=[question_id]), {"body": "It passes; breathe slowly."}),
        ("maya", reverse("qa:answer", args=[question_id]), {"body": "It passes; breathe."}),
        (None, reverse("qa:comment", args=[question_id]), {"body": "Thank you for asking."}),
        ("maya", reverse("qa:comment", args=[question_id]), {"body": "Thank you, all."}),
        ("maya", reverse("qa:edit", args=[question_id]), {**ask_form(), "reason": "typo"}),
        ("dr_okafor", reverse("qa:vote", args=[question_id]), {"value": "up"}),
        (None, reverse("qa:preview"), {"body": "*hi*"}),
        (None, reverse("accounts:signup"), SIGNUP),
        (None, reverse("accounts:login"), {"username": "maya", "password": PASSWORD}),
        (None, reverse("accounts:password_reset"), {"email": "maya@example.org"}),
        ("maya", reverse("accounts:settings"), {"display_name": "Maya", "about": "Hello."}),
        ("maya", reverse("accounts:change_email"), {"new_email": "m@example.org"}),
    ]


def post_as_a_browser(client, url, form):
    return client.post(url, urlencode(form), content_type="application/x-www-form-urlencoded")


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1f", "\x7f"], ids=repr)
def test_a_control_character_in_any_form_field_is_refused_and_nothing_is_written(
    maya, dr_okafor, ask, char
):
    question = ask(maya)
    posts, comments, members = Post.objects.count(), Comment.objects.count(), User.objects.count()
    for who, url, form in form_posts(question.pk):
        for field in form:
            client = client_for(User.objects.get(username=who) if who else None)
            bad = {**form, field: f"{form[field]}{char}"}

            response = post_as_a_browser(client, url, bad)

            assert response.status_code == 400, (url, field, response.status_code)
            assert f"U+{ord(char):04X}" in response.content.decode()
        name_with_control = {**form, f"x{char}": "1"}
        assert post_as_a_browser(Client(), url, name_with_control).status_code == 400
    assert (Post.objects.count(), Comment.objects.count()) == (posts, comments)
    assert User.objects.count() == members
    maya.refresh_from_db()
    assert maya.display_name == "Maya" and maya.email == "maya@example.org"


def test_a_refused_vote_answers_json(maya, dr_okafor, ask):
    question = ask(maya)

    response = client_for(dr_okafor).post(
        reverse("qa:vote", args=[question.pk]),
        {"value": "up\x00"},
        headers={"accept": "application/json"},
    )

    assert response.status_code == 400
    assert "U+0000" in response.json()["error"]


def test_text_with_tabs_and_line_breaks_still_posts(maya, dr_okafor, ask):
    question = ask(maya)
    body = "First line,\r\n\tan indented one,\nand a last one with a\ttab."

    answered = client_for(dr_okafor).post(reverse("qa:answer", args=[question.pk]), {"body": body})
    asked = Client().post(reverse("qa:ask"), ask_form(body=f"Details:\n\t{body}"))
    saved = client_for(maya).post(
        reverse("accounts:settings"), {"display_name": "Maya", "about": body}
    )

    assert (answered.status_code, asked.status_code, saved.status_code) == (302, 302, 302)
    reply = Post.objects.answers().get()
    assert "an indented one" in reply.body and "\t" in reply.body
    assert Post.objects.questions().filter(body__contains="\tFirst line").exists()
    maya.refresh_from_db()
    assert "\ttab" in maya.about


def test_a_session_cookie_holding_a_control_character_is_dropped_not_a_500(maya):
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "\x00abcdefghijklmnop"

    response = client.get("/")

    assert response.status_code == 200
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # deleted


def test_a_form_that_cannot_be_read_is_a_400():
    response = Client().generic(
        "POST", reverse("qa:ask"), b"--x\r\nbroken", content_type="multipart/form-data"
    )

    assert response.status_code == 400
