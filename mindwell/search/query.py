"""The query language of the search page, as Stack Exchange users know it, read into what
index.find takes: an `Expression` of index terms (words, phrases, marker terms) and a `Q` of
conditions on the post's own row (score, dates, states).

Nothing a person types reaches the index as syntax: every word goes through
search.analysis first, so `*`, `NEAR`, `^`, `:`, brackets and SQL are only text. What cannot
be read gives a problem, a sentence for the page, and no search runs; an operator the
language does not know is a problem too (rather than words), since searching `tag:grief`
as two words would quietly find the wrong posts: quoting it searches the words.

The help page (templates/search/help.html) documents each operator; keep the two together."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db.models import Q

from mindwell.accounts.models import User
from mindwell.qa.models import PostKind
from mindwell.search import analysis
from mindwell.search.index import Expression, Phrase
from mindwell.tags.models import Category

# Longer than anyone types; keeps the work of one query bounded.
MAX_LENGTH = 500
# More terms than this only slows the index down without narrowing anything.
MAX_TERMS = 32
# Bigger than any score or answer count, small enough for any integer column.
MAX_NUMBER = 1_000_000_000

OPERATORS = (
    "category:",
    "user:",
    "score:",
    "answers:",
    "is:",
    "isaccepted:",
    "hasaccepted:",
    "closed:",
    "created:",
    "inquestion:",
)
KNOWN = ", ".join(OPERATORS) + " and [tag]"

_OPERATOR = re.compile(r"([A-Za-z]+):(.+)", re.DOTALL)
_RANGE = re.compile(r"(-?\d+)?(\.\.)?(-?\d+)?")
_DAY = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_YES, _NO = {"yes", "true", "1"}, {"no", "false", "0"}


class Problem(Exception):
    """Why a query cannot be read, in a sentence for the person who typed it."""


@dataclass(frozen=True)
class ParsedQuery:
    """What a query asks. With `problems`, nothing runs: `expression` is None and `filters`
    empty. `expression` None without problems: filters only (or an empty query)."""

    text: str
    expression: Expression | None = None
    filters: Q = field(default_factory=Q)
    problems: tuple[str, ...] = ()
    empty: bool = False
    # The terms to highlight in snippets: the words and phrases looked for.
    highlight: frozenset[str] = frozenset()


@dataclass
class _Parts:
    all_of: list[Phrase] = field(default_factory=list)
    none_of: list[Phrase] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)  # folded words, stop words in them
    filters: Q = field(default_factory=Q)
    has_filter: bool = False

    def narrow(self, condition: Q, *, negated: bool) -> None:
        self.filters &= ~condition if negated else condition
        self.has_filter = True

    def mark(self, term: str, *, negated: bool) -> None:
        (self.none_of if negated else self.all_of).append(Phrase(terms=(term,)))


def parse(text: str, *, user: Any) -> ParsedQuery:
    """Read `text` as the search page's query language, for `user` (`user:me`)."""
    text = text.strip()
    if not text:
        return ParsedQuery(text="", empty=True)
    if len(text) > MAX_LENGTH:
        return ParsedQuery(
            text=text[:MAX_LENGTH],
            problems=(
                f"That search is {len(text):,} characters long; keep it under "
                f"{MAX_LENGTH} (a few words and operators find more than a paragraph).",
            ),
        )
    parts = _Parts()
    problems: list[str] = []
    try:
        tokens = _tokens(text)
    except Problem as problem:
        return ParsedQuery(text=text, problems=(str(problem),))
    for negated, kind, value in tokens:
        try:
            _read(parts, negated=negated, kind=kind, value=value, user=user)
        except Problem as problem:
            problems.append(str(problem))
    if problems:
        return ParsedQuery(text=text, problems=tuple(problems))
    try:
        return _assemble(text, parts)
    except Problem as problem:
        return ParsedQuery(text=text, problems=(str(problem),))


def _tokens(text: str) -> list[tuple[bool, str, str]]:
    """(negated, kind, value) in order; kind is "phrase", "tag" or "chunk" (a word or an
    operator). A quote or a bracket left open is a Problem."""
    tokens: list[tuple[bool, str, str]] = []
    at, end = 0, len(text)
    while at < end:
        if text[at].isspace():
            at += 1
            continue
        negated = text[at] == "-" and at + 1 < end and text[at + 1] in '"['
        if negated:
            at += 1
        opening = text[at]
        if opening in '"[':
            closing = '"' if opening == '"' else "]"
            close = text.find(closing, at + 1)
            if close < 0:
                what = "quote" if opening == '"' else "bracket"
                raise Problem(
                    f"A {what} is opened but never closed (at “{text[at : at + 30]}”): "
                    f"add the closing {closing} or remove the opening one."
                )
            kind = "phrase" if opening == '"' else "tag"
            tokens.append((negated, kind, text[at + 1 : close]))
            at = close + 1
            continue
        stop = at
        while stop < end and not text[stop].isspace() and text[stop] != '"':
            stop += 1
        chunk = text[at:stop]
        negated = chunk.startswith("-") and len(chunk) > 1
        tokens.append((negated, "chunk", chunk[1:] if negated else chunk))
        at = stop
    return tokens


