"""Spam waves, through HTTP: a selection hidden or deleted at once, and an account removed
with everything it posted (and brought back), each behind a confirmation that counts what
it will touch; every counter and every member's points still match a recount."""

from __future__ import annotations

import pytest

from mindwell.accounts.models import User
from mindwell.moderation.models import AuditEntry, Flag, FlagStatus, Queue, ReviewItem, ReviewStatus
from mindwell.moderation.queue import enqueue
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post
from mindwell.tags.actions import set_category_moderators
from tests.conftest import client_for, make_member
from tests.moderation.review_helpers import (
    assert_counts_match_a_recount,
    flagged,
    fresh,
    hide_by_flags,
    page,
)

pytestmark = pytest.mark.django_db

SPAM = "Cheap followers and likes, visit my shop today for a discount."


@pytest.fixture
def spammer(db):
    return make_member("spam_bot_7")


@pytest.fixture
def flagger(db):
    return make_member("flagger_ana")


@pytest.fixture
def wave(ask, answer, maya, spammer, flagger):
    """Maya's question with three spam answers, each flagged and in the queue, and one good
    answer flagged by mistake."""
    question = ask(maya)
    spam = [answer(question, spammer, body=f"{SPAM} Offer {n}.") for n in range(3)]
    items = [flagged(post, flagger) for post in spam]
    good = answer(question, maya, body="Talking about it in your next session helps a lot.")
    return {"question": question, "spam": spam, "items": items, "good": flagged(good, flagger)}


def test_a_moderator_hides_a_selection_after_confirming_how_many_it_touches(wave, moderator):
    client = client_for(moderator)
    ids = [item.pk for item in wave["items"]]
    html = page(client, "/moderation/review/flags/")
    assert all(f'name="item" value="{pk}"' in html for pk in ids)

    confirm = client.post(
        "/moderation/review/flags/bulk", {"item": ids, "decision": "hide", "reason": "Spam"}
    )
    assert confirm.status_code == 200
    text = confirm.content.decode()
    assert "This will hide 3 answers" in text and "Yes, hide 3 answers" in text
    assert not any(fresh(post).is_deleted for post in wave["spam"])  # nothing yet

    done = client.post(
        "/moderation/review/flags/bulk",
        {"item": ids, "decision": "hide", "reason": "Spam", "confirm": "yes"},
        follow=True,
    )
    assert "Hidden: 3 items." in done.content.decode()
    assert [fresh(post).removal for post in wave["spam"]] == ["hidden"] * 3
    assert [fresh(post).removal_note for post in wave["spam"]] == ["Spam"] * 3
    assert fresh(wave["question"]).answer_count == 1
    assert ReviewItem.objects.filter(pk__in=ids, status=ReviewStatus.DONE).count() == 3
    assert fresh(wave["good"]).status == ReviewStatus.OPEN
    spam_flags = Flag.objects.filter(post__in=wave["spam"])
    assert set(spam_flags.values_list("status", flat=True)) == {FlagStatus.HELPFUL}
    assert AuditEntry.objects.filter(action="hide").count() == 3
    assert_counts_match_a_recount()


def test_a_bulk_delete_leaves_out_an_item_another_moderator_claimed(wave, moderator):
    other = make_member("mod_sam", is_moderator=True)
    client_for(other).post(f"/moderation/review/item/{wave['items'][0].pk}/claim")
    ids = [item.pk for item in wave["items"]]
    done = client_for(moderator).post(
        "/moderation/review/flags/bulk", {"item": ids, "decision": "delete", "confirm": "yes"},
        follow=True,
    )  # fmt: skip
    assert "Deleted: 2 items. Left alone: 1" in done.content.decode()
    assert [fresh(post).removal for post in wave["spam"]] == ["", "deleted", "deleted"]
    assert_counts_match_a_recount()


def test_an_empty_selection_gets_a_clear_message_and_changes_nothing(wave, moderator):
    for data in ({"decision": "hide"}, {"decision": "hide", "confirm": "yes"}):
        response = client_for(moderator).post("/moderation/review/flags/bulk", data, follow=True)
        assert response.status_code == 200
        assert "Select at least one item first: nothing was changed." in response.content.decode()
    assert ReviewItem.objects.filter(status=ReviewStatus.OPEN).count() == 4
    assert not AuditEntry.objects.exists()


