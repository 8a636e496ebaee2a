"""The rule files (rules/*.txt) and the small phrase language they are written in.

A phrase matches whole words of normalised text (see normalize.py), left to right:

    word          that word                    kill*      a word starting "kill"
    (a|b c)       one of the alternatives      [a b]      optional words
    (a|b)?        optional alternatives        {name}     a macro from macros.txt
    ~  ~5         a gap of up to 3 (or 5) words
    !word  !(a|b) the next word is not this (looks, consumes nothing)

A phrase compiles to a regular expression over " tok tok tok " in which every element
consumes whole "tok " units and every gap is bounded, so matching is linear in the length
of a clause: no input can make it backtrack catastrophically. Each phrase also gets an
anchor: a set of literal words of which any match must contain one, so that only the phrases
whose anchor occurs in a clause are tried on it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list (easier to read and edit than a list literal)."""
    return frozenset(text.split())


# Words too common to pick a phrase out of a clause: a phrase is indexed by one of its
# mandatory literal words, preferring words outside this list.
COMMON = word_set(
    "a an and are as at be been being but by can cant do dont for from get go going got "
    "had has have he her him his how i id if ill im in is it its ive just like me my "
    "no not of on or out so that the them then there they this to up was we what when "
    "with you your youre"
)


class RuleError(ValueError):
    """A rule file that does not parse; names the file and the line."""


# --- the phrase language -------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    prefix: bool = False  # "kill*"


@dataclass(frozen=True)
class Alts:
    branches: tuple[tuple[Node, ...], ...]


@dataclass(frozen=True)
class Maybe:
    inner: Node


@dataclass(frozen=True)
class Gap:
    most: int


@dataclass(frozen=True)
class NotNext:
    inner: Node


Node = Word | Alts | Maybe | Gap | NotNext

_TOKEN = re.compile(r"\s*(\(|\)|\[|\]|\||\?|!|~\d*|\{[a-z_]+\}|[a-z0-9]+\*?)")


class _Parser:
    def __init__(self, source: str, macros: dict[str, str], depth: int = 0) -> None:
        self.source = source.strip()
        self.macros = macros
        self.depth = depth
        self.tokens: list[str] = []
        position = 0
        while position < len(self.source):
            found = _TOKEN.match(self.source, position)
            if not found:
                raise RuleError(f"cannot read {self.source[position:]!r}")
            self.tokens.append(found.group(1))
            position = found.end()
            while position < len(self.source) and self.source[position].isspace():
                position += 1
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> tuple[Node, ...]:
        sequence = self.sequence()
        if self.peek() is not None:
            raise RuleError(f"unexpected {self.peek()!r}")
        if not sequence:
            raise RuleError("empty phrase")
        return sequence

    def sequence(self) -> tuple[Node, ...]:
        nodes: list[Node] = []
        while self.peek() not in (None, ")", "]", "|"):
            nodes.extend(self.element())
        return tuple(nodes)

    def element(self) -> tuple[Node, ...]:
        token = self.take()
        nodes: tuple[Node, ...]
        if token == "!":
            inner = self.element()
            if len(inner) != 1:
                raise RuleError("! takes one word or one group")
            return (NotNext(inner[0]),)
        if token == "(":
            branches = [self.sequence()]
            while self.peek() == "|":
                self.take()
                branches.append(self.sequence())
            if self.peek() != ")":
                raise RuleError("missing )")
            self.take()
            if any(not branch for branch in branches):
                raise RuleError("empty alternative")
            nodes = (Alts(tuple(branches)),)
        elif token == "[":
            inner = self.sequence()
            if self.peek() != "]":
                raise RuleError("missing ]")
            self.take()
            return (Maybe(Alts((inner,))),)
        elif token.startswith("{"):
            name = token[1:-1]
            if name not in self.macros:
                raise RuleError(f"unknown macro {{{name}}}")
            if self.depth > 5:
                raise RuleError("macros nest too deep")
            nodes = _Parser(self.macros[name], self.macros, self.depth + 1).parse()
            if len(nodes) > 1:
                nodes = (Alts((nodes,)),)
        elif token.startswith("~"):
            return (Gap(int(token[1:]) if len(token) > 1 else 3),)
        elif token in (")", "]", "|", "?"):
            raise RuleError(f"unexpected {token!r}")
        else:
            nodes = (Word(token.rstrip("*"), prefix=token.endswith("*")),)
        if self.peek() == "?":
            self.take()
            return (Maybe(nodes[0]),)
        return nodes


def to_regex(nodes: tuple[Node, ...]) -> str:
    return "".join(_node_regex(node) for node in nodes)


def _node_regex(node: Node) -> str:
    if isinstance(node, Word):
        return re.escape(node.text) + ("[^ ]* " if node.prefix else " ")
    if isinstance(node, Alts):
        return "(?:" + "|".join(to_regex(branch) for branch in node.branches) + ")"
    if isinstance(node, Maybe):
        return "(?:" + _node_regex(node.inner) + ")?"
    if isinstance(node, Gap):
        return f"(?:[^ ]+ ){{0,{node.most}}}"
    return "(?!" + _node_regex(node.inner) + ")"


