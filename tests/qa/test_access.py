"""Fetching posts and comments for a person: missing and not allowed are the same NotFound."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from mindwell.accounts.models import User
from mindwell.core.errors import NotFound
from mindwell.qa import actions, policy
from mindwell.qa.access import access_comment, access_post, access_question, parse_id
from mindwell.qa.models import Comment, Post

pytestmark = pytest.mark.django_db

Ask = Callable[..., Post]
Answer = Callable[..., Post]


@pytest.fixture
def question(maya: User, ask: Ask) -> Post:
    return ask(maya)


@pytest.fixture
def reply(question: Post, dr_okafor: User, answer: Answer) -> Post:
    return answer(question, dr_okafor)


@pytest.fixture
def comment(reply: Post, newcomer: User) -> Comment:
    return actions.add_comment(post=reply, author=newcomer, body="Thank you for this.")


def test_anyone_can_read_a_live_post(question: Post, reply: Post, newcomer: User) -> None:
    for user in (AnonymousUser(), newcomer):
        assert access_post(user, question.pk) == question
        assert access_post(user, str(reply.pk)) == reply
        assert access_question(user, str(question.pk)) == question


@pytest.mark.parametrize(
    "post_id", ["abc", "", " ", "1.5", "0x1", None, "-1", "0", "99999999999999999999999"]
)
def test_a_malformed_or_unknown_id_is_not_found(
    question: Post, newcomer: User, moderator: User, post_id: Any
) -> None:
    for user in (AnonymousUser(), newcomer, moderator):
        with pytest.raises(NotFound):
            access_post(user, post_id)
        with pytest.raises(NotFound):
            access_question(user, post_id)


def test_a_missing_post_is_not_found(question: Post, moderator: User) -> None:
    with pytest.raises(NotFound):
        access_post(moderator, question.pk + 1000)


def test_a_deleted_post_is_not_found_even_by_its_author(question: Post, maya: User) -> None:
    actions.delete_post(post=question, by=maya)

    for user in (AnonymousUser(), maya):
        with pytest.raises(NotFound):
            access_post(user, question.pk)
        with pytest.raises(NotFound):
            access_question(user, question.pk, may=policy.can_accept)


def test_moderators_can_see_deleted_posts(question: Post, reply: Post, moderator: User) -> None:
    actions.delete_post(post=reply, by=moderator)
    actions.delete_post(post=question, by=moderator)

    assert access_question(moderator, question.pk).is_deleted
    assert access_post(moderator, reply.pk, may=policy.can_edit).is_deleted


def test_an_answer_to_a_deleted_question_is_not_found(
    question: Post, reply: Post, maya: User, dr_okafor: User, moderator: User
) -> None:
    actions.delete_post(post=question, by=maya)

    with pytest.raises(NotFound):
        access_post(dr_okafor, reply.pk)
    assert access_post(moderator, reply.pk) == reply


def test_an_answer_is_not_a_question(reply: Post, newcomer: User) -> None:
    with pytest.raises(NotFound):
        access_question(newcomer, reply.pk)


def test_only_the_author_or_a_moderator_may_write(
    question: Post, reply: Post, maya: User, dr_okafor: User, newcomer: User, moderator: User
) -> None:
    assert access_question(maya, question.pk, may=policy.can_accept) == question
    assert access_post(dr_okafor, reply.pk, may=policy.can_edit) == reply
    assert access_post(moderator, reply.pk, may=policy.can_edit) == reply

    for user in (AnonymousUser(), newcomer, dr_okafor):
        with pytest.raises(NotFound):
            access_question(user, question.pk, may=policy.can_accept)
    with pytest.raises(NotFound):
        access_post(maya, reply.pk, may=policy.can_edit)


def test_staff_count_as_moderators(question: Post, maya: User) -> None:
    staff = User.objects.create_user(username="staffer", email="s@example.org", is_staff=True)
    actions.delete_post(post=question, by=maya)

    assert access_question(staff, question.pk, may=policy.can_accept) == question


def test_nobody_may_write_to_a_guest_post_but_a_moderator(
    ask: Ask, newcomer: User, moderator: User
) -> None:
    guest_question = ask(None, guest_name="Sam")

    for user in (AnonymousUser(), newcomer):
        with pytest.raises(NotFound):
            access_question(user, guest_question.pk, may=policy.can_accept)
    assert access_question(moderator, guest_question.pk, may=policy.can_accept) == guest_question


def test_a_comment_is_read_by_anyone_and_written_by_its_author_or_a_moderator(
    comment: Comment, newcomer: User, dr_okafor: User, moderator: User
) -> None:
    assert access_comment(AnonymousUser(), comment.pk) == comment
    assert access_comment(newcomer, str(comment.pk), may=policy.can_delete) == comment
    assert access_comment(moderator, comment.pk, may=policy.can_delete) == comment
    with pytest.raises(NotFound):
        access_comment(dr_okafor, comment.pk, may=policy.can_delete)


@pytest.mark.parametrize("comment_id", ["abc", "", None, "2.0", "99999999999999999999999"])
def test_a_malformed_comment_id_is_not_found(newcomer: User, comment_id: Any) -> None:
    with pytest.raises(NotFound):
        access_comment(newcomer, comment_id)


def test_a_deleted_comment_is_not_found(comment: Comment, newcomer: User) -> None:
    actions.delete_comment(comment=comment, by=newcomer)

    with pytest.raises(NotFound):
        access_comment(newcomer, comment.pk)


def test_a_comment_on_a_deleted_post_is_not_found(
    comment: Comment, reply: Post, dr_okafor: User, newcomer: User, moderator: User
) -> None:
    actions.delete_post(post=reply, by=dr_okafor)

    with pytest.raises(NotFound):
        access_comment(newcomer, comment.pk, may=policy.can_delete)
    assert access_comment(moderator, comment.pk) == comment


@pytest.mark.parametrize("raw", ["1_0", " 12 ", "١٢", "+5", "-1", "9" * 19])
def test_ids_must_be_plain_ascii_digits(raw: str) -> None:
    with pytest.raises(NotFound):
        parse_id(raw)
