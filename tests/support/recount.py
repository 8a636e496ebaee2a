"""Every denormalised counter recounted from the rows, for tests that prove the actions
keep them exact through hide, delete, restore and purge."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, Q, Sum

from mindwell.accounts.models import User
from mindwell.notifications.models import Notification
from mindwell.qa.models import SHOWN_TO_AUTHOR, Comment, Post, PostKind, Vote
from mindwell.reputation.actions import points_for, rebuild_point_totals, vote_points
from mindwell.reputation.models import PointEvent, PointReason
from mindwell.tags.models import Category, Tag

Line = tuple[int, str, int]


def _visibly_own(question: Post, answer: Post) -> bool:
    return (
        question.author_id is not None
        and question.author_id == answer.author_id
        and not question.anonymous
        and not answer.anonymous
    )


def ledger_implied_by_rows() -> dict[Line, int]:
    """The points ledger the posts and votes call for: a live, named post earns its author
    the asking or answering points and its votes' (capped); a best answer earns its author
    the "accepted" points, and its asker the "selected" points while the question is live,
    unless both are visibly the same member; anonymous posts and guests earn nothing."""
    posts = {post.pk: post for post in Post.objects.all()}
    votes = Counter(Vote.objects.values_list("post_id", "value"))
    lines: dict[Line, int] = {}

    def hold(post: Post, reason: str, amount: int) -> None:
        if amount and post.author_id is not None and not post.anonymous:
            lines[(post.author_id, reason, post.pk)] = amount

    for post in posts.values():
        if post.deleted_at is not None:
            continue
        question = post.is_question
        hold(post, PointReason.ASKED if question else PointReason.ANSWERED,
             points_for("ask_question" if question else "post_answer"))  # fmt: skip
        earned = vote_points(
            is_question=question, upvotes=votes[(post.pk, 1)], downvotes=votes[(post.pk, -1)]
        )
        hold(post, PointReason.VOTES_RECEIVED, earned)
        if post.is_accepted:
            asked = posts[post.question_id]  # type: ignore[index]
            if post.author_id is not None and not _visibly_own(asked, post):
                hold(post, PointReason.ANSWER_ACCEPTED, points_for("answer_accepted"))
                if asked.deleted_at is None:
                    hold(asked, PointReason.SELECTED_ANSWER, points_for("select_accepted_answer"))
    return lines


def mismatches() -> dict[str, Any]:
    """Every counter that differs from its recount, as {what: (stored, recounted)}; empty
    when all are exact."""
    wrong: dict[str, Any] = {}

    def compare(what: str, stored: Any, recounted: Any) -> None:
        if stored != recounted:
            wrong[what] = (stored, recounted)

    live = Q(deleted_at__isnull=True)
    posts = Post.objects.annotate(
        live_answers=Count(
            "answer_set", filter=Q(answer_set__deleted_at__isnull=True), distinct=True
        ),
        live_comments=Count("comments", filter=Q(comments__deleted_at__isnull=True), distinct=True),
        ups=Count("votes", filter=Q(votes__value=Vote.UP), distinct=True),
        downs=Count("votes", filter=Q(votes__value=Vote.DOWN), distinct=True),
        accepted=Count("answer_set", filter=Q(answer_set__is_accepted=True), distinct=True),
    )
    for post in posts.values(
        "pk", "kind", "comment_count", "upvotes", "downvotes", "answer_count",
        "has_accepted_answer", "is_accepted", "deleted_at", "live_answers", "live_comments",
        "ups", "downs", "accepted",
    ):  # fmt: skip
        pk = post["pk"]
        compare(f"post {pk} comment_count", post["comment_count"], post["live_comments"])
        compare(f"post {pk} votes", (post["upvotes"], post["downvotes"]),
                (post["ups"], post["downs"]))  # fmt: skip
        if post["kind"] == PostKind.QUESTION:
            compare(f"question {pk} answer_count", post["answer_count"], post["live_answers"])
            compare(f"question {pk} has_accepted_answer", post["has_accepted_answer"],
                    post["accepted"] > 0)  # fmt: skip
        elif post["is_accepted"]:
            compare(f"best answer {pk} is live", post["deleted_at"], None)
    questions = Post.objects.filter(live, kind=PostKind.QUESTION)
    for category in Category.objects.all():
        compare(f"category {category.slug}", category.question_count,
                questions.filter(category=category).count())  # fmt: skip
    for tag in Tag.objects.all():
        compare(f"tag {tag.name}", tag.question_count, questions.filter(tags=tag).count())
    for question in questions:
        compare(f"question {question.pk} tag names", sorted(question.tag_list),
                sorted(question.tags.values_list("name", flat=True)))  # fmt: skip
    ledger = {
        (user_id, reason, post_id): amount
        for user_id, reason, post_id, amount in PointEvent.objects.values_list(
            "user_id", "reason", "post_id", "amount"
        )
    }
    compare("ledger", ledger, ledger_implied_by_rows())
    sums = dict(PointEvent.objects.values_list("user_id").annotate(total=Sum("amount")).order_by())
    held: Counter[int] = Counter()
    for model in (Post, Comment):
        held.update(
            model.objects.filter(deleted_at__isnull=False, removal__in=SHOWN_TO_AUTHOR)
            .exclude(author=None)
            .values_list("author_id", flat=True)
        )
    unread = Counter(
        Notification.objects.filter(read_at__isnull=True).values_list("recipient_id", flat=True)
    )
    for user in User.objects.all():
        compare(f"{user.username} points", user.points, sums.get(user.pk, 0))
        compare(f"{user.username} posts_held", user.posts_held, held[user.pk])
        compare(f"{user.username} unread_notifications", user.unread_notifications, unread[user.pk])
    return wrong


def assert_counts_exact() -> None:
    """Every counter equals its recount, and reputation's own rebuild finds nothing to fix."""
    assert mismatches() == {}
    assert rebuild_point_totals() == 0
