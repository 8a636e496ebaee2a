"""Related questions beside every question: the questions most like it (similar.py, with
its title, text and tags), worked out once after the question is written or edited and
kept in `RelatedQuestion` rows. The question page reads them within the query it runs
anyway (qa.suggestions), with their live titles and counts, and only those anyone may see
now: a related question deleted, hidden or closed as a duplicate since is left out at
once, and the page declares each one it shows (search.topics.RELATED), so a stored page
goes stale when one's title, answer count or visibility changes.

A new question is also offered to the questions it found, where they have room, so older
questions learn of newer ones without being worked out again."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery

from mindwell.moderation.rules import plain_text
from mindwell.qa.models import Post, PostKind, visible_filter
from mindwell.qa.suggestions import RelatedRows
from mindwell.search import similar
from mindwell.search.models import RelatedQuestion
from mindwell.search.topics import RELATED

SHOWN = 5


def refresh(question_id: int) -> list[int]:
    """Work out this question's related questions again; returns their ids, best first."""
    question = (
        Post.objects.filter(pk=question_id, kind=PostKind.QUESTION)
        .only("id", "title", "body_html", "tag_names")
        .first()
    )
    if question is None:
        return []
    ids = similar.similar_ids(
        title=question.title,
        body=plain_text(question.body_html),
        tags=question.tag_names.split(),
        exclude={question.pk},
        limit=SHOWN,
    )
    with transaction.atomic():
        RelatedQuestion.objects.filter(question_id=question.pk).delete()
        RelatedQuestion.objects.bulk_create(
            RelatedQuestion(question_id=question.pk, related_id=related_id, rank=rank)
            for rank, related_id in enumerate(ids, start=1)
        )
        _offer(question.pk, ids)
    return ids


def _offer(question_id: int, found: list[int]) -> None:
    """Add the question to the lists of the questions it found that are not full yet."""
    counts = dict(
        RelatedQuestion.objects.filter(question_id__in=found)
        .values_list("question_id")
        .annotate(Count("id"))
    )
    taken = set(
        RelatedQuestion.objects.filter(question_id__in=found, related_id=question_id).values_list(
            "question_id", flat=True
        )
    )
    RelatedQuestion.objects.bulk_create(
        RelatedQuestion(question_id=other, related_id=question_id, rank=counts.get(other, 0) + 1)
        for other in found
        if counts.get(other, 0) < SHOWN and other not in taken
    )


def related_to(question_id: int) -> RelatedRows:
    """The condition and rank that qa's question page adds to its query of posts."""
    rows = RelatedQuestion.objects.filter(question_id=question_id, related_id=OuterRef("pk"))
    where = Q(
        Exists(rows),
        visible_filter(AnonymousUser()),
        kind=PostKind.QUESTION,
        duplicate_of__isnull=True,
    )
    return RelatedRows(where=where, rank=Subquery(rows.values("rank")[:1]), shows=RELATED)
