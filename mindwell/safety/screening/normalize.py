"""From raw text to clauses of normalised words.

Folding: Unicode compatibility forms (NFKD, accents dropped), lower case, curly quotes made
straight, invisible characters removed, emoji and symbols made boundaries (laughing faces
read as "lol"). Words: apostrophes dropped ("don't" -> "dont"), runs of three or more
letters shortened ("sooo" -> "so", "killll" -> "kill"), leetspeak and censoring undone when
that gives a word the rules know ("k1ll", "su*cide"), hyphenated and spelt-out words joined
when that gives one ("un-alive", "k-i-l-l"), spelling variants and slang replaced
(rules/variants.txt), and one typo corrected in the few long words listed there.

Clauses: split at sentence punctuation, commas, quotation marks, symbols and emoji, and before
"but", "because" and the like. Because people write without punctuation, a long run is also
cut into scopes before a new "i ..." that cannot continue it: negation, other people and
"if" reach only within a scope. Words inside quotation marks are marked quoted.

Work is done per stretch of text between two boundaries, with regular expressions doing the
per-character work, so that a 5,000-word post takes milliseconds. Where a word came from is
worked out again only for the few words that reasons quote (Doc.snippet).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from mindwell.safety.screening.rules import RuleSet, word_set

LONGEST_WORD = 40  # longer "words" (a base64 blob, a URL) are kept as one placeholder

_QUOTES = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "\u00a0": " ", "\t": " ", "\r": "\n", "\u2013": "-", "\u2014": "-", "\u2026": ".",
        "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2022": ".", "\u00b7": ".",
    }
)  # fmt: skip
_ONE_FOR_ONE = tuple((chr(code), straight) for code, straight in _QUOTES.items())
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
            folded = ""  # zero-width and format characters hide inside words: drop them
        elif category in ("Cc", "Zl", "Zp"):
            folded = "\n" if char in "\n\x0b\x0c\x1c\x1d\x1e\x85" else " "
        elif category == "Zs":
            folded = " "
        elif category.startswith("S") and char not in "$@*+|<>=^~":
            folded = " . "  # emoji and other symbols: a boundary
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
            folded = folded.translate(_QUOTES) if folded.isascii() else folded
        if len(_fold_cache) < 20_000:
            _fold_cache[char] = folded
    return folded


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, unless it has the same length and order as the original, the
    original position of each folded character."""
    for char, straight in _ONE_FOR_ONE:  # curly quotes and the like (faster than translate)
        if char in text:
            text = text.replace(char, straight)
    if text.isascii():
        return text.lower(), None
    pieces: list[str] = []
    origin: list[int] = []
    done = 0
    for found in _NOT_ASCII.finditer(text):
        start, end = found.span()
        pieces.append(text[done:start].lower())
        origin.extend(range(done, start))
        for position in range(start, end):
            folded = _fold_char(text[position])
            if folded:
                pieces.append(folded)
                origin.extend([position] * len(folded))
        done = end
    pieces.append(text[done:].lower())
    origin.extend(range(done, len(text)))
    return "".join(pieces), origin


# --- words ---------------------------------------------------------------------------------

_WORD = re.compile(r"[$@]?[^\W_]+(?:['!*@$-]+[^\W_]+)*\**")
# Where a stretch of words ends: a sentence (group 1), a comma or a quotation mark (group 2).
# Candidates only (one character class, so the scan is fast); words() decides: "." and "!"
# between letters are part of a word ("k!ll", "k.i.l.l"), a "-" ends a clause only standing
# alone (" - ", "--"), an apostrophe only when it is a quotation mark.
_BOUNDARY = re.compile(r"[.!?;:\n()\[\]{}<>|,\"'-]")
_STOPS = frozenset(".!?;:\n()[]{}<>|-")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s", "!": "i"})  # fmt: skip
_RUN = re.compile(r"([a-z])\1{2,}")
_SPELT_OUT = re.compile(r"(?<![^\W_])[a-z](?:[ .*_-]{1,2}[a-z](?![^\W_])){2}")