def test_a_bulk_decision_other_than_hide_or_delete_is_refused(wave, moderator):
    ids = [item.pk for item in wave["items"]]
    response = client_for(moderator).post(
        "/moderation/review/flags/bulk", {"item": ids, "decision": "purge", "confirm": "yes"},
        follow=True,
    )  # fmt: skip
    assert "Choose whether to hide or delete" in response.content.decode()
    assert not any(fresh(post).is_deleted for post in wave["spam"])


@pytest.mark.parametrize("forged", ["abc", "999999", "-1"])
def test_a_forged_id_in_a_selection_is_not_found_and_changes_nothing(wave, moderator, forged):
    ids = [str(item.pk) for item in wave["items"]] + [forged]
    response = client_for(moderator).post(
        "/moderation/review/flags/bulk", {"item": ids, "decision": "delete", "confirm": "yes"}
    )
    assert response.status_code == 404
    assert not any(fresh(post).is_deleted for post in wave["spam"])


def test_an_item_of_another_queue_in_a_selection_is_not_found(wave, moderator):
    safety = enqueue(queue=Queue.SAFETY, reason="may need support", post=wave["question"])
    ids = [wave["items"][0].pk, safety.pk]
    response = client_for(moderator).post(
        "/moderation/review/flags/bulk", {"item": ids, "decision": "delete", "confirm": "yes"}
    )
    assert response.status_code == 404
    assert not fresh(wave["question"]).is_deleted


# Removing an account and everything it posted --------------------------------------------


@pytest.fixture
def spam_account(ask, answer, maya, dr_okafor, newcomer, spammer, flagger):
    """The spammer's two questions (one answered by Dr Okafor, whose answer was chosen and
    voted up), three answers (one chosen by Maya and voted up), two comments and one
    comment waiting in the flags queue already hidden; and everyone else's posts."""
    mine = ask(maya)
    theirs = [
        ask(spammer, title="Best followers shop online today", body=SPAM, tags="spam-one"),
        ask(spammer, title="Discount likes for your profile", body=SPAM, tags="transference"),
    ]
    okafor = answer(theirs[0], dr_okafor)
    actions.cast_vote(user=maya, post=okafor, value=1)
    actions.accept_answer(question=theirs[0], answer=okafor, by=spammer)
    spam_answers = [answer(mine, spammer, body=f"{SPAM} Offer {n}.") for n in range(3)]
    actions.cast_vote(user=newcomer, post=spam_answers[0], value=1)
    actions.cast_vote(user=maya, post=theirs[1], value=1)
    actions.accept_answer(question=mine, answer=spam_answers[0], by=maya)
    comments = [
        actions.add_comment(post=mine, author=spammer, body=f"{SPAM} A"),
        actions.add_comment(post=okafor, author=spammer, body=f"{SPAM} B"),
        actions.add_comment(post=okafor, author=spammer, body=f"{SPAM} C"),
    ]
    actions.add_comment(post=spam_answers[1], author=maya, body="Please stop posting this.")
    held_item = flagged(comments[2], flagger)
    hide_by_flags(comments[2])
    answer_item = flagged(spam_answers[1], flagger)
    assert_counts_match_a_recount()
    return {"mine": mine, "questions": theirs, "answers": spam_answers, "comments": comments,
            "items": [held_item, answer_item]}  # fmt: skip


