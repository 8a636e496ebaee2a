"""A member's public profile: who they are and what they have written under their name.

Posts written anonymously are never linked to the profile, except for the member
themself, who sees them marked. Deleted posts are never listed. The page costs a fixed
number of queries whatever the member has written.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from mindwell.accounts.access import access_member
from mindwell.accounts.models import User
from mindwell.qa.models import Post, PostKind, PostQuerySet

LATEST = 20
_QUESTION_FIELDS = (
    "id", "kind", "title", "slug", "score", "answer_count", "has_accepted_answer",
    "anonymous", "created_at",
)  # fmt: skip
_ANSWER_FIELDS = (
    "id", "kind", "score", "is_accepted", "anonymous", "created_at", "question_id",
    "question__id", "question__kind", "question__title", "question__slug",
)  # fmt: skip


def _posts_shown(member: User, *, to_self: bool) -> PostQuerySet:
    """The member's live posts that may be linked to them on this page."""
    posts = Post.objects.alive().filter(author=member)
    return posts if to_self else posts.filter(anonymous=False)


def latest_questions(member: User, *, to_self: bool) -> list[Post]:
    return list(
        _posts_shown(member, to_self=to_self)
        .questions()
        .only(*_QUESTION_FIELDS)
        .order_by("-created_at", "-id")[:LATEST]
    )


def latest_answers(member: User, *, to_self: bool) -> list[Post]:
    return list(
        _posts_shown(member, to_self=to_self)
        .answers()
        .filter(question__deleted_at__isnull=True)
        .select_related("question")
        .only(*_ANSWER_FIELDS)
        .order_by("-created_at", "-id")[:LATEST]
    )


def post_counts(member: User, *, to_self: bool) -> dict[str, Any]:
    return _posts_shown(member, to_self=to_self).aggregate(
        questions=Count("id", filter=Q(kind=PostKind.QUESTION)),
        answers=Count("id", filter=Q(kind=PostKind.ANSWER, question__deleted_at__isnull=True)),
    )


@require_GET
def profile(request: HttpRequest, username: str) -> HttpResponse:
    member = access_member(username)
    if member.username != username:
        return redirect("qa:profile", username=member.username, permanent=True)
    to_self = request.user.is_authenticated and request.user.pk == member.pk
    context = {
        "member": member,
        "is_self": to_self,
        "questions": latest_questions(member, to_self=to_self),
        "answers": latest_answers(member, to_self=to_self),
        "counts": post_counts(member, to_self=to_self),
    }
    return render(request, "qa/profile.html", context)
