"""The index follows every change to what it holds, after the change commits: a post
written, edited, redacted or moved (its document again, and its answers' when a question's
tags or title changed), a comment added or taken out of view (its post's document), a post
purged (its documents go, and a question's cached related questions), and the threads
of a tag an administrator renamed or removed, or of a category moved under another (the
worker writes those: a popular tag may hold a third of the questions). Deleting, hiding and
restoring change nothing in the index: the search asks who may see each post as it reads,
so a hidden post is never found by those who may not see it, and is found again the moment
it is restored.

Writing a document is quick, so it happens here, in the request that made the change. If
it fails (a locked database), the worker does it again (search.tasks)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from mindwell.moderation.events import QuestionClosed, QuestionReopened
from mindwell.qa.events import (
    AnswerAccepted,
    CommentAdded,
    CommentDeleted,
    CommentHidden,
    CommentPurged,
    CommentRestored,
    PostCreated,
    PostDeleted,
    PostEdited,
    PostHidden,
    PostPurged,
    PostRedacted,
    PostRestored,
    QuestionsRetagged,
)
from mindwell.qa.models import Post, PostKind
from mindwell.search import index, related, tasks
from mindwell.search.documents import documents
from mindwell.search.topics import related_changed
from mindwell.tags.events import CategoryMoved

log = logging.getLogger(__name__)


def reindex(post_ids: Iterable[int]) -> None:
    ids = sorted(set(post_ids))
    try:
        index.store(documents(ids))
    except Exception:
        log.exception("Search index: writing posts %s failed; the worker will retry", ids)
        tasks.reindex_posts.enqueue(post_ids=ids)


def _with_answers(question_id: int) -> list[int]:
    answers = Post.objects.filter(question_id=question_id, kind=PostKind.ANSWER)
    return [question_id, *answers.values_list("id", flat=True)]


def post_created(event: PostCreated) -> None:
    reindex([event.post_id])


def post_changed(event: PostEdited | PostRedacted) -> None:
    # An answer carries its question's tags and category: a question's edit may move them.
    reindex(_with_answers(event.post_id) if event.kind == "question" else [event.post_id])


def comment_changed(
    event: CommentAdded | CommentDeleted | CommentHidden | CommentRestored | CommentPurged,
) -> None:
    reindex([event.post_id])


def questions_retagged(event: QuestionsRetagged) -> None:
    tasks.reindex_threads_soon(event.question_ids)


def category_moved(event: CategoryMoved) -> None:
    tasks.reindex_category.enqueue(category_id=event.category_id)


def post_purged(event: PostPurged) -> None:
    index.remove(event.post_ids)


def question_written(event: PostCreated | PostEdited) -> None:
    """Its related questions, worked out after its document is written (search.related)."""
    if event.kind == "question":
        related.refresh(event.post_id)


def question_purged(event: PostPurged) -> None:
    """Its rows went with it; its cached ids go too."""
    if event.kind == "question":
        related.forget(event.post_id)


def shown_as_related_changed(
    event: PostCreated
    | PostEdited
    | PostDeleted
    | PostHidden
    | PostRestored
    | PostPurged
    | AnswerAccepted
    | QuestionClosed
    | QuestionReopened,
) -> None:
    """What a related-questions block shows of this question may have changed: its title,
    answer count, accepted answer, or whether it may be shown."""
    related_changed(event.question_id)


SUBSCRIPTIONS: list[tuple[type, Callable[[Any], None]]] = [
    (PostCreated, post_created),
    (PostEdited, post_changed),
    (PostRedacted, post_changed),
    (CommentAdded, comment_changed),
    (CommentDeleted, comment_changed),
    (CommentHidden, comment_changed),
    (CommentRestored, comment_changed),
    (CommentPurged, comment_changed),
    (PostPurged, post_purged),
    (QuestionsRetagged, questions_retagged),
    (CategoryMoved, category_moved),
    (PostCreated, question_written),
    (PostEdited, question_written),
    (PostPurged, question_purged),
    *(
        (event_type, shown_as_related_changed)
        for event_type in (
            PostCreated,
            PostEdited,
            PostDeleted,
            PostHidden,
            PostRestored,
            PostPurged,
            AnswerAccepted,
            QuestionClosed,
            QuestionReopened,
        )
    ),
]
