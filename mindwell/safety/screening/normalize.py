"""From raw text to clauses of normalised words, each word remembering where it came from.

Folding: Unicode compatibility forms (NFKD, accents dropped), lower case, curly quotes made
straight, invisible characters removed. Words: apostrophes dropped ("don't" -> "dont"), runs
of three or more letters shortened ("sooo" -> "so", "killll" -> "kill"), leetspeak and
censoring undone when that gives a word the rules know ("k1ll", "su*cide"), letters spelt
out joined ("k-i-l-l"), spelling variants and slang replaced (rules/variants.txt), and one
typo corrected in the few long words listed there.

Clauses: split at sentence punctuation, commas, quotation marks, symbols and emoji, before
"but", "because" and the like, and, because people write without punctuation, in long runs
before a new "i ..." or "my ..." that cannot continue the clause. Words inside quotation
marks are marked quoted.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from mindwell.safety.screening.rules import RuleSet

LONGEST_WORD = 40  # longer "words" (a base64 blob, a URL) are kept as one placeholder

_QUOTES = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "\u00a0": " ", "\t": " ", "\r": "\n",
    }
)  # fmt: skip
# Laughing faces read as "lol" (a joke marker); every other emoji or symbol ends a clause.
_LAUGHS = frozenset("😂🤣😆😹💀😜🙃")
_fold_cache: dict[str, str] = {}


def _fold_char(char: str) -> str:
    folded = _fold_cache.get(char)
    if folded is None:
        category = unicodedata.category(char)
        if char in _LAUGHS:
            folded = " lol . "
        elif category in ("Cf", "Cs", "Co", "Cn") or char == "\u00ad":
            folded = ""
        elif category in ("Cc", "Zl", "Zp"):
            folded = "\n" if char in "\n\x0b\x0c\x1c\x1d\x1e\x85" else " "
        elif category == "Zs":
            folded = " "
        elif category.startswith("S") and char not in "$@*+|<>=^~":
            folded = " . "  # emoji and other symbols: a boundary
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
            folded = folded.translate(_QUOTES)
        if len(_fold_cache) < 20_000:
            _fold_cache[char] = folded
    return folded


def fold(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, unless it is the same length and order as the original (ASCII),
    the original position of each folded character."""
    if text.isascii():
        return text.lower().translate(_QUOTES), None
    pieces: list[str] = []
    origin: list[int] = []
    for position, char in enumerate(text):
        folded = char.lower().translate(_QUOTES) if char.isascii() else _fold_char(char)
        if folded:
            pieces.append(folded)
            origin.extend([position] * len(folded))
    return "".join(pieces), origin


# --- words ---------------------------------------------------------------------------------

_SCAN = re.compile(
    r"(?P<word>[$@]?[^\W_]+(?:['!*@$]+[^\W_]+)*\**)"
    r"|(?P<stop>[.!?;:\n…()\[\]{}<>|•]|\s-+\s|--+)"
    r"|(?P<comma>,)"
    r"|(?P<quote>[\"'])"
)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s", "!": "i"})  # fmt: skip
_RUN = re.compile(r"([a-z])\1{2,}")
_LETTER_SPLIT = re.compile(r"[ .\-*_]{1,2}")


@dataclass
class Words:
    """Normalised words with the original span of each."""

    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    # Where clauses end: "stop" (sentence), "soft" (comma, quotation mark), after that index.
    breaks: dict[int, str] = field(default_factory=dict)


