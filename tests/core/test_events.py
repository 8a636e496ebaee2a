"""Domain events: announced after commit (never on rollback), checks inside the action."""

import logging

import pytest
from django.db import transaction

from mindwell.core import events
from mindwell.core.errors import ActionError
from mindwell.qa import actions
from mindwell.qa.events import CommentAdded, PostCreated, PostDeleted, Submitted, VoteCast
from mindwell.qa.models import Comment, Post, Revision
from mindwell.reputation.models import PointEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """Subscribe a recorder to qa's announcements for one test."""
    got: list[object] = []
    kinds = (PostCreated, PostDeleted, VoteCast, CommentAdded)
    for kind in kinds:
        events.on_commit(kind, got.append)
    yield got
    for kind in kinds:
        events.unsubscribe(kind, got.append)


@pytest.fixture
def check():
    added = []

    def add(handler):
        events.check(Submitted, handler)
        added.append(handler)

    yield add
    for handler in added:
        events.unsubscribe(Submitted, handler)


def test_an_announcement_is_heard_only_after_commit(
    heard, ask, maya, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        question = ask(maya)
        assert heard == []  # not yet committed
    assert callbacks
    assert heard == [PostCreated(question.pk, question.pk, "question", maya.pk)]


def test_nothing_is_heard_when_the_transaction_rolls_back(heard, ask, maya):
    with pytest.raises(RuntimeError), transaction.atomic():
        ask(maya)
        raise RuntimeError("the surrounding work failed")
    assert heard == [] and not Post.objects.exists()


def test_a_failing_listener_is_logged_and_the_others_still_hear(
    heard, ask, maya, dr_okafor, answer, caplog, django_capture_on_commit_callbacks
):
    def broken(event):
        raise ValueError("listener bug")

    events.on_commit(VoteCast, broken)
    try:
        question = ask(maya)
        reply = answer(question, dr_okafor)
        with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
            actions.cast_vote(user=maya, post=reply, value=1)
    finally:
        events.unsubscribe(VoteCast, broken)
    assert VoteCast(reply.pk, question.pk, maya.pk, 1, 0) in heard
    assert "listener bug" in caplog.text
    assert Post.objects.get(pk=reply.pk).score == 1  # the vote stands


def test_a_check_that_refuses_leaves_nothing_written(check, ask, answer, maya, dr_okafor):
    question = ask(maya)

    def refuse_shouting(event: Submitted) -> None:
        if event.body.isupper():
            raise ActionError("Please do not write in capitals.", field="body")

    check(refuse_shouting)
    before = (Post.objects.count(), Revision.objects.count(), PointEvent.objects.count())
    with pytest.raises(ActionError, match="capitals"):
        answer(question, dr_okafor, body="THIS IS A SHOUTED ANSWER IN CAPITALS")
    with pytest.raises(ActionError):
        actions.add_comment(post=question, author=None, body="SHOUTED COMMENT")
    assert (Post.objects.count(), Revision.objects.count(), PointEvent.objects.count()) == before
    assert not Comment.objects.exists()
    assert Post.objects.get(pk=question.pk).answer_count == 0


def test_a_check_sees_every_kind_of_text_and_may_hold_it_in_the_same_transaction(
    check, ask, answer, maya, dr_okafor
):
    seen: list[tuple[str, int | None]] = []

    def hold(event: Submitted) -> None:
        seen.append((event.what, event.author_id))
        # A holding check writes in the action's own transaction; here it marks the post.
        Post.objects.filter(pk=event.post_id).update(guest_name="held")

    check(hold)
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.add_comment(post=reply, author=None, body="A guest's comment.")
    actions.edit_post(post=reply, editor=dr_okafor, body="An edited answer, long enough.")
    assert seen == [
        ("question", maya.pk), ("answer", dr_okafor.pk), ("comment", None), ("edit", dr_okafor.pk),
    ]  # fmt: skip
    assert Post.objects.get(pk=question.pk).guest_name == "held"
