"""One page of search results for one person: what index.find found among the posts they
may find, fetched for showing in two queries (the posts, then the questions of the answers),
with snippets.

Reader controls work as on the question lists (mindwell.safety.reader): hidden tags leave
posts out in the query (a question with the tag, an answer to one; the member's own posts
kept); muted words are read on the rows, so a question holding one, or an answer to such a
question, is left off the page, and an answer holding one is folded behind a notice.
The page says how many it left out.

Snippets are built here from the post's plain text (comments' text when only a comment
matched): a window around the first matched words, escaped first, `<mark>` added after,
so nothing from a post is ever read as HTML."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mindwell.moderation.rules import plain_text
from mindwell.qa.models import Comment, Post
from mindwell.safety import reader
from mindwell.search import analysis, index
from mindwell.search.query import ParsedQuery
from mindwell.search.visibility import findable_posts

SNIPPET_LENGTH = 240
# How much text comes before the first matched word.
SNIPPET_LEAD = 60

_POST_FIELDS = (
    "id", "kind", "title", "slug", "score", "answer_count", "has_accepted_answer",
    "is_accepted", "tag_names", "created_at", "anonymous", "guest_name", "author_id",
    "deleted_at", "removal", "closed_at", "close_reason", "locked_at", "question_id",
    "body_html", "category_id", "category__name", "category__slug",
    "author__username", "author__display_name", "author__points",
    "author__professional_badge", "author__professional_until",
)  # fmt: skip
_QUESTION_FIELDS = (
    "id", "kind", "title", "slug", "tag_names", "author_id", "category_id",
    "category__name", "category__slug", "deleted_at", "closed_at",
)  # fmt: skip


@dataclass
class Result:
    post: Post
    question: Post  # the post itself for a question
    snippet: SafeString
    in_comment: bool = False
    muted: bool = False


@dataclass
class ResultPage:
    results: list[Result] = field(default_factory=list)
    number: int = 1
    size: int = 20
    total: int = 0
    bounded: bool = False
    left_out: int = 0  # by the reader's muted words
    reader_controls: Any = None

    @property
    def page_count(self) -> int:
        return max(1, -(-min(self.total, index.CANDIDATES) // self.size))

    @property
    def beyond(self) -> bool:
        """A page number past the last page."""
        return not self.results and self.total > 0 and self.number > self.page_count

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.size + 1

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.results) + self.left_out - 1


def last_page(size: int) -> int:
    """The last page any search can have: the candidates, a page at a time."""
    return -(-index.CANDIDATES // size)


def search(parsed: ParsedQuery, *, user: Any, number: int, size: int) -> ResultPage:
    """The `number`th page of what `parsed` finds for `user`."""
    number = min(max(1, number), last_page(size))
    rules = reader.rules_for(user)
    posts = findable_posts(user)
    if parsed.filters:
        posts = posts.filter(parsed.filters)
    if rules is not None and rules.hidden_tags:
        posts = posts.filter(_without_hidden_tags(user.pk, list(rules.hidden_tags)))
    found = index.find(
        expression=parsed.expression, posts=posts, offset=(number - 1) * size, limit=size
    )
    page = ResultPage(
        number=number, size=size, total=found.total, bounded=found.bounded, reader_controls=rules
    )
    if not found.post_ids:
        return page
    rows = _fetch(found.post_ids, text=bool(rules and rules.reads_text))
    snippets = _snippets(rows, highlight=parsed.highlight)
    for row in rows:
        question = row if row.is_question else row.question
        assert question is not None
        if rules is not None and not rules.keeps(question):
            page.left_out += 1
            continue
        snippet, in_comment = snippets[row.pk]
        muted = rules is not None and not row.is_question and rules.mutes(row)
        page.results.append(Result(row, question, snippet, in_comment=in_comment, muted=muted))
    return page


def _without_hidden_tags(user_id: int, tag_ids: list[int]) -> Q:
    """Posts without a hidden tag, on their question (tags live on the question's row);
    the member's own always kept, as on the lists."""
    tagged = Post.tags.through.objects.filter(tag_id__in=tag_ids)
    on_itself = Exists(tagged.filter(post_id=OuterRef("pk")))
    on_question = Exists(tagged.filter(post_id=OuterRef("question_id")))
    return Q(author_id=user_id) | (~on_itself & ~on_question)


def _fetch(post_ids: list[int], *, text: bool) -> list[Post]:
    """The found posts in their order, in one query, and their questions in one more."""
    extra = ["body"] if text else []
    posts: QuerySet[Post] = (
        Post.objects.filter(pk__in=post_ids)
        .select_related("author", "category")
        .only(*_POST_FIELDS, *extra)
    )
    by_id = {post.pk: post for post in posts}
    question_ids = {post.question_id for post in by_id.values() if post.question_id}
    if question_ids:
        questions = Post.objects.filter(pk__in=question_ids).select_related("category")
        shown = {q.pk: q for q in questions.only(*_QUESTION_FIELDS, *extra)}
        for post in by_id.values():
            if post.question_id:
                post.question = shown[post.question_id]
    return [by_id[post_id] for post_id in post_ids if post_id in by_id]


def _snippets(rows: list[Post], *, highlight: frozenset[str]) -> dict[int, tuple[SafeString, bool]]:
    """Each post's snippet, and whether it comes from a comment. The comments of the posts
    whose own text has none of the words are read in one query, only when there are some."""
    texts = {row.pk: plain_text(row.body_html) for row in rows}
    snippets: dict[int, tuple[SafeString, bool]] = {}
    unmatched: list[int] = []
    for row in rows:
        if highlight and _first_match(texts[row.pk], highlight) is None:
            unmatched.append(row.pk)
        else:
            snippets[row.pk] = (snippet(texts[row.pk], highlight=highlight), False)
    comments: dict[int, list[str]] = defaultdict(list)
    if unmatched:
        live = Comment.objects.filter(post_id__in=unmatched, deleted_at__isnull=True)
        for post_id, body_html in live.order_by("id").values_list("post_id", "body_html"):
            comments[post_id].append(plain_text(body_html))
    for post_id in unmatched:
        said = next((t for t in comments[post_id] if _first_match(t, highlight)), None)
        if said is None:  # matched by its title or tags only
            snippets[post_id] = (snippet(texts[post_id], highlight=highlight), False)
        else:
            snippets[post_id] = (snippet(said, highlight=highlight), True)
    return snippets


def _matches(text: str, highlight: frozenset[str]) -> Iterable[tuple[int, int]]:
    """The spans of the words in `text` whose index terms are among `highlight`."""
    for match in analysis.WORD.finditer(text):
        if not highlight.isdisjoint(analysis.word_terms(match.group())):
            yield match.span()


def _first_match(text: str, highlight: frozenset[str]) -> tuple[int, int] | None:
    return next(iter(_matches(text, highlight)), None)


def snippet(text: str, *, highlight: frozenset[str]) -> SafeString:
    """A window of `text` around its first word among `highlight`, the matched words in
    `<mark>`: escaped piece by piece, so the text's own markup is only ever shown."""
    text = " ".join(text.split())
    first = _first_match(text, highlight) if highlight else None
    start = 0
    if first is not None and first[0] > SNIPPET_LEAD:
        start = text.rfind(" ", 0, first[0] - SNIPPET_LEAD) + 1
    stop = len(text)
    if stop - start > SNIPPET_LENGTH:
        stop = text.find(" ", start + SNIPPET_LENGTH)
        stop = len(text) if stop < 0 else stop
    window = text[start:stop]
    pieces: list[str] = ["… " if start else ""]
    at = 0
    for begin, end in _matches(window, highlight) if highlight else ():
        pieces.append(escape(window[at:begin]))
        pieces.append(f"<mark>{escape(window[begin:end])}</mark>")
        at = end
    pieces.append(escape(window[at:]))
    if stop < len(text):
        pieces.append(" …")
    return mark_safe("".join(pieces))  # every piece of the text is escaped
