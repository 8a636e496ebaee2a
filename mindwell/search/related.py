"""Related questions beside every question: the questions most like it (similar.py, with
its title, text and tags), worked out once after the question is written or edited and
kept in `RelatedQuestion` rows. The question page reads them within the query it runs
anyway (qa.suggestions), with their live titles and counts, and only those anyone may see
now: a related question deleted, hidden or closed as a duplicate since is left out at
once, and the page declares each one it shows (search.topics.RELATED), so a stored page
goes stale when one's title, answer count or visibility changes.

A new question is also offered to the questions it found, where they have room, so older
questions learn of newer ones without being worked out again.

Each working out is remembered (`RelatedWorkedOut`), even when it found nothing: questions
written before search existed, or imported, have none, and the backfill (a housekeeping
job, search.tasks; `manage.py refresh_related_questions`) works out those, newest first."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from mindwell.core.pagecache import changed_now, shows, version_of
from mindwell.moderation.rules import plain_text
from mindwell.qa.models import Post, PostKind, visible_filter
from mindwell.qa.suggestions import RelatedRows
from mindwell.search import similar
from mindwell.search.models import RelatedQuestion, RelatedWorkedOut
from mindwell.search.topics import RELATED, RELATED_LIST

SHOWN = 5
# The ranked ids are also kept in the cache (written when worked out), so the question page
# asks for them by id: a condition on the primary key, which every database plans as a few
# index lookups inside the page's OR. Read from the table only after an eviction.
CACHE_SECONDS = 7 * 24 * 3600
# The backfill's bound: questions worked out per housekeeping run (search.tasks); the
# command reads its list this many at a time.
BATCH = 200


def _key(question_id: int) -> str:
    """Versioned: a list worked out in one process (the worker's backfill, an edit) is read
    by every other at once, even from a cache of its own (no Redis)."""
    return f"search:related:{question_id}:{version_of(RELATED_LIST(question_id))}"


def ranked_ids(question_id: int) -> list[int]:
    """This question's related questions' ids, best first."""
    ids: list[int] | None = cache.get(_key(question_id))
    if ids is None:
        ids = list(
            RelatedQuestion.objects.filter(question_id=question_id)
            .order_by("rank")
            .values_list("related_id", flat=True)
        )
        cache.set(_key(question_id), ids, CACHE_SECONDS)
    return ids


def _keep(question_id: int, ids: list[int], *, offered: list[int]) -> None:
    """After commit: the question's new list in the cache; the lists it joined read again."""

    def write() -> None:
        changed_now(RELATED_LIST(question_id), *(RELATED_LIST(pk) for pk in offered))
        cache.set(_key(question_id), ids, CACHE_SECONDS)

    transaction.on_commit(write)


def forget(question_id: int) -> None:
    """The question is gone for good (purged): its ids leave the cache with it."""
    cache.delete(_key(question_id))
    changed_now(RELATED_LIST(question_id))


def refresh(question_id: int) -> list[int]:
    """Work out this question's related questions again and remember when; returns their
    ids, best first."""
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
        RelatedWorkedOut.objects.bulk_create(
            [RelatedWorkedOut(question_id=question.pk, worked_out_at=timezone.now())],
            update_conflicts=True,
            unique_fields=["question"],
            update_fields=["worked_out_at"],
        )
        _keep(question.pk, ids, offered=_offer(question.pk, ids))
    return ids


def never_worked_out() -> QuerySet[Post]:
    """Questions whose related questions were never worked out, newest first."""
    worked_out = RelatedWorkedOut.objects.filter(question=OuterRef("pk"))
    return Post.objects.questions().filter(~Exists(worked_out)).order_by("-pk")


def refresh_all(
    *,
    everything: bool = False,
    batch: int = BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Work out the related questions of the questions never worked out (or of every
    question), newest first, each in its own transaction; returns how many. For operators
    (the command): it runs until done, however large the site."""
    questions = Post.objects.questions().order_by("-pk") if everything else never_worked_out()
    total = questions.count()
    done, before = 0, None
    while True:
        rest = questions if before is None else questions.filter(pk__lt=before)
        ids = list(rest.values_list("pk", flat=True)[:batch])
        if not ids:
            break
        for question_id in ids:
            refresh(question_id)
        done, before = done + len(ids), ids[-1]
        if progress:
            progress(done, max(total, done))
    if progress and done == 0:
        progress(0, 0)
    return done


def _offer(question_id: int, found: list[int]) -> list[int]:
    """Add the question to the lists of the questions it found that are not full yet;
    returns the ids of those it was added to."""
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
    offered = [other for other in found if counts.get(other, 0) < SHOWN and other not in taken]
    RelatedQuestion.objects.bulk_create(
        RelatedQuestion(question_id=other, related_id=question_id, rank=counts.get(other, 0) + 1)
        for other in offered
    )
    return offered


def related_to(question_id: int) -> RelatedRows:
    """The condition and rank that qa's question page adds to its query of posts; the page
    shows this question's list as it is now."""
    shows(RELATED_LIST(question_id))
    ids = ranked_ids(question_id)
    where = Q(
        visible_filter(AnonymousUser()),
        pk__in=ids,
        kind=PostKind.QUESTION,
        duplicate_of__isnull=True,
    )
    rank = Case(
        *(When(pk=pk, then=Value(place)) for place, pk in enumerate(ids, start=1)),
        default=Value(None),
        output_field=IntegerField(),
    )
    return RelatedRows(where=where, rank=rank, shows=RELATED)
