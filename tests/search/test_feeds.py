"""The Atom feeds: each kind parses as Atom with feedparser, shows what anyone may read and
names writers as the site does, and answers 404 for anything missing or removed."""

from __future__ import annotations

from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mindwell.core.robots import HEADER as ROBOTS_HEADER
from mindwell.qa import actions
from mindwell.qa.models import Post, Removal
from mindwell.tags.models import Category
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

GUEST_EMAIL = "sam.private@example.net"


def fetch(path: str, *, user=None) -> tuple[bytes, feedparser.FeedParserDict]:
    """The feed at `path`, as bytes and as feedparser reads it; it must be well-formed Atom."""
    response = client_for(user).get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # What Atom requires of a feed and of each entry.
    assert parsed.feed.id and parsed.feed.title and parsed.feed.updated
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.updated and entry.link
        assert entry.link.startswith("http://testserver/")
        assert entry.id.startswith("http://testserver/q/")
    return response.content, parsed


def titles(parsed: feedparser.FeedParserDict) -> list[str]:
    return [entry.title for entry in parsed.entries]


@pytest.fixture
def guest_question(ask) -> Post:
    return ask(
        None, title="A guest asks about sleeping after a breakup", guest_name="Sam",
        guest_email=GUEST_EMAIL, tags="sleep",
    )  # fmt: skip


def test_the_newest_questions_feed_lists_them_newest_first_with_their_writers_as_shown(
    maya, newcomer, ask, guest_question
):
    named = ask(maya, title="How do I tell my therapist I feel attached?")
    hidden_name = ask(newcomer, title="Is it strange to miss my old therapist?", anonymous=True)
    raw, parsed = fetch("/feeds/questions/")
    assert parsed.feed.title == "Mindwell: newest questions"
    assert parsed.feed.link == "http://testserver/"
    assert titles(parsed) == [hidden_name.title, named.title, guest_question.title]
    by_title = {entry.title: entry for entry in parsed.entries}
    assert by_title[named.title].author == "Maya"
    assert by_title[named.title].link == f"http://testserver{named.get_absolute_url()}"
    assert by_title[named.title].id == f"http://testserver/q/{named.pk}/"
    assert [tag.term for tag in by_title[named.title].tags] == ["transference", "attachment"]
    assert by_title[guest_question.title].author == "Sam"
    # An anonymous question names no one, and no address is ever in a feed.
    assert by_title[hidden_name.title].author == "Anonymous"
    assert b"newcomer" not in raw
    assert GUEST_EMAIL.encode() not in raw and b"@" not in raw
    assert by_title[named.title].summary == (
        "I have been seeing my therapist for a year and think of her often."
    )


def test_an_edited_question_is_updated_after_it_was_published(maya, ask):
    asked_at = timezone.now() - timedelta(days=3)
    question = ask(maya, now=asked_at)
    actions.edit_post(
        post=question, editor=maya, title=question.title,
        body="I have been seeing my therapist for two years and think of her often.",
        reason="",
    )  # fmt: skip
    _, parsed = fetch("/feeds/questions/")
    entry = parsed.entries[0]
    assert entry.published_parsed < entry.updated_parsed
    assert "two years" in entry.summary


def test_a_category_feed_holds_its_subcategories_questions_and_no_others(maya, ask):
    parent = Category.objects.get(slug="therapists")
    child = Category.objects.get(slug="finding-a-therapist")
    elsewhere = Category.objects.get(slug="psychotherapy")
    in_child = ask(maya, title="Where do I look for a therapist near me?", category=child)
    in_parent = ask(maya, title="How do I know my therapist is right for me?", category=parent)
    ask(maya, title="What happens in a first psychotherapy session?", category=elsewhere)
    _, parsed = fetch("/feeds/category/therapists/")
    assert parsed.feed.title == "Mindwell: questions in Therapists"
    assert titles(parsed) == [in_parent.title, in_child.title]
    _, parsed = fetch("/feeds/category/finding-a-therapist/")
    assert titles(parsed) == [in_child.title]


