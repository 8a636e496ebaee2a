"""Which posts a person may find: those they may see (qa's `visible_filter`, the same rule
as the pages), and for an answer, its question too. Written as conditions on the post's
own row, as index.find needs."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from mindwell.qa.models import Post, PostKind, visible_filter


def findable_posts(user: Any) -> QuerySet[Post]:
    seen = visible_filter(user)
    question_seen = Exists(Post.objects.filter(seen, pk=OuterRef("question_id")))
    rule = Q(seen, Q(kind=PostKind.QUESTION) | question_seen)
    if _joins(Post.objects.filter(seen)):
        # The rule reads other rows (a category moderator's categories): asked per post.
        return Post.objects.filter(Exists(Post.objects.filter(rule, pk=OuterRef("pk"))))
    return Post.objects.filter(rule)


def _joins(posts: QuerySet[Post]) -> bool:
    query = posts.query
    query.get_compiler(using=posts.db).setup_query()
    return sum(1 for count in query.alias_refcount.values() if count) > 1
