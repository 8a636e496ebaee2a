"""The parts of a shared page that differ per member (see mindwell/core/pagecache/members.py):
their own vote on each post, and what the policy lets them do to each item."""

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from django.db import connection
from django.template import Context

from mindwell.core.pagecache import Kind
from mindwell.qa import policy
from mindwell.qa.models import Vote


@lru_cache(maxsize=64)
def _votes_sql(count: int) -> str:
    meta = Vote._meta
    table, user, post, value = (
        connection.ops.quote_name(name)
        for name in (
            meta.db_table,
            meta.get_field("user").column,
            meta.get_field("post").column,
            meta.get_field("value").column,
        )
    )
    slots = ", ".join(["%s"] * count)
    return f"SELECT {post}, {value} FROM {table} WHERE {user} = %s AND {post} IN ({slots})"


def my_votes(user: Any, post_ids: Iterable[int]) -> dict[int, int]:
    """{post id: +1 or -1} for the member's votes on these posts, in one query. Plain SQL:
    it runs on every member page, and building it with the ORM cost more than running it."""
    ids = list(post_ids)
    if user.pk is None or not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_votes_sql(len(ids)), [user.pk, *ids])
        return dict(cursor.fetchall())


def _for_render(context: Context, post_id: int) -> int:
    votes = context.get("my_votes") or {}
    return int(votes.get(post_id, 0))


def _for_member(user: Any, post_ids: Sequence[int]) -> Callable[[int], int]:
    votes = my_votes(user, post_ids)
    return lambda post_id: votes.get(post_id, 0)


VOTE = Kind("my_vote", (0, 1, -1), _for_render, _for_member)


def capability(check: Callable[[Any, Any], bool]) -> Kind:
    """A `personal` block shown or not by a policy capability (policy.can_edit, ...): the
    block's key is the post or comment, its variable `allowed`."""

    def for_render(context: Context, item: Any) -> bool:
        user = context.get("user")
        return user is not None and check(user, item)

    def for_member(user: Any, items: Sequence[Any]) -> Callable[[Any], bool]:
        return lambda item: check(user, item)

    return Kind("allowed", (False, True), for_render, for_member)


def answer_refusal(user: Any, question: Any) -> str:
    """Why the answer form is not offered to `user` on this open question: "" (it is),
    "protected" (too few points), or "cannot_post" (a suspended or inactive account)."""
    if policy.can_answer(user, question):
        return ""
    return "cannot_post" if not policy.can_post(user) else "protected"


def _refusal_for_render(context: Context, question: Any) -> str:
    user = context.get("user")
    return "cannot_post" if user is None else answer_refusal(user, question)


ANSWER_REFUSAL = Kind(
    "refusal",
    ("", "protected", "cannot_post"),
    _refusal_for_render,
    lambda user, questions: lambda question: answer_refusal(user, question),
)
