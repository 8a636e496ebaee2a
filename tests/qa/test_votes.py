"""Voting: counters, points with their caps, and the rules the database itself enforces."""

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from pytest_django.fixtures import Settings as SettingsWrapper

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.qa import actions
from mindwell.qa.models import Post, Vote
from mindwell.qa.ranking import hot_score
from mindwell.reputation.models import PointEvent, PointReason

pytestmark = pytest.mark.django_db

Ask = Callable[..., Post]
Answer = Callable[..., Post]
Members = Callable[[int], list[User]]


def points(event: str) -> int:
    return int(settings.MINDWELL_POINTS[event])


def points_of(user: User) -> int:
    user.refresh_from_db(fields=["points"])
    return user.points


def counts(post: Post) -> tuple[int, int, int]:
    post = Post.objects.get(pk=post.pk)
    return post.score, post.upvotes, post.downvotes


def vote_line(user: User, post: Post) -> int | None:
    return (
        PointEvent.objects.filter(user=user, post_id=post.pk, reason=PointReason.VOTES_RECEIVED)
        .values_list("amount", flat=True)
        .first()
    )


@pytest.fixture
def reply(maya: User, dr_okafor: User, ask: Ask, answer: Answer) -> Post:
    """Dr Okafor's answer to Maya's question."""
    return answer(ask(maya), dr_okafor)


@pytest.fixture
def lower_caps(settings: SettingsWrapper) -> None:
    settings.MINDWELL_POINTS = {
        **settings.MINDWELL_POINTS,
        "question_upvote_cap": 3,
        "question_downvote_cap": -2,
        "answer_upvote_cap": 6,
        "answer_downvote_cap": -4,
    }


def test_an_upvote_counts_and_earns_the_author_points(
    reply: Post, newcomer: User, dr_okafor: User
) -> None:
    returned = actions.cast_vote(user=newcomer, post=reply, value=Vote.UP)

    assert (returned.score, returned.upvotes, returned.downvotes) == (1, 1, 0)
    assert counts(reply) == (1, 1, 0)
    assert Vote.objects.get(user=newcomer, post=reply).value == Vote.UP
    assert points_of(dr_okafor) == points("post_answer") + points("answer_upvote")
    assert vote_line(dr_okafor, reply) == points("answer_upvote")
    # Voting costs the voter nothing.
    assert points_of(newcomer) == 0


def test_a_downvote_counts_and_costs_the_author_points(
    reply: Post, newcomer: User, dr_okafor: User
) -> None:
    actions.cast_vote(user=newcomer, post=reply, value=Vote.DOWN)

    assert counts(reply) == (-1, 0, 1)
    assert points_of(dr_okafor) == points("post_answer") + points("answer_downvote")


def test_changing_a_vote_moves_it_from_one_side_to_the_other(
    reply: Post, newcomer: User, dr_okafor: User
) -> None:
    actions.cast_vote(user=newcomer, post=reply, value=Vote.UP)

    actions.cast_vote(user=newcomer, post=reply, value=Vote.DOWN)

    assert counts(reply) == (-1, 0, 1)
    assert Vote.objects.filter(post=reply).count() == 1
    assert points_of(dr_okafor) == points("post_answer") + points("answer_downvote")


@pytest.mark.parametrize("value", [Vote.UP, Vote.DOWN])
def test_undoing_a_vote_removes_it_and_its_points(
    reply: Post, newcomer: User, dr_okafor: User, value: int
) -> None:
    actions.cast_vote(user=newcomer, post=reply, value=value)

    actions.cast_vote(user=newcomer, post=reply, value=0)

    assert counts(reply) == (0, 0, 0)
    assert not Vote.objects.filter(post=reply).exists()
    assert points_of(dr_okafor) == points("post_answer")
    assert vote_line(dr_okafor, reply) is None


def test_the_same_vote_twice_counts_once(reply: Post, newcomer: User, dr_okafor: User) -> None:
    actions.cast_vote(user=newcomer, post=reply, value=Vote.UP)

    actions.cast_vote(user=newcomer, post=reply, value=Vote.UP)

    assert counts(reply) == (1, 1, 0)
    assert points_of(dr_okafor) == points("post_answer") + points("answer_upvote")


def test_undoing_a_vote_never_cast_changes_nothing(reply: Post, newcomer: User) -> None:
    actions.cast_vote(user=newcomer, post=reply, value=0)

    assert counts(reply) == (0, 0, 0)


def test_it_rejects_a_vote_on_your_own_answer(reply: Post, dr_okafor: User) -> None:
    with pytest.raises(ActionError) as caught:
        actions.cast_vote(user=dr_okafor, post=reply, value=Vote.UP)

    assert caught.value.status == 403
    assert counts(reply) == (0, 0, 0)
    assert not Vote.objects.exists()


def test_it_rejects_a_vote_on_your_own_question(maya: User, ask: Ask) -> None:
    question = ask(maya)

    with pytest.raises(ActionError) as caught:
        actions.cast_vote(user=maya, post=question, value=Vote.DOWN)

    assert caught.value.status == 403
    assert not Vote.objects.exists()


