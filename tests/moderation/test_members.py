# mypy: disable-error-code="union-attr"
"""Moderating members, through HTTP: suspensions seen on every page (stored pages too) and
enforced everywhere, lifting them, who may suspend whom, private messages from the
moderators, guests blocked by address range, and where guests' and anonymous posts came
from."""

import hashlib
import hmac
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mindwell.core import pagecache
from mindwell.core.errors import ActionError, Forbidden
from mindwell.core.pagecache import members as memberpages
from mindwell.moderation.actions import members as actions
from mindwell.moderation.actions.closing import protect_question
from mindwell.moderation.models import (
    AuditEntry,
    BlockedRange,
    ModeratorMessage,
    Origin,
    Suspension,
)
from mindwell.qa.models import Comment, Post
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member
from tests.qa.conftest import counters

pytestmark = pytest.mark.django_db

REASON = "Repeated personal attacks on other members after two warnings."
BLOCKED = "203.0.113.0/24"
FROM_BLOCKED = "203.0.113.9"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def administrator(db):
    return make_member("site_admin", is_staff=True, is_superuser=True)


def ask_form(**overrides):
    return {
        "title": "How do I get through a panic attack at work?",
        "body": "It started in a meeting last week and I had to leave the room.",
        "category": str(Category.objects.get(slug="panic-attacks").pk),
        "tags": "panic work",
        **overrides,
    }


def suspend_over_http(moderator, member, **fields):
    data = {"duration": "7", "reason": REASON, **fields}
    return client_for(moderator).post(reverse("moderation:suspend", args=[member.pk]), data)


def banner_of(html):
    start = html.find("Your account is suspended until")
    return html[start : html.find("</p>", start)] if start >= 0 else ""


def ends_written(member):
    member.refresh_from_db()
    return timezone.localtime(member.suspended_until).strftime("%-d %B %Y")


# Suspending ------------------------------------------------------------------------------


def test_a_suspended_member_sees_the_reason_and_end_date_on_every_page(
    moderator, maya, dr_okafor, ask
):
    question = ask(dr_okafor)

    response = suspend_over_http(moderator, maya)

    assert response.status_code == 302
    assert response["Location"] == reverse("moderation:member", args=[maya.pk])
    until = ends_written(maya)
    assert maya.suspension_reason == REASON
    assert maya.suspended_until - timezone.now() > timedelta(days=6, hours=23)
    suspension = Suspension.objects.get(member=maya)
    assert suspension.moderator == moderator and suspension.ends_at == maya.suspended_until
    entry = AuditEntry.objects.get(action="suspend")
    assert entry.actor == moderator and entry.member_id == maya.pk and entry.reason == REASON
    client = client_for(maya)
    for url in ("/", question.get_absolute_url(), reverse("qa:profile", args=["maya"])):
        page = client.get(url)
        assert page.status_code == 200  # they can still read
        banner = banner_of(page.content.decode())
        assert until in banner and REASON in banner, url
    # Nobody else sees it.
    assert not banner_of(client_for(dr_okafor).get("/").content.decode())


def test_a_suspended_member_cannot_ask_answer_comment_vote_or_edit(
    maya, dr_okafor, moderator, ask, answer
):
    question = ask(dr_okafor)
    reply = answer(question, dr_okafor)
    own = ask(maya, title="An older question of mine about sleep and worry")
    suspend_over_http(moderator, maya)
    until = ends_written(maya)
    client = client_for(maya)
    before = counters()

    attempts = {
        "ask": client.post(reverse("qa:ask"), ask_form()),
        "ask page": client.get(reverse("qa:ask")),
        "answer": client.post(
            reverse("qa:answer", args=[question.pk]), {"body": "I would like to answer this."}
        ),
        "comment": client.post(reverse("qa:comment", args=[reply.pk]), {"body": "A comment."}),
        "vote": client.post(reverse("qa:vote", args=[reply.pk]), {"value": "up"}),
        "edit page": client.get(reverse("qa:edit", args=[own.pk])),
        "edit": client.post(
            reverse("qa:edit", args=[own.pk]),
            {
                "title": own.title,
                "body": "A new text for my own question here.",
                "tags": "sleep",
                "category": str(own.category_id),
                "reason": "",
            },
        ),
    }

    for what, response in attempts.items():
        assert response.status_code == 403, what
        page = response.content.decode()
        assert f"Your account is suspended until {until}" in page, what
        assert "<h1>You cannot do that</h1>" in page, what
    as_json = client.post(
        reverse("qa:vote", args=[reply.pk]), {"value": "up"}, HTTP_ACCEPT="application/json"
    )
    assert as_json.status_code == 403 and "suspended until" in as_json.json()["error"]
    assert counters() == before
    assert client.get(question.get_absolute_url()).status_code == 200