def words_in(nodes: tuple[Node, ...]) -> set[str]:
    """Every literal word a phrase can match (the vocabulary normalisation corrects towards)."""
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, Word) and not node.prefix:
            found.add(node.text)
        elif isinstance(node, Alts):
            for branch in node.branches:
                found |= words_in(branch)
        elif isinstance(node, Maybe | NotNext):
            found |= words_in((node.inner,))
    return found


def anchor(nodes: tuple[Node, ...]) -> frozenset[str] | None:
    """A set of words one of which every match contains, as rare as the phrase allows."""
    best: frozenset[str] | None = None
    for node in nodes:
        candidate = _mandatory_words(node)
        if candidate is not None and (best is None or _cost(candidate) < _cost(best)):
            best = candidate
    return best


def _mandatory_words(node: Node) -> frozenset[str] | None:
    if isinstance(node, Word):
        return None if node.prefix else frozenset([node.text])
    if isinstance(node, Alts):
        union: set[str] = set()
        for branch in node.branches:
            words = anchor(branch)
            if words is None:
                return None
            union |= words
        return frozenset(union)
    return None


def _single_words(nodes: tuple[Node, ...]) -> frozenset[str] | None:
    """The words of a phrase that is one word, or one of several single words."""
    if len(nodes) != 1:
        return None
    node = nodes[0]
    if isinstance(node, Word) and not node.prefix:
        return frozenset([node.text])
    if isinstance(node, Alts) and all(
        len(b) == 1 and isinstance(b[0], Word) and not b[0].prefix for b in node.branches
    ):
        return frozenset(b[0].text for b in node.branches if isinstance(b[0], Word))
    return None


def edge_words(nodes: tuple[Node, ...], *, last: bool = False) -> frozenset[str] | None:
    """The words a match can begin with (or end with, when last), or None when it can be
    any word (a gap, a word prefix)."""
    words, empty = _sequence_edge(nodes, last)
    return None if words is None or empty else frozenset(words)


def _sequence_edge(nodes: tuple[Node, ...], last: bool) -> tuple[set[str] | None, bool]:
    """The first (last) words of a sequence, and whether it can match no word at all."""
    found: set[str] = set()
    for node in reversed(nodes) if last else nodes:
        words, empty = _node_edge(node, last)
        if words is None:
            return None, False
        found |= words
        if not empty:
            return found, False
    return found, True


def _node_edge(node: Node, last: bool) -> tuple[set[str] | None, bool]:
    if isinstance(node, Word):
        return (None, False) if node.prefix else ({node.text}, False)
    if isinstance(node, Alts):
        found: set[str] = set()
        can_be_empty = False
        for branch in node.branches:
            words, empty = _sequence_edge(branch, last)
            if words is None:
                return None, False
            found |= words
            can_be_empty = can_be_empty or empty
        return found, can_be_empty
    if isinstance(node, Maybe):
        return _node_edge(node.inner, last)[0], True
    if isinstance(node, Gap):
        return None, False
    return set(), True  # NotNext consumes no word


def _cost(words: frozenset[str]) -> tuple[int, int, int]:
    """How often a set of anchor words is likely to occur: common words first, then more
    words, then shorter words (longer words are rarer)."""
    return (sum(word in COMMON for word in words), len(words), -sum(map(len, words)))


# --- the files -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One phrase of a rule file, with what its group says about it."""

    category: str  # the file: crisis, method, incitement, context
    group: str  # the group's label, shown in reasons
    kind: str  # context files: what the marker means (past, joke, ...); else the category
    weight: float
    tense: str  # present | past | any
    source: str
    where: str  # file:line
    regex: re.Pattern[str]
    anchor: frozenset[str]
    single: frozenset[str] | None  # a phrase of one word among these: looked up, not matched
    # Every match holds a word of each of these sets: a clause lacking one is not tried.
    requires: tuple[frozenset[str], ...]
    # A phrase at the start (end) of a clause: the words its first (last) word can be.
    starts: frozenset[str] | None = None
    ends: frozenset[str] | None = None


def _read_lines(path: Path) -> list[tuple[int, str]]:
    lines = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            lines.append((number, line))
    return lines


def load_macros(path: Path) -> dict[str, str]:
    macros: dict[str, str] = {}
    for number, line in _read_lines(path):
        name, sep, body = line.partition("=")
        if not sep or not re.fullmatch(r"[a-z_]+", name.strip()):
            raise RuleError(f"{path.name}:{number}: expected 'name = phrase'")
        macros[name.strip()] = body.strip().replace("'", "")
    return macros


