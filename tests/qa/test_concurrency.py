"""Actions run at the same moment by many people keep the counters and the ledger exact.

Each thread has its own database connection, as each web worker would; the tests commit for
real (transaction=True), so the row locks (PostgreSQL) or the write lock (SQLite) are what
keep the results exact.
"""

import threading
from collections.abc import Callable
from functools import partial

import pytest
from django.conf import settings
from django.db.models import Sum
from pytest_django.fixtures import Settings as SettingsWrapper

from mindwell.accounts.models import User
from mindwell.core.errors import NotFound
from mindwell.qa import actions
from mindwell.qa.models import Post, Vote
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category, Tag
from tests.qa.threads import in_thread, join_all, run_at_once, run_queued_behind_a_lock

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

Ask = Callable[..., Post]
Answer = Callable[..., Post]
Members = Callable[[int], list[User]]

THREADS = 8


def points(event: str) -> int:
    return int(settings.MINDWELL_POINTS[event])


def assert_ledger_matches_totals() -> None:
    sums = dict(PointEvent.objects.values_list("user_id").annotate(total=Sum("amount")).order_by())
    for user_id, total in User.objects.values_list("id", "points"):
        assert total == (sums.get(user_id) or 0), f"member {user_id}"


def test_simultaneous_upvotes_are_all_counted(
    maya: User,
    dr_okafor: User,
    ask: Ask,
    answer: Answer,
    members: Members,
    settings: SettingsWrapper,
) -> None:
    settings.MINDWELL_POINTS = {**settings.MINDWELL_POINTS, "answer_upvote_cap": 10}
    reply = answer(ask(maya), dr_okafor)
    voters = members(THREADS)

    errors = run_at_once(
        [partial(actions.cast_vote, user=voter, post=reply, value=Vote.UP) for voter in voters]
    )

    assert errors == []
    reply.refresh_from_db()
    assert (reply.score, reply.upvotes, reply.downvotes) == (THREADS, THREADS, 0)
    assert Vote.objects.filter(post=reply).count() == THREADS
    dr_okafor.refresh_from_db()
    # Eight upvotes are worth 16 points, capped at 10.
    assert dr_okafor.points == points("post_answer") + 10
    assert_ledger_matches_totals()


def test_simultaneous_vote_changes_end_exact(maya: User, ask: Ask, members: Members) -> None:
    question = ask(maya)
    voters = members(THREADS)

    def change_mind(voter: User, index: int) -> None:
        actions.cast_vote(user=voter, post=question, value=Vote.UP)
        actions.cast_vote(user=voter, post=question, value=Vote.DOWN)
        if index % 2:
            actions.cast_vote(user=voter, post=question, value=0)

    errors = run_at_once([partial(change_mind, voter, i) for i, voter in enumerate(voters)])

    assert errors == []
    question.refresh_from_db()
    half = THREADS // 2
    assert (question.score, question.upvotes, question.downvotes) == (-half, 0, half)
    maya.refresh_from_db()
    assert maya.points == points("ask_question") + max(
        half * points("question_downvote"), points("question_downvote_cap")
    )
    assert_ledger_matches_totals()


def test_simultaneous_answers_are_all_counted(
    maya: User, ask: Ask, answer: Answer, members: Members
) -> None:
    question = ask(maya)
    writers = members(THREADS)

    errors = run_at_once([partial(answer, question, writer) for writer in writers])

    assert errors == []
    question.refresh_from_db()
    assert question.answer_count == THREADS
    assert Post.objects.filter(question=question).count() == THREADS
    earned = User.objects.filter(pk__in=[w.pk for w in writers]).values_list("points", flat=True)
    assert set(earned) == {points("post_answer")}


