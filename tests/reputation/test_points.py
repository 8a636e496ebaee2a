"""The points ledger: each total is the exact sum of its lines, and a command can prove it."""

import importlib
import random
from collections.abc import Callable
from io import StringIO

import pytest
from django.apps import apps as django_apps
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


def visibly_own(question: Post, answer: Post) -> bool:
    return (
        question.author_id == answer.author_id and not question.anonymous and not answer.anonymous
    )


def expected_totals() -> dict[int, int]:
    """Every member's points, worked out from the posts as they stand, not from the ledger.
    Anonymous posts earn nothing (decision 0010)."""
    totals: dict[int, int] = dict.fromkeys(User.objects.values_list("id", flat=True), 0)
    posts = Post.objects.alive().filter(author__isnull=False, anonymous=False)
    for post in posts.select_related("question"):
        assert post.author_id is not None
        if post.is_question:
            totals[post.author_id] += points("ask_question") + expected_vote_points(post)
            chosen = Post.objects.alive().filter(question=post, is_accepted=True).first()
            if chosen and chosen.author_id is not None and not visibly_own(post, chosen):
                totals[post.author_id] += points("select_accepted_answer")
        else:
            assert post.question is not None
            totals[post.author_id] += points("post_answer") + expected_vote_points(post)
            if post.is_accepted and not visibly_own(post.question, post):
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
            answer(rng.choice(live_questions()), rng.choice(writers),
                   anonymous=rng.random() < 0.3)  # fmt: skip
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
        "registrar": 0,  # the administrator who verified dr_okafor's licence
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


# Anonymous posts earn and cost nothing (decision 0010) -------------------------------------


def totals(*members: User) -> list[int]:
    return [User.objects.get(pk=member.pk).points for member in members]


def ledger_of(member: User) -> dict[tuple[str, int | None], int]:
    lines = PointEvent.objects.filter(user=member)
    return {(line.reason, line.post_id): line.amount for line in lines}


def test_an_anonymous_post_and_everything_done_to_it_leave_its_author_unchanged(
    maya: User, dr_okafor: User, newcomer: User, moderator: User, ask: Ask, answer: Answer
) -> None:
    public = ask(maya, title="A question maya asks under her own name")
    before = totals(maya)
    secret = ask(maya, title="A question maya asks without her name", anonymous=True)
    reply = answer(ask(dr_okafor), maya, anonymous=True)
    for voter in (dr_okafor, newcomer):
        actions.cast_vote(user=voter, post=secret, value=Vote.UP)
        actions.cast_vote(user=voter, post=reply, value=Vote.DOWN)
    actions.accept_answer(question=reply.thread, answer=reply, by=dr_okafor)
    actions.edit_post(post=secret, editor=maya, body="Edited: the same worry, said more clearly.")
    actions.delete_post(post=reply, by=moderator)  # the best answer: not its author's to delete
    actions.delete_post(post=secret, by=moderator)
    actions.restore_post(post=secret, by=moderator)

    assert totals(maya) == before
    assert not PointEvent.objects.filter(post_id__in=[secret.pk, reply.pk]).exists()
    assert ledger_of(maya) == {(PointReason.ASKED, public.pk): points("ask_question")}


def test_an_anonymous_asker_choosing_an_answer_earns_nothing_while_the_answerer_earns(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya, anonymous=True)
    reply = answer(question, dr_okafor)
    before = totals(maya, dr_okafor)

    actions.accept_answer(question=question, answer=reply, by=maya)

    assert totals(maya, dr_okafor) == [before[0], before[1] + points("answer_accepted")]


def test_choosing_your_own_anonymous_answer_earns_what_choosing_anyones_would(
    maya: User, ask: Ask, answer: Answer
) -> None:
    """Earning nothing would show everyone that the asker wrote the anonymous answer."""
    question = ask(maya)
    own = answer(question, maya, anonymous=True)

    actions.accept_answer(question=question, answer=own, by=maya)

    assert totals(maya) == [points("ask_question") + points("select_accepted_answer")]


def test_your_answer_chosen_under_your_anonymous_question_earns_what_anyones_would(
    maya: User, ask: Ask, answer: Answer
) -> None:
    question = ask(maya, anonymous=True)
    own = answer(question, maya)

    actions.accept_answer(question=question, answer=own, by=maya)

    assert totals(maya) == [points("post_answer") + points("answer_accepted")]
    actions.delete_post(post=question, by=maya)
    actions.restore_post(post=question, by=make_member("restorer", is_moderator=True))
    assert_totals_match_the_ledger()
    assert totals(maya) == [points("post_answer") + points("answer_accepted")]


def test_the_migration_brings_a_ledger_kept_under_the_old_rules_in_line(
    maya: User, dr_okafor: User, ask: Ask, answer: Answer
) -> None:
    migration = importlib.import_module(
        "mindwell.qa.migrations.0003_anonymous_posts_hold_no_points"
    )
    public = ask(maya, title="A question maya asks under her own name")
    secret = ask(maya, title="A question maya asks without her name", anonymous=True)
    own = answer(secret, maya)
    actions.accept_answer(question=secret, answer=own, by=maya)
    hidden = answer(ask(dr_okafor), maya, anonymous=True)
    # What the old rules wrote: anonymous posts earned, and an own answer chosen earned nothing.
    old_lines = [
        (PointReason.ASKED, secret.pk, points("ask_question")),
        (PointReason.VOTES_RECEIVED, secret.pk, points("question_upvote")),
        (PointReason.ANSWERED, hidden.pk, points("post_answer")),
        (PointReason.ANSWER_ACCEPTED, own.pk, 0),
    ]
    for reason, post_id, amount in old_lines:
        set_points(user_id=maya.pk, reason=reason, post_id=post_id, amount=amount)
    User.objects.filter(pk=dr_okafor.pk).update(points=999)

    migration.apply_the_rules(django_apps, None)

    assert ledger_of(maya) == {
        (PointReason.ASKED, public.pk): points("ask_question"),
        (PointReason.ANSWERED, own.pk): points("post_answer"),
        (PointReason.ANSWER_ACCEPTED, own.pk): points("answer_accepted"),
    }
    assert_totals_match_the_ledger()
    assert totals(maya) == [sum(ledger_of(maya).values())]
