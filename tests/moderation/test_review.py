"""The review queues, through HTTP as moderators use them: each decision on a flagged
question, answer and comment, claims, who may open and decide what, and the flags'
outcomes their flaggers read."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.moderation.actions.review import claim_item
from mindwell.moderation.models import (
    AuditEntry,
    Flag,
    FlagStatus,
    Origin,
    Queue,
    ReviewItem,
    ReviewStatus,
    Suspension,
)
from mindwell.moderation.queue import PRIORITY_URGENT, enqueue
from mindwell.moderation.templatetags.review_nav import review_count
from mindwell.qa import actions
from mindwell.qa.models import Comment
from mindwell.tags.actions import set_category_moderators
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member
from tests.moderation.review_helpers import (
    assert_counts_match_a_recount,
    decide,
    flag,
    flagged,
    fresh,
    hide_by_flags,
    page,
)

pytestmark = pytest.mark.django_db

REASON = "Checked against the community rules"


@pytest.fixture
def thread(ask, answer, maya, dr_okafor, newcomer):
    """Maya's question, Dr Okafor's answer to it, and the newcomer's comment on the answer."""
    question = ask(maya)
    reply = answer(question, dr_okafor)
    comment = actions.add_comment(post=reply, author=newcomer, body="This is not what I asked.")
    return {"question": question, "answer": reply, "comment": comment}


@pytest.fixture
def flaggers(db):
    return [make_member("flagger_ana"), make_member("flagger_ben")]


@pytest.fixture
def second_moderator(db):
    return make_member("mod_sam", display_name="Sam (moderator)", is_moderator=True)


def audit_of(target, action):
    where = {"comment_id": target.pk} if isinstance(target, Comment) else {"post_id": target.pk}
    return AuditEntry.objects.filter(action=action, **where)


# decision: (the item's state before, its removal after, what its pending flags become)
DECISIONS = {
    "approve": ("hidden", "", FlagStatus.DECLINED),
    "dismiss": ("live", "", FlagStatus.DECLINED),
    "hide": ("live", "hidden", FlagStatus.HELPFUL),
    "delete": ("live", "deleted", FlagStatus.HELPFUL),
    "restore": ("deleted", "", FlagStatus.DECLINED),
}


@pytest.mark.parametrize("kind", ["question", "answer", "comment"])
@pytest.mark.parametrize("decision", list(DECISIONS))
def test_a_moderator_decides_a_flagged_item_from_the_queue(
    thread, flaggers, moderator, kind, decision
):
    before, after, flag_status = DECISIONS[decision]
    target = thread[kind]
    item = flagged(target, *flaggers, note="Looks like an advert")
    if before == "hidden":
        hide_by_flags(target)
    elif before == "deleted" and kind == "comment":
        actions.delete_comment(comment=target, by=moderator)
    elif before == "deleted":
        actions.delete_post(post=target, by=moderator)

    response = decide(moderator, item, decision, REASON)

    assert response.status_code == 302
    assert response.url == "/moderation/review/flags/"
    target = fresh(target)
    assert target.removal == after
    if after == "hidden":
        assert target.removal_note == REASON  # the note its author sees
    flags = list(Flag.objects.all())
    assert [f.status for f in flags] == [flag_status, flag_status]
    assert {(f.outcome_note, f.resolved_by_id) for f in flags} == {(REASON, moderator.pk)}
    assert all(f.resolved_at is not None for f in flags)
    item = fresh(item)
    assert (item.status, item.resolved_by_id) == (ReviewStatus.DONE, moderator.pk)
    assert item.outcome.startswith(decision)
    entry = audit_of(target, decision).get()
    assert entry.actor_id == moderator.pk and entry.reason == REASON
    assert entry.member_id == target.author_id
    assert entry.details["review_item"] == item.pk
    assert sorted(entry.details["flags"]) == sorted(f.pk for f in flags)
    assert_counts_match_a_recount()


def test_flaggers_read_a_default_outcome_when_the_moderator_gives_no_reason(
    thread, flaggers, moderator
):
    item = flagged(thread["answer"], *flaggers)
    decide(moderator, item, "hide")
    assert set(Flag.objects.values_list("status", "outcome_note")) == {
        (FlagStatus.HELPFUL, "Thank you: a moderator hid it.")
    }
    assert fresh(thread["answer"]).removal_note == "Hidden by a moderator."

    other = flagged(thread["question"], flaggers[0])
    decide(moderator, other, "dismiss")
    assert Flag.objects.get(post=thread["question"]).outcome_note == (
        "A moderator looked at it and kept it as it is."
    )


