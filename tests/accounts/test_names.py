"""Names that imitate the site, a moderator or an anonymous author are refused, however they
are spelt, for members and guests alike; so are invisible and text-direction characters."""

import pytest
from django.test import Client
from django.urls import reverse

from mindwell.accounts.models import User
from mindwell.qa.models import Comment, Post
from mindwell.tags.models import Category
from tests.conftest import PASSWORD, client_for, make_member

pytestmark = pytest.mark.django_db

INVISIBLE = "cannot be seen or that changes the direction of the text"
RESERVED = "Please choose a display name that readers will not mistake"

# (name, the message it gets)
IMITATIONS = [
    ("Moder\u200bator", INVISIBLE),  # zero-width space
    ("M\u03bfderator", RESERVED),  # Greek small omicron
    ("Anonymous\u200b", INVISIBLE),
    ("Anonym\u00adous", INVISIBLE),  # soft hyphen
    ("\u202eMindwell", INVISIBLE),  # right-to-left override
    ("Mind\u2066well\u2069", INVISIBLE),  # isolate controls
    ("Mindwell\u2060", INVISIBLE),  # word joiner
    ("Staff\u200d", INVISIBLE),  # zero-width joiner
    ("\ufeffSupport", INVISIBLE),  # byte order mark
    ("Guest\u3164", INVISIBLE),  # Hangul filler, a letter that shows nothing
    ("Mod\u0007erator", INVISIBLE),  # a control character
    ("Moderator", RESERVED),
    ("mOdErAtOr", RESERVED),
    ("\u041c\u043ederat\u043er", RESERVED),  # Cyrillic М and о
    ("Mod\u0435r\u0430tor", RESERVED),  # Cyrillic е and а
    ("\uff2d\uff4f\uff44\uff45\uff52\uff41\uff54\uff4f\uff52", RESERVED),  # fullwidth
    (
        "\U0001d40c\U0001d428\U0001d41d\U0001d41e\U0001d42b\U0001d41a\U0001d42d\U0001d428\U0001d42b",
        RESERVED,
    ),  # mathematical bold
    ("Mo\u0301de\u0308rator", RESERVED),  # combining marks
    ("M0DERAT0R", RESERVED),  # digit zero for O
    ("Adm1n", RESERVED),
    ("Adrnin", RESERVED),  # rn for m
    ("MindweII", RESERVED),  # capital I for l
    ("Mind well", RESERVED),
    ("Anon-ymous", RESERVED),
    ("GUEST", RESERVED),
    ("Administrator", RESERVED),
]
IMITATION_IDS = [ascii(name) for name, _ in IMITATIONS]
# Names that only share letters with a reserved one, and names in other scripts.
FINE = ["Maya", "Modern", "Admiral", "Moderately kind", "Staffan", "José", "Zoë", "Łukasz", "Анна"]


def _signup(display_name: str, username: str = "sam_rivers") -> dict[str, str]:
    return {
        "username": username,
        "email": "sam@example.net",
        "password": PASSWORD,
        "password_again": PASSWORD,
        "display_name": display_name,
        "agree": "on",
    }


@pytest.mark.parametrize(("name", "message"), IMITATIONS, ids=IMITATION_IDS)
def test_a_member_cannot_sign_up_with_an_imitating_display_name(name, message):
    response = Client().post(reverse("accounts:signup"), _signup(name))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'id="id_display_name_error"' in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(("name", "message"), IMITATIONS, ids=IMITATION_IDS)
def test_a_member_cannot_take_an_imitating_display_name_in_settings(maya, name, message):
    response = client_for(maya).post(
        reverse("accounts:settings"), {"display_name": name, "about": ""}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    maya.refresh_from_db()
    assert maya.display_name == "Maya"


@pytest.mark.parametrize(
    "username", ["moderator", "M0derator", "Adm1n", "adrnin", "Mindwe11", "anonym0us", "GUEST"]
)
def test_a_username_that_imitates_a_reserved_name_is_refused(username):
    response = Client().post(reverse("accounts:signup"), _signup("", username=username))

    assert "That username is taken." in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(("name", "message"), IMITATIONS[:4] + IMITATIONS[-6:])
def test_the_admin_refuses_imitating_display_names_too(name, message):
    admin = make_member("site_admin", is_staff=True, is_superuser=True)
    maya = make_member("maya", display_name="Maya")
    data = {
        "username": "maya", "email": maya.email, "first_name": "", "last_name": "",
        "display_name": name, "about": "", "is_active": "on",
        "date_joined_0": maya.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": maya.date_joined.strftime("%H:%M:%S"),
    }  # fmt: skip

    response = client_for(admin).post(f"/admin/accounts/user/{maya.pk}/change/", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    maya.refresh_from_db()
    assert maya.display_name == "Maya"


def _guest_posts(question: Post, name: str) -> list[tuple[str, dict[str, str]]]:
    category = Category.objects.get(slug="panic-attacks")
    return [
        (
            reverse("qa:ask"),
            {
                "title": "How do I get through a panic attack at work?",
                "body": "It started in a meeting last week and I had to leave the room.",
                "category": str(category.pk),
                "tags": "panic",
                "guest_name": name,
            },
        ),
        (
            reverse("qa:answer", args=[question.pk]),
            {"body": "Breathing slowly helped me more than anything else.", "guest_name": name},
        ),
        (reverse("qa:comment", args=[question.pk]), {"body": "Same here.", "guest_name": name}),
    ]


@pytest.mark.parametrize(("name", "message"), IMITATIONS, ids=IMITATION_IDS)
def test_a_guest_cannot_ask_answer_or_comment_under_an_imitating_name(maya, ask, name, message):
    question = ask(maya)
    for url, data in _guest_posts(question, name):
        response = Client().post(url, data, follow=True)  # a refused comment goes back

        assert response.status_code in (200, 400), url
        assert message in response.content.decode(), url
    assert Post.objects.count() == 1
    assert not Comment.objects.exists()


@pytest.mark.parametrize("name", FINE)
def test_names_that_only_share_letters_with_a_reserved_one_are_welcome(maya, ask, name):
    question = ask(maya)
    for url, data in _guest_posts(question, name):
        assert Client().post(url, data).status_code == 302, url
    assert Comment.objects.get().guest_name == name

    response = client_for(maya).post(
        reverse("accounts:settings"), {"display_name": name, "about": ""}
    )
    assert response.status_code == 302
    maya.refresh_from_db()
    assert maya.display_name == name
