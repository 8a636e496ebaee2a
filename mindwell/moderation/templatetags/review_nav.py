"""The "Review (N)" link in the header: {% load review_nav %}."""

from typing import Any

from django import template

from mindwell.accounts.policy import moderates_anything
from mindwell.moderation import policy
from mindwell.moderation.models import Queue, ReviewItem

register = template.Library()


@register.simple_tag
def review_count(user: Any) -> int | None:
    """How many open items wait in the queues `user` may open, or None for everyone but
    moderators: members (trusted ones too) and guests cost no query, since the roles are on
    the member's row; trusted members find the close votes from "Your flags"."""
    if not moderates_anything(user):
        return None
    queues = [queue for queue in Queue.values if policy.can_review(user, queue)]
    return ReviewItem.objects.reviewable_by(user).filter(queue__in=queues).count()