def test_a_tag_feed_holds_the_questions_with_that_tag(maya, ask, guest_question):
    ask(maya, title="How do I tell my therapist I feel attached?")
    _, parsed = fetch("/feeds/tag/sleep/")
    assert parsed.feed.title == "Mindwell: questions tagged “sleep”"
    assert titles(parsed) == [guest_question.title]
    # Tag names are lower case; the address is read as the tag page reads it.
    _, parsed = fetch("/feeds/tag/SLEEP/")
    assert titles(parsed) == [guest_question.title]


def test_a_question_feed_holds_its_live_answers_newest_first_then_the_question(
    maya, dr_okafor, newcomer, moderator, ask, answer
):
    question = ask(maya)
    now = timezone.now()
    first = answer(question, dr_okafor, body="It is common, and worth saying to them.", now=now)
    shy = answer(
        question, newcomer, anonymous=True, body="I felt the same for months.",
        now=now + timedelta(minutes=1),
    )  # fmt: skip
    guest = answer(
        question, None, guest_name="Robin", guest_email=GUEST_EMAIL,
        body="Writing it down first helped me say it.", now=now + timedelta(minutes=2),
    )  # fmt: skip
    deleted = answer(question, newcomer, body="This one was deleted by its writer later.")
    actions.delete_post(post=deleted, by=newcomer)
    held = answer(question, newcomer, body="This one is hidden while a moderator looks.")
    actions.hide_post(post=held, by=moderator, removal=Removal.HIDDEN, note="Under review.")
    raw, parsed = fetch(f"/feeds/question/{question.pk}/")
    assert parsed.feed.title == f"Mindwell: answers to “{question.title}”"
    assert [entry.author for entry in parsed.entries] == ["Robin", "Anonymous", "Dr Okafor", "Maya"]
    assert titles(parsed) == [
        "Answer by Robin",
        "Answer by Anonymous",
        "Answer by Dr Okafor",
        question.title,
    ]
    assert parsed.entries[0].link == f"http://testserver{question.get_absolute_url()}#a{guest.pk}"
    assert parsed.entries[1].id == f"http://testserver/q/{question.pk}/#a{shy.pk}"
    assert b"deleted by its writer" not in raw and b"hidden while" not in raw
    assert b"newcomer" not in raw and GUEST_EMAIL.encode() not in raw
    assert first.body in parsed.entries[2].summary


def test_feeds_are_the_same_for_members_and_moderators(maya, moderator, ask, answer):
    question = ask(maya)
    held = answer(question, maya, body="The asker's own answer, held for review.")
    actions.hide_post(post=held, by=moderator, removal=Removal.HIDDEN, note="Under review.")
    anonymous_answer = answer(question, maya, anonymous=True, body="Answered without a name.")
    for reader in (maya, moderator):
        raw, parsed = fetch(f"/feeds/question/{question.pk}/", user=reader)
        assert b"held for review" not in raw
        by_link = {entry.link.rsplit("#", 1)[-1]: entry for entry in parsed.entries}
        assert by_link[f"a{anonymous_answer.pk}"].author == "Anonymous"


def test_questions_kept_out_of_search_stay_out_of_the_list_feeds(maya, ask):
    kept = ask(maya, title="Something private I only want readers here to see", tags="sleep",
               keep_out_of_search=True)  # fmt: skip
    listed = ask(maya, title="Something I am happy for anyone to find", tags="sleep")
    for path in (
        "/feeds/questions/",
        f"/feeds/category/{kept.category.slug}/",
        "/feeds/tag/sleep/",
    ):
        raw, parsed = fetch(path)
        assert titles(parsed) == [listed.title]
        assert kept.title.encode() not in raw


def test_a_kept_out_question_feed_is_served_to_its_readers_but_not_for_indexing(
    maya, dr_okafor, ask, answer
):
    kept = ask(maya, keep_out_of_search=True)
    answer(kept, dr_okafor)
    response = client_for(None).get(f"/feeds/question/{kept.pk}/")
    assert response.status_code == 200 and response[ROBOTS_HEADER] == "noindex"
    fetched = client_for(None).get(f"/feeds/question/{ask(maya).pk}/")
    assert ROBOTS_HEADER not in fetched


