"""What the index holds for a post: one document per question or answer, its live comments
included, so a comment's words find the post it was written under.

Columns, best first: the question's title, its tags, the post's text, its comments'
text, and marker terms for exact filters (analysis.MARK). An answer carries its question's
tags, category and thread markers: `[tag]` and `category:` find answers under the
question too. Hidden and deleted posts are indexed like live ones (the search asks the
policy who may see each); a comment out of view is not, since comments are never shown in
results."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mindwell.moderation.rules import plain_text
from mindwell.qa.models import Comment, Post, PostKind
from mindwell.search import analysis
from mindwell.tags.models import Category

COLUMNS = ("title", "tags", "body", "comments", "marks")


@dataclass(frozen=True)
class Document:
    post_id: int
    title: str
    tags: str
    body: str
    comments: str
    marks: str

    def columns(self) -> tuple[str, str, str, str, str]:
        return (self.title, self.tags, self.body, self.comments, self.marks)


def _ancestry() -> dict[int, list[int]]:
    """Each category's id with its ancestors' ids (a handful of rows, read once a batch)."""
    parents = dict(Category.objects.values_list("id", "parent_id"))
    lines: dict[int, list[int]] = {}
    for category_id in parents:
        line: list[int] = []
        at: int | None = category_id
        while at is not None and at not in line:
            line.append(at)
            at = parents.get(at)
        lines[category_id] = line
    return lines


def categories_within(category_id: int) -> list[int]:
    """The category and every category under it, at any depth."""
    return [c for c, line in _ancestry().items() if category_id in line]


def _joined(texts: Iterable[str]) -> str:
    return " ".join(term for text in texts for term in analysis.terms(text))


@lru_cache(maxsize=4096)
def _html_terms(html: str) -> str:
    """The terms of rendered HTML. Kept for a while: the same text comes again when a post's
    comments change or its question is edited, and a generated bench site reuses a few."""
    return _joined([plain_text(html)])


@dataclass(frozen=True)
class Rows:
    """What the documents of a batch of posts are made from, read in a few queries: plain
    data, so another process can do the analysis (rebuild.py)."""

    posts: list[tuple[Any, ...]]
    comments: dict[int, list[str]]  # post id: its live comments' HTML, oldest first
    ancestry: dict[int, list[int]]


POST_FIELDS = (
    "id", "kind", "title", "tag_names", "category_id", "author_id", "anonymous", "body_html",
    "question_id", "question__tag_names", "question__category_id",
)  # fmt: skip


def read_rows(post_ids: Iterable[int]) -> Rows:
    posts = list(Post.objects.filter(pk__in=list(post_ids)).values_list(*POST_FIELDS))
    comments: dict[int, list[str]] = defaultdict(list)
    if posts:
        live_comments = Comment.objects.filter(
            post_id__in=[row[0] for row in posts], deleted_at__isnull=True
        ).order_by("id")
        for post_id, body_html in live_comments.values_list("post_id", "body_html"):
            comments[post_id].append(body_html)
    return Rows(posts=posts, comments=dict(comments), ancestry=_ancestry() if posts else {})


def build(rows: Rows) -> list[Document]:
    """The documents of these rows: text analysis only, no queries."""
    built = []
    for (
        post_id, kind, title, own_tags, own_category, author_id, anonymous, body_html,
        question_id, question_tags, question_category,
    ) in rows.posts:  # fmt: skip
        is_question = kind == PostKind.QUESTION
        tag_names = (own_tags if is_question else question_tags).split()
        category_id = own_category if is_question else question_category
        marks = [
            analysis.kind_term(kind),
            analysis.question_term(post_id if is_question else question_id),
            *(analysis.tag_term(name) for name in tag_names),
            *(analysis.category_term(c) for c in rows.ancestry.get(category_id or 0, [])),
        ]
        # Never for an anonymous post: `user:ID` must not tell who wrote it.
        if author_id is not None and not anonymous:
            marks.append(analysis.author_term(author_id))
        text = (
            _joined([title]) if is_question else "",
            # Only the question ranks higher for its tags; its answers carry markers.
            _joined(name.replace("-", " ") for name in tag_names) if is_question else "",
            _html_terms(body_html),
            " ".join(_html_terms(html) for html in rows.comments.get(post_id, [])),
        )
        # Each column's pairs of terms side by side, once each (a phrase stays in a column).
        pairs = {pair for column in text for pair in analysis.pair_terms(column.split())}
        marks.extend(sorted(pairs))
        built.append(Document(post_id, *text, marks=" ".join(marks)))
    return built


def documents(post_ids: Iterable[int]) -> list[Document]:
    """The documents of the posts with these ids that still exist, in a few queries."""
    return build(read_rows(post_ids))
