"""The audit log page: moderators read and filter it, newest first, a page at a time; bad
filters get a clear message; members and guests find no such page; nothing on it changes
an entry."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mindwell.moderation.audit import record
from mindwell.moderation.models import AuditEntry
from mindwell.qa import actions
from mindwell.tags.actions import set_category_moderators
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

LOG = "/moderation/audit/"


def log(**fields) -> AuditEntry:
    with transaction.atomic():
        return record(**fields)


def page(user, query: str = "", status: int = 200) -> str:
    response = client_for(user).get(LOG + query)
    assert response.status_code == status, response.content.decode()[:2000]
    return response.content.decode()


def rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [row for row in body.split("<tr ")[1:]]


@pytest.fixture
def thread(ask, answer, maya, dr_okafor):
    question = ask(maya)
    return question, answer(question, dr_okafor)


@pytest.mark.parametrize("who", ["guest", "maya", "trusted"])
def test_members_and_guests_find_no_audit_log(who, maya):
    user = {"guest": None, "maya": maya, "trusted": make_member("old_hand", points=5000)}[who]
    assert client_for(user).get(LOG).status_code == 404


def test_a_moderator_reads_entries_newest_first_with_who_what_item_member_and_reason(
    moderator, thread, dr_okafor
):
    question, reply = thread
    log(actor=moderator, action="hide", post=reply, member=dr_okafor, reason="Off-topic advice")
    log(actor=None, action="hide", post=question, details={"source": "flags"})
    log(actor=None, action="hold", post=question, reason="A check held it")
    html = page(moderator)
    first, second, third = rows(html)
    assert "hold" in first and "the site" in first and "A check held it" in first
    assert "flags from trusted members" in second
    assert "mod_jo" in third and "Off-topic advice" in third and "dr_okafor" in third
    assert f'href="{reply.get_absolute_url()}"' in third


def test_a_category_moderator_reads_the_log_but_no_link_to_what_they_may_not_see(
    moderator, thread, ask, maya
):
    question, _ = thread
    other = Category.objects.exclude(pk=question.category_id).first()
    elsewhere = ask(maya, title="A question in another category entirely", category=other)
    actions.delete_post(post=elsewhere, by=moderator)
    keeper = make_member("keeper")
    set_category_moderators(category=question.category, moderator_ids=[keeper.pk])
    keeper.refresh_from_db()
    log(actor=moderator, action="delete", post=elsewhere)
    html = page(keeper)
    assert "A question in another category entirely" in html
    assert f'href="{elsewhere.get_absolute_url()}"' not in html


def test_a_purged_item_is_named_from_the_entry_and_not_linked(moderator, thread):
    question, _ = thread
    log(actor=moderator, action="purge", post=question, details={"title": question.title})
    question.delete()
    html = page(moderator)
    assert f"“{question.title}” (removed for good)" in html
    assert question.get_absolute_url() not in html


def test_the_filters_narrow_the_log(moderator, thread, maya, dr_okafor):
    question, reply = thread
    comment = actions.add_comment(post=question, author=dr_okafor, body="A comment to hide.")
    other_mod = make_member("mod_sam", is_moderator=True)
    log(actor=moderator, action="hide", post=reply, member=dr_okafor, reason="one")
    log(actor=other_mod, action="delete", post=question, member=maya, reason="two")
    log(actor=other_mod, action="hide", comment=comment, member=dr_okafor, reason="three")
    old = log(actor=moderator, action="suspend", member=maya, reason="four")
    AuditEntry.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )

    def reasons(query: str) -> list[str]:
        found = []
        for row in rows(page(moderator, query)):
            found += [word for word in ("one", "two", "three", "four") if f">{word}<" in row]
        return found

    assert reasons("") == ["four", "three", "two", "one"]
    assert reasons("?action=hide") == ["three", "one"]
    assert reasons("?moderator=MOD_SAM") == ["three", "two"]
    assert reasons("?member=maya") == ["four", "two"]
    assert reasons(f"?post={question.pk}") == ["three", "two"]  # its comment's entry too
    today = timezone.localdate().isoformat()
    assert reasons(f"?since={today}") == ["three", "two", "one"]
    long_ago = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    assert reasons(f"?until={long_ago}") == ["four"]
    assert reasons("?action=hide&member=dr_okafor&moderator=mod_jo") == ["one"]
    assert "No entries match these filters." in page(moderator, "?action=suspend&member=dr_okafor")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?action=obliterate", "The log has no entries of the action “obliterate”"),
        ("?moderator=nobody_here", "No member has the username “nobody_here”."),
        ("?member=nobody_here", "No member has the username “nobody_here”."),
        ("?post=12abc", "A post id is a number, like 1234."),
        ("?post=99999999999999999999", "A post id is a number, like 1234."),
        ("?since=31/03/2025", "Enter a date as YYYY-MM-DD"),
        ("?since=2025-03-02&until=2025-03-01", "The end date is before the start date."),
    ],
)
def test_a_bad_filter_gets_a_clear_message_not_an_error_page(moderator, query, message):
    log(actor=moderator, action="hide", reason="kept")
    html = page(moderator, query, status=400)
    assert message in html
    assert "<tbody>" not in html


def test_a_forged_page_link_is_refused_with_400(moderator):
    log(actor=moderator, action="hide")
    assert client_for(moderator).get(LOG + "?after=not-a-cursor&page=2").status_code == 400


def test_the_log_pages_fifty_entries_at_a_time_keeping_the_filters(moderator, dr_okafor):
    for number in range(60):
        log(actor=moderator, action="hide", member=dr_okafor, reason=f"entry {number}")
    log(actor=moderator, action="suspend", member=dr_okafor, reason="not a hide")
    first = page(moderator, "?action=hide")
    assert len(rows(first)) == 50 and "entry 59<" in first and "entry 10<" in first
    next_link = first.split('rel="next" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert "action=hide" in next_link
    second = page(moderator, next_link)
    assert len(rows(second)) == 10 and "entry 9<" in second and "not a hide" not in second
    assert 'rel="next"' not in second and 'rel="prev"' in second


def test_the_log_reads_the_same_number_of_queries_for_few_or_many_entries(
    moderator, thread, dr_okafor
):
    question, reply = thread

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            page(moderator)
        return len(captured)

    log(actor=moderator, action="hide", post=reply, member=dr_okafor)
    few = queries()
    for _ in range(20):
        log(actor=moderator, action="hide", post=question, member=dr_okafor)
        log(actor=make_member(f"m{_}", is_moderator=True), action="delete", post=reply)
    assert queries() == few


def test_undo_is_offered_while_the_item_is_still_in_that_state(moderator, thread, dr_okafor):
    question, reply = thread
    comment = actions.add_comment(post=question, author=dr_okafor, body="A comment to hide.")
    actions.hide_post(post=reply, by=moderator)
    actions.hide_comment(comment=comment, by=moderator)
    log(actor=moderator, action="hide", post=reply, member=dr_okafor)
    log(actor=moderator, action="hide", comment=comment, member=dr_okafor)
    log(actor=moderator, action="close", post=question)  # not closed: nothing to undo
    html = page(moderator)
    assert f'action="/post/{reply.pk}/restore"' in html
    assert f'href="/comment/{comment.pk}/restore"' in html
    assert html.count(">Undo<span") == 2
    actions.restore_post(post=reply, by=moderator)
    html = page(moderator)
    assert f'action="/post/{reply.pk}/restore"' not in html and html.count(">Undo<span") == 1


def test_nothing_on_the_site_changes_an_entry(moderator):
    entry = log(actor=moderator, action="hide", reason="as it was")
    client = client_for(moderator)
    assert client.post(LOG, {"reason": "changed"}).status_code == 405
    assert client.delete(LOG).status_code == 405
    entry.refresh_from_db()
    assert entry.reason == "as it was" and AuditEntry.objects.count() == 1