def test_removed_questions_leave_every_feed(maya, moderator, ask):
    deleted = ask(maya, title="A question its asker deleted soon after", tags="sleep")
    hidden = ask(maya, title="A question a moderator hid for review", tags="sleep")
    kept = ask(maya, title="A question that stays where it is", tags="sleep")
    actions.delete_post(post=deleted, by=maya)
    actions.hide_post(post=hidden, by=moderator, removal=Removal.HIDDEN, note="Under review.")
    for path in (
        "/feeds/questions/",
        f"/feeds/category/{kept.category.slug}/",
        "/feeds/tag/sleep/",
    ):
        _, parsed = fetch(path)
        assert titles(parsed) == [kept.title]
    for removed in (deleted, hidden):
        assert client_for(None).get(f"/feeds/question/{removed.pk}/").status_code == 404
        assert client_for(moderator).get(f"/feeds/question/{removed.pk}/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/category/no-such-category/",
        "/feeds/tag/no-such-tag/",
        "/feeds/question/999999/",
        "/feeds/question/abc/",
        "/feeds/question/-1/",
        "/feeds/question/１２/",  # other scripts' digits
        "/feeds/question/99999999999999999999999999/",
        "/feeds/tag/%E2%80%AE/",
    ],
)
def test_unknown_feeds_are_404_pages(path, db):
    response = client_for(None).get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_an_answer_has_no_feed_of_its_own(maya, dr_okafor, ask, answer):
    reply = answer(ask(maya), dr_okafor)
    assert client_for(None).get(f"/feeds/question/{reply.pk}/").status_code == 404


def test_a_feed_takes_no_posted_changes(maya, ask):
    question = ask(maya)
    response = client_for(None).post(f"/feeds/question/{question.pk}/")
    assert response.status_code == 405
    assert client_for(None).head(f"/feeds/question/{question.pk}/").status_code == 200


def test_a_content_note_stands_in_for_the_text_in_the_feed(maya, ask):
    question = ask(
        maya, title="Thoughts that scare me late at night", content_note="mentions self-harm",
        body="The details I wrote here are behind the note on the page.",
    )  # fmt: skip
    raw, parsed = fetch("/feeds/questions/")
    assert parsed.entries[0].summary == "Content note: mentions self-harm"
    assert b"The details I wrote here" not in raw
    _, parsed = fetch(f"/feeds/question/{question.pk}/")
    assert parsed.entries[-1].summary == "Content note: mentions self-harm"


def test_titles_and_text_stay_text_in_feeds(maya, ask):
    title = 'Is "<b>bold</b>" & <script>alert(1)</script> okay?'
    body = "My *notes* say <script>alert(1)</script> & more, [a link](https://example.org)."
    question = ask(maya, title=title, body=body)
    raw, parsed = fetch("/feeds/questions/")
    entry = parsed.entries[0]
    assert entry.title == title
    # The summary is plain text: no Markdown, and the post's HTML never becomes markup.
    assert entry.summary == "My notes say &lt;script&gt;alert(1)&lt;/script&gt; &amp; more, a link."
    assert b"<script" not in raw
    _, parsed = fetch(f"/feeds/question/{question.pk}/")
    assert parsed.feed.title == f"Mindwell: answers to “{title}”"


def test_a_long_post_is_summed_up_in_a_few_hundred_characters(maya, ask):
    body = "I keep going over the same worry again and again. " * 60
    ask(maya, body=body)
    _, parsed = fetch("/feeds/questions/")
    summary = parsed.entries[0].summary
    assert 250 < len(summary) <= 300 and summary.endswith("…")


def test_each_feed_is_bounded_and_reads_the_same_few_rows_however_many_questions(
    maya, dr_okafor, ask, answer
):
    question = ask(maya, tags="sleep")
    for i in range(33):
        ask(maya, title=f"Question number {i} about sleeping badly", tags="sleep")
        answer(question, dr_okafor, body=f"Answer number {i}: a routine helped me.")
    # On SQLite a tag's or category's list first asks how common it is (Post.objects.tagged).
    sizing = int(connection.vendor == "sqlite")
    paths = {
        "/feeds/questions/": 1,
        f"/feeds/category/{question.category.slug}/": 3 + sizing,
        "/feeds/tag/sleep/": 2 + sizing,
        f"/feeds/question/{question.pk}/": 2,
    }
    client = client_for(None)
    for path, queries in paths.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert len(feedparser.parse(response.content).entries) == 30 + ("question/" in path)
        # The rows the feed needs, and no query per entry.
        assert len(captured) == queries, [q["sql"] for q in captured.captured_queries]
