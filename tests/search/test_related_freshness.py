# mypy: disable-error-code="union-attr"
"""A stored question page shows its related questions as they are now: two real granian
processes store the page, for guests and for members, and a related question's new title,
or its hiding, is on it at the next read. Its comments leave the page stored: the page
declares what its related block shows (search.topics.RELATED), not the whole question."""

import re

import pytest
from django.conf import settings
from django.test import Client

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


def related_titles(html: str) -> list[str]:
    block = re.search(r"<h2>Related questions</h2>\s*<ul>(.*?)</ul>", html, re.S)
    return re.findall(r'<a href="[^"]*">([^<]*)</a>', block.group(1)) if block else []


def read_everywhere(servers, readers, url):  # noqa: F811
    """(server port, reader) -> (cache state, *related titles) of the page."""
    pages = {}
    for server in servers:
        for reader, cookie in readers.items():
            response, html = server.request("GET", url, cookie=cookie)
            assert response.status == 200
            pages[server.port, reader] = (response.headers[HEADER[reader]], *related_titles(html))
    return pages


def stored_everywhere(servers, readers, url, titles):  # noqa: F811
    read_everywhere(servers, readers, url)
    assert set(read_everywhere(servers, readers, url).values()) == {("hit", *titles)}


def test_a_stored_page_shows_a_related_questions_new_title_and_drops_it_once_hidden(
    servers,  # noqa: F811
    maya, newcomer, dr_okafor, moderator, ask,
):  # fmt: skip
    # Asked by someone the page shows nothing else of: only its related block can go stale.
    related = ask(newcomer, title="Is it normal to feel attached to my therapist?")
    question = ask(maya, title="Attached to my counsellor after two years")
    url = question.get_absolute_url()
    readers = {"anonymous": "", "member": _cookie_for(make_member("reader"))}
    stored_everywhere(servers, readers, url, [related.title])

    actions.add_comment(post=related, author=dr_okafor, body="Many people feel this way.")
    assert set(read_everywhere(servers, readers, url).values()) == {("hit", related.title)}

    renamed = "Is it normal to feel attached to my psychologist?"
    actions.edit_post(post=related, editor=newcomer, title=renamed, body=related.body)
    assert set(read_everywhere(servers, readers, url).values()) == {("miss", renamed)}
    stored_everywhere(servers, readers, url, [renamed])

    actions.hide_post(post=related, by=moderator)
    assert set(read_everywhere(servers, readers, url).values()) == {("miss",)}


def test_a_list_worked_out_in_another_process_is_on_every_stored_page_at_once(
    servers,  # noqa: F811
    maya, newcomer, ask,
):  # fmt: skip
    from mindwell.search import related as related_lists
    from mindwell.search.models import RelatedQuestion, RelatedWorkedOut

    related = ask(newcomer, title="Is it normal to feel attached to my therapist?")
    question = ask(maya, title="Attached to my counsellor after two years")
    # As on a site whose questions were written before search: no list yet.
    RelatedQuestion.objects.filter(question_id=question.pk).delete()
    RelatedWorkedOut.objects.filter(question_id=question.pk).delete()
    related_lists.forget(question.pk)
    url = question.get_absolute_url()
    readers = {"anonymous": "", "member": _cookie_for(make_member("reader"))}
    stored_everywhere(servers, readers, url, [])  # each server keeps the empty list too

    assert related_lists.refresh(question.pk) == [related.pk]  # this process: the backfill
    assert set(read_everywhere(servers, readers, url).values()) == {("miss", related.title)}
    stored_everywhere(servers, readers, url, [related.title])
