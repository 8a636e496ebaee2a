"""The follow buttons of shared member pages (mindwell/core/pagecache/members.py): whether
this member follows what the page is about, decided for the whole page in one small query.

`{% personal following key %}` blocks are keyed by a follow key ("question:12", "tag:3",
"category:4", "member:7", from `follow_key`); their body reads `following`. Who follows
what is never part of a stored page, so a follow or an unfollow is shown at once on the
member's next request, and never to anyone else."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from django.db import connection, models
from django.template import Context

from mindwell.accounts.models import User
from mindwell.accounts.policy import is_member
from mindwell.core.pagecache import Kind
from mindwell.notifications.models import Follow
from mindwell.qa.models import Post
from mindwell.tags.models import Category, Tag

TARGETS = Follow.TARGETS  # question, tag, category, member
_KEY = re.compile(r"(question|tag|category|member):([0-9]{1,18})")


def follow_key(obj: Any) -> str:
    """The follow key of a question, tag, category or member ("question:12")."""
    if isinstance(obj, Post):
        return f"question:{obj.thread_id}"
    if isinstance(obj, Tag):
        return f"tag:{obj.pk}"
    if isinstance(obj, Category):
        return f"category:{obj.pk}"
    if isinstance(obj, User):
        return f"member:{obj.pk}"
    raise TypeError(f"Nothing to follow in {obj!r}.")


def parse_key(key: str) -> tuple[str, int] | None:
    """(target, id) of a follow key, or None for anything else."""
    found = _KEY.fullmatch(key)
    return (found.group(1), int(found.group(2))) if found else None


def _column(name: str) -> str:
    field = Follow._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(connection.ops.quote_name(field.column))


@lru_cache(maxsize=64)
def _followed_sql(shape: tuple[tuple[str, int], ...]) -> str:
    columns = {target: _column(target) for target in TARGETS}
    anyof = " OR ".join(
        f"{columns[target]} IN ({', '.join(['%s'] * count)})" for target, count in shape
    )
    table = connection.ops.quote_name(Follow._meta.db_table)
    return (
        f"SELECT {', '.join(columns[t] for t in TARGETS)} FROM {table} "
        f"WHERE {_column('follower')} = %s AND {_column('following')} = %s AND ({anyof})"
    )


def followed(user: Any, keys: Iterable[str]) -> set[str]:
    """Which of these follow keys the member follows, in one query. Plain SQL: it runs on
    every member question, tag, category and profile page, stored or not."""
    if not is_member(user) or user.pk is None:
        return set()
    ids: dict[str, list[int]] = {}
    for key in set(keys):
        parsed = parse_key(key)
        if parsed is not None:
            ids.setdefault(parsed[0], []).append(parsed[1])
    if not ids:
        return set()
    shape = tuple((target, len(ids[target])) for target in TARGETS if target in ids)
    params = [user.pk, True, *(pk for target, _ in shape for pk in ids[target])]
    with connection.cursor() as cursor:
        cursor.execute(_followed_sql(shape), params)
        rows = cursor.fetchall()
    return {
        f"{target}:{value}"
        for row in rows
        for target, value in zip(TARGETS, row, strict=True)
        if value is not None
    }


def _for_render(context: Context, key: str) -> bool:
    user = context.get("user")
    return user is not None and key in followed(user, [key])


def _for_member(user: Any, keys: Sequence[str]) -> Callable[[str], bool]:
    found = followed(user, keys)
    return lambda key: key in found


FOLLOWING = Kind("following", (False, True), _for_render, _for_member)
