# mypy: disable-error-code="union-attr"
""" "Need help now?" differs per visitor (the region cookie, the browser's languages), so the
page cache must never store it: through two real granian processes, visitors of different
regions, with and without the CSRF cookie, each get their own region every time."""

import re

import pytest

from tests.pages.servers import cookie_value

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VISITORS = [
    ({"Accept-Language": "fr-FR,fr;q=0.9"}, None, "France"),
    ({"Accept-Language": "en-GB,en;q=0.9"}, None, "United Kingdom"),
    ({"Accept-Language": "en-GB,en;q=0.9"}, "region=NZ", "New Zealand"),
    ({}, None, "International"),
    ({"Accept-Language": "de-DE"}, "csrftoken=" + "B" * 32, "Germany"),
    ({"Accept-Language": "en-US"}, "csrftoken=" + "C" * 32, "United States"),
]


def shown(html):
    return re.search(r"Showing help for: <strong>([^<]+)</strong>", html).group(1)


def test_no_visitor_ever_gets_another_regions_page_from_the_cache(servers):
    a, b = servers
    # The cache is on: a stored page is served from it the second time.
    a.request("GET", "/about/")
    assert a.request("GET", "/about/")[0].headers["X-Page-Cache"] == "hit"

    for server in (a, b, a, b):
        for headers, cookie, region in VISITORS:
            response, html = server.request("GET", "/help-now/", headers=headers, cookie=cookie)

            assert response.status == 200
            assert shown(html) == region
            assert "X-Page-Cache" not in response.headers  # neither served nor stored
            vary = {v.strip().lower() for v in response.headers["Vary"].split(",")}
            assert {"cookie", "accept-language"} <= vary
            assert "private" in response.headers["Cache-Control"]


def test_choosing_a_country_through_the_server_is_remembered_there(servers):
    a, b = servers
    first, html = a.request("GET", "/help-now/", headers={"Accept-Language": "en-GB"})
    secret = cookie_value(first, "csrftoken")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    chose, _ = b.request(
        "POST", "/help-now/", cookie=f"csrftoken={secret}",
        body=f"csrfmiddlewaretoken={token}&region=IE",
    )  # fmt: skip

    assert chose.status == 302 and cookie_value(chose, "region") == "IE"
    cookie = f"csrftoken={secret}; region=IE"
    _, html = a.request("GET", "/help-now/", cookie=cookie, headers={"Accept-Language": "en-GB"})
    assert shown(html) == "Ireland"
    _, html = a.request("GET", "/help-now/", headers={"Accept-Language": "en-GB"})
    assert shown(html) == "United Kingdom"


def test_a_visitor_who_chose_a_country_is_still_served_stored_pages(servers):
    """The region cookie is read only by pages that are never stored, so the cache ignores
    it (MINDWELL_PAGE_CACHE_IGNORED_COOKIES): the other pages stay fast for that visitor."""
    a, _ = servers
    a.request("GET", "/about/")
    response, _ = a.request("GET", "/about/", cookie="region=IE; csrftoken=" + "D" * 32)
    assert response.headers["X-Page-Cache"] == "hit"
    response, html = a.request("GET", "/help-now/", cookie="region=IE")
    assert "X-Page-Cache" not in response.headers and shown(html) == "Ireland"