def test_the_posting_actions_say_why_a_suspended_member_is_refused(maya, moderator, ask):
    actions.suspend_member(member=maya, by=moderator, days=3, reason=REASON)
    maya.refresh_from_db()

    with pytest.raises(Forbidden) as refused:
        ask(maya)

    assert "suspended until" in refused.value.message


def test_a_suspended_member_is_told_why_they_cannot_answer_even_on_a_protected_question(
    maya, dr_okafor, moderator, ask
):
    question = ask(dr_okafor)
    protect_question(question=question, by=moderator)
    maya.points = 500  # enough for a protected question: only the suspension stops her
    maya.save(update_fields=["points"])
    page_before = client_for(maya).get(question.get_absolute_url()).content.decode()
    assert f'action="/q/{question.pk}/answer"' in page_before
    assert "This question is protected: only members" not in page_before

    actions.suspend_member(member=maya, by=moderator, days=3, reason=REASON)
    page = client_for(maya).get(question.get_absolute_url()).content.decode()

    assert "Your account cannot answer now" in page
    assert "This question is protected: only members" not in page
    assert "This question is protected: only members" in (
        client_for(make_member("newbie")).get(question.get_absolute_url()).content.decode()
    )


def test_a_suspension_ends_by_itself_at_its_date(maya, moderator):
    long_ago = timezone.now() - timedelta(days=3)
    actions.suspend_member(member=maya, by=moderator, days=2, reason=REASON, now=long_ago)
    client = client_for(maya)

    assert not banner_of(client.get("/").content.decode())
    posted = client.post(reverse("qa:ask"), ask_form())
    assert posted.status_code == 302 and Post.objects.filter(author=maya).count() == 1


def test_lifting_a_suspension_lets_the_member_post_at_once(maya, moderator):
    suspend_over_http(moderator, maya)
    mod = client_for(moderator)

    form = mod.get(reverse("moderation:lift", args=[maya.pk]))
    lifted = mod.post(reverse("moderation:lift", args=[maya.pk]), {"reason": "Appeal accepted."})

    assert form.status_code == 200 and REASON in form.content.decode()
    assert lifted.status_code == 302
    maya.refresh_from_db()
    assert maya.suspended_until is None and maya.suspension_reason == ""
    suspension = Suspension.objects.get(member=maya)
    assert suspension.lifted_by == moderator and suspension.lifted_at is not None
    assert AuditEntry.objects.filter(action="lift_suspension", member_id=maya.pk).exists()
    client = client_for(maya)
    assert not banner_of(client.get("/").content.decode())
    assert client.post(reverse("qa:ask"), ask_form()).status_code == 302
    again = mod.post(reverse("moderation:lift", args=[maya.pk]), {"reason": "Twice."})
    assert again.status_code == 400 and "maya is not suspended." in again.content.decode()


def test_suspending_a_suspended_member_replaces_the_suspension_and_says_so(maya, moderator):
    suspend_over_http(moderator, maya, duration="30")
    first_until = ends_written(maya)

    client = client_for(moderator)
    response = client.post(
        reverse("moderation:suspend", args=[maya.pk]),
        {"duration": "3", "reason": "Shortened on review."},
        follow=True,
    )

    page = response.content.decode()
    assert f"This replaces the suspension until {first_until}" in page
    maya.refresh_from_db()
    assert maya.suspended_until - timezone.now() < timedelta(days=3, minutes=1)
    assert maya.suspension_reason == "Shortened on review."
    history = list(Suspension.objects.filter(member=maya).order_by("id"))
    assert len(history) == 2 and history[0].lifted_at is not None and history[1].lifted_at is None