def _read(parts: _Parts, *, negated: bool, kind: str, value: str, user: Any) -> None:
    if kind == "phrase":
        terms = analysis.terms(value)
        if not terms:
            raise Problem(f"The quoted phrase “{value}” has no words in it to look for.")
        (parts.none_of if negated else parts.all_of).append(Phrase(terms=tuple(terms)))
        return
    if kind == "tag":
        name = value.strip().lower().lstrip("#").replace(" ", "-")
        if not name:
            raise Problem("[] is an empty tag: put a tag's name between the brackets, [grief].")
        parts.mark(analysis.tag_term(name), negated=negated)
        return
    operator = _OPERATOR.fullmatch(value)
    if operator is None:
        words = analysis.words(value)
        if negated:
            if words:
                parts.none_of.append(Phrase(terms=tuple(analysis.stem(w) for w in words)))
        elif len(words) > 1:
            # "self-harm", "e.g.": the words together, as typed.
            parts.all_of.append(Phrase(terms=tuple(analysis.stem(w) for w in words)))
        else:
            parts.loose.extend(words)
        return
    _operator(parts, operator.group(1).lower(), operator.group(2), negated=negated, user=user)


def _operator(parts: _Parts, name: str, value: str, *, negated: bool, user: Any) -> None:
    low = value.lower()
    if name == "category":
        category_id = Category.objects.filter(slug=low).values_list("id", flat=True).first()
        if category_id is None:
            raise Problem(
                f"There is no category “{value}”: use the name in a category page's address, "
                "as in category:therapy-relationship."
            )
        parts.mark(analysis.category_term(category_id), negated=negated)
    elif name == "user":
        _user(parts, value, negated=negated, user=user)
    elif name == "score":
        low_score, high_score = _range(value, name="score")
        parts.narrow(_between("score", low_score, high_score), negated=negated)
    elif name == "answers":
        least, most = _range(value, name="answers", least=0)
        condition = Q(kind=PostKind.QUESTION) & _between("answer_count", least, most)
        parts.narrow(condition, negated=negated)
    elif name == "is":
        if low not in ("question", "answer"):
            raise Problem(f"is:{value} is not known: use is:question or is:answer.")
        kind = PostKind.QUESTION if low == "question" else PostKind.ANSWER
        parts.mark(analysis.kind_term(kind), negated=negated)
    elif name == "isaccepted":
        condition = Q(kind=PostKind.ANSWER, is_accepted=_yes(name, value))
        parts.narrow(condition, negated=negated)
    elif name == "hasaccepted":
        condition = Q(kind=PostKind.QUESTION, has_accepted_answer=_yes(name, value))
        parts.narrow(condition, negated=negated)
    elif name == "closed":
        condition = Q(kind=PostKind.QUESTION, closed_at__isnull=not _yes(name, value))
        parts.narrow(condition, negated=negated)
    elif name == "created":
        start, stop = _dates(value)
        condition = Q()
        if start is not None:
            condition &= Q(created_at__gte=start)
        if stop is not None:
            condition &= Q(created_at__lt=stop)
        parts.narrow(condition, negated=negated)
    elif name == "inquestion":
        if not value.isdigit() or len(value) > 12:
            raise Problem(
                f"inquestion:{value} needs a question's number, from its address: inquestion:42."
            )
        parts.mark(analysis.question_term(int(value)), negated=negated)
    else:
        raise Problem(
            f"“{name}:” is not something search knows. It knows {KNOWN}; to look for the "
            f'words themselves, put them in quotes: "{name}:{value}".'
        )


def _user(parts: _Parts, value: str, *, negated: bool, user: Any) -> None:
    """user:ID and user:name find what a member wrote under their name (an anonymous post
    has no author marker, so it is never tied to them); user:me finds one's own posts, the
    anonymous ones too."""
    if value.lower() == "me":
        if not user.is_authenticated:
            raise Problem("user:me finds your own posts once you are signed in.")
        parts.narrow(Q(author_id=user.pk), negated=negated)
        return
    if value.isdigit() and len(value) <= 12:
        member_id = int(value)
    else:
        found = User.objects.filter(username__iexact=value).values_list("id", flat=True).first()
        if found is None:
            raise Problem(
                f"There is no member “{value}”: use user: with a member's username or number, "
                "or user:me."
            )
        member_id = found
    parts.mark(analysis.author_term(member_id), negated=negated)


def _number(text: str, *, name: str) -> int:
    number = int(text)
    if abs(number) > MAX_NUMBER:
        raise Problem(f"{name}:{text} is beyond any {name} here.")
    return number