def test_removing_an_account_deletes_everything_it_posted_with_exact_counts(
    spam_account, spammer, moderator, maya
):
    client = client_for(moderator)
    confirm = page(client, f"/moderation/member/{spammer.pk}/remove")
    assert (
        "This will delete 2 questions, 3 answers and 3 comments and deactivate the account"
        in confirm
    )

    response = client.post(f"/moderation/member/{spammer.pk}/remove", {"reason": "Spam wave"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="remove_account")
    assert response["Location"] == f"/moderation/removal/{entry.pk}/"
    assert entry.actor_id == moderator.pk and entry.member_id == spammer.pk
    assert entry.reason == "Spam wave"
    assert sorted(entry.details["questions"]) == sorted(p.pk for p in spam_account["questions"])
    assert sorted(entry.details["answers"]) == sorted(p.pk for p in spam_account["answers"])
    assert sorted(entry.details["comments"]) == sorted(c.pk for c in spam_account["comments"])

    assert not fresh(spammer).is_active
    assert Post.objects.filter(author=spammer, removal="deleted").count() == 5
    assert Comment.objects.filter(author=spammer, removal="deleted").count() == 3
    assert fresh(spammer).posts_held == 0
    assert all(fresh(item).status == ReviewStatus.DONE for item in spam_account["items"])
    assert set(Flag.objects.values_list("status", flat=True)) == {FlagStatus.HELPFUL}
    mine = fresh(spam_account["mine"])
    assert (mine.answer_count, mine.comment_count, mine.has_accepted_answer) == (0, 0, False)
    assert_counts_match_a_recount()

    # The account can no longer post: its session no longer signs it in.
    assert client_for(spammer).get("/moderation/review/").status_code == 302
    assert "Restore everything removed by this action" in page(client, response["Location"])


def test_a_removal_is_undone_with_exact_counts_and_held_items_held_again(
    spam_account, spammer, moderator
):
    client = client_for(moderator)
    client.post(f"/moderation/member/{spammer.pk}/remove", {"reason": "Spam wave"})
    entry = AuditEntry.objects.get(action="remove_account")
    other = make_member("mod_sam", is_moderator=True)

    undone = client_for(other).post(f"/moderation/removal/{entry.pk}/undo", follow=True)
    assert "The account is active again; 8 items restored." in undone.content.decode()
    assert fresh(spammer).is_active
    assert Post.objects.filter(author=spammer, deleted_at__isnull=True).count() == 5
    held = fresh(spam_account["comments"][2])
    assert (held.removal, held.removal_note) == ("hidden", "Hidden after flags from the community.")
    assert fresh(spammer).posts_held == 1
    assert fresh(spam_account["mine"]).answer_count == 3
    assert_counts_match_a_recount()
    assert AuditEntry.objects.filter(action="undo_remove_account", actor=other).count() == 1

    again = client_for(other).post(f"/moderation/removal/{entry.pk}/undo", follow=True)
    assert "already undone" in again.content.decode()
    assert "Undone by" in page(client, f"/moderation/removal/{entry.pk}/")


def test_only_site_wide_moderators_remove_accounts_and_nothing_changes_otherwise(
    spam_account, spammer, maya, category
):
    cam = make_member("cam")
    set_category_moderators(category=category, moderator_ids=[cam.pk])
    before = list(Post.objects.filter(author=spammer).values_list("pk", "removal"))
    for person in (maya, User.objects.get(pk=cam.pk)):
        client = client_for(person)
        assert client.get(f"/moderation/member/{spammer.pk}/remove").status_code == 404
        assert client.post(f"/moderation/member/{spammer.pk}/remove").status_code == 404
    assert fresh(spammer).is_active
    assert list(Post.objects.filter(author=spammer).values_list("pk", "removal")) == before
    assert not AuditEntry.objects.exists()


def test_a_moderator_cannot_remove_another_moderators_account(moderator):
    other = make_member("mod_sam", is_moderator=True)
    assert client_for(moderator).post(f"/moderation/member/{other.pk}/remove").status_code == 404
    assert fresh(other).is_active


def test_the_item_page_offers_to_remove_the_authors_account(spam_account, moderator, spammer):
    item = spam_account["items"][1]
    html = page(client_for(moderator), f"/moderation/review/item/{item.pk}/")
    assert f'href="/moderation/member/{spammer.pk}/remove"' in html


def test_a_bulk_hide_leaves_out_an_item_deleted_meanwhile(wave, moderator, spammer):
    actions.delete_post(post=wave["spam"][2], by=spammer)
    ids = [item.pk for item in wave["items"]]
    done = client_for(moderator).post(
        "/moderation/review/flags/bulk", {"item": ids, "decision": "hide", "confirm": "yes"},
        follow=True,
    )  # fmt: skip
    assert "Hidden: 2 items. Left alone: 1" in done.content.decode()
    assert [fresh(post).removal for post in wave["spam"]] == ["hidden", "hidden", "deleted"]
    assert fresh(wave["items"][2]).status == ReviewStatus.OPEN
    assert_counts_match_a_recount()
