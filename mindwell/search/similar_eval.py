"""How well similar.py finds a duplicate's original: recall@1, recall@5 and the mean
reciprocal rank over (duplicate, original) pairs, asked with the duplicate's title and
text and without the duplicate itself. The `similar_eval` command prints it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mindwell.moderation.rules import plain_text
from mindwell.qa.models import Post, PostKind
from mindwell.search import similar

# How far down a list an original is still counted for the mean reciprocal rank.
DEPTH = 10


@dataclass(frozen=True)
class Figures:
    pairs: int
    recall_at_1: float
    recall_at_5: float
    mrr: float


def closed_duplicates() -> list[tuple[int, int]]:
    """The site's own pairs: questions moderators closed as duplicates, with their originals."""
    rows = Post.objects.filter(kind=PostKind.QUESTION, duplicate_of__isnull=False).order_by("id")
    return [(pk, original) for pk, original in rows.values_list("id", "duplicate_of_id")]


def known_pairs(pairs: Iterable[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """The pairs whose two questions are in the database, and how many were not."""
    pairs = list(pairs)
    ids = {post_id for pair in pairs for post_id in pair}
    present = set(
        Post.objects.filter(pk__in=ids, kind=PostKind.QUESTION).values_list("pk", flat=True)
    )
    kept = [pair for pair in pairs if pair[0] in present and pair[1] in present]
    return kept, len(pairs) - len(kept)


def split(pairs: list[tuple[int, int]], half: str) -> list[tuple[int, int]]:
    """ "tuning": duplicates with odd ids, "held-out": even ids, "all": every pair. Weights
    are tuned on the first half only; the second is what was never looked at."""
    if half == "tuning":
        return [pair for pair in pairs if pair[0] % 2 == 1]
    if half == "held-out":
        return [pair for pair in pairs if pair[0] % 2 == 0]
    return pairs


def evaluate(pairs: list[tuple[int, int]], *, method: similar.Method = "full") -> Figures:
    drafts = Post.objects.in_bulk([duplicate for duplicate, _original in pairs])
    found_first = found_in_five = 0
    reciprocal = 0.0
    for duplicate_id, original_id in pairs:
        draft = drafts[duplicate_id]
        ranked = similar.similar_ids(
            title=draft.title,
            body=plain_text(draft.body_html),
            tags=draft.tag_names.split(),
            exclude={duplicate_id},
            limit=DEPTH,
            method=method,
        )
        if original_id in ranked:
            place = ranked.index(original_id) + 1
            found_first += place == 1
            found_in_five += place <= 5
            reciprocal += 1 / place
    count = max(len(pairs), 1)
    return Figures(len(pairs), found_first / count, found_in_five / count, reciprocal / count)