SOFT, STOP = 1, 2
# A clause starts at these words...
_SPLIT_BEFORE = frozenset(
    ["but", "because", "cause", "cuz", "coz", "bc", "though", "although", "however",
     "whereas", "anyway", "anyways"]
)  # fmt: skip
# ...and ends after these.
_SPLIT_AFTER = frozenset(["lol", "lmao", "haha", "hahaha", "jk"])
_SPLIT = _SPLIT_BEFORE | _SPLIT_AFTER
_SPLIT_WORDS = re.compile(r"\b(?:" + "|".join(sorted(_SPLIT)) + r")\b")


@dataclass
class Words:
    """Normalised words, where clauses end, and how to find each word in the folded text."""

    folded: str
    origin: list[int] | None  # see fold()
    words: list[str] = field(default_factory=list)
    quoted: bytearray | None = None  # per word, when the text has quotation marks
    breaks: dict[int, int] = field(default_factory=dict)  # word -> SOFT or STOP after it
    # Per stretch between boundaries: its start and end in the folded text, its first word,
    # and (when words were split or joined) the raw word each word came from.
    stretches: list[tuple[int, int, int, list[int] | None]] = field(default_factory=list)


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
        self.single: dict[str, str] = {}  # the raw words that normalise to one word

    def word(self, raw: str) -> tuple[str, ...]:
        """The normalised word(s) for one raw word."""
        found = self.cache.get(raw)
        if found is None:
            found = self._word(raw)
            if len(self.cache) < 50_000:
                self.cache[raw] = found
                if len(found) == 1:
                    self.single[raw] = found[0]
        return found

    def _word(self, raw: str) -> tuple[str, ...]:
        if len(raw) > LONGEST_WORD:
            return ("_",)
        if "-" in raw:
            # "un-alive", "self-harm": one word if that is a known one, else its parts
            joined = self._word(raw.replace("-", ""))
            if len(joined) > 1 or joined[0] in self.vocabulary:
                return joined
            return tuple(w for part in raw.split("-") if part for w in self._word(part))
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
        marks = _quote_marks(folded) if "'" in folded or '"' in folded else set()
        out = Words(folded=folded, origin=origin, quoted=bytearray() if marks else None)
        words, breaks, quoted = out.words, out.breaks, out.quoted
        in_quote = 0
        start = 0
        size = len(folded)
        for at in chain((m.start() for m in _BOUNDARY.finditer(folded)), (size,)):
            char = folded[at] if at < size else ""
            if char in ("'", '"'):
                if at not in marks:
                    continue  # an apostrophe, or a quotation mark left open
            elif char in ".!?":
                if 0 < at < size - 1 and folded[at - 1].isalnum() and folded[at + 1].isalnum():
                    continue  # "k!ll", "k.i.l.l", "2.5"
            elif char == "-":
                alone = (at == 0 or folded[at - 1].isspace() or folded[at - 1] == "-") and (
                    at + 1 == size or folded[at + 1].isspace() or folded[at + 1] == "-"
                )
                if not alone:
                    continue  # "self-harm"
            first = len(words)
            self._stretch(out, start, at)
            if quoted is not None:
                quoted.extend([in_quote] * (len(words) - first))
            if words:
                if char in _STOPS:
                    breaks[len(words) - 1] = STOP
                elif char:
                    breaks.setdefault(len(words) - 1, SOFT)
            if char in ("'", '"'):
                in_quote ^= 1
            start = at + 1
        return out

    def _stretch(self, out: Words, start: int, end: int) -> None:
        """The words between two boundaries, appended to out."""
        chunks = out.folded[start:end].split()
        # The usual stretch, words of letters and digits between spaces: the words are its
        # chunks and no regular expression need look at them.
        runs = chunks if "".join(chunks).isalnum() else _word_runs(chunks)
        raws = chunks if runs is not None else _WORD.findall(out.folded, start, end)
        if not raws:
            return
        first = len(out.words)
        sources: list[int] | None = None
        single = list(map(self.single.get, raws))  # the usual case: one word each
        if None not in single:
            out.words.extend(single)  # type: ignore[arg-type]
        else:
            normal = [self.word(raw) for raw in raws]
            sources = [at for at, found in enumerate(normal) for _ in found]
            out.words.extend(chain.from_iterable(normal))
        # A word spelt out ("k i l l") needs three one-letter words in a row.
        if _letter_run(out.words, first) and _SPELT_OUT.search(out.folded, start, end):
            sources = self._join_spelt_out(out.words, first, sources)
        out.stretches.append((start, end, first, sources))
        if (
            _SPLIT_WORDS.search(out.folded, start, end)
            if runs is None
            else not _SPLIT.isdisjoint(runs)
        ):
            for at in range(first, len(out.words)):
                if out.words[at] in _SPLIT_AFTER:
                    out.breaks.setdefault(at, SOFT)
                elif out.words[at] in _SPLIT_BEFORE and at > first:
                    out.breaks.setdefault(at - 1, SOFT)

    def _join_spelt_out(self, words: list[str], first: int, sources: list[int] | None) -> list[int]:
        """ "k i l l" and "s-u-i-c-i-d-e": runs of single letters that make a known word."""
        sources = sources or list(range(len(words) - first))
        joined: list[str] = []
        joined_sources: list[int] = []
        at = first
        while at < len(words):
            end = at
            while end < len(words) and len(words[end]) == 1 and words[end].isalpha():
                end += 1
            word = "".join(words[at:end])
            if 3 <= end - at <= 12 and len(word) >= 4 and word in self.vocabulary:
                joined.append(word)
                joined_sources.append(sources[at - first])
                at = end
            else:
                stop = max(end, at + 1)
                joined += words[at:stop]
                joined_sources += sources[at - first : stop - first]
                at = stop
        words[first:] = joined
        return joined_sources