def load_variants(path: Path) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Spelling variants ("sucide => suicide") and the words worth correcting one typo in."""
    variants: dict[str, tuple[str, ...]] = {}
    fuzzy: set[str] = set()
    for number, line in _read_lines(path):
        if line.startswith("@fuzzy "):
            fuzzy.update(line.split()[1:])
            continue
        left, sep, right = line.partition("=>")
        targets = tuple(right.split())
        if not sep or not targets:
            raise RuleError(f"{path.name}:{number}: expected 'variant variant => replacement'")
        for variant in left.split():
            variants[variant] = targets
    return variants, frozenset(fuzzy)


_GROUP = re.compile(r"@group\s+(?P<label>[^;]+?)\s*((?:;\s*[a-z]+\s*=\s*[^;]+)*)$")


def load_rules(path: Path, macros: dict[str, str]) -> list[Rule]:
    category = path.stem
    rules: list[Rule] = []
    label: str | None = None
    settings: dict[str, str] = {}
    for number, line in _read_lines(path):
        where = f"{path.name}:{number}"
        if line.startswith("@group"):
            found = _GROUP.match(line)
            if not found:
                raise RuleError(f"{where}: expected '@group label; weight=2; tense=present'")
            label = found.group("label")
            settings = {}
            for part in found.group(2).split(";")[1:]:
                key, _, value = part.partition("=")
                settings[key.strip()] = value.strip()
            unknown = set(settings) - {"weight", "tense", "kind"}
            if unknown:
                raise RuleError(f"{where}: unknown setting {sorted(unknown)}")
            if settings.get("tense", "any") not in ("present", "past", "any"):
                raise RuleError(f"{where}: tense is present, past or any")
            continue
        if label is None:
            raise RuleError(f"{where}: a phrase before the first @group")
        start, end = "(?<= )", ""
        phrase = line.replace("'", "")  # as in the normalised text: "won't" is "wont"
        if phrase.startswith("^ "):  # at the start of a clause
            start, phrase = "(?<=^ )", phrase[2:]
        if phrase.endswith("$"):  # at the end of a clause
            end, phrase = "$", phrase[:-1]
        try:
            nodes = _Parser(phrase, macros).parse()
        except RuleError as error:
            raise RuleError(f"{where}: {error}") from None
        plain = (start, end) == ("(?<= )", "")
        parts = [nodes]
        if plain and len(nodes) == 1 and isinstance(nodes[0], Alts):
            # "(now|again|right now)": the one-word choices are looked up, the rest matched
            one = [b for b in nodes[0].branches if len(b) == 1 and _single_words(b)]
            more = [b for b in nodes[0].branches if b not in one]
            if one and more:
                parts = [(Alts(tuple(one)),), (Alts(tuple(more)),)]
        for part in parts:
            words = anchor(part)
            if not words:
                raise RuleError(f"{where}: needs at least one plain word that every match holds")
            rules.append(
                Rule(
                    category=category,
                    group=label,
                    kind=settings.get("kind", category),
                    weight=float(settings.get("weight", "1")),
                    tense=settings.get("tense", "any"),
                    source=line,
                    where=where,
                    regex=re.compile(start + to_regex(part) + end),
                    anchor=words,
                    requires=tuple(
                        sorted(
                            (n for node in part if (n := _mandatory_words(node)) is not None),
                            key=_cost,
                        )
                    ),
                    single=_single_words(part) if plain else None,
                    starts=edge_words(part) if start == "(?<=^ )" else None,
                    ends=edge_words(part, last=True) if end == "$" else None,
                )
            )
    return rules


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    index: dict[str, tuple[int, ...]]  # word -> the phrases anchored on it
    anchors: frozenset[str]  # the words of index
    single: dict[str, tuple[int, ...]]  # word -> the one-word phrases that are it
    variants: dict[str, tuple[str, ...]]
    fuzzy: frozenset[str]
    vocabulary: frozenset[str]
    version: str


CATEGORY_FILES = ("crisis.txt", "method.txt", "incitement.txt", "context.txt")


def load(directory: Path = RULES_DIR) -> RuleSet:
    macros = load_macros(directory / "macros.txt")
    variants, fuzzy = load_variants(directory / "variants.txt")
    rules: list[Rule] = []
    for name in CATEGORY_FILES:
        rules += load_rules(directory / name, macros)
    index: dict[str, list[int]] = {}
    single: dict[str, list[int]] = {}
    for number, rule in enumerate(rules):
        for word in rule.single or ():
            single.setdefault(word, []).append(number)
        if rule.single is None:
            for word in rule.anchor:
                index.setdefault(word, []).append(number)
    vocabulary: set[str] = set(fuzzy)
    for rule in rules:
        vocabulary |= words_in(_Parser(rule.source.replace("'", "").strip("^$ "), macros).parse())
    for targets in variants.values():
        vocabulary.update(targets)
    # The version: a hash of the rule files, the model and the code that reads them.
    digest = hashlib.sha256()
    for path in sorted([*directory.glob("*.txt"), *directory.glob("*.tsv")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for module in ("normalize.py", "engine.py", "rules.py", "model.py"):
        digest.update((Path(__file__).resolve().parent / module).read_bytes())
    return RuleSet(
        rules=tuple(rules),
        index={word: tuple(numbers) for word, numbers in index.items()},
        anchors=frozenset(index),
        single={word: tuple(numbers) for word, numbers in single.items()},
        variants=variants,
        fuzzy=fuzzy,
        vocabulary=frozenset(vocabulary),
        version="r-" + digest.hexdigest()[:12],
    )
