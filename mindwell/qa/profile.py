"""A member's profile: who they are, and what they wrote under their name, a tab each for
questions and answers (and, for the member themself, comments), a page at a time.

Everyone else sees the public profile. Posts written anonymously are never listed or
counted on it, and earn nothing (decision 0010), so nothing on it moves when one appears.
It is a stored page, fresh by what it declares it shows: the member, which posts are listed
under their name, and each listed post's question.

The member themself sees their own profile, with their anonymous posts marked and their
comments. It is theirs alone, so it is rendered for them on every request and never stored
(a shared member page would hand it to others).

Deleted posts, and answers and comments under deleted questions, are never listed; the
member's own view lists their posts held for review (waiting for approval), marked. Every
page costs a fixed number of queries, however much the member has written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mindwell.accounts.access import access_member
from mindwell.accounts.models import User
from mindwell.accounts.topics import MEMBER
from mindwell.core.errors import NotFound
from mindwell.core.pagecache import shows, stored_page
from mindwell.core.pagination import KeysetPage, keyset_page
from mindwell.qa import reading
from mindwell.qa.models import SHOWN_TO_AUTHOR, Comment, Post, PostKind, PostQuerySet
from mindwell.qa.topics import MEMBER_POSTS, QUESTION

QUESTIONS, ANSWERS, COMMENTS = "questions", "answers", "comments"
TABS = {QUESTIONS: "Questions", ANSWERS: "Answers", COMMENTS: "Comments"}
OWN_ONLY = {COMMENTS}

_QUESTION_FIELDS = (
    "id", "kind", "question_id", "title", "slug", "score", "answer_count",
    "has_accepted_answer", "anonymous", "created_at", "deleted_at", "removal",
)  # fmt: skip
_ANSWER_FIELDS = (
    "id", "kind", "score", "is_accepted", "anonymous", "created_at", "deleted_at", "removal",
    "question_id", "question__id", "question__kind", "question__title", "question__slug",
)  # fmt: skip
_COMMENT_FIELDS = (
    "id", "body", "anonymous", "created_at", "deleted_at", "removal", "post_id", "post__id",
    "post__kind", "post__title", "post__slug", "post__question_id", "post__question__id",
    "post__question__kind", "post__question__title", "post__question__slug",
)  # fmt: skip


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    count: int
    url: str


def _shown(member: User, *, own: bool, prefix: str = "") -> Q:
    """Live, or on the member's own view also held for review (hidden, waiting for
    approval): they see those, marked, as on the question page."""
    live = Q(**{f"{prefix}deleted_at__isnull": True})
    if not own:
        return live
    held = {f"{prefix}author": member, f"{prefix}removal__in": SHOWN_TO_AUTHOR}
    return live | Q(**held)


def _posts(member: User, *, own: bool) -> PostQuerySet:
    """The member's posts that this page may link to them."""
    posts = Post.objects.filter(_shown(member, own=own), author=member)
    return posts if own else posts.filter(anonymous=False)


def _questions(member: User, *, own: bool) -> QuerySet[Post]:
    return _posts(member, own=own).questions().only(*_QUESTION_FIELDS)


def _answers(member: User, *, own: bool) -> QuerySet[Post]:
    answers = _posts(member, own=own).answers().filter(_shown(member, own=own, prefix="question__"))
    return answers.select_related("question").only(*_ANSWER_FIELDS)


def _comments(member: User) -> QuerySet[Comment]:
    """The member's live comments, and those held for review, on live posts under live
    questions (their own list only)."""
    return (
        Comment.objects.filter(_shown(member, own=True), author=member)
        .filter(post__deleted_at__isnull=True)
        .filter(Q(post__question__isnull=True) | Q(post__question__deleted_at__isnull=True))
        .select_related("post", "post__question")
        .only(*_COMMENT_FIELDS)
    )


def _counts(member: User, *, own: bool) -> dict[str, int]:
    counts: dict[str, int] = _posts(member, own=own).aggregate(
        questions=Count("id", filter=Q(kind=PostKind.QUESTION)),
        answers=Count(
            "id", filter=Q(kind=PostKind.ANSWER) & _shown(member, own=own, prefix="question__")
        ),
    )
    if own:
        counts[COMMENTS] = _comments(member).count()
    return counts


def _hiding(
    rows: QuerySet[Any], choices: reading.Choices | None, *, tab: str
) -> tuple[QuerySet[Any], Callable[[Any], bool] | None]:
    """The rows without the questions (or the answers to questions) that the reader's
    controls hide, and the check keyset_page makes of each row for their muted words."""
    if choices is None or tab not in (QUESTIONS, ANSWERS):
        return rows, None
    text = ["body"] if choices.reads_text else []
    if tab == QUESTIONS:
        rows = rows.only(*_QUESTION_FIELDS, "tag_names", "author_id", *text)
        return choices.questions(rows), choices.keeps
    needed = ["tag_names", "author_id", "title", *text]
    rows = rows.only(*_ANSWER_FIELDS, *(f"question__{name}" for name in needed))
    return choices.questions(rows, via="question__"), lambda row: choices.keeps(row.question)


def _render(request: HttpRequest, member: User, *, tab: str, own: bool) -> HttpResponse:
    counts = _counts(member, own=own)
    rows: QuerySet[Any] = (
        _questions(member, own=own) if tab == QUESTIONS
        else _answers(member, own=own) if tab == ANSWERS
        else _comments(member)
    )  # fmt: skip
    # The member's own lists hold only their own posts, which their controls never hide.
    rows, accept = _hiding(rows, None if own else reading.choices_of(request.user), tab=tab)
    page: KeysetPage[Any] = keyset_page(
        rows, request.GET, field=None, size=settings.MINDWELL_PAGE_SIZE,
        total=None if accept else counts[tab], accept=accept,
    )  # fmt: skip
    if not own:
        shows(MEMBER(member.pk), MEMBER_POSTS(member.pk))
        shows(*(QUESTION(post.thread_id) for post in page.items))
    tabs = [
        Tab(key, label, counts[key], _tab_url(member, key))
        for key, label in TABS.items()
        if own or key not in OWN_ONLY
    ]
    context = {
        "member": member, "own": own, "tab": tab, "tab_label": TABS[tab], "tabs": tabs,
        "page": page,
    }  # fmt: skip
    return render(request, "qa/profile.html", context)


def _tab_url(member: User, tab: str) -> str:
    if tab == QUESTIONS:
        return reverse("qa:profile", kwargs={"username": member.username})
    return reverse("qa:profile_tab", kwargs={"username": member.username, "tab": tab})


@require_GET
def profile(request: HttpRequest, username: str, tab: str = QUESTIONS) -> HttpResponse:
    if tab not in TABS:
        raise NotFound("A profile lists questions, answers and comments, nothing else.")
    user = request.user
    if user.is_authenticated and user.username == username:
        return _own_profile(request, tab=tab)
    return _public_profile(request, username, tab=tab)


@stored_page
def _public_profile(request: HttpRequest, username: str, *, tab: str) -> HttpResponse:
    member = access_member(username)
    if member.username != username:
        return redirect(_tab_url(member, tab), permanent=True)
    if tab in OWN_ONLY:
        raise NotFound("A member's comments are listed only to the member themself.")
    return _render(request, member, tab=tab, own=False)


@never_cache
def _own_profile(request: HttpRequest, *, tab: str) -> HttpResponse:
    member: Any = request.user
    return _render(request, member, tab=tab, own=True)
