"""What a member chose not to read, as qa's pages ask it: the extension point of reader
controls. Safety keeps and decides them (mindwell.safety.reader); qa knows only this face.

One app above qa registers a reader with `register_reader` in its ready(): a function from
the person to their `Choices`, or None when they made none. Each page asks `choices_of(user)`
once. Guests and members without controls get None, decided from the member's row with no
query, and their pages are exactly what they were. For the others a page
- leaves hidden questions out of its query (`Choices.questions`: hidden tags) and out of its
  rows (`Choices.keeps`: muted words, given to keyset_page as `accept`),
- shows a question that `Choices.hides` as a notice with "Show it this once",
- folds answers and comments that `Choices.mutes` behind a notice.
A member's own posts are never hidden from them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from django.db.models import QuerySet

from mindwell.qa.models import Authored, Post


class Choices(Protocol):
    """One member's reader controls, read once for a request."""

    @property
    def reads_text(self) -> bool:
        """Whether `keeps` and `hides` read a question's text (a list then loads it)."""
        ...

    @property
    def settings_url(self) -> str:
        """Where the member changes them."""
        ...

    def questions(self, queryset: QuerySet[Post], *, via: str = "") -> QuerySet[Post]:
        """`queryset` without the questions hidden by their tags, in the query; with
        `via="question__"`, without the answers to them."""
        ...

    def hides(self, question: Post) -> str | None:
        """Why `question` is hidden from this member ("it is tagged “self-harm”"), or None."""
        ...

    def keeps(self, question: Post) -> bool:
        """Whether a list shows `question` to this member (not `hides`)."""
        ...

    def hides_tag(self, name: str) -> bool:
        """Whether this member hides every question with this tag."""
        ...

    def mutes(self, item: Authored) -> bool:
        """Whether an answer's or comment's text holds a word this member muted."""
        ...


Reader = Callable[[Any], Choices | None]

_readers: list[Reader] = []


def register_reader(reader: Reader) -> None:
    """Install the one reader (mindwell.safety does, in its ready())."""
    _readers[:] = [reader]


def choices_of(user: Any) -> Choices | None:
    """The reader controls of this person, or None (guests, members without any)."""
    if not _readers or not user.is_authenticated:
        return None
    return _readers[0](user)
