# mypy: disable-error-code="union-attr"
"""A suspended member sees their suspension on a stored (shared) member page served by a
real granian process, and nobody else does; their posting is refused there too."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client

from mindwell.moderation.actions.members import suspend_member
from mindwell.qa.models import Post
from tests.conftest import make_member
from tests.pages.servers import token_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REASON = "Posting the same link in every thread."


def cookie_for(user):
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={'m' * 32}"


def test_the_suspension_banner_is_on_stored_pages_for_the_suspended_member_only(
    servers, maya, dr_okafor, moderator, ask
):
    a, _ = servers
    question = ask(dr_okafor)
    suspend_member(member=maya, by=moderator, days=7, reason=REASON)
    reader = cookie_for(make_member("reader"))
    suspended = cookie_for(maya)
    url = question.get_absolute_url()
    a.request("GET", url, cookie=reader)

    others, other_html = a.request("GET", url, cookie=reader)
    theirs, their_html = a.request("GET", url, cookie=suspended)

    assert others.headers["X-Member-Page"] == theirs.headers["X-Member-Page"] == "hit"
    assert "Your account is suspended until" in their_html and REASON in their_html
    assert "Your account is suspended until" not in other_html and REASON not in other_html
    body = urlencode(
        {"csrfmiddlewaretoken": token_in(their_html), "body": "Trying to answer anyway, here."}
    )
    refused, page = a.request("POST", f"/q/{question.pk}/answer", cookie=suspended, body=body)
    assert refused.status == 403 and "Your account is suspended until" in page
    assert not Post.objects.filter(author=maya).exists()