class Normaliser:
    def __init__(self, rules: RuleSet) -> None:
        self.vocabulary = rules.vocabulary
        self.variants = rules.variants
        self.by_length: dict[int, list[str]] = {}
        for word in sorted(self.vocabulary):
            self.by_length.setdefault(len(word), []).append(word)
        # One typo: every word with one letter deleted points back to its fuzzy word.
        self.deletions: dict[str, str] = {}
        for word in sorted(rules.fuzzy):
            self.deletions.setdefault(word, word)
            for at in range(len(word)):
                self.deletions.setdefault(word[:at] + word[at + 1 :], word)
        self.cache: dict[str, tuple[str, ...]] = {}

    def word(self, raw: str) -> tuple[str, ...]:
        """The normalised word(s) for one raw word."""
        found = self.cache.get(raw)
        if found is None:
            found = self._word(raw)
            if len(self.cache) < 50_000:
                self.cache[raw] = found
        return found

    def _word(self, raw: str) -> tuple[str, ...]:
        if len(raw) > LONGEST_WORD:
            return ("_",)
        word = raw.replace("'", "")
        known = self.vocabulary
        if not word.isalpha() and not word.isdigit():
            word = self._decode(word)
        if _RUN.search(word):
            twice = _RUN.sub(r"\1\1", word)
            once = _RUN.sub(r"\1", word)
            word = once if once in known and twice not in known else twice
            if word not in known and once in known:
                word = once
        if word in self.variants:
            return self.variants[word]
        if word not in known and len(word) >= 5 and word.isalpha():
            corrected = self.deletions.get(word) or self._one_typo(word)
            if corrected:
                return self.variants.get(corrected, (corrected,))
        return (word,)

    def _decode(self, word: str) -> str:
        """Leetspeak and censoring, undone only when the result is a word the rules know."""
        letters = sum(char.isalpha() for char in word)
        if letters == 0:
            return word
        if "*" in word.strip("*"):
            stars = word.count("*")
            if letters >= 2 and stars <= 2:
                shape = re.compile(re.escape(word).replace(r"\*", "[a-z]"))
                for candidate in self.by_length.get(len(word), ()):
                    if shape.fullmatch(candidate):
                        return candidate
        decoded = word.translate(_LEET)
        if decoded in self.vocabulary:
            return decoded
        return word.strip("*!@$") or word

    def _one_typo(self, word: str) -> str | None:
        for at in range(len(word)):
            found = self.deletions.get(word[:at] + word[at + 1 :])
            if found and abs(len(found) - len(word)) <= 1:
                return found
        return None

    def words(self, text: str) -> Words:
        folded, origin = fold(text)
        quotes = _quote_marks(folded)
        out = Words()
        in_quote = False

        def boundary(kind: str) -> None:
            if out.words:
                last = len(out.words) - 1
                if out.breaks.get(last) != "stop":
                    out.breaks[last] = kind

        for found in _SCAN.finditer(folded):
            kind = found.lastgroup
            if kind == "word":
                start, end = found.span()
                first, last = (origin[start], origin[end - 1] + 1) if origin else (start, end)
                for word in self.word(found.group()):
                    out.words.append(word)
                    out.starts.append(first)
                    out.ends.append(last)
                    out.quoted.append(in_quote)
            elif kind == "stop":
                boundary("stop")
            elif kind == "comma":
                boundary("soft")
            elif found.start() in quotes:
                in_quote = not in_quote
                boundary("soft")
        self._join_spelt_out(out, folded, origin)
        return out

    def _join_spelt_out(self, out: Words, folded: str, origin: list[int] | None) -> None:
        """ "k i l l" and "s-u-i-c-i-d-e": runs of single letters that make a known word."""
        words = out.words
        at = 0
        while at < len(words) - 2:
            if len(words[at]) != 1 or not words[at].isalpha():
                at += 1
                continue
            end = at + 1
            while end < len(words) and len(words[end]) == 1 and words[end].isalpha():
                end += 1
            joined = "".join(words[at:end])
            if end - at >= 3 and len(joined) >= 4 and joined in self.vocabulary:
                out.words[at:end] = [joined]
                out.starts[at:end] = [out.starts[at]]
                out.ends[at:end] = [out.ends[end - 1]]
                out.quoted[at:end] = [out.quoted[at]]
                shift = end - at - 1
                out.breaks = {
                    (key - shift if key >= end else key): kind
                    for key, kind in out.breaks.items()
                    if not at <= key < end - 1
                }
            at += 1


def _quote_marks(folded: str) -> set[int]:
    """Positions of quotation marks that open or close a quote (paired, within 400 chars);
    apostrophes in words and unpaired marks are not among them."""
    marks: set[int] = set()
    doubles = [m.start() for m in re.finditer('"', folded)]
    for opening, closing in zip(doubles[::2], doubles[1::2], strict=False):
        if closing - opening <= 400:
            marks.update((opening, closing))
    opening_at: int | None = None
    for found in re.finditer("'", folded):
        at = found.start()
        before = folded[at - 1] if at else " "
        after = folded[at + 1] if at + 1 < len(folded) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, i'm
        if opening_at is None:
            if not before.isalnum() and after.isalnum():
                opening_at = at
        elif before.isalnum() or before in ".!?,":
            if not after.isalnum():
                if at - opening_at <= 400:
                    marks.update((opening_at, at))
                opening_at = None
        elif not before.isalnum() and after.isalnum():
            opening_at = at
    return marks


# --- clauses -------------------------------------------------------------------------------

