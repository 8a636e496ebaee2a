"""The headers every page carries: a strict Content-Security-Policy, a Permissions-Policy,
Django's own (nosniff, referrer, framing, opener), and a Cache-Control that keeps every
page out of shared caches and a member's pages out of every cache."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from mindwell.core import pagecache
from mindwell.qa.models import Post
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def cache_control(response):
    return {part.strip() for part in response.headers["Cache-Control"].split(",")}


def assert_secured(response):
    for name, value in SECURITY_HEADERS.items():
        assert response[name] == value, (name, response.status_code)
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


@pytest.fixture
def pages(maya, dr_okafor, ask, answer):
    question = ask(maya)
    reply = answer(question, dr_okafor)
    return {
        "home": "/",
        "hot": "/questions/hot/",
        "categories": "/categories/",
        "category": f"/category/{question.category.slug}/",
        "tags": "/tags/",
        "tag": "/tag/attachment/",
        "question": question.get_absolute_url(),
        "revisions": f"/post/{reply.pk}/revisions/",
        "ask": reverse("qa:ask"),
        "profile": "/u/maya/",
        "help-now": "/help-now/",
        "login": reverse("accounts:login"),
        "signup": reverse("accounts:signup"),
        "password-reset": reverse("accounts:password_reset"),
        "autocomplete": "/tags/autocomplete/?q=pa",
        "not-found": "/no-such-page/",
        "bad-request": "/tag/%00/",
        "bad-cursor": "/?after=forged",
    }


def test_every_page_a_guest_sees_has_the_policies_and_stays_out_of_shared_caches(pages):
    for name, url in pages.items():
        response = Client().get(url)

        assert response.status_code in (200, 400, 404), name
        assert_secured(response)
        assert {"private", "no-cache"} <= cache_control(response), name
        assert "public" not in cache_control(response), name


@pytest.mark.parametrize("who", ["maya", "moderator"])
def test_every_response_to_a_member_is_private_and_never_stored(pages, who, request):
    member = request.getfixturevalue(who)
    client = client_for(member)
    urls = [*pages.values(), reverse("accounts:settings"), reverse("accounts:password_change")]
    question = Post.objects.questions().get()
    for url in urls:
        response = client.get(url)

        assert_secured(response)
        assert {"private", "no-store"} <= cache_control(response), url
    voted = client.post(
        reverse("qa:vote", args=[question.pk]),
        {"value": "up"},
        headers={"accept": "application/json"},
    )
    commented = client.post(reverse("qa:comment", args=[question.pk]), {"body": "Thank you."})
    for response in (voted, commented):
        assert {"private", "no-store"} <= cache_control(response)


def test_logging_in_answers_private_and_never_stored(maya):
    response = Client().post(reverse("accounts:login"), {"username": "maya", "password": PASSWORD})

    assert response.status_code == 302
    assert settings.SESSION_COOKIE_NAME in response.cookies
    assert {"private", "no-store"} <= cache_control(response)


def test_a_stored_member_page_carries_the_same_headers(
    settings, tmp_path, maya, dr_okafor, newcomer, ask
):
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(tmp_path / "versions.bin")
    pagecache.reset_stores()
    url = ask(maya).get_absolute_url()
    try:
        miss = client_for(dr_okafor).get(url)
        hit = client_for(newcomer).get(url)
    finally:
        pagecache.reset_stores()

    assert (miss["X-Member-Page"], hit["X-Member-Page"]) == ("miss", "hit")
    for response in (miss, hit):
        assert_secured(response)
        assert {"private", "no-store"} <= cache_control(response)
