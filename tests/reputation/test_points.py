"""The points ledger: each total is the exact sum of its lines, and a command can prove it."""

import random
from collections.abc import Callable
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from pytest_django.fixtures import Settings as SettingsWrapper

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.qa import actions, policy
from mindwell.qa.models import Post, Vote
from mindwell.reputation.actions import rebuild_point_totals, set_points, vote_points
from mindwell.reputation.models import PointEvent, PointReason
from tests.conftest import make_member
from tests.qa.threads import in_thread, join_all, wait_until_blocked

pytestmark = pytest.mark.django_db

Ask = Callable[..., Post]
Answer = Callable[..., Post]


def points(event: str) -> int:
    return int(settings.MINDWELL_POINTS[event])


def ledger_sums() -> dict[int, int]:
    return dict(PointEvent.objects.values_list("user_id").annotate(total=Sum("amount")).order_by())


def assert_totals_match_the_ledger() -> None:
    sums = ledger_sums()
    wrong = {
        username: (total, sums.get(user_id, 0))
        for user_id, username, total in User.objects.values_list("id", "username", "points")
        if total != sums.get(user_id, 0)
    }
    assert wrong == {}, "members whose total is not their ledger's sum: (total, sum)"


def expected_vote_points(post: Post) -> int:
    """What the votes on `post` are worth to its author, worked out from the Vote rows."""
    kind = "question" if post.is_question else "answer"
    ups = Vote.objects.filter(post=post, value=Vote.UP).count()
    downs = Vote.objects.filter(post=post, value=Vote.DOWN).count()
    up = min(ups * points(f"{kind}_upvote"), points(f"{kind}_upvote_cap"))
    down = max(downs * points(f"{kind}_downvote"), points(f"{kind}_downvote_cap"))
    return up + down


def expected_totals() -> dict[int, int]:
    """Every member's points, worked out from the posts as they stand, not from the ledger."""
    totals: dict[int, int] = dict.fromkeys(User.objects.values_list("id", flat=True), 0)
    for post in Post.objects.alive().filter(author__isnull=False).select_related("question"):
        assert post.author_id is not None
        if post.is_question:
            totals[post.author_id] += points("ask_question") + expected_vote_points(post)
            chosen = Post.objects.alive().filter(question=post, is_accepted=True).first()
            if chosen and chosen.author_id not in (None, post.author_id):
                totals[post.author_id] += points("select_accepted_answer")
        else:
            assert post.question is not None
            totals[post.author_id] += points("post_answer") + expected_vote_points(post)
            if post.is_accepted and post.author_id != post.question.author_id:
                totals[post.author_id] += points("answer_accepted")
    return totals


@pytest.fixture
def low_caps(settings: SettingsWrapper) -> None:
    """Caps low enough that a short run of votes reaches them."""
    settings.MINDWELL_POINTS = {
        **settings.MINDWELL_POINTS,
        "question_upvote_cap": 2,
        "question_downvote_cap": -1,
        "answer_upvote_cap": 3,
        "answer_downvote_cap": -3,
    }


@pytest.mark.usefixtures("low_caps")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_a_run_of_actions_every_total_is_the_sum_of_its_ledger(
    seed: int, ask: Ask, answer: Answer
) -> None:
    rng = random.Random(seed)
    people = [make_member(f"member{i}") for i in range(6)]
    keeper = make_member("keeper", is_moderator=True)  # deletes what authors may not
    writers: list[User | None] = [*people, None]
    for n in range(3):
        ask(rng.choice(people), title=f"Opening question number {n} of the run")

    def live_questions() -> list[Post]:
        return list(Post.objects.questions().alive())

    def live_posts() -> list[Post]:
        # What a reader can reach: live posts in live threads.
        return [
            post
            for post in Post.objects.alive().select_related("question")
            if post.question is None or not post.question.is_deleted
        ]

    for step in range(150):
        roll = rng.random()
        if roll < 0.08:
            ask(rng.choice(writers), title=f"Question asked at step {step} of the run",
                anonymous=rng.random() < 0.3)  # fmt: skip
        elif roll < 0.25:
            answer(rng.choice(live_questions()), rng.choice(writers))
        elif roll < 0.70:
            post, voter = rng.choice(live_posts()), rng.choice(people)
            value = rng.choice([Vote.UP, Vote.UP, Vote.DOWN, 0])
            if post.author_id == voter.pk:
                with pytest.raises(ActionError):
                    actions.cast_vote(user=voter, post=post, value=value)
            else:
                actions.cast_vote(user=voter, post=post, value=value)
        elif roll < 0.85:
            question = rng.choice(live_questions())
            choices = [*Post.objects.answers().alive().filter(question=question), None]
            if question.author is not None:
                actions.accept_answer(
                    question=question, answer=rng.choice(choices), by=question.author
                )
        elif roll < 0.95:
            post = rng.choice(live_posts())
            if post.is_question and len(live_questions()) <= 2:
                continue
            # The author, unless others' work keeps it from them: then the moderator.
            author = post.author
            by = author if author and policy.can_delete(author, post) else keeper
            actions.delete_post(post=post, by=by)
        else:
            deleted = Post.objects.filter(deleted_at__isnull=False).first()
            if deleted is not None:
                with pytest.raises(ActionError) as caught:
                    actions.cast_vote(user=people[0], post=deleted, value=Vote.UP)
                assert caught.value.status in (403, 404)
        assert_totals_match_the_ledger()

    totals = dict(User.objects.values_list("id", "points"))
    assert totals == expected_totals()
    assert any(totals.values()), "the run should have earned someone some points"
    for post in Post.objects.all():
        assert (post.upvotes, post.downvotes) == (
            Vote.objects.filter(post=post, value=Vote.UP).count(),
            Vote.objects.filter(post=post, value=Vote.DOWN).count(),
        )


