"""Atom feeds of the newest questions (the whole site, a category, a tag) and of a question's
answers, through Django's syndication framework.

A feed shows what anyone may read, whoever asks for it: live posts only, writers as every
reader sees them (the writer presenter: "Anonymous" for anonymous posts, a guest's own
name, never an address). Each entry's summary is a short plain-text beginning of the post
(or the question's content note), never its whole text: feed readers keep what they fetch
long after its writer edits or deletes it, and a content note must stay in front of the
text it warns about. The list feeds leave out questions whose askers kept them out of
search engines; a question's own feed is served to its readers as its page is, with the
page's `noindex` (docs/architecture.md, "Feeds").

Feeds are stored pages (core.pagecache): the lists' feeds declare `QUESTION_LISTS()`, a
question's feed `QUESTION(id)`, and the writer presenter each member it names, so every
post, edit, deletion or rename is in the feed at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from mindwell.core import robots
from mindwell.core.pagecache import shows, stored_page
from mindwell.qa.access import access_question
from mindwell.qa.models import Post, PostQuerySet
from mindwell.qa.presenters import preview_text, writer
from mindwell.qa.topics import QUESTION, QUESTION_LISTS
from mindwell.tags.models import Category, Tag

# Entries per feed: the newest, read through the lists' own indexes.
FEED_SIZE = 30
SUMMARY_CHARS = 300
# Whom a feed is written for, whoever fetches it: a reader who is not signed in.
READER = AnonymousUser()
# What a feed entry reads of a post; its Markdown source is never read.
ENTRY_FIELDS = (
    "id", "kind", "question", "title", "slug", "body_html", "content_note", "tag_names",
    "created_at", "last_edited_at", "anonymous", "guest_name", "author_id", "deleted_at",
    "author__username", "author__display_name",
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    title: str
    link: str  # the post's address on the site
    guid: str  # absolute, and the same after the question's title (and slug) changes
    summary: str  # plain text
    writer: str
    published: datetime
    updated: datetime
    tags: tuple[str, ...]


@dataclass(frozen=True)
class FeedOf:
    """What one feed shows: its title and page, and its entries, newest first."""

    title: str
    subtitle: str
    link: str  # the page the feed follows
    entries: list[Entry]
    noindex: bool = False  # the question's asker kept its page out of search engines


# The titles, shared by the feeds and the links to them (templatetags/feeds.py).


def recent_title() -> str:
    return f"{settings.SITE_NAME}: newest questions"


def category_title(category: Category) -> str:
    return f"{settings.SITE_NAME}: questions in {category.name}"


def tag_title(tag: Tag) -> str:
    return f"{settings.SITE_NAME}: questions tagged “{tag.name}”"


def question_title(question: Post) -> str:
    return f"{settings.SITE_NAME}: answers to “{question.title}”"


# Entries.


def _entry(request: HttpRequest, post: Post, *, question: Post) -> Entry:
    """`post` is `question` or one of its answers (its `question` set, so no query)."""
    stable = request.build_absolute_uri(reverse("qa:question_short", args=[question.pk]))
    name = writer(post, READER).name
    return Entry(
        title=question.title if post.is_question else f"Answer by {name}",
        link=post.get_absolute_url(),
        guid=stable if post.is_question else f"{stable}#a{post.pk}",
        summary=preview_text(post, limit=SUMMARY_CHARS),
        writer=name,
        published=post.created_at,
        updated=post.last_edited_at or post.created_at,
        tags=tuple(post.tag_list) if post.is_question else (),
    )


def _newest_questions(request: HttpRequest, posts: PostQuerySet) -> list[Entry]:
    """The newest questions of `posts` that search engines may read: by id, through the
    partial index of live questions (`question_recent_idx`, or the category's or tag's
    list as qa's list pages read it), at most FEED_SIZE rows."""
    shows(QUESTION_LISTS())
    rows = (
        posts.for_search_engines()
        .select_related("author")
        .only(*ENTRY_FIELDS)
        .order_by("-pk")[:FEED_SIZE]
    )
    return [_entry(request, question, question=question) for question in rows]


# The feeds, through Django's syndication framework.


class AtomFeed(Feed):
    """Writes a `FeedOf` as Atom. The views select and pass it: Feed's `get_object` is not
    used, so the view reads as its four steps and the page cache sees what it declares."""

    feed_type = Atom1Feed

    def title(self, feed: FeedOf) -> str:
        return feed.title

    def subtitle(self, feed: FeedOf) -> str:
        return feed.subtitle

    def link(self, feed: FeedOf) -> str:
        return feed.link

    def author_name(self) -> str:
        return settings.SITE_NAME

    def items(self, feed: FeedOf) -> Iterable[Entry]:
        return feed.entries

    def item_title(self, entry: Entry) -> str:
        return entry.title  # Atom's title is text: the XML writer escapes it once

    def item_description(self, entry: Entry) -> str:
        # Django writes an Atom summary as type="html": the text is escaped to stay text.
        return escape(entry.summary)

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    def item_author_name(self, entry: Entry) -> str:
        return entry.writer

    def item_pubdate(self, entry: Entry) -> datetime:
        return entry.published

    def item_updateddate(self, entry: Entry) -> datetime:
        return entry.updated

    def item_categories(self, entry: Entry) -> tuple[str, ...]:
        return entry.tags

    def respond(self, request: HttpRequest, feed: FeedOf) -> HttpResponse:
        written = self.get_feed(feed, request)
        response = HttpResponse(content_type=Atom1Feed.content_type)
        response.headers["Last-Modified"] = http_date(written.latest_post_date().timestamp())
        written.write(response, "utf-8")
        if feed.noindex:
            response[robots.HEADER] = "noindex"
        return response


_atom = AtomFeed()


@require_safe
@stored_page
def recent_questions(request: HttpRequest) -> HttpResponse:
    feed = FeedOf(
        title=recent_title(),
        subtitle="The newest questions about relationships and mental health.",
        link=reverse("qa:home"),
        entries=_newest_questions(request, Post.objects.all()),
    )
    return _atom.respond(request, feed)


@require_safe
@stored_page
def category_questions(request: HttpRequest, slug: str) -> HttpResponse:
    # As the category's page lists them: with its subcategories'.
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise Http404("There is no such category.")
    children = list(category.children.all())
    ids = [category.pk, *(child.pk for child in children)]
    count = category.question_count + sum(child.question_count for child in children)
    feed = FeedOf(
        title=category_title(category),
        subtitle=category.description or f"The newest questions in {category.name}.",
        link=reverse("qa:category", args=[category.slug]),
        entries=_newest_questions(request, Post.objects.in_categories(ids, count=count)),
    )
    return _atom.respond(request, feed)


@require_safe
@stored_page
def tag_questions(request: HttpRequest, name: str) -> HttpResponse:
    tag = Tag.objects.filter(name=name.lower()).first()
    if tag is None:
        raise Http404("There is no such tag.")
    feed = FeedOf(
        title=tag_title(tag),
        subtitle=tag.description or f"The newest questions tagged “{tag.name}”.",
        link=reverse("qa:tag", args=[tag.name]),
        entries=_newest_questions(request, Post.objects.tagged(tag)),
    )
    return _atom.respond(request, feed)


@require_safe
@stored_page
def question_answers(request: HttpRequest, question_id: str) -> HttpResponse:
    """The question's newest answers, then the question itself."""
    question = access_question(READER, question_id)  # a 404 for a missing or removed one
    shows(QUESTION(question.pk))
    answers = list(
        Post.objects.visible_to(READER)
        .answers()
        .filter(question=question)
        .select_related("author")
        .only(*ENTRY_FIELDS)
        .order_by("-created_at", "-pk")[:FEED_SIZE]
    )
    for answer in answers:
        answer.question = question  # their addresses read it: no query each
    feed = FeedOf(
        title=question_title(question),
        subtitle=f"New answers to “{question.title}”.",
        link=question.get_absolute_url(),
        entries=[_entry(request, post, question=question) for post in [*answers, question]],
        noindex=question.keep_out_of_search,
    )
    return _atom.respond(request, feed)


def links_of(target: Any) -> tuple[str, str]:
    """The address and title of the feed that follows `target`'s page: a question, a
    category, a tag, or anything else for the newest questions."""
    if isinstance(target, Post):
        return reverse("search:question_feed", args=[target.pk]), question_title(target)
    if isinstance(target, Category):
        return reverse("search:category_feed", args=[target.slug]), category_title(target)
    if isinstance(target, Tag):
        return reverse("search:tag_feed", args=[target.name]), tag_title(target)
    return reverse("search:recent_feed"), recent_title()