def test_simultaneous_accepts_leave_exactly_one_accepted_answer(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    first = answer(question, dr_okafor)
    second = answer(question, newcomer, body="Another view: it may be worth discussing.")

    for _ in range(3):
        actions.accept_answer(question=question, answer=None, by=maya)
        errors = run_at_once(
            [
                partial(actions.accept_answer, question=question, answer=choice, by=maya)
                for choice in (first, second)
            ]
        )

        assert errors == []
        accepted = list(Post.objects.filter(question=question, is_accepted=True))
        assert len(accepted) == 1
        question.refresh_from_db()
        assert question.has_accepted_answer is True
        winner = accepted[0].author
        assert winner is not None
        loser = newcomer if winner == dr_okafor else dr_okafor
        assert User.objects.get(pk=winner.pk).points == (
            points("post_answer") + points("answer_accepted")
        )
        assert User.objects.get(pk=loser.pk).points == points("post_answer")
        assert User.objects.get(pk=maya.pk).points == (
            points("ask_question") + points("select_accepted_answer")
        )
        assert_ledger_matches_totals()


def test_deleting_an_answer_while_it_is_accepted_does_not_deadlock(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The author deletes their answer at the moment the asker accepts it.

    Each action locks rows one at a time; the two must take them in the same order, or each
    ends up holding the row the other waits for. The hold below widens the window so the
    bad interleaving happens every run instead of once in a while.
    """
    question = ask(maya)
    reply = answer(question, dr_okafor)
    deleter_holds_answer = threading.Event()
    accepter_holds_question = threading.Event()
    real_lock = actions._lock

    def lock_and_linger(post_id: int) -> Post:
        post = real_lock(post_id)
        name = threading.current_thread().name
        if name == "accepter" and post_id == question.pk:
            accepter_holds_question.set()
        if name == "deleter" and post_id == reply.pk:
            # Holding the answer: let the accepter take the question if it can.
            deleter_holds_answer.set()
            accepter_holds_question.wait(timeout=2)
        return post

    monkeypatch.setattr(actions, "_lock", lock_and_linger)
    errors: list[BaseException] = []

    deleter = in_thread(
        partial(actions.delete_post, post=reply, by=dr_okafor), errors, name="deleter"
    )

    def accept_once_the_answer_is_held() -> None:
        deleter_holds_answer.wait(timeout=5)
        actions.accept_answer(question=question, answer=reply, by=maya)

    accepter = in_thread(accept_once_the_answer_is_held, errors, name="accepter")
    deleter.start()
    accepter.start()
    join_all(deleter, accepter)
    # Accepting may lose the race (the answer is gone: 404); nothing else may fail.
    outcomes = [(type(e), getattr(e, "status", None)) for e in errors]
    assert outcomes in ([], [(NotFound, 404)]), [str(e) for e in errors]
    reply.refresh_from_db()
    question.refresh_from_db()
    assert reply.is_deleted
    assert reply.is_accepted is False
    assert question.has_accepted_answer is False
    assert question.answer_count == 0
    assert User.objects.get(pk=dr_okafor.pk).points == 0
    assert User.objects.get(pk=maya.pk).points == points("ask_question")
    assert_ledger_matches_totals()


def test_members_accepting_each_others_answers_at_once_do_not_deadlock(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    low, high = sorted([maya, dr_okafor], key=lambda member: member.pk)
    # Each acceptance changes two totals: the answerer's and the asker's.
    high_asks = ask(high, title="A question the other member answers")
    low_answers = answer(high_asks, low)
    low_asks = ask(low, title="And a question the first member answers")
    high_answers = answer(low_asks, high)

    errors = run_queued_behind_a_lock(
        User,
        low.pk,
        partial(actions.accept_answer, question=high_asks, answer=low_answers, by=high),
        partial(actions.accept_answer, question=low_asks, answer=high_answers, by=low),
    )

    assert errors == [], [str(e) for e in errors]
    assert Post.objects.filter(is_accepted=True).count() == 2
    both = points("ask_question") + points("post_answer") + points("answer_accepted")
    both += points("select_accepted_answer")
    assert set(User.objects.filter(pk__in=[low.pk, high.pk]).values_list("points", flat=True)) == {
        both
    }
    assert_ledger_matches_totals()


def test_questions_moved_between_two_categories_at_once_do_not_deadlock(
    maya: User, ask: Ask
) -> None:
    low, high = Category.objects.order_by("pk")[:2]
    from_low = ask(maya, title="A question moving to the second category", category=low)
    from_high = ask(maya, title="A question moving to the first category", category=high)
    counts = dict(Category.objects.values_list("pk", "question_count"))

    errors = run_queued_behind_a_lock(
        Category,
        low.pk,
        partial(actions.edit_post, post=from_low, editor=maya, body=from_low.body, category=high),
        partial(actions.edit_post, post=from_high, editor=maya, body=from_high.body, category=low),
    )

    assert errors == [], [str(e) for e in errors]
    assert dict(Category.objects.values_list("pk", "question_count")) == counts
    assert Post.objects.get(pk=from_low.pk).category_id == high.pk
    assert Post.objects.get(pk=from_high.pk).category_id == low.pk


def test_questions_swapping_tags_at_once_do_not_deadlock(maya: User, ask: Ask) -> None:
    tagged_a = ask(maya, title="A question tagged alpha at first", tags="alpha")
    tagged_b = ask(maya, title="A question tagged beta at first", tags="beta")
    alpha = Tag.objects.get(name="alpha")

    errors = run_queued_behind_a_lock(
        Tag,
        alpha.pk,
        partial(actions.edit_post, post=tagged_a, editor=maya, body=tagged_a.body, tags="beta"),
        partial(actions.edit_post, post=tagged_b, editor=maya, body=tagged_b.body, tags="alpha"),
    )

    assert errors == [], [str(e) for e in errors]
    assert dict(Tag.objects.values_list("name", "question_count")) == {"alpha": 1, "beta": 1}
    assert Post.objects.get(pk=tagged_a.pk).tag_names == "beta"
