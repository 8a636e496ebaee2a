"""Changes to the points ledger. Call these inside the transaction of the action that earns them."""

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum

from mindwell.accounts.models import User
from mindwell.accounts.topics import member_changed
from mindwell.reputation.models import PointEvent, PointReason


def points_for(event: str) -> int:
    return int(settings.MINDWELL_POINTS[event])


def set_points(*, user_id: int, reason: PointReason, post_id: int | None, amount: int) -> None:
    """Make the ledger line (user, reason, post) hold `amount`, and move the cached total by the
    difference. Must run inside the caller's transaction, after it locked the post."""
    lines = PointEvent.objects.select_for_update().filter(user_id=user_id, reason=reason)
    line = (
        lines.filter(post_id__isnull=True) if post_id is None else lines.filter(post_id=post_id)
    ).first()
    previous = line.amount if line else 0
    if amount == previous:
        return
    if line is None:
        PointEvent.objects.create(user_id=user_id, reason=reason, post_id=post_id, amount=amount)
    elif amount == 0:
        line.delete()
    else:
        line.amount = amount
        line.save(update_fields=["amount", "updated_at"])
    User.objects.filter(pk=user_id).update(points=F("points") + (amount - previous))
    member_changed(user_id)  # points show beside the member's name


def vote_points(*, is_question: bool, upvotes: int, downvotes: int) -> int:
    """Points a post's author holds for its votes: per-vote values, each direction capped."""
    kind = "question" if is_question else "answer"
    up = min(upvotes * points_for(f"{kind}_upvote"), points_for(f"{kind}_upvote_cap"))
    down = max(downvotes * points_for(f"{kind}_downvote"), points_for(f"{kind}_downvote_cap"))
    return up + down


def rebuild_point_totals() -> int:
    """Set every member's cached total to the exact sum of their ledger; returns how many
    totals were wrong."""
    changed = 0
    with transaction.atomic():
        # Lock every member before reading the ledger. An action that is changing a total
        # has then either committed (and its line is summed here) or waits for this commit
        # and then moves the rebuilt total by its own difference. Without the locks a total
        # could be overwritten with a sum that missed that action's line.
        members = User.objects.select_for_update(no_key=True).order_by("pk")
        for _ in members.values_list("pk", flat=True).iterator():
            pass
        sums = dict(
            PointEvent.objects.values_list("user_id").annotate(total=Sum("amount")).order_by()
        )
        for user_id, points in User.objects.values_list("id", "points").iterator():
            exact = sums.get(user_id) or 0
            if points != exact:
                User.objects.filter(pk=user_id).update(points=exact)
                member_changed(user_id)
                changed += 1
    return changed