def _range(value: str, *, name: str, least: int | None = None) -> tuple[int | None, int | None]:
    """3, 3..10, 3.., ..-1 as (low, high), either open."""
    match = _RANGE.fullmatch(value)
    if (
        match is None
        or not (match.group(1) or match.group(3))
        or (match.group(2) is None and match.group(3) is not None)
    ):
        raise Problem(
            f"{name}:{value} is not a number or a range: try {name}:3, {name}:3..10, "
            f"{name}:3.. or {name}:..10."
        )
    low = _number(match.group(1), name=name) if match.group(1) else None
    high = _number(match.group(3), name=name) if match.group(3) else None
    if match.group(2) is None:
        high = low
    if low is not None and high is not None and low > high:
        raise Problem(f"{name}:{value} can match nothing: the first number is the smaller one.")
    if least is not None and (
        (low is not None and low < least) or (high is not None and high < least)
    ):
        raise Problem(f"{name}: counts from {least}; {name}:{value} can match nothing.")
    return low, high


def _between(column: str, low: int | None, high: int | None) -> Q:
    condition = Q()
    if low is not None:
        condition &= Q(**{f"{column}__gte": low})
    if high is not None:
        condition &= Q(**{f"{column}__lte": high})
    return condition


def _yes(name: str, value: str) -> bool:
    if value.lower() in _YES:
        return True
    if value.lower() in _NO:
        return False
    raise Problem(f"{name}:{value} is not known: use {name}:yes or {name}:no.")


def _dates(value: str) -> tuple[datetime | None, datetime | None]:
    """2026, 2026-03, 2026-03-14, and ranges of them (either end open), as the first
    moment in and the first moment after, in UTC. A month means the whole month."""
    start_text, dots, stop_text = value.partition("..")
    start = _period(start_text, value=value)[0] if start_text else None
    if not dots:
        if start is None:
            raise Problem(f"created:{value} is not a date: try created:2026-03.")
        return start, _period(start_text, value=value)[1]
    stop = _period(stop_text, value=value)[1] if stop_text else None
    if start is None and stop is None:
        raise Problem("created:.. needs a date on at least one side: created:2026-01..")
    if start is not None and stop is not None and start >= stop:
        raise Problem(f"created:{value} can match nothing: put the earlier date first.")
    return start, stop


def _period(text: str, *, value: str) -> tuple[datetime, datetime]:
    match = _DAY.fullmatch(text)
    if match is None:
        raise Problem(
            f"created:{value} is not a date: write a year, a month or a day, as in "
            "created:2026, created:2026-03 or created:2026-03-14."
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            first, after = date(year, 1, 1), date(year + 1, 1, 1)
        elif day is None:
            first = date(year, month, 1)
            after = first + timedelta(days=monthrange(year, month)[1])
        else:
            first = date(year, month, day)
            after = first + timedelta(days=1)
    except (ValueError, OverflowError):
        raise Problem(f"created:{value}: “{text}” is not a date on the calendar.") from None
    return (
        datetime(first.year, first.month, first.day, tzinfo=UTC),
        datetime(after.year, after.month, after.day, tzinfo=UTC),
    )


def _assemble(text: str, parts: _Parts) -> ParsedQuery:
    loose = parts.loose
    if any(word not in analysis.STOP_WORDS for word in loose):
        loose = [word for word in loose if word not in analysis.STOP_WORDS]
    seen: set[str] = set()
    all_of = list(parts.all_of)
    for word in loose:
        term = analysis.stem(word)
        if term not in seen:
            seen.add(term)
            all_of.append(Phrase(terms=(term,)))
    count = sum(len(phrase.terms) for phrase in (*all_of, *parts.none_of))
    if count > MAX_TERMS:
        raise Problem(f"That search has {count} words; use at most {MAX_TERMS}.")
    highlight = frozenset(
        term for phrase in all_of for term in phrase.terms if not term.startswith(analysis.MARK)
    )
    if not all_of:
        if parts.none_of and not parts.has_filter:
            raise Problem(
                "That search only leaves things out: add a word to look for, as in "
                "grief -anniversary."
            )
        if not parts.none_of and not parts.has_filter:
            raise Problem("There is nothing to look for in that: add a word.")
        if not parts.none_of:
            return ParsedQuery(text=text, filters=parts.filters)
        # Filters and exclusions only: every document has one of the two kind markers.
        any_of = tuple(Phrase(terms=(analysis.kind_term(k),)) for k in PostKind.values)
        expression = Expression(any_of=any_of, none_of=tuple(parts.none_of))
        return ParsedQuery(text=text, expression=expression, filters=parts.filters)
    # A phrase also asks for its pairs of terms (analysis.pair_term): the same posts, found
    # from the pairs' few postings rather than each word's many.
    pairs = [
        Phrase(terms=(pair,), columns=("marks",))
        for phrase in all_of
        if len(phrase.terms) > 1 and not phrase.terms[0].startswith(analysis.MARK)
        for pair in dict.fromkeys(analysis.pair_terms(phrase.terms))
    ]
    expression = Expression(all_of=(*all_of, *pairs), none_of=tuple(parts.none_of))
    return ParsedQuery(text=text, expression=expression, filters=parts.filters, highlight=highlight)
