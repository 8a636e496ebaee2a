"""Keyset pagination: each page starts from the last row of the one before, so the cost of a
page does not grow with how deep into a list it is."""

from __future__ import annotations

from collections.abc import Callable
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


def _beyond(row: Model, field: str | None, *, descending: bool) -> Q:
    """The rows after `row` in descending (`field`, id) order, or before it."""
    value = getattr(row, field) if field else None
    return _condition(value, row.pk, field, after=descending)


def _condition(value: Any, pk: int, field: str | None, *, after: bool) -> Q:
    if field is None:
        return Q(pk__lt=pk) if after else Q(pk__gt=pk)
    if after:
        return Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": pk})
    return Q(**{f"{field}__gt": value}) | Q(**{field: value, "pk__gt": pk})


# A list whose rows are also filtered in Python (`accept`) reads at most this many batches
# of a page's size for one page; then the page is shown shorter, with a link onwards.
ACCEPT_BATCHES = 8


def _take(
    qs: QuerySet[M],
    order: list[str],
    size: int,
    accept: Callable[[M], bool] | None,
    field: str | None,
    *,
    descending: bool,
) -> tuple[list[M], bool, M | None]:
    """Up to `size` rows in `order`; whether more follow; and the row to continue from when
    more follow (the last row taken, or the last row read when `accept` left the page short).
    Without `accept`, one query of `size + 1` rows."""
    if accept is None:
        rows = list(qs.order_by(*order)[: size + 1])
        more = len(rows) > size
        return rows[:size], more, rows[size - 1] if more else None
    kept: list[M] = []
    last: M | None = None
    for _ in range(ACCEPT_BATCHES):
        batch_qs = qs if last is None else qs.filter(_beyond(last, field, descending=descending))
        batch = list(batch_qs.order_by(*order)[: size + 1])
        for row in batch:
            if accept(row):
                if len(kept) == size:  # one more beyond the page: there is a next page
                    return kept, True, kept[-1]
                kept.append(row)
            last = row
        if len(batch) <= size:
            return kept, False, None
    # Read enough for one page: the rest is a link away, starting after the last row read.
    return kept, True, last


def keyset_page(
    queryset: QuerySet[M],
    params: QueryDict,
    *,
    field: str | None,
    cast: type = int,
    size: int,
    total: int | None = None,
    keep: dict[str, str] | None = None,
    accept: Callable[[M], bool] | None = None,
) -> KeysetPage[M]:
    """One page of `queryset` in descending (`field`, id) order, or descending id when `field`
    is None. `params` may hold `after` or `before` (a cursor) and `page` (the number shown).

    `accept`, when given, leaves out rows in Python (what a query cannot decide, such as a
    reader's muted words): the page is filled from the rows that follow, a batch at a time,
    and the cursors still work. Give no `total` with it, since some rows are not shown."""
    try:
        number = max(1, int(params.get("page", "1")))
    except ValueError:
        raise BadCursor("That page number is not valid.") from None
    order = [f"-{field}", "-pk"] if field else ["-pk"]
    after, before = params.get("after"), params.get("before")
    qs = queryset
    if after or before:
        value, pk = _decode(after or before or "", field, cast)
        qs = qs.filter(_condition(value, pk, field, after=bool(after)))
    next_from = previous_from = None
    if before:
        ascending = [o.lstrip("-") for o in order]
        rows, more_before, previous_from = _take(
            qs, ascending, size, accept, field, descending=False
        )
        rows = rows[::-1]
        has_previous, has_next = more_before, True
    else:
        rows, has_next, next_from = _take(qs, order, size, accept, field, descending=True)
        has_previous = bool(after)
    if not has_previous:
        number = 1
    base = dict(keep or {})
    next_query = previous_query = None
    next_from = next_from or (rows[-1] if rows else None)
    previous_from = previous_from or (rows[0] if rows else None)
    if has_next and next_from is not None:
        next_query = _query({**base, "after": _encode(next_from, field), "page": str(number + 1)})
    if has_previous and previous_from is not None:
        if number - 1 <= 1:
            previous_query = _query(base)
        else:
            previous_query = _query(
                {**base, "before": _encode(previous_from, field), "page": str(number - 1)}
            )
    return KeysetPage(rows, number, size, next_query, previous_query, total)


def _query(values: dict[str, str]) -> str:
    q = QueryDict(mutable=True)
    q.update(values)
    return "?" + q.urlencode() if values else "?"
