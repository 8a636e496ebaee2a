"""The review queues' one entry point for every app: put an item in front of moderators
with a reason and a priority. Safety screening (a higher app) calls `enqueue(queue=
Queue.SAFETY, ...)` from its check; moderation's own flags and pre-moderation do the same."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from mindwell.moderation.models import NOTE_MAX, Queue, ReviewItem, ReviewStatus

# Priorities: higher first. Safety's "may need support" goes above everything else.
PRIORITY_NORMAL = 0
PRIORITY_HIGH = 50
PRIORITY_URGENT = 100


def enqueue(
    *,
    queue: str,
    reason: str,
    post: Any = None,
    comment: Any = None,
    priority: int = PRIORITY_NORMAL,
) -> ReviewItem:
    """Open a review item for this post or comment in `queue`, or, if one is open there
    already, add the reason to it and raise it to `priority`. Safe inside the caller's
    transaction (a check's), where it commits or rolls back with the post."""
    assert queue in Queue.values
    assert (post is None) != (comment is None)
    item_filter = Q(post=post) if post is not None else Q(comment=comment)
    with transaction.atomic():
        open_item = (
            ReviewItem.objects.select_for_update()
            .filter(item_filter, queue=queue, status=ReviewStatus.OPEN)
            .first()
        )
        if open_item is None:
            try:
                with transaction.atomic():
                    return ReviewItem.objects.create(
                        queue=queue, post=post, comment=comment, reason=reason[:NOTE_MAX],
                        priority=priority, created_at=timezone.now(),
                    )  # fmt: skip
            except IntegrityError:  # opened by another request meanwhile
                open_item = ReviewItem.objects.select_for_update().get(
                    item_filter, queue=queue, status=ReviewStatus.OPEN
                )
        if reason not in open_item.reason.split("; "):
            open_item.reason = f"{open_item.reason}; {reason}"[:NOTE_MAX]
        open_item.priority = max(open_item.priority, priority)
        open_item.save(update_fields=["reason", "priority"])
        return open_item