def test_rebuild_points_repairs_corrupted_totals_exactly(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.cast_vote(user=newcomer, post=reply, value=Vote.UP)
    actions.cast_vote(user=newcomer, post=question, value=Vote.DOWN)
    actions.accept_answer(question=question, answer=reply, by=maya)
    exact = dict(User.objects.values_list("username", "points"))
    User.objects.filter(pk=maya.pk).update(points=999)
    User.objects.filter(pk=dr_okafor.pk).update(points=-5)
    User.objects.filter(pk=newcomer.pk).update(points=17)  # has no ledger lines at all

    out = StringIO()
    call_command("rebuild_points", stdout=out)

    assert "3 member(s) corrected" in out.getvalue()
    assert dict(User.objects.values_list("username", "points")) == exact
    assert exact == {
        "maya": points("ask_question") + points("question_downvote")
        + points("select_accepted_answer"),
        "dr_okafor": points("post_answer") + points("answer_upvote") + points("answer_accepted"),
        "newcomer": 0,
    }  # fmt: skip


def test_rebuild_points_changes_nothing_when_totals_are_right(maya: User, ask: Ask) -> None:
    ask(maya)

    out = StringIO()
    call_command("rebuild_points", stdout=out)

    assert "0 member(s) corrected" in out.getvalue()
    assert rebuild_point_totals() == 0
    maya.refresh_from_db()
    assert maya.points == points("ask_question")


def test_set_points_keeps_one_line_and_moves_the_total_by_the_difference(
    maya: User, ask: Ask
) -> None:
    question = ask(maya)
    base = points("ask_question")

    def line() -> list[int]:
        return list(
            PointEvent.objects.filter(
                user=maya, reason=PointReason.VOTES_RECEIVED, post_id=question.pk
            ).values_list("amount", flat=True)
        )

    def total() -> int:
        maya.refresh_from_db(fields=["points"])
        return maya.points

    set_points(user_id=maya.pk, reason=PointReason.VOTES_RECEIVED, post_id=question.pk, amount=5)
    assert (line(), total()) == ([5], base + 5)

    set_points(user_id=maya.pk, reason=PointReason.VOTES_RECEIVED, post_id=question.pk, amount=-2)
    assert (line(), total()) == ([-2], base - 2)

    set_points(user_id=maya.pk, reason=PointReason.VOTES_RECEIVED, post_id=question.pk, amount=-2)
    assert (line(), total()) == ([-2], base - 2)

    set_points(user_id=maya.pk, reason=PointReason.VOTES_RECEIVED, post_id=question.pk, amount=0)
    assert (line(), total()) == ([], base)


def test_set_points_keeps_lines_without_a_post_apart(maya: User, ask: Ask) -> None:
    question = ask(maya)

    set_points(user_id=maya.pk, reason=PointReason.ASKED, post_id=None, amount=7)
    set_points(user_id=maya.pk, reason=PointReason.ASKED, post_id=None, amount=4)

    lines = dict(PointEvent.objects.filter(user=maya).values_list("post_id", "amount"))
    assert lines == {None: 4, question.pk: points("ask_question")}
    maya.refresh_from_db()
    assert maya.points == 4 + points("ask_question")


@pytest.mark.parametrize(
    ("is_question", "upvotes", "downvotes", "expected"),
    [
        (True, 0, 0, 0),
        (True, 3, 0, 3),
        (True, 12, 0, 10),
        (True, 0, 2, -2),
        (True, 0, 9, -3),
        (True, 12, 9, 7),
        (False, 4, 1, 6),
        (False, 30, 0, 50),
        (False, 0, 15, -20),
        (False, 30, 15, 30),
    ],
)
def test_vote_points_cap_each_direction_separately(
    is_question: bool, upvotes: int, downvotes: int, expected: int
) -> None:
    assert vote_points(is_question=is_question, upvotes=upvotes, downvotes=downvotes) == expected


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rebuild_points_beside_an_action_that_earns_points_stays_exact(
    maya: User, dr_okafor: User, newcomer: User, ask: Ask, answer: Answer
) -> None:
    reply = answer(ask(maya), dr_okafor)
    User.objects.filter(pk=dr_okafor.pk).update(points=999)  # a total for the rebuild to repair
    errors: list[BaseException] = []
    rebuild = in_thread(rebuild_point_totals, errors)

    with transaction.atomic():
        # The vote's ledger line and total change are written but not yet committed when the
        # rebuild starts.
        actions.cast_vote(user=newcomer, post=reply, value=Vote.UP)
        rebuild.start()
        wait_until_blocked(1)
    join_all(rebuild)

    assert errors == []
    dr_okafor.refresh_from_db()
    assert dr_okafor.points == points("post_answer") + points("answer_upvote")
    assert_totals_match_the_ledger()
