"""When two names look alike: invisible characters and confusable skeletons (Unicode TR 39).

The confusables data is Unicode's confusables.txt as the confusable-homoglyphs package
ships it (decision 0012). That file lists pairs without saying which side is the
prototype, so characters are grouped into classes of look-alikes and each class is
represented by its lowest code point; a character whose prototype is several characters
(``m`` looks like ``rn``) is replaced by them. Two texts with the same skeleton look alike.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Invisible although not of category Cf: fillers and joiners that render as nothing
# (Unicode's Default_Ignorable_Code_Point, beyond the format characters).
_IGNORABLE_LETTERS_AND_MARKS = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0"
) | frozenset(map(chr, range(0xFE00, 0xFE10)))
# Control, format (zero-width, soft hyphen, joiners, bidi controls), surrogate, private
# use and unassigned characters.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_DIRECTION_MARKS = "\u200e\u200f"


def invisible_characters(text: str) -> list[str]:
    """The characters of `text` a reader cannot see, or that reorder the text around them."""
    return [
        char
        for char in text
        if unicodedata.category(char) in _INVISIBLE_CATEGORIES
        or char in _IGNORABLE_LETTERS_AND_MARKS
    ]


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: a character named for a person who cannot see it."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()


def skeleton(text: str) -> str:
    """The TR 39 skeleton: NFD, each character replaced by its prototype, NFD again."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(prototypes.get(c, c) for c in decomposed))


def name_keys(name: str) -> frozenset[str]:
    """What a name looks like, for comparing names: compatibility forms folded (NFKC);
    invisible characters, accents, spaces and punctuation dropped; then the skeletons of
    the name as written, in capitals and in small letters (``0`` looks like ``O`` but not
    ``o``; ``I`` looks like ``l``)."""
    folded = unicodedata.normalize("NFKC", name)
    visible = "".join(
        c
        for c in unicodedata.normalize("NFD", folded)
        if not invisible_characters(c)
        and unicodedata.category(c)[0] not in "MZP"  # marks, separators, punctuation
    )
    return frozenset(skeleton(form) for form in (visible, visible.upper(), visible.casefold()))


def looks_like_any(name: str, names: frozenset[str]) -> bool:
    """Whether `name` could be read as one of `names`, written in any letter case."""
    return not name_keys(name).isdisjoint(_keys(names))


@cache
def _keys(names: frozenset[str]) -> frozenset[str]:
    return frozenset(
        key
        for known in names
        for form in (known, known.capitalize(), known.upper())
        for key in name_keys(form)
    )


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character mapped to its class's representative."""
    # Imported here: loading the data takes a tenth of a second, which start-up need not pay.
    from confusable_homoglyphs.confusables import confusables_data

    parent: dict[str, str] = {}

    def find(char: str) -> str:
        root = char
        while parent.get(root, root) != root:
            root = parent[root]
        parent[char] = root
        return root

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            low, high = sorted((root_a, root_b))
            parent[high] = low

    expansions: dict[str, str] = {}
    for char, entries in confusables_data.items():
        for entry in entries:
            other = entry["c"].strip(_DIRECTION_MARKS)
            if len(other) == 1:
                union(char, other)
            elif other:
                expansions[char] = other  # a single character whose prototype is several
    prototypes = {char: find(char) for char in parent}
    for char, sequence in expansions.items():
        prototypes[char] = "".join(prototypes.get(c, c) for c in sequence)
    return {char: proto for char, proto in prototypes.items() if proto != char}
