"""Helpers for the review-queue tests: flags and queue items as the flags feature and the
safety check make them, more personas, and the recount every counter must match."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.moderation.models import Flag, FlagReason, Queue, ReviewItem
from mindwell.moderation.queue import enqueue
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for


def flag(
    item: Post | Comment, flagger: User, *, reason: str = FlagReason.SPAM, note: str = ""
) -> Flag:
    where: dict[str, Any] = {"post": item} if isinstance(item, Post) else {"comment": item}
    return Flag.objects.create(
        flagger=flagger, reason=reason, note=note, created_at=timezone.now(), **where
    )


def flagged(item: Post | Comment, *flaggers: User, note: str = "") -> ReviewItem:
    """Flag `item` by each of `flaggers` and put it in the flags queue, as flagging does."""
    for flagger in flaggers:
        flag(item, flagger, note=note)
    where: dict[str, Any] = {"post": item} if isinstance(item, Post) else {"comment": item}
    return enqueue(queue=Queue.FLAGS, reason="Flagged as spam", **where)


def hide_by_flags(item: Post | Comment) -> None:
    """What enough flags do: hide the item with no one person behind it."""
    with transaction.atomic():
        if isinstance(item, Post):
            actions.hide_post(post=item, by=None, note="Hidden after flags from the community.")
        else:
            actions.hide_comment(
                comment=item, by=None, note="Hidden after flags from the community."
            )


def decide(user: User, item: ReviewItem, decision: str, reason: str = "") -> Any:
    return client_for(user).post(
        f"/moderation/review/item/{item.pk}/{decision}", {"reason": reason}
    )


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def fresh(item: Any) -> Any:
    return type(item).objects.get(pk=item.pk)


def assert_counts_match_a_recount() -> None:
    """Every denormalised counter equals a count of the rows, and every member's points the
    sum of their ledger."""
    for post in Post.objects.all():
        if post.is_question:
            live = Post.objects.filter(question=post, deleted_at__isnull=True).count()
            assert post.answer_count == live, f"answer_count of {post.pk}"
        comments = Comment.objects.filter(post=post, deleted_at__isnull=True).count()
        assert post.comment_count == comments, f"comment_count of {post.pk}"
    for category in Category.objects.all():
        live = Post.objects.questions().alive().filter(category=category).count()
        assert category.question_count == live, f"question_count of {category.slug}"
    for tag in Tag.objects.all():
        live = tag.questions.filter(deleted_at__isnull=True).count()
        assert tag.question_count == live, f"question_count of tag {tag.name}"
    ledger = dict(
        PointEvent.objects.values_list("user_id").annotate(total=Sum("amount")).order_by()
    )
    for user in User.objects.all():
        assert user.points == ledger.get(user.pk, 0), f"points of {user.username}"