def test_dismissing_a_hidden_item_leaves_it_hidden_and_declines_its_flags(
    thread, flaggers, moderator
):
    item = flagged(thread["comment"], *flaggers)
    hide_by_flags(thread["comment"])
    decide(moderator, item, "dismiss", "Not spam, but rude: it stays hidden")
    assert fresh(thread["comment"]).removal == "hidden"
    assert set(Flag.objects.values_list("status", flat=True)) == {FlagStatus.DECLINED}


def test_a_retracted_flag_is_left_as_it_is(thread, flaggers, moderator):
    item = flagged(thread["answer"], flaggers[0])
    retracted = flag(thread["answer"], flaggers[1])
    Flag.objects.filter(pk=retracted.pk).update(status=FlagStatus.RETRACTED)
    decide(moderator, item, "hide")
    assert fresh(retracted).status == FlagStatus.RETRACTED


def test_hiding_or_deleting_closes_the_items_open_in_every_queue(thread, flaggers, moderator):
    item = flagged(thread["answer"], *flaggers)
    safety = enqueue(queue=Queue.SAFETY, reason="may need support", post=thread["answer"])
    decide(moderator, item, "delete")
    assert fresh(safety).status == ReviewStatus.DONE


def test_mark_edited_needs_an_edit_made_after_the_item_came_in(thread, flaggers, moderator):
    answer = thread["answer"]
    item = flagged(answer, *flaggers)
    client = client_for(moderator)
    html = page(client, f"/moderation/review/item/{item.pk}/")
    assert f'href="/post/{answer.pk}/edit/"' in html
    assert "Mark edited and resolve" not in html

    refused = client.post(f"/moderation/review/item/{item.pk}/edit", follow=True)
    assert "Edit the post first" in refused.content.decode()
    assert fresh(item).status == ReviewStatus.OPEN

    edited = client.post(
        f"/post/{answer.pk}/edit/",
        {"body": "Yes, it is common. Bring it up with your therapist.", "reason": "Spam link"},
    )
    assert edited.status_code == 302
    assert "Mark edited and resolve" in page(client, f"/moderation/review/item/{item.pk}/")
    assert client.post(f"/moderation/review/item/{item.pk}/edit").status_code == 302
    assert fresh(item).status == ReviewStatus.DONE
    assert set(Flag.objects.values_list("status", flat=True)) == {FlagStatus.HELPFUL}
    assert audit_of(answer, "edit").count() == 1


def test_a_resolved_item_cannot_be_decided_again(thread, flaggers, moderator, second_moderator):
    item = flagged(thread["answer"], *flaggers)
    decide(moderator, item, "dismiss")
    response = client_for(second_moderator).post(
        f"/moderation/review/item/{item.pk}/delete", follow=True
    )
    assert "already resolved" in response.content.decode()
    assert not fresh(thread["answer"]).is_deleted
    assert fresh(item).resolved_by_id == moderator.pk


# The item page ----------------------------------------------------------------------------


def test_the_item_page_shows_the_post_its_question_history_flags_and_authors_record(
    thread, flaggers, moderator, dr_okafor
):
    answer = thread["answer"]
    item = flagged(answer, *flaggers, note="A link to a paid course")
    Suspension.objects.create(
        member=dr_okafor, moderator=moderator, reason="Advertising", starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(days=3),
    )  # fmt: skip
    html = page(client_for(moderator), f"/moderation/review/item/{item.pk}/")
    assert answer.body_html in html
    assert thread["question"].title in html
    assert f'href="/post/{answer.pk}/revisions/"' in html
    assert "A link to a paid course" in html and "flagger_ana" in html
    assert "The author's record" in html and "Dr Okafor" in html
    assert "Advertising" in html  # their suspension
    assert "Claim it for 15 minutes" in html
    for decision in ("approve", "dismiss", "hide", "delete"):
        assert f'action="/moderation/review/item/{item.pk}/{decision}"' in html


def test_moderators_see_the_account_behind_an_anonymous_post(
    ask, answer, maya, dr_okafor, moderator
):
    reply = answer(ask(maya), dr_okafor, anonymous=True)
    item = flagged(reply, maya)
    html = page(client_for(moderator), f"/moderation/review/item/{item.pk}/")
    assert "Posted anonymously by" in html and "dr_okafor" in html


def test_moderators_see_a_guests_name_and_how_many_posts_share_their_address(
    ask, answer, maya, moderator
):
    question = ask(maya)
    first = answer(question, None, guest_name="Spam Sam")
    second = answer(question, None, guest_name="Another name", body="Buy followers here, cheap.")
    now = timezone.now()
    Origin.objects.create(post=first, ip_hash="a" * 64, created_at=now)
    Origin.objects.create(post=second, ip_hash="a" * 64, created_at=now)
    item = flagged(first, maya)
    html = page(client_for(moderator), f"/moderation/review/item/{item.pk}/")
    assert "Spam Sam" in html
    assert "1 other post or comment came from the same address" in html


