# mypy: disable-error-code="union-attr"
"""The inbox: the bell and its count on every member page, the list grouped by question,
opening an entry, marking read, and what housekeeping forgets."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.housekeeping import run_all
from mindwell.moderation.actions.members import send_moderator_message
from mindwell.notifications import actions as notification_actions
from mindwell.notifications.inbox import PAGE_SIZE
from mindwell.notifications.models import Notification
from mindwell.qa import actions
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

INBOX = "/notifications/"


@pytest.fixture
def thread(maya, rosie, dr_okafor, ask, answer, committed):
    """Maya asks; rosie answers, then dr_okafor answers and comments on rosie's answer:
    maya hears of both answers, rosie of the comment on hers."""
    question = committed(ask, maya)
    first = committed(answer, question, rosie, body="It happened to me too; it eased in time.")
    second = committed(answer, question, dr_okafor, body="Saying it aloud in a session helps.")
    comment = committed(
        actions.add_comment, post=first, author=dr_okafor, body="Thank you for sharing this."
    )
    return question, first, second, comment


def unread_of(user) -> int:
    user.refresh_from_db()
    return user.unread_notifications


def bell(html: str) -> str:
    found = re.search(r'<a class="bell".*?</a>', html, re.S)
    assert found, "no bell in the header"
    return found.group(0)


def many(member, question, count: int, *, days_ago: float = 0) -> list[Notification]:
    """`count` notifications of news from a followed question (for lists longer than a
    thread makes), unread, counted as the fan-out counts them."""
    made = timezone.now() - timedelta(days=days_ago)
    rows = Notification.objects.bulk_create(
        Notification(
            recipient=member,
            kind="followed",
            event_key=f"test:{days_ago}:{n}",
            question=question,
            post=question,
            detail="question",
            created_at=made,
            email="never",
        )
        for n in range(count)
    )
    notification_actions.recount([member.pk])
    return rows


# The bell ---------------------------------------------------------------------------------


def test_every_member_page_shows_the_bell_with_the_unread_count(thread, maya):
    question = thread[0]
    client = client_for(maya)
    for url in ("/", question.get_absolute_url(), "/tags/", "/accounts/settings/", INBOX):
        html = client.get(url).content.decode()
        shown = bell(html)
        assert 'href="/notifications/"' in shown
        assert '<span class="visually-hidden">Notifications, 2 unread</span>' in shown
        assert '<span class="bell-count" aria-hidden="true" data-unread-count>2</span>' in shown


def test_the_bell_has_no_count_when_nothing_is_unread_and_guests_have_no_bell(maya, ask):
    question = ask(maya)
    shown = bell(client_for(maya).get(question.get_absolute_url()).content.decode())
    assert "bell-count" not in shown
    assert '<span class="visually-hidden">Notifications</span>' in shown
    assert 'class="bell"' not in client_for(None).get(question.get_absolute_url()).content.decode()


def test_a_large_count_is_shortened_on_the_badge_but_said_in_full(maya, ask):
    many(maya, ask(maya), 120)
    shown = bell(client_for(maya).get("/").content.decode())
    assert ">99+</span>" in shown
    assert "Notifications, 120 unread" in shown


def test_the_count_costs_no_query(maya, ask):
    """The bell reads a column of the member's own row, loaded anyway."""
    question = ask(maya)
    client = client_for(maya)
    client.get("/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured.captured_queries)

    before = queries()
    many(maya, question, 7)
    assert queries() == before


# The list ---------------------------------------------------------------------------------


def test_the_inbox_lists_newest_first_grouped_by_question(thread, maya, rosie, ask, committed):
    question = thread[0]
    other = committed(ask, rosie, title="How do I say no to my mother without guilt?")
    committed(
        actions.post_answer,
        question=other,
        author=maya,
        body="Slowly, and kindly, one small no at a time.",
    )
    html = client_for(maya).get(INBOX).content.decode()
    # Maya's question's group, its newest entry first; rosie's question is not maya's.
    assert question.title in html
    lines = re.findall(r'href="/notifications/(\d+)/open">([^<]+)</a>', html)
    assert [line for _, line in lines] == [
        "Dr Okafor answered your question",
        "rosie answered your question",
    ]
    ids = [int(pk) for pk, _ in lines]
    assert ids == sorted(ids, reverse=True)
    assert html.count('<span class="new-badge">New</span>') == 2
    assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in html


def test_a_question_out_of_view_shows_no_title_and_its_entries_no_link(
    thread, maya, moderator, committed
):
    question = thread[0]
    committed(actions.delete_post, post=question, by=moderator)
    html = client_for(maya).get(INBOX).content.decode()
    assert question.title not in html
    assert "A question you can no longer see" in html
    [entry] = Notification.objects.filter(recipient=maya, post=thread[1])
    response = client_for(maya).get(f"/notifications/{entry.pk}/open")
    assert response.status_code == 302 and response["Location"] == INBOX


def test_an_empty_inbox_says_what_will_come_here(newcomer):
    html = client_for(newcomer).get(INBOX).content.decode()
    assert "Nothing here yet." in html
    assert "@newcomer" in html
    assert "Mark all read" not in html


def test_the_inbox_is_paged_and_a_link_we_did_not_make_is_refused(maya, ask):
    question = ask(maya)
    rows = many(maya, question, PAGE_SIZE + 5)
    client = client_for(maya)
    first = client.get(INBOX).content.decode()
    assert first.count('/open">') == PAGE_SIZE
    older = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(INBOX + older).content.decode()
    assert second.count('/open">') == 5
    assert f"/notifications/{rows[0].pk}/open" in second
    assert "noindex" in second
    assert client.get(INBOX + "?after=nonsense").status_code == 400


def test_the_inbox_needs_the_same_queries_for_few_or_many_notifications(
    thread, maya, rosie, dr_okafor, committed
):
    client = client_for(maya)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INBOX).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    question = thread[0]
    for n in range(6):
        committed(
            actions.add_comment, post=question, author=rosie if n % 2 else dr_okafor,
            body=f"Another thought on this, number {n}.",
        )  # fmt: skip
    assert Notification.objects.filter(recipient=maya).count() == 8
    assert queries() == few


