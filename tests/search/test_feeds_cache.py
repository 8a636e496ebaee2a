# mypy: disable-error-code="union-attr"
"""Feeds are stored pages: two real granian processes store each feed, for guests and for
members, and every post, deletion or rename is in it at the next read, as Atom."""

import feedparser
import pytest
from django.conf import settings
from django.test import Client

from mindwell.accounts.actions import update_profile
from mindwell.accounts.models import User
from mindwell.qa import actions
from tests.conftest import make_member
from tests.pages.conftest import servers  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADER = {"anonymous": "X-Page-Cache", "member": "X-Member-Page"}


def _cookie_for(user: User) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={'m' * 32}"


def _readers() -> dict[str, str]:
    return {"anonymous": "", "member": _cookie_for(make_member("reader"))}


def _read(server, path: str, cookie: str) -> tuple[str, feedparser.FeedParserDict]:
    response, body = server.request("GET", path, cookie=cookie)
    assert response.status == 200, path
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(body.encode())
    assert not parsed.bozo and parsed.version == "atom10"
    state = response.headers.get("X-Page-Cache") or response.headers.get("X-Member-Page")
    return state, parsed


def _stored_everywhere(servers, readers: dict[str, str], paths: list[str]) -> None:  # noqa: F811
    for server in servers:
        for cookie in readers.values():
            for path in paths:
                _read(server, path, cookie)
                state, _ = _read(server, path, cookie)
                assert state == "hit", path


def test_a_new_question_is_in_the_stored_list_feeds_at_once_and_a_deleted_one_leaves_them(
    servers,  # noqa: F811
    maya, ask,
):  # fmt: skip
    first = ask(maya, tags="sleep")
    paths = ["/feeds/questions/", f"/feeds/category/{first.category.slug}/", "/feeds/tag/sleep/"]
    readers = _readers()
    _stored_everywhere(servers, readers, paths)
    new = ask(maya, title="A question posted after the feeds were stored", tags="sleep")
    for server in servers:
        for cookie in readers.values():
            for path in paths:
                state, parsed = _read(server, path, cookie)
                assert state == "miss", path  # stale at once, and stored again
                assert [entry.title for entry in parsed.entries] == [new.title, first.title]
    _stored_everywhere(servers, readers, paths)
    actions.delete_post(post=new, by=maya)
    for server in servers:
        for cookie in readers.values():
            for path in paths:
                _, parsed = _read(server, path, cookie)
                assert [entry.title for entry in parsed.entries] == [first.title]


def test_a_stored_question_feed_follows_its_answers_and_their_writers_names(
    servers,  # noqa: F811
    maya, dr_okafor, ask, answer,
):  # fmt: skip
    question = ask(maya)
    path = f"/feeds/question/{question.pk}/"
    readers = _readers()
    _stored_everywhere(servers, readers, [path])
    answer(question, dr_okafor, body="Saying it out loud in a session helped me.")
    for server in servers:
        for cookie in readers.values():
            _, parsed = _read(server, path, cookie)
            assert [entry.author for entry in parsed.entries] == ["Dr Okafor", "Maya"]
    _stored_everywhere(servers, readers, [path])
    update_profile(user=dr_okafor, display_name="Dr Ada Okafor", about="")
    for server in servers:
        for cookie in readers.values():
            _, parsed = _read(server, path, cookie)
            assert parsed.entries[0].author == "Dr Ada Okafor"
    _stored_everywhere(servers, readers, [path])
    actions.delete_post(post=question, by=maya)
    for server in servers:
        for cookie in readers.values():
            response, _ = server.request("GET", path, cookie=cookie)
            assert response.status == 404
