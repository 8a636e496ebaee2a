"""Questions that look like a draft, for the asker to read before asking (the ask page, its
JSON endpoint) and beside a question (related questions).

Two steps, bounded whatever the site's size:

1. The draft's words, without stop words, stemmed (search.analysis), each widened to its
   synonyms (SYNONYMS, applied here so the index needn't change), make groups. Each group
   gets an IDF from how many documents hold its terms (counted up to `COMMON`, cached for
   a while) and a weight for where the draft has it: a title word counts more than a body
   word. The `PICK` most informative groups that are not common are looked for in the
   questions' titles, tags and text (index.rank_questions), and the best `SHORTLIST`
   matches kept.
2. Those few are ranked again here, the same on both databases, from their stored terms:
   per group, its IDF times the draft's weight times where the question has it (title
   above tags above text), with the share of the question's title the draft covers.

Only live questions anyone may see are suggested, and not those closed as a duplicate:
their original is (it is suggested on its own merit).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import QuerySet

from mindwell.qa.models import Post, PostKind
from mindwell.qa.suggestions import Suggestion
from mindwell.search import analysis, index
from mindwell.search.visibility import findable_posts

Method = Literal["full", "title-bm25"]

# Longest draft read: a title or text longer than this says nothing more about its topic.
MAX_TITLE = 300
MAX_BODY = 3000
# A term in at least this many documents is common: not looked for, only counted.
COMMON = 1000
PICK = 8
# A draft of common words only is ranked among this many of their newest matches.
COMMON_CANDIDATES = 500
SHORTLIST = 40
COUNTS_SECONDS = 6 * 60 * 60
# How much a draft's word weighs by where it is; how much a question's, by where it is.
DRAFT_WEIGHT = {"title": 1.0, "tags": 0.7, "body": 0.35}
FOUND_WEIGHT = {"title": 3.0, "tags": 1.5, "body": 1.0}
TITLE_COVER = 4.0

# Words people use for the same thing here, one group a line (reviewed by hand: a wrong
# pair brings in noise for every draft that uses it). Stemmed when read.
SYNONYMS = """
therapist therapy counsellor counselor counselling counseling psychologist psychotherapist
    psychotherapy shrink
