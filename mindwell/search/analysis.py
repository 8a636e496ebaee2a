"""How text becomes index terms, the same for what is indexed and what is asked, on both
databases: lower-cased, accents folded, split into letters-and-digits words, each reduced to
its Snowball English stem ("attached" and "attachment" are both "attach"). The databases
only store and match the terms (FTS5's plain tokenizer, PostgreSQL's `simple`
configuration), so SQLite and PostgreSQL find the same posts for the same query.

Filters that must be exact (a tag, a category, an author, a question) are indexed as
marker terms no word can produce: `MARK` followed by a letter for what it marks and an id or
a digest, e.g. `zqt3f9a...` for a tag; so are pairs of terms side by side (`pair_term`)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import Stemmer

WORD = re.compile(r"[^\W_]+")
# A word this long is not a word (a URL's path, a hash): indexing it only costs space.
LONGEST_WORD = 40
MARK = "zq"

# Words too common to narrow a search. They stay in the index, so phrases with them match,
# but a query's loose words leave them out.
_STOP = """a about after again all am an and any are as at be because been before being but by
    can could did do does doing for from had has have having he her here hers him his how i
    if in into is it its just me more most my myself no nor not of off on once only or other
    our out over own same she should so some such than that the their them then there these
    they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours"""
STOP_WORDS = frozenset(_STOP.split())

_stemmer = Stemmer.Stemmer("english")


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: "Don't" and "dont", "café" and "cafe" match."""
    text = text.casefold()
    if not text.isascii():  # most text is: it has no accents to fold
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    return text.replace("'", "").replace("\u2019", "")


def words(text: str) -> list[str]:
    """The words of `text`, folded, in order."""
    return [word for word in WORD.findall(fold(text)) if len(word) <= LONGEST_WORD]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The index term of one folded word."""
    term: str = _stemmer.stemWord(word)
    # A word that looks like a marker term is indexed under another term, so it can never
    # match a tag, a category or an author filter.
    return "x" + term if term.startswith(MARK) else term


def terms(text: str) -> list[str]:
    """The index terms of `text`, in order (phrases need the order)."""
    return [stem(word) for word in words(text)]


STOP_TERMS = frozenset(terms(" ".join(STOP_WORDS)))


@lru_cache(maxsize=50_000)
def word_terms(word: str) -> frozenset[str]:
    """The index terms of one word as written (highlighting asks this of every word)."""
    return frozenset(terms(word))


@lru_cache(maxsize=4096)
def tag_term(name: str) -> str:
    return f"{MARK}t" + hashlib.sha1(name.casefold().encode()).hexdigest()[:16]


def category_term(category_id: int) -> str:
    return f"{MARK}c{category_id}"


def author_term(user_id: int) -> str:
    return f"{MARK}u{user_id}"


def question_term(question_id: int) -> str:
    return f"{MARK}q{question_id}"


def kind_term(kind: str) -> str:
    """`kind` is qa's PostKind value: "q" or "a"."""
    return f"{MARK}k{kind}"


@lru_cache(maxsize=200_000)
def pair_term(first: str, second: str) -> str:
    """Two terms side by side, as one marker term. Documents hold the pairs of their
    columns (documents.build), and a quoted phrase also asks for its pairs: the databases
    then start from the few posts holding the words together, not from every post holding
    each (the words' positions are still checked)."""
    digest = hashlib.blake2b(f"{first} {second}".encode(), digest_size=5).hexdigest()
    return f"{MARK}p{digest}"


def pair_terms(sequence: Sequence[str]) -> list[str]:
    """The pair terms of a sequence of terms, in order, leaving out a pair with a stop word
    in it: those are most pairs, and a phrase is seldom rare for its stop words."""
    return [
        pair_term(first, second)
        for first, second in pairwise(sequence)
        if first not in STOP_TERMS and second not in STOP_TERMS
    ]
