# mypy: disable-error-code="union-attr"
"""Logging out through a real server with the page cache: the confirmation shows once, to
that visitor only, and never enters a stored page."""

import pytest
from django.conf import settings
from django.test import Client

from tests.pages.servers import cookie_value, token_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MESSAGE = "You have logged out."


def test_the_logged_out_message_shows_once_to_that_visitor_and_is_never_stored(servers, maya):
    a, b = servers
    client = Client()
    client.force_login(maya)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    asked, html = a.request("GET", "/accounts/logout/", cookie=f"sessionid={session}")
    assert asked.status == 200 and "Log out" in html
    csrf = cookie_value(asked, "csrftoken")

    out, _ = a.request(
        "POST", "/accounts/logout/", cookie=f"sessionid={session}; csrftoken={csrf}",
        body=f"csrfmiddlewaretoken={token_in(html)}",
    )  # fmt: skip

    assert out.status == 302 and out.headers["Location"] == "/"
    message_cookie = cookie_value(out, "messages")
    assert message_cookie
    # The visitor lands on the home page, rendered for them, in either process.
    landed, html = b.request("GET", "/", cookie=f"csrftoken={csrf}; messages={message_cookie}")
    assert landed.status == 200 and "X-Page-Cache" not in landed.headers
    assert html.count(MESSAGE) == 1 and "Log out" not in html
    dropped = [c for c in landed.headers.get_all("Set-Cookie") if c.startswith("messages=")]
    assert len(dropped) == 1 and "Max-Age=0" in dropped[0]  # the browser drops it: shown once
    # Nobody else sees it, from the cache or not, and it is gone for the visitor too.
    for server in (a, b, b):
        anonymous, html = server.request("GET", "/")
        assert anonymous.status == 200 and MESSAGE not in html
    assert anonymous.headers["X-Page-Cache"] == "hit"
    again, html = b.request("GET", "/", cookie=f"csrftoken={csrf}")
    assert again.headers["X-Page-Cache"] == "hit" and MESSAGE not in html
