"""The sitemap beside the feeds (mindwell/safety/crawler_views.py): an index of files by
ranges of ids, read as XML in the sitemaps namespace, listing only the questions search
engines may index. tests/safety/test_crawlers.py covers deleted and kept-out questions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from mindwell.qa import actions
from mindwell.qa.models import Removal
from mindwell.safety import crawler_views
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _xml(path: str, *, user=None) -> ET.Element:
    response = client_for(user).get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def _listed(*, user=None) -> list[str]:
    """Every address the sitemap lists, through its index."""
    index = _xml("/sitemap.xml", user=user)
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    addresses = []
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        assert loc.text is not None
        part = _xml(loc.text.removeprefix("http://testserver"), user=user)
        assert part.tag == f"{{{NS['sm']}}}urlset"
        for url in part.findall("sm:url", NS):
            assert url.find("sm:lastmod", NS) is not None
            addresses.append(url.findtext("sm:loc", default="", namespaces=NS))
    return addresses


def test_held_questions_and_answers_are_never_in_the_sitemap(
    maya, dr_okafor, moderator, ask, answer
):
    listed = ask(maya, title="A question anyone may find through a search engine")
    reply = answer(listed, dr_okafor)
    hidden = ask(maya, title="A question a moderator hid for review")
    actions.hide_post(post=hidden, by=moderator, removal=Removal.HIDDEN, note="Under review.")
    waiting = ask(maya, title="A question waiting for a moderator's approval")
    actions.hide_post(post=waiting, by=None, removal=Removal.WAITING, note="Waiting.")
    held = ask(maya, title="A question held by a check for review")
    actions.hide_post(post=held, by=None, removal=Removal.HELD, note="Held.")
    expected = [f"http://testserver{listed.get_absolute_url()}"]
    # The same for everyone: the sitemap is never what a member or moderator sees.
    for reader in (None, maya, moderator):
        assert _listed(user=reader) == expected
    assert f"#a{reply.pk}" not in "".join(expected)
    actions.restore_post(post=hidden, by=moderator)
    assert _listed() == [f"http://testserver{q.get_absolute_url()}" for q in (listed, hidden)]


def test_the_index_splits_the_questions_into_files_by_ranges_of_ids(maya, ask, monkeypatch):
    monkeypatch.setattr(crawler_views, "IDS_PER_SITEMAP", 3)
    questions = [
        ask(maya, title=f"Question number {i} that search engines may list") for i in range(7)
    ]
    kept = ask(
        maya, title="The newest question, kept out of search engines", keep_out_of_search=True
    )
    index = _xml("/sitemap.xml")
    parts = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    newest = questions[-1].pk
    assert parts == [f"http://testserver/sitemap/questions-{n}.xml" for n in range(newest // 3 + 1)]
    # The files from the one before this test's first question on: ids keep growing over a
    # test run on PostgreSQL, and the earlier files are those of no question here.
    for n in range(max(questions[0].pk // 3 - 1, 0), len(parts)):
        part = parts[n]
        assert part is not None
        urls = _xml(part.removeprefix("http://testserver")).findall("sm:url/sm:loc", NS)
        assert len(urls) <= 3
        ids = [int((url.text or "").split("/q/")[1].split("/")[0]) for url in urls]
        assert all(3 * n <= pk < 3 * (n + 1) for pk in ids)
    assert _listed() == [f"http://testserver{q.get_absolute_url()}" for q in questions]
    assert kept.get_absolute_url() not in "".join(_listed())