def test_a_suspension_until_a_date_and_bad_lengths(maya, moderator):
    client = client_for(moderator)
    url = reverse("moderation:suspend", args=[maya.pk])
    date = (timezone.localdate() + timedelta(days=10)).isoformat()

    no_reason = client.post(url, {"duration": "7", "reason": "  "})
    no_date = client.post(url, {"duration": "date", "reason": REASON})
    past = client.post(url, {"duration": "date", "until": "2001-01-01", "reason": REASON})
    unknown = client.post(url, {"duration": "9999", "reason": REASON})
    assert [r.status_code for r in (no_reason, no_date, past, unknown)] == [400] * 4
    assert "Give a reason" in no_reason.content.decode()
    assert "Choose the end date." in no_date.content.decode()
    assert "The end date must be in the future." in past.content.decode()
    assert not Suspension.objects.exists()
    with pytest.raises(ActionError):
        actions.suspend_member(member=maya, by=moderator, days=3651, reason=REASON)

    dated = client.post(url, {"duration": "date", "until": date, "reason": REASON})

    assert dated.status_code == 302
    maya.refresh_from_db()
    assert timezone.localtime(maya.suspended_until).date().isoformat() == date


def test_a_moderator_cannot_suspend_another_moderator_but_an_administrator_can(
    moderator, administrator, maya
):
    other = make_member("mod_sam", is_moderator=True)

    refused = suspend_over_http(moderator, other)
    themselves = suspend_over_http(moderator, moderator)
    by_member = suspend_over_http(maya, other)

    assert refused.status_code == 403
    assert "Only an administrator can suspend a moderator" in refused.content.decode()
    assert themselves.status_code == 403
    assert by_member.status_code == 404  # members do not learn about moderation pages
    other.refresh_from_db()
    assert other.suspended_until is None and not AuditEntry.objects.exists()
    assert suspend_over_http(administrator, other).status_code == 302
    other.refresh_from_db()
    assert other.suspended_until is not None


def test_only_moderators_see_a_members_moderation_record(moderator, maya, dr_okafor, ask):
    ask(maya)
    suspend_over_http(moderator, maya)
    url = reverse("moderation:member", args=[maya.pk])

    record = client_for(moderator).get(url)

    assert record.status_code == 200
    page = record.content.decode()
    assert REASON in page and "1 question, 0 answers and 0 comments" in page
    assert reverse("moderation:lift", args=[maya.pk]) in page
    assert reverse("moderation:message", args=[maya.pk]) in page
    assert reverse("moderation:remove_account", args=[maya.pk]) in page
    assert client_for(dr_okafor).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302  # to log in
    assert client_for(moderator).get(reverse("moderation:member", args=[99999])).status_code == 404
    # The profile links to it for moderators only.
    profile = reverse("qa:profile", args=["maya"])
    assert url in client_for(moderator).get(profile).content.decode()
    for viewer in (None, dr_okafor, maya):
        assert url not in client_for(viewer).get(profile).content.decode()


# The banner on stored pages ---------------------------------------------------------------


@pytest.fixture
def stored_member_pages(settings, tmp_path):
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(tmp_path / "versions.bin")
    pagecache.reset_stores()
    memberpages.clear()
    yield
    memberpages.clear()
    pagecache.reset_stores()


def test_the_banner_is_on_a_stored_member_page_and_costs_no_query(
    stored_member_pages, maya, dr_okafor, newcomer, moderator, ask
):
    question = ask(dr_okafor)
    actions.suspend_member(member=maya, by=moderator, days=7, reason=REASON)
    url = question.get_absolute_url()
    client_for(newcomer).get(url)  # stored

    def hit(member):
        with CaptureQueriesContext(connection) as queries:
            response = client_for(member).get(url)
        assert response["X-Member-Page"] == "hit"
        return response.content.decode(), len(queries.captured_queries)

    suspended_html, suspended_queries = hit(maya)
    other_html, other_queries = hit(newcomer)

    assert REASON in banner_of(suspended_html) and not banner_of(other_html)
    assert suspended_queries == other_queries


# Messages from the moderators ------------------------------------------------------------