def test_it_rejects_a_vote_on_a_deleted_post(reply: Post, newcomer: User, dr_okafor: User) -> None:
    actions.delete_post(post=reply, by=dr_okafor)

    with pytest.raises(ActionError) as caught:
        actions.cast_vote(user=newcomer, post=reply, value=Vote.UP)

    assert caught.value.status == 404
    assert not Vote.objects.exists()
    assert points_of(dr_okafor) == 0


@pytest.mark.parametrize("value", [2, -2, 10, "1", None])
def test_it_rejects_a_vote_that_is_not_up_down_or_none(
    reply: Post, newcomer: User, value: Any
) -> None:
    with pytest.raises(ActionError) as caught:
        actions.cast_vote(user=newcomer, post=reply, value=value)

    assert caught.value.field == "value"
    assert not Vote.objects.exists()


def test_the_score_is_upvotes_minus_downvotes(reply: Post, members: Members) -> None:
    voters = members(7)
    for voter, value in zip(voters, [1, 1, -1, 1, -1, 1, 1], strict=True):
        actions.cast_vote(user=voter, post=reply, value=value)
    actions.cast_vote(user=voters[0], post=reply, value=Vote.DOWN)
    actions.cast_vote(user=voters[2], post=reply, value=0)

    score, up, down = counts(reply)
    assert (up, down) == (
        Vote.objects.filter(post=reply, value=Vote.UP).count(),
        Vote.objects.filter(post=reply, value=Vote.DOWN).count(),
    )
    assert (score, up, down) == (2, 4, 2)


def test_a_vote_on_a_question_rescores_it(maya: User, newcomer: User, ask: Ask) -> None:
    question = ask(maya)

    actions.cast_vote(user=newcomer, post=question, value=Vote.UP)

    question = Post.objects.get(pk=question.pk)
    assert question.hot_score == pytest.approx(
        hot_score(created_at=question.created_at, views=0, answers=0, score=1)
    )


def test_twelve_upvotes_on_a_question_give_the_capped_ten_points(
    maya: User, ask: Ask, members: Members
) -> None:
    assert points("question_upvote_cap") == 10
    question = ask(maya)

    for voter in members(12):
        actions.cast_vote(user=voter, post=question, value=Vote.UP)

    assert counts(question) == (12, 12, 0)
    assert points_of(maya) == points("ask_question") + 10


@pytest.mark.usefixtures("lower_caps")
def test_upvote_points_stop_at_the_cap_and_come_back_below_it(
    reply: Post, dr_okafor: User, members: Members
) -> None:
    voters = members(4)
    for voter in voters:
        actions.cast_vote(user=voter, post=reply, value=Vote.UP)
    # Four upvotes are worth 8, capped at 6.
    assert points_of(dr_okafor) == points("post_answer") + 6

    actions.cast_vote(user=voters[0], post=reply, value=0)
    actions.cast_vote(user=voters[1], post=reply, value=0)

    assert points_of(dr_okafor) == points("post_answer") + 2 * points("answer_upvote")


@pytest.mark.usefixtures("lower_caps")
def test_downvote_losses_stop_at_their_cap(
    maya: User, ask: Ask, reply: Post, dr_okafor: User, members: Members
) -> None:
    question = ask(maya, title="Another question to be downvoted")
    voters = members(5)
    for voter in voters:
        actions.cast_vote(user=voter, post=reply, value=Vote.DOWN)
        actions.cast_vote(user=voter, post=question, value=Vote.DOWN)

    assert counts(reply) == (-5, 0, 5)
    assert points_of(dr_okafor) == points("post_answer") - 4
    # Maya has two questions; only the downvoted one loses, and only down to its cap.
    assert points_of(maya) == 2 * points("ask_question") - 2


@pytest.mark.usefixtures("lower_caps")
def test_up_and_down_caps_apply_separately(reply: Post, dr_okafor: User, members: Members) -> None:
    voters = members(6)
    for voter in voters[:4]:
        actions.cast_vote(user=voter, post=reply, value=Vote.UP)
    for voter in voters[4:]:
        actions.cast_vote(user=voter, post=reply, value=Vote.DOWN)

    # Up: min(4 * 2, 6) = 6; down: max(2 * -2, -4) = -4.
    assert points_of(dr_okafor) == points("post_answer") + 6 - 4


def test_votes_on_a_guest_post_count_but_earn_no_points(
    maya: User, ask: Ask, answer: Answer, newcomer: User
) -> None:
    question = ask(maya)
    guest_reply = answer(question, None, guest_name="Sam")

    actions.cast_vote(user=newcomer, post=guest_reply, value=Vote.UP)
    actions.cast_vote(user=maya, post=guest_reply, value=Vote.UP)

    assert counts(guest_reply) == (2, 2, 0)
    assert not PointEvent.objects.filter(reason=PointReason.VOTES_RECEIVED).exists()


def test_the_database_allows_one_vote_per_member_and_post(reply: Post, newcomer: User) -> None:
    Vote.objects.create(user=newcomer, post=reply, value=Vote.UP)

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(user=newcomer, post=reply, value=Vote.DOWN)

    assert Vote.objects.filter(post=reply).count() == 1


def test_the_database_allows_only_up_or_down_votes(reply: Post, newcomer: User) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(user=newcomer, post=reply, value=2)


def test_the_database_keeps_the_score_equal_to_the_votes(reply: Post) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.filter(pk=reply.pk).update(score=5)
