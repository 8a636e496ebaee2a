"""The member's own vote on each post of a shared page (see mindwell/core/memberpages.py)."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.template import Context

from mindwell.core.memberpages import Kind
from mindwell.qa.models import Vote


def my_votes(user: Any, post_ids: Iterable[int]) -> dict[int, int]:
    """{post id: +1 or -1} for the member's votes on these posts, in one query."""
    return dict(
        Vote.objects.filter(user_id=user.pk, post_id__in=list(post_ids)).values_list(
            "post_id", "value"
        )
    )


def _for_render(context: Context, post_id: int) -> int:
    votes = context.get("my_votes") or {}
    return int(votes.get(post_id, 0))


def _for_member(user: Any, post_ids: Sequence[int]) -> Callable[[int], int]:
    votes = my_votes(user, post_ids)
    return lambda post_id: votes.get(post_id, 0)


VOTE = Kind("my_vote", (0, 1, -1), _for_render, _for_member)