def test_the_inbox_is_for_members_only():
    response = client_for(None).get(INBOX)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# Opening and marking read -----------------------------------------------------------------


def test_opening_an_entry_marks_it_read_and_goes_to_what_it_is_about(thread, maya):
    _, first, _, _ = thread
    entry = Notification.objects.get(recipient=maya, post=first)
    client = client_for(maya)
    response = client.get(f"/notifications/{entry.pk}/open")
    assert response.status_code == 302
    assert response["Location"] == first.get_absolute_url()
    entry.refresh_from_db()
    assert entry.read_at is not None
    assert unread_of(maya) == 1
    # Again: still goes there, nothing more changes.
    assert client.get(f"/notifications/{entry.pk}/open")["Location"] == first.get_absolute_url()
    assert unread_of(maya) == 1


def test_a_comment_entry_opens_at_the_comment(thread, rosie):
    comment = thread[3]
    entry = Notification.objects.get(recipient=rosie, comment=comment)
    response = client_for(rosie).get(f"/notifications/{entry.pk}/open")
    assert response["Location"] == comment.get_absolute_url()


@pytest.mark.parametrize("raw", ["0", "999999", "abc", "1e3", "-1"])
def test_opening_someone_elses_or_no_notification_is_not_found(thread, rosie, maya, raw):
    assert client_for(rosie).get(f"/notifications/{raw}/open").status_code == 404


def test_a_member_cannot_open_or_mark_another_members_notification(thread, maya, rosie):
    entry = Notification.objects.filter(recipient=maya).first()
    client = client_for(rosie)
    assert client.get(f"/notifications/{entry.pk}/open").status_code == 404
    client.post("/notifications/read/", {"notification": [entry.pk]})
    entry.refresh_from_db()
    assert entry.read_at is None and unread_of(maya) == 2


def test_mark_one_read_without_javascript(thread, maya):
    entry = Notification.objects.filter(recipient=maya).first()
    client = client_for(maya)
    response = client.post(
        "/notifications/read/", {"notification": [entry.pk], "next": "/notifications/?page=1"}
    )
    assert response.status_code == 302 and response["Location"] == "/notifications/?page=1"
    assert unread_of(maya) == 1
    html = client.get(INBOX).content.decode()
    assert "Marked 1 notification read." in html
    assert html.count('<span class="new-badge">New</span>') == 1