def _word_runs(chunks: list[str]) -> list[str] | None:
    """For chunks of letters and digits with apostrophes inside words ("don't"): the raw
    words are the chunks, and these are its runs of letters and digits (what a word boundary
    sees). None for anything else, left to _WORD."""
    joined = " ".join(chunks)
    if not joined or joined[0] == "'" or joined[-1] == "'" or " '" in joined or "' " in joined:
        return None
    runs = joined.replace("'", " ").split()
    return runs if "".join(runs).isalnum() else None


def _letter_run(words: list[str], first: int) -> bool:
    """Whether three one-letter words come in a row from words[first]."""
    if len(words) - first < 3:
        return False
    try:
        return b"\1\1\1" in bytes(map(len, words[first:]))
    except ValueError:  # a word of 256 letters or more
        return True


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

# In a long run without punctuation, a new scope starts at a new subject...
_SUBJECTS = frozenset(["i", "im", "ive", "id", "ill", "its", "theres", "idk", "honestly", "also",
                       "now", "then"])  # fmt: skip
# ...unless the word before binds it to what came before ("that i", "and i", "think i").
_BINDERS = word_set(
    """that if when whenever because cause and or but so than to what how where why who which
    whether think thought know knew feel felt said say says mean meant wish wished hope like
    as until till after before since while maybe guess realise realize is was am are be been
    sure dont not can could would will should of about for with at in on by from"""
)
LONG_RUN = 14
LONGEST_CLAUSE = 40
OVERLAP = 10


class Clause:
    """A run of words that rules match within: its words and, made when first needed, the
    " w1 w2 w3 " string the rules' expressions run on."""

    __slots__ = ("_string", "first", "quoted", "words")

    def __init__(self, first: int, words: list[str], quoted: bool) -> None:
        self.first = first  # index of its first word in Doc.words
        self.words = words
        self.quoted = quoted
        self._string: str | None = None

    @property
    def string(self) -> str:
        if self._string is None:
            self._string = " " + " ".join(self.words) + " "
        return self._string

    def word_at(self, char: int) -> int:
        """The index (in Doc.words) of the word starting at a position of string (or of the
        word after the last, at its end)."""
        return self.first + self.string.count(" ", 0, char) - 1


