"""Keyset pagination: each page starts from the last row of the one before, so the cost of a
page does not grow with how deep into a list it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import SuspiciousOperation
from django.db.models import Model, Q, QuerySet
from django.http import QueryDict

M = TypeVar("M", bound=Model)


class BadCursor(SuspiciousOperation):
    """A page link that was not made by us; Django answers it with 400."""


@dataclass
class KeysetPage(Generic[M]):
    items: list[M]
    number: int
    size: int
    next_query: str | None
    previous_query: str | None
    total: int | None = None

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.size + 1 if self.items else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * self.size + len(self.items)

    @property
    def page_count(self) -> int | None:
        if self.total is None:
            return None
        return max(1, -(-self.total // self.size))


def _encode(row: Model, field: str | None) -> str:
    if field is None:
        return str(row.pk)
    return f"{getattr(row, field)!r}~{row.pk}"


def _decode(raw: str, field: str | None, cast: type) -> tuple[Any, int]:
    try:
        if field is None:
            return None, int(raw)
        value, pk = raw.rsplit("~", 1)
        return cast(value), int(pk)
    except ValueError:
        raise BadCursor("That page link is not valid.") from None


# The query parameters of a page link that starts from a row of another page.
CURSORS = ("after", "before")


def is_later_page(params: QueryDict) -> bool:
    """Whether `params` ask for a page reached from another one (a cursor): the first page
    of a list is always its plain address, which is the one search engines should index."""
    return any(params.get(name) for name in CURSORS)


def keyset_page(
    queryset: QuerySet[M],
    params: QueryDict,
    *,
    field: str | None,
    cast: type = int,
    size: int,
    total: int | None = None,
    keep: dict[str, str] | None = None,
) -> KeysetPage[M]:
    """One page of `queryset` in descending (`field`, id) order, or descending id when `field`
    is None. `params` may hold `after` or `before` (a cursor) and `page` (the number shown)."""
    try:
        number = max(1, int(params.get("page", "1")))
    except ValueError:
        raise BadCursor("That page number is not valid.") from None
    order = [f"-{field}", "-pk"] if field else ["-pk"]
    after, before = params.get("after"), params.get("before")
    qs = queryset
    if after or before:
        value, pk = _decode(after or before or "", field, cast)
        if field is None:
            condition = Q(pk__lt=pk) if after else Q(pk__gt=pk)
        elif after:
            condition = Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": pk})
        else:
            condition = Q(**{f"{field}__gt": value}) | Q(**{field: value, "pk__gt": pk})
        qs = qs.filter(condition)
    if before:
        rows = list(qs.order_by(*[o.lstrip("-") for o in order])[: size + 1])
        more_before = len(rows) > size
        rows = rows[:size][::-1]
        has_previous, has_next = more_before, True
    else:
        rows = list(qs.order_by(*order)[: size + 1])
        has_next = len(rows) > size
        rows = rows[:size]
        has_previous = bool(after)
    if not has_previous:
        number = 1
    base = dict(keep or {})
    next_query = previous_query = None
    if rows and has_next:
        next_query = _query({**base, "after": _encode(rows[-1], field), "page": str(number + 1)})
    if rows and has_previous:
        if number - 1 <= 1:
            previous_query = _query(base)
        else:
            previous_query = _query(
                {**base, "before": _encode(rows[0], field), "page": str(number - 1)}
            )
    return KeysetPage(rows, number, size, next_query, previous_query, total)


def _query(values: dict[str, str]) -> str:
    q = QueryDict(mutable=True)
    q.update(values)
    return "?" + q.urlencode() if values else "?"
