"""Reading the spam and pre-moderation rules, and measuring text against them: how many
links a post holds, and which watched words it contains.

Text is measured as readers see it: links are counted in the rendered, sanitised HTML (a
Markdown link, an autolink, an image shown as a link) plus any address left as plain
text, and watched words are matched on the text without its Markdown.
"""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser

from mindwell.moderation.models import RULES_ID, Rules, WatchedWord

# An address written out as text: readers can copy it even when it is not a link.
_BARE_URL = re.compile(r"(?:\bhttps?://|(?<![\w@.-])www\.)[^\s<>]+", re.IGNORECASE)
# Links that leave the site; a relative link (another question here) or mailto is no spam.
_EXTERNAL = re.compile(r"\s*(?:https?:)?//", re.IGNORECASE)


def current() -> Rules:
    """The rules in force: one small query (posting actions only), defaults until saved."""
    return Rules.objects.filter(pk=RULES_ID).first() or Rules(pk=RULES_ID)


class _Reader(HTMLParser):
    """The links and the plain text of rendered post HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links = 0
        self.text: list[str] = []
        self.bare_urls = 0
        self._in_link = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._in_link += 1
            href = dict(attrs).get("href") or ""
            if _EXTERNAL.match(href):
                self.links += 1
        # Block boundaries separate words, as they do on the page.
        self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in_link:
            self._in_link -= 1
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if not self._in_link:
            self.bare_urls += len(_BARE_URL.findall(data))


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def count_links(html: str, *, title: str = "") -> int:
    """How many links to other sites `html` (a post's rendered body) and its `title` hold:
    every link out, and every address written as plain text."""
    reader = _read(html)
    return reader.links + reader.bare_urls + len(_BARE_URL.findall(title))


def plain_text(html: str) -> str:
    """The words of rendered post HTML, without tags or Markdown."""
    return "".join(_read(html).text)


# Each process keeps the watched words compiled, with the Rules.words_version they were
# read at; a change of the words gives a new version, so a stale copy is never used.
_compiled: tuple[str, re.Pattern[str] | None] | None = None
_compiled_lock = threading.Lock()


def _pattern_for(phrase: str) -> str:
    # Whole words only: "ass" must not match "class", nor "pills" "spills".
    words = [re.escape(word) for word in phrase.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def watched_words(rules: Rules) -> re.Pattern[str] | None:
    """The watched words as one pattern (None when there are none), read from the database
    only when they changed since this process last read them."""
    global _compiled
    cached = _compiled
    if cached is not None and cached[0] == rules.words_version:
        return cached[1]
    with _compiled_lock:
        phrases = sorted(
            WatchedWord.objects.values_list("phrase", flat=True), key=len, reverse=True
        )
        pattern = (
            re.compile("|".join(_pattern_for(p) for p in phrases if p.split()), re.IGNORECASE)
            if phrases
            else None
        )
        _compiled = (rules.words_version, pattern)
    return pattern


def matched_words(pattern: re.Pattern[str] | None, text: str) -> set[str]:
    """The watched words and phrases found in `text`, in lower case with single spaces."""
    if pattern is None:
        return set()
    return {" ".join(match.group(0).lower().split()) for match in pattern.finditer(text)}


def normalise_phrase(phrase: str) -> str:
    """How a watched word is kept: trimmed, single spaces, lower case."""
    return " ".join((phrase or "").split()).lower()