def test_an_urgent_safety_item_comes_first_and_renders_like_any_other(thread, flaggers, moderator):
    flagged(thread["question"], *flaggers)
    enqueue(queue=Queue.SAFETY, reason="earlier", post=thread["question"])
    urgent = enqueue(
        queue=Queue.SAFETY, reason="may need support", post=thread["answer"],
        priority=PRIORITY_URGENT,
    )  # fmt: skip
    html = page(client_for(moderator), "/moderation/review/safety/")
    assert html.index("may need support") < html.index("earlier")
    assert "Urgent" in html
    assert "may need support" in page(
        client_for(moderator), f"/moderation/review/item/{urgent.pk}/"
    )
    index = page(client_for(moderator), "/moderation/review/")
    assert "May need support" in index and "2 open" in index


# Claims -----------------------------------------------------------------------------------


def test_a_claimed_item_is_refused_to_another_moderator_until_released(
    thread, flaggers, moderator, second_moderator
):
    item = flagged(thread["answer"], *flaggers)
    jo, sam = client_for(moderator), client_for(second_moderator)
    assert jo.post(f"/moderation/review/item/{item.pk}/claim").status_code == 302
    assert "You claimed this item" in page(jo, f"/moderation/review/item/{item.pk}/")

    html = page(sam, f"/moderation/review/item/{item.pk}/")
    assert "Claimed by Jo (moderator)" in html
    assert f'action="/moderation/review/item/{item.pk}/hide"' not in html
    assert "Claimed by Jo (moderator)" in page(sam, "/moderation/review/flags/")
    refused = sam.post(f"/moderation/review/item/{item.pk}/hide", follow=True)
    assert "Claimed by Jo (moderator)" in refused.content.decode()
    refused_claim = sam.post(f"/moderation/review/item/{item.pk}/claim", follow=True)
    assert "Claimed by Jo (moderator)" in refused_claim.content.decode()
    assert not fresh(thread["answer"]).is_deleted
    assert fresh(item).status == ReviewStatus.OPEN
    assert sam.post(f"/moderation/review/item/{item.pk}/release").status_code == 403

    assert jo.post(f"/moderation/review/item/{item.pk}/release").status_code == 302
    assert decide(second_moderator, item, "hide").status_code == 302
    assert fresh(thread["answer"]).removal == "hidden"


def test_a_claim_runs_out_after_15_minutes(thread, flaggers, moderator, second_moderator):
    item = flagged(thread["answer"], *flaggers)
    claim_item(item=item, by=moderator, now=timezone.now() - timedelta(minutes=16))
    assert "Claimed by" not in page(
        client_for(second_moderator), f"/moderation/review/item/{item.pk}/"
    )
    decide(second_moderator, item, "delete")
    assert fresh(item).resolved_by_id == second_moderator.pk


def test_the_claimer_acts_on_their_own_claim(thread, flaggers, moderator):
    item = flagged(thread["answer"], *flaggers)
    claim_item(item=item, by=moderator)
    decide(moderator, item, "hide")
    item = fresh(item)
    assert item.status == ReviewStatus.DONE and item.claimed_by_id is None


# Who may open and decide what ------------------------------------------------------------


@pytest.fixture
def category_moderator(db, category):
    cam = make_member("cam", display_name="Cam")
    set_category_moderators(category=category, moderator_ids=[cam.pk])
    return fresh(cam)


def test_a_category_moderator_decides_items_inside_their_category(
    thread, flaggers, category_moderator
):
    item = flagged(thread["comment"], *flaggers)
    html = page(client_for(category_moderator), "/moderation/review/flags/")
    assert f"/moderation/review/item/{item.pk}/" in html
    assert decide(category_moderator, item, "hide").status_code == 302
    assert fresh(thread["comment"]).removal == "hidden"


def test_a_category_moderator_is_refused_outside_their_category_and_nothing_changes(
    ask, answer, maya, dr_okafor, flaggers, category_moderator
):
    elsewhere = Category.objects.exclude(pk__in=category_moderator_categories(category_moderator))
    question = ask(maya, category=elsewhere.filter(parent__isnull=True).first())
    reply = answer(question, dr_okafor)
    item = flagged(reply, *flaggers)
    client = client_for(category_moderator)
    assert f"/moderation/review/item/{item.pk}/" not in page(client, "/moderation/review/flags/")
    assert client.get(f"/moderation/review/item/{item.pk}/").status_code == 404
    for decision in ("hide", "delete", "approve", "claim"):
        assert client.post(f"/moderation/review/item/{item.pk}/{decision}").status_code == 404
    assert client.get(f"/moderation/member/{dr_okafor.pk}/remove").status_code == 404
    assert not fresh(reply).is_deleted
    assert fresh(item).status == ReviewStatus.OPEN and fresh(item).claimed_by_id is None
    assert set(Flag.objects.values_list("status", flat=True)) == {FlagStatus.PENDING}
    assert not AuditEntry.objects.exists()