def test_mark_a_questions_group_read_then_all(thread, maya, rosie, ask, committed):
    question = thread[0]
    other = committed(ask, maya, title="How do I rest when my mind races at night?")
    committed(
        actions.post_answer,
        question=other,
        author=rosie,
        body="A notebook by the bed helps me let go of it.",
    )
    assert unread_of(maya) == 3
    client = client_for(maya)
    client.post("/notifications/read/", {"question": question.pk})
    assert unread_of(maya) == 1
    assert Notification.objects.get(recipient=maya, question=other).read_at is None
    client.post("/notifications/read/", {"all": "1"})
    assert unread_of(maya) == 0
    assert not Notification.objects.filter(recipient=maya, read_at__isnull=True).exists()


def test_marking_read_answers_json_with_the_count_left(thread, maya):
    entry = Notification.objects.filter(recipient=maya).first()
    response = client_for(maya).post(
        "/notifications/read/", {"notification": [entry.pk]}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json() == {"marked": 1, "unread": 1}


@pytest.mark.parametrize(
    "data",
    [{}, {"notification": ["abc"]}, {"question": "x"}, {"question": "0"}, {"all": ""}],
    ids=["nothing", "bad id", "bad question", "no question", "all empty"],
)
def test_marking_read_refuses_what_it_cannot_read(maya, data):
    client = client_for(maya)
    response = client.post("/notifications/read/", data)
    assert response.status_code == 400
    json = client.post("/notifications/read/", data, headers={"Accept": "application/json"})
    assert json.status_code == 400 and json.json()["error"]


def test_marking_read_goes_back_only_to_this_site(thread, maya):
    response = client_for(maya).post(
        "/notifications/read/", {"all": "1", "next": "https://elsewhere.example/x"}
    )
    assert response["Location"] == INBOX
    response = client_for(maya).post("/notifications/read/", {"all": "1", "next": "//evil.example"})
    assert response["Location"] == INBOX


# Kept for a while -------------------------------------------------------------------------


def test_housekeeping_forgets_old_notifications_and_recounts_the_unread(settings, maya, ask):
    settings.MINDWELL_NOTIFICATIONS_DAYS = 30
    question = ask(maya)
    old_unread = many(maya, question, 3, days_ago=31)
    old_read = many(maya, question, 2, days_ago=40)
    Notification.objects.filter(pk__in=[n.pk for n in old_read]).update(read_at=timezone.now())
    many(maya, question, 4, days_ago=29)
    other = make_member("other")
    many(other, question, 2, days_ago=45)
    notification_actions.recount([maya.pk, other.pk])
    assert (unread_of(maya), unread_of(other)) == (7, 2)
    run_all()
    assert Notification.objects.filter(recipient=maya).count() == 4
    assert not Notification.objects.filter(pk__in=[n.pk for n in old_unread]).exists()
    assert (unread_of(maya), unread_of(other)) == (4, 0)
    html = client_for(maya).get(INBOX).content.decode()
    assert "Notifications are kept for 30 days." in html


def test_recount_sets_each_members_count_from_their_rows(maya, rosie, ask):
    question = ask(maya)
    many(maya, question, 3)
    User.objects.filter(pk__in=[maya.pk, rosie.pk]).update(unread_notifications=50)
    notification_actions.recount([maya.pk, rosie.pk, maya.pk])
    assert (unread_of(maya), unread_of(rosie)) == (3, 0)


def test_the_inbox_links_to_email_settings_and_follows(maya):
    html = client_for(maya).get(INBOX).content.decode()
    assert f'href="{reverse("notifications:email_settings")}"' in html
    assert f'href="{reverse("notifications:following")}"' in html


def test_a_moderators_message_is_listed_apart_and_opens_the_messages(maya, moderator, committed):
    committed(
        send_moderator_message, member=maya, by=moderator, body="Please keep names out of posts."
    )
    client = client_for(maya)
    html = client.get(INBOX).content.decode()
    assert "From the moderators" in html
    [entry] = Notification.objects.filter(recipient=maya)
    assert f'href="/notifications/{entry.pk}/open">The moderators wrote to you</a>' in html
    response = client.get(f"/notifications/{entry.pk}/open")
    assert response["Location"] == reverse("moderation:my_messages")
    assert unread_of(maya) == 0