anxious anxiety nervous
partner boyfriend girlfriend husband wife spouse
mum mom mother mam
dad father
depressed depression
medication meds pills antidepressants ssri
grief grieving mourning bereavement
died death dying passed
job work workplace office
boss employer manager
insomnia sleep sleeping
panic panicking
breakup ex
friend friends mate
sibling brother sister
weird normal strange odd
embarrassed ashamed shame embarrassing
cry crying cried tears
quit stop stopping ending end
lonely loneliness alone isolated
jealous jealousy envious
tired exhausted burnout burned burnt
lazy unmotivated motivation
cost afford expensive money cheap price
"""


def _groups() -> dict[str, frozenset[str]]:
    by_term: dict[str, frozenset[str]] = {}
    for line in SYNONYMS.replace("\n    ", " ").strip().splitlines():
        group = frozenset(analysis.stem(word) for word in analysis.words(line))
        for term in group:
            by_term[term] = group
    return by_term


GROUPS = _groups()


@dataclass(frozen=True)
class Group:
    terms: tuple[str, ...]  # sorted
    weight: float  # where the draft has it
    idf: float = 0.0
    common: bool = False


def draft_groups(*, title: str, body: str = "", tags: Sequence[str] = ()) -> list[Group]:
    """The draft's words as synonym groups, each with the weight of the best place the draft
    has it (and a little more for each repeat)."""
    weights: dict[tuple[str, ...], float] = {}
    places = (
        ("title", title[:MAX_TITLE]),
        ("tags", " ".join(tag.replace("-", " ") for tag in tags)),
        ("body", body[:MAX_BODY]),
    )
    for place, text in places:
        for word in analysis.words(text):
            if word in analysis.STOP_WORDS or len(word) < 2:
                continue
            term = analysis.stem(word)
            key = tuple(sorted(GROUPS.get(term, frozenset([term]))))
            weight = DRAFT_WEIGHT[place]
            previous = weights.get(key, 0.0)
            weights[key] = max(previous, weight) + 0.1 * min(previous, weight)
    return [Group(terms=key, weight=weight) for key, weight in weights.items()]


def _counts(terms: Collection[str]) -> dict[str, int]:
    """Document counts by term, from the cache where known (they move slowly)."""
    keys = {term: f"similar:df:{term}" for term in terms}
    known = cache.get_many(list(keys.values()))
    counts = {term: known[key] for term, key in keys.items() if key in known}
    missing = [term for term in terms if term not in counts]
    if missing:
        fresh = index.document_counts(missing, bound=COMMON)
        cache.set_many({keys[t]: n for t, n in fresh.items()}, COUNTS_SECONDS)
        counts.update(fresh)
    return counts


def _documents() -> int:
    total = cache.get("similar:documents")
    if total is None:
        total = Post.objects.count()
        cache.set("similar:documents", total, COUNTS_SECONDS)
    return max(int(total), 1)


def weigh(groups: list[Group]) -> list[Group]:
    counts = _counts({term for group in groups for term in group.terms})
    total = max(_documents(), COMMON)
    weighed = []
    for group in groups:
        count = min(sum(counts[term] for term in group.terms), total)
        idf = math.log(1 + (total - count + 0.5) / (count + 0.5))
        weighed.append(
            Group(terms=group.terms, weight=group.weight, idf=idf, common=count >= COMMON)
        )
    return weighed


def candidates_for(*, exclude: Collection[int] = ()) -> QuerySet[Post]:
    """The questions a draft may be shown: live, seen by anyone, not a duplicate."""
    return (
        findable_posts(AnonymousUser())
        .filter(kind=PostKind.QUESTION, duplicate_of__isnull=True)
        .exclude(pk__in=list(exclude))
    )


def rerank(groups: list[Group], post_ids: list[int]) -> list[int]:
    stored = index.stored_terms(post_ids)
    term_group = {term: g for g, group in enumerate(groups) for term in group.terms}
    draft_title = {g for g, group in enumerate(groups) if group.weight >= DRAFT_WEIGHT["title"]}
    scored = []
    for rank, post_id in enumerate(post_ids):
        columns = stored.get(post_id)
        if columns is None:
            continue
        score = 0.0
        for column in ("title", "tags", "body"):
            held = Counter(term_group[t] for t in columns[column] if t in term_group)
            for g, repeats in held.items():
                group = groups[g]
                saturation = repeats / (repeats + 1.0) * 2 if column == "body" else 1.0
                score += group.idf * group.weight * FOUND_WEIGHT[column] * saturation
        title_words = [t for t in columns["title"] if t not in analysis.STOP_TERMS]
        if title_words:
            covered = sum(1 for t in title_words if term_group.get(t) in draft_title)
            score += TITLE_COVER * covered / len(title_words)
        scored.append((-score, rank, post_id))
    return [post_id for _score, _rank, post_id in sorted(scored)]


def similar_ids(
    *,
    title: str,
    body: str = "",
    tags: Sequence[str] = (),
    exclude: Collection[int] = (),
    limit: int = 5,
    method: Method = "full",
) -> list[int]:
    """The ids of up to `limit` questions that look like the draft, best first.
    "title-bm25" is the plain baseline the evaluation compares with: the title's words
    alone, against titles alone, ranked by the database."""
    posts = candidates_for(exclude=exclude)
    if method == "title-bm25":
        terms = {
            analysis.stem(word)
            for word in analysis.words(title[:MAX_TITLE])
            if word not in analysis.STOP_WORDS
        }
        plain = [((term,), 1.0) for term in sorted(terms)]
        return index.rank_questions(
            groups=plain, posts=posts, limit=limit, columns=("title",), plain_bm25=True
        )
    groups = draft_groups(title=title, body=body, tags=tags)
    if not groups:
        return []
    groups = weigh(groups)
    informative = sorted(groups, key=lambda group: -group.idf * group.weight)
    wanted = [group for group in informative if not group.common][:PICK]
    # Every word common: its two most telling words, among their newest matches only.
    newest = None if wanted else COMMON_CANDIDATES
    shortlist = index.rank_questions(
        groups=[(group.terms, group.idf * group.weight) for group in wanted or informative[:2]],
        posts=posts,
        limit=SHORTLIST,
        newest=newest,
    )
    return rerank(groups, shortlist)[:limit]


def suggestions(ids: list[int]) -> list[Suggestion]:
    """What a hint shows of these questions, in this order (one query)."""
    found = Post.objects.only(
        "id", "kind", "title", "slug", "answer_count", "has_accepted_answer"
    ).in_bulk(ids)
    return [
        Suggestion(
            id=post.pk,
            title=post.title,
            url=post.get_absolute_url(),
            answer_count=post.answer_count,
            has_accepted_answer=post.has_accepted_answer,
        )
        for post in (found[post_id] for post_id in ids if post_id in found)
    ]


def suggestions_for_draft(title: str, body: str, tags: Sequence[str]) -> list[Suggestion]:
    """Up to five questions that look like the draft, best first: qa's ask page and the
    JSON endpoint."""
    return suggestions(similar_ids(title=title, body=body, tags=tags))