def category_moderator_categories(member):
    ids = set(Category.objects.filter(moderators=member).values_list("pk", flat=True))
    return ids | set(Category.objects.filter(parent_id__in=ids).values_list("pk", flat=True))


@pytest.fixture
def trusted(db):
    return make_member("tam", display_name="Tam", points=150)


def test_a_trusted_member_opens_only_the_lighter_queue(thread, flaggers, trusted):
    flagged_item = flagged(thread["answer"], *flaggers)
    close_item = enqueue(queue=Queue.CLOSE_VOTES, reason="1 vote to close", post=thread["question"])
    client = client_for(trusted)
    index = page(client, "/moderation/review/")
    assert "Close and reopen votes" in index and "Flagged posts" not in index
    assert client.get("/moderation/review/flags/").status_code == 404
    assert client.get("/moderation/review/safety/").status_code == 404
    assert client.get(f"/moderation/review/item/{flagged_item.pk}/").status_code == 404
    html = page(client, "/moderation/review/close_votes/")
    assert "1 vote to close" in html and 'name="item"' not in html  # no bulk decisions
    item_page = page(client, f"/moderation/review/item/{close_item.pk}/")
    assert "The author's record" not in item_page and "Claim it" not in item_page
    assert client.post(f"/moderation/review/item/{close_item.pk}/dismiss").status_code == 404
    assert client.post(f"/moderation/review/item/{flagged_item.pk}/hide").status_code == 404
    assert fresh(close_item).status == ReviewStatus.OPEN
    assert not fresh(thread["answer"]).is_deleted


def test_members_and_guests_cannot_open_the_queues(thread, flaggers, maya):
    item = flagged(thread["answer"], *flaggers)
    member = client_for(maya)
    assert member.get("/moderation/review/").status_code == 404
    assert member.get("/moderation/review/flags/").status_code == 404
    assert member.get(f"/moderation/review/item/{item.pk}/").status_code == 404
    assert member.post(f"/moderation/review/item/{item.pk}/hide").status_code == 404
    guest = client_for(None)
    assert guest.post(f"/moderation/review/item/{item.pk}/hide").status_code == 302  # to log in
    assert not fresh(thread["answer"]).is_deleted and fresh(item).status == ReviewStatus.OPEN


def test_the_header_links_reviewers_to_the_queues_with_the_open_count(
    thread, flaggers, moderator, trusted, maya, django_assert_num_queries
):
    flagged(thread["answer"], *flaggers)
    flagged(thread["comment"], *flaggers)
    enqueue(queue=Queue.CLOSE_VOTES, reason="1 vote to close", post=thread["question"])
    assert 'href="/moderation/review/">Review (3)' in page(client_for(moderator), "/")
    # Trusted members find the close votes from "Your flags": the header, on every page they
    # read, costs them nothing (nor its room on a phone).
    assert 'href="/moderation/review/"' not in page(client_for(trusted), "/")
    assert 'href="/moderation/review/close_votes/"' in page(
        client_for(trusted), "/moderation/flags/mine/"
    )
    assert 'href="/moderation/review/"' not in page(client_for(maya), "/")
    assert 'href="/moderation/review/close_votes/"' not in page(
        client_for(maya), "/moderation/flags/mine/"
    )
    assert 'href="/moderation/review/"' not in page(client_for(None), "/")
    with django_assert_num_queries(0):
        assert review_count(maya) is None
        assert review_count(trusted) is None


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/moderation/review/item/999999/",
        "/moderation/review/item/abc/",
        "/moderation/review/item/１２/",
        "/moderation/review/nonsense/",
        "/moderation/removal/999999/",
        "/moderation/member/999999/remove",
        "/moderation/member/x1/remove",
    ],
)
def test_forged_addresses_are_not_found(moderator, url):
    assert client_for(moderator).get(url).status_code == 404


def test_forged_ids_and_decisions_are_not_found_and_change_nothing(thread, flaggers, moderator):
    item = flagged(thread["answer"], *flaggers)
    client = client_for(moderator)
    assert client.post(f"/moderation/review/item/{item.pk}/explode").status_code == 404
    assert client.post("/moderation/review/item/999999/hide").status_code == 404
    assert client.post("/moderation/review/item/1e3/claim").status_code == 404
    assert fresh(item).status == ReviewStatus.OPEN
    assert not AuditEntry.objects.exists()
    assert ReviewItem.objects.get().status == ReviewStatus.OPEN
