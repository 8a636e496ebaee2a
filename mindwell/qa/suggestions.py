"""Questions qa's pages suggest that another app finds: the extension point of similar
questions (beside the ask form's preview) and related questions (beside a question).
Search fills it in its ready() with `register`; qa knows only this face, and without it the
pages show no suggestions.

`for_draft` runs in the request (it must be fast: search bounds it). Related questions
cost the question page no query: `related_rows` gives a condition and a rank that the page
adds to the query it runs anyway for the answers (as it does for the duplicates), so the
titles, answer counts and whether each is still live are read as they are now."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse


@dataclass(frozen=True)
class Suggestion:
    """A question to suggest, with what a hint shows of it."""

    id: int
    title: str
    url: str
    answer_count: int
    has_accepted_answer: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "answer_count": self.answer_count,
            "has_accepted_answer": self.has_accepted_answer,
        }


@dataclass(frozen=True)
class RelatedRows:
    """For a question page's query of posts: `where` selects the related questions (live,
        seen by anyone), `rank` is their place (1 is best) and NULL for every other row; the page
    declares `shows(id)` for each one it shows."""

    where: Q
    rank: Any  # an expression for .annotate()
    shows: Callable[[int], str]  # the page-cache topic a page declares per question shown


ForDraft = Callable[[str, str, Sequence[str]], list[Suggestion]]
RelatedTo = Callable[[int], RelatedRows]


@dataclass(frozen=True)
class Suggester:
    for_draft: ForDraft  # (title, body, tag names) -> best first
    related_to: RelatedTo  # question id -> its related questions, as part of a query
    draft_url_name: str  # the URL where the ask page's script asks for_draft (?title=&body=)


_suggesters: list[Suggester] = []


def register(suggester: Suggester) -> None:
    """Install the one suggester (mindwell.search does, in its ready())."""
    _suggesters[:] = [suggester]


def for_draft(*, title: str, body: str = "", tags: Sequence[str] = ()) -> list[Suggestion]:
    return _suggesters[0].for_draft(title, body, tags) if _suggesters else []


def related_rows(question_id: int) -> RelatedRows | None:
    return _suggesters[0].related_to(question_id) if _suggesters else None


def draft_url() -> str:
    """Where the ask page's script fetches hints, or "" when nobody suggests."""
    return reverse(_suggesters[0].draft_url_name) if _suggesters else ""
