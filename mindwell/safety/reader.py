"""Reader controls: what a member chose not to read, and the one place that decides it.

A member mutes words or phrases and hides tags (`/accounts/settings/reading/`, kept as
`ReaderRule` rows by `actions.save_reader_controls`). For such a member:

- a question is hidden when it has a hidden tag, or its title or text holds a muted word
  (whole words, any letter case, a phrase's words separated by any spaces): lists leave it
  out and its page shows why, with "Show it this once";
- an answer or comment whose text holds a muted word is folded behind a notice;
- their own posts are never hidden from them.

For the apps to come (search, notifications), the same rules in three calls:

    rules = reader.rules_for(user)          # None: no controls (no query to know it)
    reader.hides(user, question)            # why it is hidden, or None
    reader.visible_questions(user, qs)      # hidden tags left out in the query; muted words
                                            # then need `rules.keeps(row)` on the rows, or
                                            # keyset_page(..., accept=rules.keeps)

qa's pages ask the same object through `mindwell.qa.reading` (registered in apps.py).
Members with controls have `User.has_reader_controls` set, so the page cache stores their
pages apart from the shared member pages, deciding it with no query (apps.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from mindwell.core.pagecache import shows
from mindwell.qa.models import Authored, Post
from mindwell.safety.models import ReaderRule
from mindwell.safety.topics import READER_CONTROLS

# The cached rules of a member, on the member object of one request.
_CACHE_ATTRIBUTE = "_reader_rules"


def has_reader_controls(user: Any) -> bool:
    """Whether this person has reader controls, from their row: no query."""
    return bool(user.is_authenticated and getattr(user, "has_reader_controls", False))


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for muted phrases: whole words, any letter case, any spaces between a
    phrase's words ("self harm" matches "Self  harm", not "myself harmed")."""
    parts = [
        r"(?<!\w)" + r"\s+".join(re.escape(word) for word in phrase.split()) + r"(?!\w)"
        for phrase in sorted(phrases, key=len, reverse=True)
        if phrase.split()
    ]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@dataclass(frozen=True)
class ReaderRules:
    """One member's reader controls, read once for a request (qa.reading.Choices)."""

    user_id: int
    phrases: tuple[str, ...]
    hidden_tags: dict[int, str]  # id: name
    pattern: re.Pattern[str] | None

    @property
    def hidden_names(self) -> set[str]:
        return set(self.hidden_tags.values())

    @property
    def reads_text(self) -> bool:
        return self.pattern is not None

    @property
    def settings_url(self) -> str:
        return reverse("reader_settings")

    def matches(self, text: str) -> bool:
        return self.pattern is not None and self.pattern.search(text) is not None

    def questions(self, queryset: QuerySet[Post], *, via: str = "") -> QuerySet[Post]:
        """`queryset` without the questions that have a hidden tag (or, with
        `via="question__"`, without the answers to them), the member's own kept."""
        if not self.hidden_tags:
            return queryset
        tagged = Post.tags.through.objects.filter(
            post_id=OuterRef(f"{via}pk"), tag_id__in=list(self.hidden_tags)
        )
        return queryset.filter(Q(**{f"{via}author_id": self.user_id}) | ~Exists(tagged))

    def hides(self, question: Post) -> str | None:
        if question.author_id == self.user_id:
            return None
        if self.hidden_tags:
            hidden = self.hidden_names
            for name in question.tag_list:
                if name in hidden:
                    return f"it is tagged “{name}”"
        # The text is read only when a word is muted (lists load it only then).
        if self.pattern is not None and (
            self.matches(question.title) or self.matches(question.body)
        ):
            return "it contains a word or phrase you muted"
        return None

    def keeps(self, question: Post) -> bool:
        return self.hides(question) is None

    def hides_tag(self, name: str) -> bool:
        return name in self.hidden_names

    def mutes(self, item: Authored) -> bool:
        return (
            self.pattern is not None and item.author_id != self.user_id and self.matches(item.body)
        )


def load_rules(user_id: int) -> ReaderRules:
    """A member's rules, in one query."""
    phrases: list[str] = []
    tags: dict[int, str] = {}
    for phrase, tag_id, tag_name in ReaderRule.objects.filter(user_id=user_id).values_list(
        "phrase", "tag_id", "tag__name"
    ):
        if tag_id is not None:
            tags[tag_id] = tag_name
        else:
            phrases.append(phrase)
    return ReaderRules(user_id, tuple(sorted(phrases)), tags, phrase_pattern(phrases))


def rules_for(user: Any) -> ReaderRules | None:
    """The reader controls of this person, or None when they have none (guests, members
    without: decided from their row, no query). Read once per request, and declared to the
    page being rendered (a stored page goes stale when they change)."""
    if not has_reader_controls(user):
        return None
    shows(READER_CONTROLS(user.pk))
    rules = getattr(user, _CACHE_ATTRIBUTE, None)
    if not isinstance(rules, ReaderRules):
        rules = load_rules(user.pk)
        setattr(user, _CACHE_ATTRIBUTE, rules)
    return rules


def forget_cached(user: Any) -> None:
    """Drop the rules kept on this member object (after they changed)."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def hides(user: Any, question: Post) -> str | None:
    """Why `user`'s reader controls hide `question` ("it is tagged “self-harm”", "it contains
    a word or phrase you muted"), or None. Reads the question's author_id, tag_names, and
    title and body when words are muted."""
    rules = rules_for(user)
    return rules.hides(question) if rules else None


def visible_questions(user: Any, queryset: QuerySet[Post], *, via: str = "") -> QuerySet[Post]:
    """`queryset` without the questions `user` hides by tag (with `via="question__"`, the
    answers to them), in the query. Muted words need the rows: filter them with `hides`,
    or give `rules_for(user).keeps` to keyset_page as `accept`."""
    rules = rules_for(user)
    return rules.questions(queryset, via=via) if rules else queryset