def test_a_message_is_emailed_without_its_topic_and_shown_in_the_members_messages(
    moderator, maya, dr_okafor, django_capture_on_commit_callbacks
):
    text = "Please keep **names of therapists** out of your posts. <script>alert(1)</script>"
    with django_capture_on_commit_callbacks(execute=True):
        sent = client_for(moderator).post(
            reverse("moderation:message", args=[maya.pk]), {"body": text}
        )

    assert sent.status_code == 302
    message = ModeratorMessage.objects.get(member=maya)
    assert "<strong>names of therapists</strong>" in message.body_html
    assert "<script" not in message.body_html
    assert AuditEntry.objects.filter(action="message", member_id=maya.pk).exists()
    [email] = mail.outbox
    assert email.to == ["maya@example.org"]
    assert email.subject == f"A message from the {settings.SITE_NAME} moderators"
    assert "therapist" not in email.body and "names" not in email.body
    assert f"{reverse('moderation:my_messages')}#m{message.pk}" in email.body
    # The header links to the unread message, for maya only.
    client = client_for(maya)
    link = f'href="{reverse("moderation:my_messages")}"'
    assert link in client.get("/").content.decode()
    assert link not in client_for(dr_okafor).get("/").content.decode()
    inbox = client.get(reverse("moderation:my_messages"))
    assert inbox.status_code == 200
    assert "<strong>names of therapists</strong>" in inbox.content.decode()
    # Reading them marks them read: the header's link goes.
    assert link not in client.get("/").content.decode()
    message.refresh_from_db()
    maya.refresh_from_db()
    assert message.read_at is not None and maya.unread_moderator_messages == 0
    # Still there to read again, from the settings page.
    assert link in client.get(reverse("accounts:settings")).content.decode()
    assert "names of therapists" in client.get(reverse("moderation:my_messages")).content.decode()


def test_members_cannot_write_to_each_other_and_empty_messages_are_refused(
    moderator, maya, dr_okafor
):
    url = reverse("moderation:message", args=[maya.pk])

    assert client_for(dr_okafor).post(url, {"body": "Hello there."}).status_code == 404
    empty = client_for(moderator).post(url, {"body": "   "})
    assert empty.status_code == 400
    assert not ModeratorMessage.objects.exists() and not mail.outbox


# Guests blocked by address range -----------------------------------------------------------


def guest(address):
    return Client(REMOTE_ADDR=address)


def block(moderator, network=BLOCKED, **fields):
    data = {"network": network, "reason": "A spam wave from this range.", **fields}
    return client_for(moderator).post(reverse("moderation:blocked_ranges"), data)


def test_guests_from_a_blocked_range_cannot_post_while_others_can(moderator, maya, dr_okafor, ask):
    question = ask(dr_okafor)
    assert block(moderator).status_code == 302
    assert AuditEntry.objects.filter(action="block_range").exists()
    blocked = guest(FROM_BLOCKED)
    before = counters()

    refused = {
        "ask": blocked.post(reverse("qa:ask"), ask_form()),
        "answer": blocked.post(
            reverse("qa:answer", args=[question.pk]), {"body": "A guest answer from far away."}
        ),
        "comment": blocked.post(reverse("qa:comment", args=[question.pk]), {"body": "Me too."}),
    }

    for what, response in refused.items():
        assert response.status_code == 403, what
        assert "Posting from your network is paused" in response.content.decode(), what
        assert "You can still read" in response.content.decode(), what
    assert counters() == before and not Origin.objects.exists()
    assert blocked.get(question.get_absolute_url()).status_code == 200
    # Guests elsewhere, and members on the blocked network, post as usual.
    assert guest(ELSEWHERE).post(reverse("qa:ask"), ask_form()).status_code == 302
    member_there = client_for(maya)
    member_there.defaults["REMOTE_ADDR"] = FROM_BLOCKED
    from_there = member_there.post(reverse("qa:ask"), ask_form(title="A member asks from there"))
    assert from_there.status_code == 302
    # Unblocked, the guest may post again.
    unblocked = client_for(moderator).post(
        reverse("moderation:unblock_range"), {"network": BLOCKED}
    )
    assert unblocked.status_code == 302 and not BlockedRange.objects.exists()
    assert (
        blocked.post(
            reverse("qa:ask"), ask_form(title="Back again with another question")
        ).status_code
        == 302
    )


def test_a_block_for_some_days_ends_by_itself(moderator):
    actions.block_range(network=BLOCKED, by=moderator, reason="spam", days=1)
    BlockedRange.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    assert guest(FROM_BLOCKED).post(reverse("qa:ask"), ask_form()).status_code == 302
    # The same range may be blocked again.
    assert block(moderator).status_code == 302


def test_behind_a_proxy_the_address_comes_from_its_header(settings, moderator):
    settings.MINDWELL_TRUSTED_PROXIES = 1
    block(moderator)
    through_proxy = Client(REMOTE_ADDR="10.0.0.2")

    claimed = through_proxy.post(
        reverse("qa:ask"), ask_form(), HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}, {FROM_BLOCKED}"
    )

    assert claimed.status_code == 403  # the proxy's own entry, the last one, counts


