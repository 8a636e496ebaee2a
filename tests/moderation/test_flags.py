"""Flags: members report posts and comments, with and without JavaScript; enough trusted
members' flags, or one moderator's, hide an item at once; its author sees it marked and may
ask for a review; everyone else sees nothing of it; counts and points stay exact; the
flagger sees each outcome. Through HTTP as a person would, and through the actions."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import NotFound
from mindwell.moderation.actions import flags as flag_actions
from mindwell.moderation.models import (
    AuditEntry,
    Flag,
    FlagReason,
    FlagStatus,
    Queue,
    ReviewItem,
    ReviewStatus,
)
from mindwell.moderation.queue import PRIORITY_HIGH, PRIORITY_NORMAL, PRIORITY_URGENT
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post, Removal
from mindwell.tags.actions import set_category_moderators
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for, make_member
from tests.support.recount import mismatches

pytestmark = pytest.mark.django_db

JSON: dict[str, Any] = {"headers": {"accept": "application/json"}}
ANSWER_TEXT = "Yes, it is common and worth bringing up in a session with them."


@pytest.fixture
def thread(ask, answer, maya, dr_okafor):
    """Maya's question with Dr Okafor's answer and a comment by the newcomer on it."""
    question = ask(maya)
    reply = answer(question, dr_okafor)
    return question, reply


@pytest.fixture
def trusted(db) -> list[User]:
    """Members with enough points to hide a post by their flags together."""
    return [make_member(f"trusted{i}", points=150) for i in range(3)]


@pytest.fixture
def untrusted(db) -> list[User]:
    return [make_member(f"member{i}") for i in range(3)]


def flag_url(item: Post | Comment) -> str:
    kind = "comment" if isinstance(item, Comment) else "post"
    return f"/moderation/flag/{kind}/{item.pk}/"


def flag(user: User, item: Post | Comment, reason: str = "spam", note: str = "") -> Flag:
    if isinstance(item, Comment):
        return flag_actions.flag_item(flagger=user, comment=item, reason=reason, note=note)
    return flag_actions.flag_item(flagger=user, post=item, reason=reason, note=note)


def fresh(item: Any) -> Any:
    return type(item).objects.get(pk=item.pk)


def open_review(item: Post | Comment) -> ReviewItem:
    where: dict[str, Any] = {"comment": item} if isinstance(item, Comment) else {"post": item}
    return ReviewItem.objects.get(queue=Queue.FLAGS, status=ReviewStatus.OPEN, **where)


def page(user: User | None, url: str) -> tuple[int, str]:
    response = client_for(user).get(url)
    return response.status_code, response.content.decode()


def assert_counters_match_a_recount() -> None:
    """Every counter, point total and held count equals its recount; the trusted personas'
    points were given without ledger lines, so theirs are left out."""
    wrong = {what: values for what, values in mismatches().items() if "trusted" not in what}
    assert wrong == {}


# Flagging, without and with JavaScript ----------------------------------------------------


@pytest.mark.parametrize("reason", [r.value for r in FlagReason])
def test_a_member_flags_an_answer_with_each_kind_of_flag(thread, newcomer, reason):
    _, reply = thread
    note = "The moderators should read this." if reason == FlagReason.MODERATOR else ""
    response = client_for(newcomer).post(
        flag_url(reply), {"reason": reason, "note": note}, follow=True
    )
    assert response.status_code == 200
    assert "Thank you for flagging this" in response.content.decode()
    (made,) = Flag.objects.filter(post=reply)
    assert (made.flagger, made.reason, made.note, made.status) == (
        newcomer, reason, note, FlagStatus.PENDING,
    )  # fmt: skip
    review = open_review(reply)
    assert review.reason == f"Flags: {FlagReason(reason).label} ×1"
    expected = PRIORITY_HIGH if reason == FlagReason.HARMFUL else PRIORITY_NORMAL
    assert review.priority == expected


def test_the_flag_page_works_without_javascript(thread, newcomer):
    _, reply = thread
    status, html = page(newcomer, flag_url(reply))
    assert status == 200
    assert "<legend>What is wrong with it?</legend>" in html
    for reason in FlagReason:
        assert f'value="{reason.value}"' in html
        assert reason.label in html
    assert 'name="note"' in html and "csrfmiddlewaretoken" in html
    response = client_for(newcomer).post(flag_url(reply), {"reason": "rude"})
    assert response.status_code == 302
    assert response["Location"] == reply.get_absolute_url()


def test_a_question_cannot_be_flagged_as_not_an_answer(thread, newcomer):
    question, _ = thread
    assert 'value="not_an_answer"' not in page(newcomer, flag_url(question))[1]
    response = client_for(newcomer).post(flag_url(question), {"reason": "not_an_answer"})
    assert response.status_code == 400
    assert not Flag.objects.exists()


def test_needs_a_moderator_requires_a_note(thread, newcomer):
    _, reply = thread
    client = client_for(newcomer)
    response = client.post(flag_url(reply), {"reason": "moderator", "note": "  "})
    assert response.status_code == 400
    assert "Tell the moderators what needs their attention." in response.content.decode()
    assert not Flag.objects.exists()
    response = client.post(flag_url(reply), {"reason": "moderator", "note": "Names a clinic."})
    assert response.status_code == 302
    assert Flag.objects.get().note == "Names a clinic."


def test_flagging_in_place_answers_json(thread, newcomer):
    _, reply = thread
    response = client_for(newcomer).post(flag_url(reply), {"reason": "spam"}, **JSON)
    assert response.status_code == 200
    assert response.json() == {
        "message": "Thank you for flagging this: a moderator will look at it.",
        "hidden": False,
    }
    assert Flag.objects.filter(post=reply, flagger=newcomer).count() == 1
    problem = client_for(newcomer).post(flag_url(reply), {"reason": "moderator"}, **JSON)
    assert problem.status_code == 400
    assert "Tell the moderators" in problem.json()["error"]


def test_a_second_flag_on_the_same_item_gets_a_clear_message_and_writes_nothing(thread, newcomer):
    _, reply = thread
    client = client_for(newcomer)
    assert client.post(flag_url(reply), {"reason": "spam"}).status_code == 302
    again = client.post(flag_url(reply), {"reason": "rude"})
    assert again.status_code == 409
    assert "You have already flagged this." in again.content.decode()
    as_json = client.post(flag_url(reply), {"reason": "rude"}, **JSON)
    assert (as_json.status_code, as_json.json()["error"]) == (409, "You have already flagged this.")
    assert Flag.objects.filter(post=reply).count() == 1
    assert open_review(reply).reason == "Flags: Spam ×1"


def test_a_retracted_flag_may_be_followed_by_a_new_one(thread, newcomer, untrusted):
    _, reply = thread
    client = client_for(newcomer)
    client.post(flag_url(reply), {"reason": "spam"})
    flag(untrusted[0], reply, "rude")
    first = Flag.objects.get(flagger=newcomer)
    response = client.post(f"/moderation/flags/{first.pk}/retract", follow=True)
    assert "Your flag is retracted." in response.content.decode()
    assert fresh(first).status == FlagStatus.RETRACTED
    assert open_review(reply).reason == "Flags: Rude or abusive ×1"
    assert client.post(flag_url(reply), {"reason": "identifies"}).status_code == 302
    statuses = sorted(Flag.objects.filter(flagger=newcomer).values_list("reason", "status"))
    assert statuses == [("identifies", "pending"), ("spam", "retracted")]
    assert open_review(reply).reason == "Flags: Rude or abusive ×1, Identifies a real person ×1"


def test_retracting_the_only_flag_closes_its_review_item(thread, newcomer):
    _, reply = thread
    made = flag(newcomer, reply)
    flag_actions.retract_flag(flag=made, by=newcomer)
    review = ReviewItem.objects.get(post=reply)
    assert (review.status, review.outcome) == (ReviewStatus.DONE, "Every flag was retracted.")


def test_only_the_flagger_retracts_and_only_while_pending(thread, newcomer, untrusted):
    _, reply = thread
    made = flag(newcomer, reply)
    assert client_for(untrusted[0]).post(f"/moderation/flags/{made.pk}/retract").status_code == 404
    Flag.objects.filter(pk=made.pk).update(status=FlagStatus.DECLINED)
    response = client_for(newcomer).post(f"/moderation/flags/{made.pk}/retract", follow=True)
    assert "cannot be retracted" in response.content.decode()
    assert fresh(made).status == FlagStatus.DECLINED


# Who may flag what -------------------------------------------------------------------------


def test_a_suspended_member_cannot_flag(thread, newcomer):
    question, reply = thread
    newcomer.suspended_until = timezone.now() + timedelta(days=3)
    newcomer.save()
    status, html = page(newcomer, question.get_absolute_url())
    assert status == 200 and flag_url(reply) not in html
    assert client_for(newcomer).get(flag_url(reply)).status_code == 403
    response = client_for(newcomer).post(flag_url(reply), {"reason": "spam"})
    assert response.status_code == 403
    assert "suspended" in response.content.decode()
    assert not Flag.objects.exists() and not ReviewItem.objects.exists()


def test_members_cannot_flag_their_own_posts(thread, dr_okafor):
    _, reply = thread
    response = client_for(dr_okafor).post(flag_url(reply), {"reason": "spam"})
    assert response.status_code == 403
    assert not Flag.objects.exists()


def test_guests_are_sent_to_log_in_and_see_no_flag_link(thread):
    question, reply = thread
    assert flag_url(reply) not in page(None, question.get_absolute_url())[1]
    response = client_for(None).post(flag_url(reply), {"reason": "spam"})
    assert response.status_code == 302 and "/login" in response["Location"]
    assert not Flag.objects.exists()


def test_the_question_page_offers_flag_links_on_others_posts_and_comments(thread, newcomer, maya):
    question, reply = thread
    comment = actions.add_comment(post=reply, author=maya, body="Thank you, this helps.")
    status, html = page(newcomer, question.get_absolute_url())
    assert status == 200
    for item in (question, reply, comment):
        assert flag_url(item) in html
    _, own = page(maya, question.get_absolute_url())
    assert flag_url(question) not in own and flag_url(comment) not in own
    assert flag_url(reply) in own


@pytest.mark.parametrize(
    "url",
    [
        "/moderation/flag/post/999999/",
        "/moderation/flag/post/12abc/",
        "/moderation/flag/post/%EF%BC%91/",  # a full-width digit
        "/moderation/flag/comment/999999/",
        "/moderation/flag/thing/1/",
    ],
)
def test_forged_ids_are_not_found(thread, newcomer, url):
    client = client_for(newcomer)
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "spam"}).status_code == 404
    assert client.post(url, {"reason": "spam"}, **JSON).status_code == 404
    assert not Flag.objects.exists()


def test_deleted_and_hidden_items_cannot_be_flagged(thread, newcomer, moderator, maya):
    question, reply = thread
    comment = actions.add_comment(post=question, author=maya, body="Adding some detail here.")
    actions.delete_post(post=reply, by=moderator)
    actions.hide_comment(comment=comment, by=None, note="Held.")
    for user in (newcomer, moderator):
        for item in (reply, comment):
            assert client_for(user).post(flag_url(item), {"reason": "spam"}).status_code == 404
    with pytest.raises(NotFound):
        flag(newcomer, fresh(reply))
    assert not Flag.objects.exists()


def test_an_answer_under_a_hidden_question_cannot_be_flagged(thread, newcomer, moderator):
    question, reply = thread
    actions.hide_post(post=question, by=moderator, note="Hidden.")
    with pytest.raises(NotFound):
        flag(newcomer, reply)


# Hiding ------------------------------------------------------------------------------------


def test_three_flags_from_trusted_members_hide_an_answer(thread, trusted, maya, dr_okafor):
    question, reply = thread
    for member in trusted[:2]:
        flag(member, reply, "rude")
    assert not fresh(reply).is_deleted
    flag(trusted[2], reply, "spam")
    hidden = fresh(reply)
    assert (hidden.removal, hidden.is_held) == (Removal.HIDDEN, True)
    assert hidden.removal_note == (
        "Hidden because several members flagged this answer as rude or abusive and spam. "
        "A moderator will review it."
    )
    entry = AuditEntry.objects.get(action="hide")
    assert (entry.actor, entry.post_id, entry.member_id) == (None, reply.pk, dr_okafor.pk)
    assert entry.details["by"] == "trusted members' flags"
    assert fresh(question).answer_count == 0
    assert_counters_match_a_recount()


def test_flags_from_members_who_are_not_trusted_do_not_hide(thread, untrusted):
    _, reply = thread
    for member in untrusted:
        flag(member, reply)
    assert not fresh(reply).is_deleted
    assert open_review(reply).reason == "Flags: Spam ×3"
    assert not AuditEntry.objects.exists()


def test_one_flag_from_a_moderator_hides_at_once(thread, moderator, maya, dr_okafor):
    _, reply = thread
    response = client_for(moderator).post(flag_url(reply), {"reason": "harmful"}, **JSON)
    assert response.json()["hidden"] is True
    hidden = fresh(reply)
    assert hidden.removal == Removal.HIDDEN
    assert hidden.removal_note.startswith(
        "A moderator hid this answer as harmful to someone at risk."
    )
    entry = AuditEntry.objects.get(action="hide")
    assert (entry.actor, entry.post_id) == (moderator, reply.pk)
    assert open_review(reply).priority == PRIORITY_HIGH
    assert_counters_match_a_recount()


def test_a_category_moderator_hides_only_in_their_category(thread, ask, dr_okafor, category):
    _, reply = thread
    elsewhere = Category.objects.filter(parent=None).exclude(
        pk__in=[category.pk, category.parent_id]
    )
    keeper = make_member("keeper")
    outside = elsewhere.first()
    assert outside is not None
    set_category_moderators(category=outside, moderator_ids=[keeper.pk])
    flag(fresh(keeper), reply)
    assert not fresh(reply).is_deleted
    set_category_moderators(category=category, moderator_ids=[keeper.pk])
    other = ask(dr_okafor, title="Another question about my therapist leaving")
    flag(fresh(keeper), other)
    assert fresh(other).removal == Removal.HIDDEN


def test_three_trusted_flags_hide_a_comment(thread, trusted, maya):
    question, reply = thread
    comment = actions.add_comment(post=reply, author=maya, body="Nobody asked you, honestly.")
    for member in trusted:
        flag(member, comment, "rude")
    assert fresh(comment).removal == Removal.HIDDEN
    assert fresh(reply).comment_count == 0
    assert AuditEntry.objects.get(action="hide").comment_id == comment.pk
    _, html = page(make_member("reader"), question.get_absolute_url())
    assert "Nobody asked you, honestly." not in html
    _, html = page(maya, question.get_absolute_url())
    assert "Nobody asked you, honestly." in html
    assert f'<li id="c{comment.pk}" class="comment-held">' in html
    assert f"/moderation/review-request/comment/{comment.pk}/" in html


def test_a_hidden_question_is_gone_for_others_and_marked_for_its_author(
    thread, trusted, maya, dr_okafor, newcomer, moderator
):
    question, _ = thread
    for member in trusted:
        flag(member, question, "identifies")
    url = question.get_absolute_url()
    assert page(None, url)[0] == 404
    assert page(newcomer, url)[0] == 404
    assert page(dr_okafor, url)[0] == 404
    status, html = page(maya, url)
    assert status == 200
    assert 'class="post is-held"' in html
    assert "Not shown to readers: only its author and the moderators see it." in html
    assert "flagged this question as identifying a real person" in html
    assert f'href="/moderation/review-request/post/{question.pk}/">Ask for a review</a>' in html
    status, html = page(moderator, url)
    assert status == 200 and 'class="post is-held"' in html
    assert "Ask for a review" not in html
    assert_counters_match_a_recount()
    assert Category.objects.get(pk=question.category_id).question_count == 0
    assert Tag.objects.get(name="attachment").question_count == 0


def test_a_hidden_answer_is_gone_for_others_and_marked_for_its_author(
    thread, moderator, dr_okafor, newcomer
):
    question, reply = thread
    flag(moderator, reply, "spam")
    url = question.get_absolute_url()
    for reader in (None, newcomer):
        status, html = page(reader, url)
        assert status == 200 and ANSWER_TEXT not in html
    status, html = page(dr_okafor, url)
    assert ANSWER_TEXT in html and 'class="post is-held"' in html
    assert "A moderator hid this answer as spam." in html
    assert f"/moderation/review-request/post/{reply.pk}/" in html


# Asking for a review -----------------------------------------------------------------------


def test_the_author_of_a_hidden_answer_asks_for_a_review(thread, moderator, dr_okafor, newcomer):
    _, reply = thread
    flag(moderator, reply, "spam")
    url = f"/moderation/review-request/post/{reply.pk}/"
    client = client_for(dr_okafor)
    status, html = page(dr_okafor, url)
    assert status == 200 and "A moderator hid this answer as spam." in html
    assert client.post(url, {"note": ""}).status_code == 400
    response = client.post(url, {"note": "It is advice from my practice, not an advert."})
    assert response.status_code == 302
    review = open_review(reply)
    assert review.priority == PRIORITY_URGENT
    assert review.reason == (
        "Flags: Spam ×1; author asks for a review: It is advice from my practice, not an advert."
    )
    again = client.post(url, {"note": "Please."})
    assert again.status_code == 409
    assert page(newcomer, url)[0] == 404
    assert client_for(moderator).post(url, {"note": "Me too."}).status_code == 404


def test_only_hidden_items_can_be_put_up_for_review(thread, maya):
    question, _ = thread
    url = f"/moderation/review-request/post/{question.pk}/"
    assert client_for(maya).get(url).status_code == 404
    assert client_for(maya).post(url, {"note": "Look again."}).status_code == 404
    assert not ReviewItem.objects.exists()


# After the hide ----------------------------------------------------------------------------


def test_my_flags_shows_each_flag_with_its_outcome(thread, newcomer, maya, ask, answer):
    question, reply = thread
    comment = actions.add_comment(post=reply, author=maya, body="A comment to be flagged.")
    other = ask(maya, title="What helps between sessions with a new therapist?")
    pending = flag(newcomer, reply, "spam")
    helpful = flag(newcomer, comment, "rude")
    declined = flag(newcomer, other, "moderator", note="Looks like a copy of another post.")
    now = timezone.now()
    Flag.objects.filter(pk=helpful.pk).update(
        status=FlagStatus.HELPFUL, outcome_note="Removed: personal attack.", resolved_at=now
    )
    Flag.objects.filter(pk=declined.pk).update(
        status=FlagStatus.DECLINED, outcome_note="It is a different question.", resolved_at=now
    )
    status, html = page(newcomer, "/moderation/flags/mine/")
    assert status == 200
    assert "Helpful</span>: Removed: personal attack." in html
    assert "Declined</span>: It is a different question." in html
    assert "Your note: Looks like a copy of another post." in html
    assert f'href="{reply.get_absolute_url()}">Answer on “{question.title}”' in html
    assert html.count("/retract") == 1 and f"/moderation/flags/{pending.pk}/retract" in html
    flag_actions.retract_flag(flag=pending, by=newcomer)
    assert "Retracted" in page(newcomer, "/moderation/flags/mine/")[1]


def test_my_flags_no_longer_links_to_what_was_hidden(thread, moderator, trusted):
    question, _ = thread
    for member in trusted:
        flag(member, question)
    _, html = page(trusted[0], "/moderation/flags/mine/")
    assert "A question that is no longer shown" in html
    assert question.title not in html


def test_my_flags_is_for_members_and_reads_a_fixed_number_of_queries(
    thread, newcomer, ask, maya, django_assert_max_num_queries
):
    assert client_for(None).get("/moderation/flags/mine/").status_code == 302
    for n in range(6):
        flag(newcomer, ask(maya, title=f"A question about therapy number {n}"))
    client = client_for(newcomer)
    with django_assert_max_num_queries(8):
        assert client.get("/moderation/flags/mine/").status_code == 200


def test_flagging_is_rate_limited(thread, newcomer, maya, ask, settings):
    cache.clear()
    settings.MINDWELL_RATE_LIMITS = {
        **settings.MINDWELL_RATE_LIMITS, "flag": {"member": [(2, 3600)]},
    }  # fmt: skip
    client = client_for(newcomer)
    questions = [ask(maya, title=f"A question about sleep and worry, number {n}") for n in range(3)]
    for question in questions[:2]:
        assert client.post(flag_url(question), {"reason": "spam"}).status_code == 302
    refused = client.post(flag_url(questions[2]), {"reason": "spam"}, **JSON)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "error" in refused.json()
    assert Flag.objects.count() == 2
    cache.clear()