# A clause starts at these words...
_SPLIT_BEFORE = frozenset(
    "but because cause cuz coz bc though although however except whereas anyway anyways".split()
)
_SPLIT_AFTER = frozenset("lol lmao haha hahaha jk".split())
# ...and, in a long run without punctuation, at a new subject that cannot continue it.
_SUBJECTS = frozenset("i im ive id ill its theres idk honestly also now then".split())
_BINDERS = frozenset(
    "that if when whenever because cause and or but so than to what how where why who which "
    "whether think thought know knew feel felt said say says mean meant wish wished hope like "
    "as until till after before since while maybe guess realise realize is was am are be been "
    "sure dont not can could would will should of about for with at in on by from".split()
)
LONG_RUN = 14
LONGEST_CLAUSE = 40
OVERLAP = 10


@dataclass(frozen=True)
class Clause:
    first: int  # index of its first word in Doc.words
    words: tuple[str, ...]
    sentence: int
    quoted: bool
    string: str  # " w1 w2 w3 ", what the rules' expressions match
    offsets: tuple[int, ...]  # where each word starts in string

    def word_at(self, char: int) -> int:
        """The index (in Doc.words) of the word starting at or after a position of string."""
        return self.first + bisect_left(self.offsets, char)


@dataclass(frozen=True)
class Doc:
    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    clauses: tuple[Clause, ...]
    sentence_of: tuple[int, ...]  # per word
    clause_of: tuple[int, ...]  # per word
    # Per word: its scope, a clause cut further where a long run without punctuation starts
    # a new "i ..."; negation, other people and "if" reach only within a scope.
    scope_of: tuple[int, ...]

    def snippet(self, first: int, last: int, limit: int = 70) -> str:
        """The original text of words first..last-1, on one line, shortened to limit."""
        piece = " ".join(self.text[self.starts[first] : self.ends[last - 1]].split())
        return piece if len(piece) <= limit else piece[: limit - 1].rstrip() + "…"


def clauses(words: Words, text: str) -> Doc:
    pieces: list[tuple[int, int, int]] = []  # first, end, sentence
    sentence = 0
    start = 0
    count = len(words.words)
    for at in range(count):
        word = words.words[at]
        end_here = at in words.breaks or at == count - 1
        quoted_change = at + 1 < count and words.quoted[at + 1] != words.quoted[at]
        if word in _SPLIT_AFTER or end_here or quoted_change:
            pieces.append((start, at + 1, sentence))
            start = at + 1
            if words.breaks.get(at) == "stop":
                sentence += 1
        elif at + 1 < count and words.words[at + 1] in _SPLIT_BEFORE and at + 1 > start:
            pieces.append((start, at + 1, sentence))
            start = at + 1
    out: list[Clause] = []
    sentence_of = [0] * count
    clause_of = [0] * count
    scope_of = [0] * count
    scopes = 0
    for first, end, in_sentence in pieces:
        for part_first, part_end in _split_long(words.words, first, end):
            for at in range(part_first, part_end):
                scope_of[at] = scopes
            scopes += 1
        # Longer runs are matched in overlapping pieces: a phrase spans at most OVERLAP words.
        for part_first in range(first, max(first + 1, end - OVERLAP), LONGEST_CLAUSE - OVERLAP):
            part_end = min(end, part_first + LONGEST_CLAUSE)
            part = tuple(words.words[part_first:part_end])
            offsets = []
            position = 1
            for word in part:
                offsets.append(position)
                position += len(word) + 1
            for at in range(part_first, part_end):
                sentence_of[at] = in_sentence
                clause_of[at] = len(out)
            out.append(
                Clause(
                    first=part_first,
                    words=part,
                    sentence=in_sentence,
                    quoted=words.quoted[part_first],
                    string=" " + " ".join(part) + " ",
                    offsets=tuple(offsets),
                )
            )
    return Doc(
        text=text,
        words=tuple(words.words),
        starts=tuple(words.starts),
        ends=tuple(words.ends),
        clauses=tuple(out),
        sentence_of=tuple(sentence_of),
        clause_of=tuple(clause_of),
        scope_of=tuple(scope_of),
    )


def _split_long(words: list[str], first: int, end: int) -> list[tuple[int, int]]:
    if end - first <= LONG_RUN:
        return [(first, end)]
    parts = []
    start = first
    for at in range(first + 1, end):
        long_enough = at - start >= 4
        if long_enough and words[at] in _SUBJECTS and words[at - 1] not in _BINDERS:
            parts.append((start, at))
            start = at
    parts.append((start, end))
    return parts