@pytest.mark.parametrize(
    ("network", "message"),
    [
        ("", "Give an address or a range"),
        ("not an address", "is not an IP address or a CIDR range"),
        ("10.0.0.0/8", "That range is too wide"),
        ("2001:db8::/32", "Block at most a /48 for IPv6"),
        ("203.0.113.0/33", "is not an IP address or a CIDR range"),
    ],
)
def test_a_range_that_cannot_be_blocked_is_explained(moderator, network, message):
    response = block(moderator, network)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BlockedRange.objects.exists()


def test_ranges_are_written_one_way_and_blocked_once(moderator, maya):
    assert block(moderator, "203.0.113.77/24").status_code == 302
    assert block(moderator, "2001:db8:1::/48").status_code == 302
    assert block(moderator, "192.0.2.1").status_code == 302

    again = block(moderator, "203.0.113.0/24")

    assert (
        again.status_code == 400 and "203.0.113.0/24 is already blocked" in again.content.decode()
    )
    assert set(BlockedRange.objects.values_list("network", flat=True)) == {
        "203.0.113.0/24", "2001:db8:1::/48", "192.0.2.1/32",
    }  # fmt: skip
    listing = client_for(moderator).get(reverse("moderation:blocked_ranges")).content.decode()
    assert "2001:db8:1::/48" in listing
    assert client_for(maya).get(reverse("moderation:blocked_ranges")).status_code == 404
    assert guest("::ffff:192.0.2.1").post(reverse("qa:ask"), ask_form()).status_code == 403


# Where guests' and anonymous posts came from ---------------------------------------------


def keyed_hash(address):
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def test_an_origin_is_kept_for_guest_and_anonymous_posts_only(maya, dr_okafor, ask):
    question = ask(dr_okafor)

    guest(ELSEWHERE).post(reverse("qa:ask"), ask_form(guest_name="Sam"))
    guest(ELSEWHERE).post(reverse("qa:comment", args=[question.pk]), {"body": "Same here."})
    anonymous = client_for(maya)
    anonymous.defaults["REMOTE_ADDR"] = FROM_BLOCKED
    anonymous.post(
        reverse("qa:answer", args=[question.pk]),
        {"body": "I went through the same last year.", "anonymous": "on"},
    )
    named = client_for(dr_okafor)
    named.defaults["REMOTE_ADDR"] = FROM_BLOCKED
    named.post(reverse("qa:answer", args=[question.pk]), {"body": "Under my own name here."})

    guest_question = Post.objects.get(title=ask_form()["title"])
    guest_comment = Comment.objects.get()
    anonymous_answer = Post.objects.get(author=maya)
    origins = {(o.post_id, o.comment_id): o.ip_hash for o in Origin.objects.all()}
    assert origins == {
        (guest_question.pk, None): keyed_hash(ELSEWHERE),
        (None, guest_comment.pk): keyed_hash(ELSEWHERE),
        (anonymous_answer.pk, None): keyed_hash(FROM_BLOCKED),
    }
    assert FROM_BLOCKED not in str(origins) and ELSEWHERE not in str(origins)


def test_forget_origins_deletes_those_older_than_the_days_given(ask, dr_okafor):
    question = ask(dr_okafor)
    now = timezone.now()
    old = Origin.objects.create(
        post=question, ip_hash="a" * 64, created_at=now - timedelta(days=31)
    )
    recent = Origin.objects.create(
        post=question, ip_hash="b" * 64, created_at=now - timedelta(days=29)
    )

    call_command("forget_origins")

    assert list(Origin.objects.all()) == [recent]
    call_command("forget_origins", days=1)
    assert not Origin.objects.exists() and old.pk != recent.pk


def test_a_guest_on_a_blocked_network_cannot_edit_through_their_private_link(moderator):
    posted = guest(ELSEWHERE).post(reverse("qa:ask"), ask_form())
    link = posted["Location"].removesuffix("posted")
    block(moderator)

    edited = guest(FROM_BLOCKED).post(
        f"{link}edit/",
        {"title": ask_form()["title"], "body": "Now with a spam link in it, edited.",
         "category": ask_form()["category"], "tags": "panic", "reason": ""},
    )  # fmt: skip

    assert edited.status_code == 403
    assert "Posting from your network is paused" in edited.content.decode()
    assert Post.objects.get().body == ask_form()["body"]