@dataclass(frozen=True)
class Doc:
    text: str
    words: list[str]
    clauses: list[Clause]
    sentence_of: list[int]  # per word
    clause_of: list[int]  # per word
    scope_of: list[int]  # per word
    source: Words
    spans: dict[Any, list[Any]] = field(default_factory=dict)  # worked out by snippet()

    def snippet(self, first: int, last: int, limit: int = 70) -> str:
        """The original text of words first..last-1, on one line, shortened to limit."""
        start, end = self._span(first)[0], self._span(last - 1)[1]
        origin = self.source.origin
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        piece = " ".join(self.text[start:end].split())
        return piece if len(piece) <= limit else piece[: limit - 1].rstrip() + "…"

    def _span(self, word: int) -> tuple[int, int]:
        """Where a word is in the folded text, from the stretch of text it came from."""
        stretches = self.source.stretches
        if "firsts" not in self.spans:
            self.spans["firsts"] = [s[2] for s in stretches]
        at = bisect_right(self.spans["firsts"], word) - 1
        start, end, first, sources = stretches[at]
        if at not in self.spans:
            self.spans[at] = [m.span() for m in _WORD.finditer(self.source.folded, start, end)]
        spans = self.spans[at]
        raw = sources[word - first] if sources is not None else word - first
        return spans[min(raw, len(spans) - 1)]


def clauses(words: Words, text: str) -> Doc:
    ws = words.words
    count = len(ws)
    breaks = words.breaks
    quoted = words.quoted
    out: list[Clause] = []
    sentence_of: list[int] = []
    scope_of: list[int] = []
    clause_of = [0] * count
    sentence = scopes = 0
    start = 0
    for last in sorted([*breaks, count - 1]):
        if last < start:
            continue
        end = last + 1
        sentence_of.extend([sentence] * (end - start))
        if end - start <= LONG_RUN:  # the usual run: one scope, one clause
            scope_of.extend([scopes] * (end - start))
            scopes += 1
            clause_of[start:end] = [len(out)] * (end - start)
            out.append(Clause(start, ws[start:end], bool(quoted and quoted[start])))
        else:
            for part_first, part_end in _split_long(ws, start, end):
                scope_of.extend([scopes] * (part_end - part_first))
                scopes += 1
            # Longer runs are matched in overlapping pieces: a phrase spans at most OVERLAP
            # words.
            for first in range(start, max(start + 1, end - OVERLAP), LONGEST_CLAUSE - OVERLAP):
                part_end = min(end, first + LONGEST_CLAUSE)
                clause_of[first:part_end] = [len(out)] * (part_end - first)
                out.append(Clause(first, ws[first:part_end], bool(quoted and quoted[first])))
        if breaks.get(last) == STOP:
            sentence += 1
        start = end
    return Doc(
        text=text,
        words=ws,
        clauses=out,
        sentence_of=sentence_of,
        clause_of=clause_of,
        scope_of=scope_of,
        source=words,
    )


def _split_long(words: list[str], first: int, end: int) -> list[tuple[int, int]]:
    if end - first <= LONG_RUN:
        return [(first, end)]
    subjects, binders = _SUBJECTS, _BINDERS
    if subjects.isdisjoint(words[first + 4 : end]):
        return [(first, end)]
    candidates = [
        at
        for at, (before, word) in enumerate(
            zip(words[first + 3 : end - 1], words[first + 4 : end], strict=True), start=first + 4
        )
        if word in subjects and before not in binders
    ]
    parts = []
    start = first
    for at in candidates:
        if at - start >= 4:
            parts.append((start, at))
            start = at
    parts.append((start, end))
    return parts
