# mypy: disable-error-code="union-attr"
"""Stored pages served by a real granian process carry exactly the security headers and
the Cache-Control of the page Django rendered: anonymous hits (answered in front of
Django) and members' stored pages alike."""

import pytest
from django.conf import settings
from django.test import Client

from tests.core.test_security_headers import SECURITY_HEADERS, cache_control
from tests.pages.servers import cookie_value, token_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMPARED = [*SECURITY_HEADERS, "Permissions-Policy", "Cache-Control", "Vary"]


def compared(response):
    return {name: response.headers.get(name) for name in COMPARED}


def test_an_anonymous_hit_carries_the_same_headers_as_the_page_django_rendered(servers, maya, ask):
    server, _ = servers
    for url in (ask(maya).get_absolute_url(), "/", "/tags/"):
        miss, _ = server.request("GET", url)
        hit, _ = server.request("GET", url)
        with_cookie, _ = server.request("GET", url, cookie="csrftoken=" + "c" * 32)

        assert miss.headers["X-Page-Cache"] == "miss"
        assert hit.headers["X-Page-Cache"] == with_cookie.headers["X-Page-Cache"] == "hit"
        assert compared(hit) == compared(miss) == compared(with_cookie)
        for name, value in SECURITY_HEADERS.items():
            assert hit.headers[name] == value
        assert cache_control(hit) == {"private", "no-cache"}


def test_a_members_stored_page_is_private_and_never_stored_downstream(servers, maya, newcomer, ask):
    server, _ = servers
    url = ask(maya).get_absolute_url()
    client = Client()
    client.force_login(newcomer)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    miss, _ = server.request("GET", url, cookie=cookie)
    hit, html = server.request("GET", url, cookie=cookie)

    assert (miss.headers["X-Member-Page"], hit.headers["X-Member-Page"]) == ("miss", "hit")
    assert 'href="/u/newcomer/"' in html
    for response in (miss, hit):
        assert {"private", "no-store"} <= cache_control(response)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers[name] == value


def test_control_characters_are_refused_behind_a_real_server_too(servers, maya):
    server, _ = servers
    for path in ("/tag/%00/", "/tag/a%00b/", "/u/%00/", "/u/maya%00/", "/tags/autocomplete/?q=%00"):
        refused, html = server.request("GET", path)

        assert refused.status == 400, path
        assert "invisible control character (U+0000)" in html
        assert (
            refused.headers["Content-Security-Policy"]
            == SECURITY_HEADERS["Content-Security-Policy"]
        )
    got, form_html = server.request("GET", "/ask/")
    secret = cookie_value(got, "csrftoken")
    body = f"csrfmiddlewaretoken={token_in(form_html)}&title=Hello%00&body=x&category=1&tags="
    posted, html = server.request("POST", "/ask/", cookie=f"csrftoken={secret}", body=body)
    assert posted.status == 400 and "U+0000" in html
