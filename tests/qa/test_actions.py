"""Asking, answering, commenting, editing, deleting and accepting, through the actions."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.qa import actions
from mindwell.qa.models import BODY_MAX, TITLE_MAX, Comment, Post, Revision
from mindwell.qa.presenters import revision_editor_name, writer
from mindwell.qa.ranking import hot_score
from mindwell.qa.view_counts import flush_views
from mindwell.reputation.models import PointEvent, PointReason
from mindwell.tags.models import Category, Tag
from tests.conftest import make_member
from tests.qa.conftest import counters

pytestmark = pytest.mark.django_db

Ask = Callable[..., Post]
Answer = Callable[..., Post]

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def points(event: str) -> int:
    return int(settings.MINDWELL_POINTS[event])


def points_of(user: User) -> int:
    user.refresh_from_db(fields=["points"])
    return user.points


def ledger(user: User) -> dict[tuple[str, int | None], int]:
    return {
        (reason, post_id): amount
        for reason, post_id, amount in PointEvent.objects.filter(user=user).values_list(
            "reason", "post_id", "amount"
        )
    }


def tag_counts(*names: str) -> dict[str, int]:
    found = dict(Tag.objects.filter(name__in=names).values_list("name", "question_count"))
    return {name: found.get(name, 0) for name in names}


def fresh(post: Post) -> Post:
    return Post.objects.get(pk=post.pk)


# ask_question -----------------------------------------------------------------------------


def test_asking_stores_the_rendered_html_and_the_first_revision(maya: User, ask: Ask) -> None:
    question = ask(maya, body="I feel **very** attached to her.\n\n<script>alert(1)</script>")

    question = fresh(question)
    assert question.is_question
    assert "<strong>very</strong>" in question.body_html
    assert "<script>" not in question.body_html
    assert question.slug == "is-it-normal-to-feel-attached-to-my-therapist"
    assert question.revision_count == 1
    revision = Revision.objects.get(post=question)
    assert revision.number == 1
    assert revision.title == question.title
    assert revision.body == question.body
    assert revision.tag_names == "transference attachment"
    assert revision.editor == maya
    assert revision.editor_anonymous is False


def test_asking_creates_the_tags_in_order_and_counts_them(maya: User, ask: Ask) -> None:
    Tag.objects.create(name="attachment", question_count=4)

    question = ask(maya, tags="#Transference, attachment transference  ")

    assert question.tag_names == "transference attachment"
    assert sorted(question.tags.values_list("name", flat=True)) == ["attachment", "transference"]
    assert tag_counts("transference", "attachment") == {"transference": 1, "attachment": 5}


def test_asking_counts_the_question_in_its_category(
    maya: User, ask: Ask, category: Category
) -> None:
    before = category.question_count

    ask(maya)
    ask(maya, title="A second question about my therapist")

    category.refresh_from_db()
    assert category.question_count == before + 2


def test_asking_gives_the_asker_the_points_for_a_question(maya: User, ask: Ask) -> None:
    question = ask(maya)

    assert points_of(maya) == points("ask_question")
    assert ledger(maya) == {(PointReason.ASKED, question.pk): points("ask_question")}


def test_a_guest_can_ask_with_a_name_and_a_private_email(ask: Ask) -> None:
    question = ask(None, guest_name="  Sam  ", guest_email="sam@example.org")

    question = fresh(question)
    assert question.author is None
    assert question.guest_name == "Sam"
    assert question.guest_email == "sam@example.org"
    assert writer(question, AnonymousUser()).name == "Sam"
    assert Revision.objects.get(post=question).editor is None
    assert not PointEvent.objects.exists()


def test_a_guest_without_a_name_is_shown_as_anonymous(ask: Ask) -> None:
    question = ask(None)

    assert writer(question, AnonymousUser()).name == "Anonymous"


def test_a_guest_cannot_claim_to_be_anonymous_or_a_member(ask: Ask, maya: User) -> None:
    # A member's guest fields are dropped; a guest's "anonymous" flag is meaningless.
    member_question = ask(maya, guest_name="Someone else", guest_email="x@example.org")
    guest_question = ask(None, anonymous=True, title="A guest question with a title")

    assert (member_question.guest_name, member_question.guest_email) == ("", "")
    assert guest_question.anonymous is False


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"guest_email": "not-an-email"}, "guest_email"),
        ({"guest_name": "x" * 41}, "guest_name"),
        ({"guest_name": "Moderator"}, "guest_name"),
        ({"guest_name": "  mindwell "}, "guest_name"),
    ],
)
def test_it_rejects_bad_guest_details(ask: Ask, fields: dict[str, str], field: str) -> None:
    with pytest.raises(ActionError) as caught:
        ask(None, **fields)

    assert caught.value.field == field
    assert not Post.objects.exists()


def test_an_anonymous_member_is_hidden_and_earns_nothing(maya: User, ask: Ask) -> None:
    question = ask(maya, anonymous=True)

    question = fresh(question)
    assert question.author == maya
    shown = writer(question, AnonymousUser())
    assert (shown.name, shown.member, shown.revealed) == ("Anonymous", None, None)
    assert Revision.objects.get(post=question).editor_anonymous is True
    assert points_of(maya) == 0
    assert ledger(maya) == {}


def test_an_inactive_account_cannot_ask(maya: User, ask: Ask) -> None:
    maya.is_active = False
    maya.save()

    with pytest.raises(ActionError) as caught:
        ask(maya)

    assert caught.value.status == 403
    assert not Post.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "Too short"}, "title"),
        ({"title": "x" * (TITLE_MAX + 1)}, "title"),
        ({"body": ""}, "body"),
        ({"body": "Only a few words"}, "body"),
        ({"body": "x" * (BODY_MAX + 1)}, "body"),
        ({"body": "   short     \n\n   "}, "body"),
    ],
)
def test_it_rejects_a_title_or_body_of_the_wrong_length(
    maya: User, ask: Ask, fields: dict[str, str], field: str
) -> None:
    before = counters()

    with pytest.raises(ActionError) as caught:
        ask(maya, **fields)

    assert caught.value.field == field
    assert caught.value.status == 400
    assert counters() == before


def test_it_measures_the_title_after_squeezing_its_spaces(maya: User, ask: Ask) -> None:
    # Padding with spaces must not get a two-word title past the minimum length.
    with pytest.raises(ActionError) as caught:
        ask(maya, title="Help" + " " * 20 + "me")

    assert caught.value.field == "title"
    assert not Post.objects.exists()


def test_it_keeps_a_long_title_whose_extra_spaces_are_squeezed(maya: User, ask: Ask) -> None:
    words = "word " * 29 + "end"  # 148 characters once single-spaced
    question = ask(maya, title=words.replace(" ", "   "))

    assert question.title == words
    assert len(question.title) <= TITLE_MAX


def test_it_accepts_titles_and_bodies_at_the_limits(maya: User, ask: Ask) -> None:
    question = ask(maya, title="t" * 15, body="b" * 20)
    longest = ask(maya, title="t" * TITLE_MAX, body="b" * BODY_MAX)

    assert (question.title, question.body) == ("t" * 15, "b" * 20)
    assert len(longest.body) == BODY_MAX


def test_it_rejects_six_tags(maya: User, ask: Ask) -> None:
    before = counters()

    with pytest.raises(ActionError) as caught:
        ask(maya, tags="one two three four five six")

    assert caught.value.field == "tags"
    assert "at most 5" in caught.value.message
    assert counters() == before


@pytest.mark.parametrize(
    "bad", ["under_score", "-leading", "trailing-", "double--hyphen", "x" * 33, "café", "a.b"]
)
def test_it_rejects_a_bad_tag_name(maya: User, ask: Ask, bad: str) -> None:
    before = counters()

    with pytest.raises(ActionError) as caught:
        ask(maya, tags=f"anxiety {bad}")

    assert caught.value.field == "tags"
    assert counters() == before


def test_an_unknown_category_writes_nothing(maya: User, ask: Ask) -> None:
    before = counters()
    gone = Category(pk=987_654, slug="gone", name="Gone")

    with pytest.raises(ActionError) as error:
        ask(maya, category=gone)

    assert error.value.field == "category"
    assert counters() == before


@pytest.mark.parametrize("step", ["tags_for_names", "adjust_tag_counts", "set_points"])
def test_a_failure_late_in_asking_leaves_nothing_half_written(
    maya: User, ask: Ask, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    ask(maya, title="An earlier question that stays")
    before = counters()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError(f"{step} failed")

    monkeypatch.setattr(actions, step, fail)
    with pytest.raises(RuntimeError):
        ask(maya, tags="brand-new-tag transference")

    assert counters() == before
    assert not Tag.objects.filter(name="brand-new-tag").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_asking_from_an_account_deleted_meanwhile_writes_nothing(ask: Ask) -> None:
    # The foreign keys are checked when the transaction commits, after every row is written.
    gone = make_member("gone")
    User.objects.filter(pk=gone.pk).delete()
    before = counters()

    with pytest.raises(IntegrityError):
        ask(gone, tags="brand-new-tag transference")

    assert counters() == before
    assert not Tag.objects.filter(name="brand-new-tag").exists()


# post_answer and add_comment ------------------------------------------------------------


def test_answering_counts_the_answer_and_rescores_the_question(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya, now=T0)
    later = T0 + timedelta(hours=3)

    reply = answer(question, dr_okafor, now=later)

    question = fresh(question)
    assert question.answer_count == 1
    assert question.last_activity_at == later
    assert question.hot_score == pytest.approx(
        hot_score(created_at=T0, views=0, answers=1, score=0)
    )
    assert question.hot_score > hot_score(created_at=T0, views=0, answers=0, score=0)
    reply = fresh(reply)
    assert (reply.kind, reply.question_id, reply.title) == ("a", question.pk, "")
    assert reply.body_html.startswith("<p>Yes, it is common")
    assert Revision.objects.get(post=reply).number == 1
    assert points_of(dr_okafor) == points("post_answer")
    assert ledger(dr_okafor) == {(PointReason.ANSWERED, reply.pk): points("post_answer")}


def test_a_guest_answer_is_counted_but_earns_no_one_points(
    maya: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)

    answer(question, None, guest_name="Kind stranger")

    assert fresh(question).answer_count == 1
    assert points_of(maya) == points("ask_question")
    assert PointEvent.objects.count() == 1


def test_answering_a_deleted_question_is_not_found(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    actions.delete_post(post=question, by=maya)
    before = counters()

    with pytest.raises(ActionError) as caught:
        answer(question, dr_okafor)

    assert caught.value.status == 404
    assert counters() == before


def test_an_answer_cannot_be_answered(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    reply = answer(ask(maya), dr_okafor)

    with pytest.raises(ActionError) as caught:
        answer(reply, newcomer)

    assert caught.value.status == 404


def test_it_rejects_a_short_answer(maya: User, dr_okafor: User, ask: Ask, answer: Answer) -> None:
    question = ask(maya)

    with pytest.raises(ActionError) as caught:
        answer(question, dr_okafor, body="Yes.")

    assert caught.value.field == "body"
    assert fresh(question).answer_count == 0


def test_commenting_counts_the_comment_and_marks_the_thread_active(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya, now=T0)
    reply = answer(question, dr_okafor, now=T0 + timedelta(hours=1))
    later = T0 + timedelta(hours=2)

    comment = actions.add_comment(
        post=reply, author=newcomer, body="Thank you, this helps.", now=later
    )
    actions.add_comment(post=question, author=maya, body="Some more context here.", now=later)

    assert fresh(reply).comment_count == 1
    question = fresh(question)
    assert question.comment_count == 1
    assert question.last_activity_at == later
    assert comment.body_html == "<p>Thank you, this helps.</p>\n"
    # Comments earn nothing.
    assert points_of(newcomer) == 0


def test_commenting_on_a_deleted_post_is_not_found(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    reply = answer(ask(maya), dr_okafor)
    actions.delete_post(post=reply, by=dr_okafor)

    with pytest.raises(ActionError) as caught:
        actions.add_comment(post=reply, author=newcomer, body="Where did it go?")

    assert caught.value.status == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("body", ["", "Hi", "x" * 601])
def test_it_rejects_a_comment_of_the_wrong_length(maya: User, ask: Ask, body: str) -> None:
    question = ask(maya)

    with pytest.raises(ActionError) as caught:
        actions.add_comment(post=question, author=maya, body=body)

    assert caught.value.field == "body"
    assert fresh(question).comment_count == 0


def test_deleting_a_comment_uncounts_it_once(maya: User, newcomer: User, ask: Ask) -> None:
    question = ask(maya)
    comment = actions.add_comment(post=question, author=newcomer, body="A kind comment.")

    actions.delete_comment(comment=comment, by=newcomer)
    actions.delete_comment(comment=comment, by=newcomer)

    assert fresh(question).comment_count == 0
    assert Comment.objects.get(pk=comment.pk).deleted_at is not None


# edit_post --------------------------------------------------------------------------------


def test_editing_writes_a_revision_with_the_full_text_editor_and_reason(
    maya: User, ask: Ask
) -> None:
    question = ask(maya, now=T0)
    later = T0 + timedelta(days=1)

    edited = actions.edit_post(
        post=question, editor=maya, body="My *new* text, which is long enough.",
        reason=" Clarified ", now=later,
    )  # fmt: skip

    edited = fresh(edited)
    assert edited.body_html == "<p>My <em>new</em> text, which is long enough.</p>\n"
    assert edited.revision_count == 2
    assert edited.last_editor == maya
    assert edited.last_edited_at == later
    assert edited.last_activity_at == later
    revision = Revision.objects.get(post=question, number=2)
    assert revision.body == "My *new* text, which is long enough."
    assert revision.title == question.title
    assert revision.tag_names == "transference attachment"
    assert revision.editor == maya
    assert revision.reason == "Clarified"
    assert revision.created_at == later
    assert list(Revision.objects.filter(post=question).values_list("number", flat=True)) == [1, 2]


def test_an_edit_that_changes_nothing_is_refused(maya: User, ask: Ask) -> None:
    question = ask(maya)

    with pytest.raises(ActionError) as caught:
        actions.edit_post(
            post=question, editor=maya, body=f"  {question.body}  ", title=question.title,
            tags="transference attachment", category=question.category,
        )  # fmt: skip

    assert caught.value.message == "Nothing was changed."
    assert Revision.objects.filter(post=question).count() == 1
    assert fresh(question).revision_count == 1


def test_changing_the_tags_moves_their_counts(maya: User, ask: Ask) -> None:
    question = ask(maya, tags="transference attachment")
    ask(maya, title="Another question about attachment", tags="attachment")

    actions.edit_post(post=question, editor=maya, body=question.body, tags="attachment boundaries")

    question = fresh(question)
    assert question.tag_names == "attachment boundaries"
    assert sorted(question.tags.values_list("name", flat=True)) == ["attachment", "boundaries"]
    assert tag_counts("transference", "attachment", "boundaries") == {
        "transference": 0, "attachment": 2, "boundaries": 1,
    }  # fmt: skip
    assert Revision.objects.get(post=question, number=2).tag_names == "attachment boundaries"


def test_changing_the_category_moves_the_count(maya: User, ask: Ask, category: Category) -> None:
    other = Category.objects.exclude(pk=category.pk).first()
    assert other is not None
    question = ask(maya)
    counts = dict(Category.objects.values_list("pk", "question_count"))

    actions.edit_post(post=question, editor=maya, body=question.body, category=other)

    assert fresh(question).category == other
    after = dict(Category.objects.values_list("pk", "question_count"))
    assert after[category.pk] == counts[category.pk] - 1
    assert after[other.pk] == counts[other.pk] + 1


def test_changing_the_title_changes_the_slug(maya: User, ask: Ask) -> None:
    question = ask(maya)

    actions.edit_post(
        post=question, editor=maya, body=question.body, title="  Why do I   miss my therapist?  "
    )

    question = fresh(question)
    assert question.title == "Why do I miss my therapist?"
    assert question.slug == "why-do-i-miss-my-therapist"
    assert Revision.objects.get(post=question, number=2).title == question.title


def test_it_rejects_a_short_title_in_an_edit(maya: User, ask: Ask) -> None:
    question = ask(maya)

    with pytest.raises(ActionError) as caught:
        actions.edit_post(post=question, editor=maya, body=question.body, title="Short")

    assert caught.value.field == "title"
    assert fresh(question).title == question.title


def test_an_anonymous_author_editing_stays_anonymous_in_the_history(
    maya: User, moderator: User, ask: Ask
) -> None:
    question = ask(maya, anonymous=True)

    actions.edit_post(post=question, editor=maya, body="Anonymous edit with enough text.")
    actions.edit_post(post=question, editor=moderator, body="Moderator edit with enough text.")

    second, third = Revision.objects.filter(post=question, number__gt=1)
    assert (second.editor, second.editor_anonymous, revision_editor_name(second, question)) == (
        maya, True, "Anonymous",
    )  # fmt: skip
    assert (third.editor, third.editor_anonymous) == (moderator, False)


def test_editing_an_answer_marks_its_thread_active(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya, now=T0)
    reply = answer(question, dr_okafor, now=T0)
    later = T0 + timedelta(hours=5)

    actions.edit_post(post=reply, editor=dr_okafor, body="A fuller answer than before.", now=later)

    assert fresh(question).last_activity_at == later
    assert fresh(reply).revision_count == 2


def test_editing_a_deleted_post_is_not_found(maya: User, ask: Ask) -> None:
    question = ask(maya)
    actions.delete_post(post=question, by=maya)

    with pytest.raises(ActionError) as caught:
        actions.edit_post(post=question, editor=maya, body="Trying to edit after deletion.")

    assert caught.value.status == 404


# delete_post ------------------------------------------------------------------------------


def test_deleting_a_question_hides_it_and_uncounts_it(
    maya: User, newcomer: User, ask: Ask, category: Category
) -> None:
    category_count = category.question_count
    question = ask(maya)
    actions.cast_vote(user=newcomer, post=question, value=1)
    assert points_of(maya) == points("ask_question") + points("question_upvote")

    actions.delete_post(post=question, by=maya)

    assert fresh(question).is_deleted
    assert not Post.objects.alive().filter(pk=question.pk).exists()
    category.refresh_from_db()
    assert category.question_count == category_count
    assert tag_counts("transference", "attachment") == {"transference": 0, "attachment": 0}
    assert points_of(maya) == 0
    assert ledger(maya) == {}


def test_deleting_an_answer_takes_back_its_points_and_uncounts_it(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.cast_vote(user=newcomer, post=reply, value=1)
    actions.cast_vote(user=maya, post=reply, value=1)
    assert points_of(dr_okafor) == points("post_answer") + 2 * points("answer_upvote")

    actions.delete_post(post=reply, by=dr_okafor)

    question = fresh(question)
    assert question.answer_count == 0
    assert question.hot_score == pytest.approx(
        hot_score(created_at=question.created_at, views=0, answers=0, score=0)
    )
    assert points_of(dr_okafor) == 0
    assert ledger(dr_okafor) == {}
    assert points_of(maya) == points("ask_question")


def test_deleting_the_accepted_answer_clears_it_and_its_points(
    maya: User, dr_okafor: User, moderator: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.accept_answer(question=question, answer=reply, by=maya)

    actions.delete_post(post=reply, by=moderator)

    assert fresh(question).has_accepted_answer is False
    assert fresh(reply).is_accepted is False
    assert points_of(dr_okafor) == 0
    assert points_of(maya) == points("ask_question")


def test_deleting_a_question_takes_back_the_points_for_choosing_an_answer(
    maya: User, dr_okafor: User, moderator: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.accept_answer(question=question, answer=reply, by=maya)
    assert points_of(maya) == points("ask_question") + points("select_accepted_answer")

    actions.delete_post(post=question, by=moderator)

    assert points_of(maya) == 0
    assert ledger(maya) == {}


def test_deleting_twice_changes_nothing_more(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.delete_post(post=reply, by=dr_okafor)
    actions.delete_post(post=question, by=maya)
    before = counters()

    actions.delete_post(post=reply, by=dr_okafor)
    actions.delete_post(post=question, by=maya)

    assert counters() == before


# accept_answer ----------------------------------------------------------------------------


def test_the_asker_accepts_an_answer(maya: User, dr_okafor: User, ask: Ask, answer: Answer) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)

    accepted = actions.accept_answer(question=question, answer=reply, by=maya)

    assert accepted.is_accepted
    assert fresh(reply).is_accepted is True
    assert fresh(question).has_accepted_answer is True
    assert points_of(dr_okafor) == points("post_answer") + points("answer_accepted")
    assert points_of(maya) == points("ask_question") + points("select_accepted_answer")


def test_accepting_the_same_answer_again_counts_once(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.accept_answer(question=question, answer=reply, by=maya)

    actions.accept_answer(question=question, answer=reply, by=maya)

    assert points_of(dr_okafor) == points("post_answer") + points("answer_accepted")


def test_choosing_another_answer_moves_the_points(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    first = answer(question, dr_okafor)
    second = answer(question, newcomer, body="Another view: it may be worth discussing.")
    actions.accept_answer(question=question, answer=first, by=maya)

    actions.accept_answer(question=question, answer=second, by=maya)

    assert (fresh(first).is_accepted, fresh(second).is_accepted) == (False, True)
    assert points_of(dr_okafor) == points("post_answer")
    assert points_of(newcomer) == points("post_answer") + points("answer_accepted")
    assert points_of(maya) == points("ask_question") + points("select_accepted_answer")


def test_accepting_your_own_answer_earns_nothing(maya: User, ask: Ask, answer: Answer) -> None:
    question = ask(maya)
    own = answer(question, maya, body="Update: I talked to her and it went well.")

    actions.accept_answer(question=question, answer=own, by=maya)

    assert fresh(own).is_accepted is True
    assert points_of(maya) == points("ask_question") + points("post_answer")


def test_switching_from_another_answer_to_your_own_takes_back_the_choosing_points(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    theirs = answer(question, dr_okafor)
    own = answer(question, maya, body="Update: I talked to her and it went well.")
    actions.accept_answer(question=question, answer=theirs, by=maya)

    actions.accept_answer(question=question, answer=own, by=maya)

    assert points_of(maya) == points("ask_question") + points("post_answer")
    assert points_of(dr_okafor) == points("post_answer")


def test_clearing_the_choice_takes_back_the_points(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.accept_answer(question=question, answer=reply, by=maya)

    result = actions.accept_answer(question=question, answer=None, by=maya)

    assert result.pk == question.pk
    assert fresh(question).has_accepted_answer is False
    assert fresh(reply).is_accepted is False
    assert points_of(dr_okafor) == points("post_answer")
    assert points_of(maya) == points("ask_question")


def test_an_answer_from_another_question_is_not_found(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    elsewhere = answer(ask(maya, title="A different question entirely"), dr_okafor)

    with pytest.raises(ActionError) as caught:
        actions.accept_answer(question=question, answer=elsewhere, by=maya)

    assert caught.value.status == 404
    assert fresh(elsewhere).is_accepted is False
    assert fresh(question).has_accepted_answer is False


def test_a_question_cannot_be_accepted_as_an_answer(maya: User, ask: Ask) -> None:
    question = ask(maya)

    with pytest.raises(ActionError) as caught:
        actions.accept_answer(question=question, answer=question, by=maya)

    assert caught.value.status == 404


def test_a_deleted_answer_cannot_be_accepted(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.delete_post(post=reply, by=dr_okafor)

    with pytest.raises(ActionError) as caught:
        actions.accept_answer(question=question, answer=reply, by=maya)

    assert caught.value.status == 404
    assert points_of(dr_okafor) == 0


def test_the_database_allows_only_one_accepted_answer_per_question(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    first = answer(question, dr_okafor)
    second = answer(question, newcomer, body="Another view: it may be worth discussing.")
    actions.accept_answer(question=question, answer=first, by=maya)

    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.filter(pk=second.pk).update(is_accepted=True)

    assert list(Post.objects.filter(question=question, is_accepted=True)) == [first]


def test_the_database_refuses_an_accepted_question(maya: User, ask: Ask) -> None:
    question = ask(maya)

    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.filter(pk=question.pk).update(is_accepted=True)


# record_view ------------------------------------------------------------------------------


def test_recorded_views_are_counted_when_the_batch_is_written(maya: User, ask: Ask) -> None:
    question = ask(maya)
    flush_views()

    actions.record_view(question=question)
    actions.record_view(question=question)
    flush_views()

    question = fresh(question)
    assert question.view_count == 2
    assert question.hot_score == pytest.approx(
        hot_score(created_at=question.created_at, views=2, answers=0, score=0)
    )


def test_votes_and_best_answers_are_refused_under_a_deleted_question(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.delete_post(post=question, by=maya)

    with pytest.raises(ActionError) as vote_error:
        actions.cast_vote(user=newcomer, post=reply, value=1)
    with pytest.raises(ActionError) as accept_error:
        actions.accept_answer(question=question, answer=reply, by=maya)

    assert vote_error.value.status == accept_error.value.status == 404
    assert fresh(reply).score == 0 and not fresh(reply).is_accepted
