"""What notifications does when other apps announce something (after their commit). Each
handler is quick: it queues the fan-out for the worker (notifications.tasks), so that the
request that caused the event returns as fast as with nobody to tell."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from mindwell.moderation.events import FlagsResolved, MessageSent, QuestionClosed, QuestionReopened
from mindwell.notifications import follows, guests
from mindwell.notifications.tasks import fan_out
from mindwell.qa.events import (
    AnswerAccepted,
    CommentAdded,
    CommentHidden,
    CommentRestored,
    PostCreated,
    PostDeleted,
    PostHidden,
    PostRestored,
)
from mindwell.qa.models import Comment, Post
from mindwell.safety.events import UnansweredSupportQuestion


def _stamp() -> int:
    """Told apart from another event of the same kind on the same item (hidden, restored,
    hidden again): the moment the handler heard of it, the same when the task runs again."""
    return int(timezone.now().timestamp() * 1000)


def post_created(event: PostCreated) -> None:
    post = Post.objects.filter(pk=event.post_id).first()
    if post is None:
        return
    if event.author_id is not None:
        follows.follow_by_default(event.author_id, question_id=event.question_id)
    guests.ask_to_confirm(post)
    fan_out.enqueue(event="post_created", data={"post_id": event.post_id})


def comment_added(event: CommentAdded) -> None:
    comment = Comment.objects.filter(pk=event.comment_id).first()
    if comment is None:
        return
    guests.ask_to_confirm(comment)
    fan_out.enqueue(event="comment_added", data={"comment_id": event.comment_id})


def answer_accepted(event: AnswerAccepted) -> None:
    if event.answer_id is not None:
        fan_out.enqueue(
            event="answer_accepted", data={"answer_id": event.answer_id, "by_id": event.by_id}
        )


def _author_of(model: Any, pk: int) -> int | None:
    author_id = model.objects.filter(pk=pk).values_list("author_id", flat=True).first()
    return author_id


def _tell_author(model: Any, pk: int, what: str, detail: str, *, by_id: int | None) -> None:
    """Tell the writer of a post or comment of a moderation outcome (never when they did it
    themselves); `what` names the event in its key."""
    author_id = _author_of(model, pk)
    if author_id is None or author_id == by_id:
        return
    item = {"post_id": pk} if model is Post else {"comment_id": pk}
    _moderated(f"{what}:{pk}:{_stamp()}", author_id, detail, by_id=by_id, **item)


def post_hidden(event: PostHidden) -> None:
    # Held by a check as it was posted (no person, not "hidden"): told on the spot.
    flagged = event.by_id is None
    if flagged and event.removal != "hidden":
        return
    detail = "flagged" if flagged else event.removal
    _tell_author(Post, event.post_id, "hidden", detail, by_id=event.by_id)


def post_deleted(event: PostDeleted) -> None:
    if event.by_id is not None:
        _tell_author(Post, event.post_id, "deleted", "deleted", by_id=event.by_id)


def post_restored(event: PostRestored) -> None:
    _tell_author(Post, event.post_id, "restored", "restored", by_id=event.by_id)
    # A post released from review is news for those who were not told while it was held:
    # the same event key as at its creation, so nobody hears twice.
    fan_out.enqueue(event="post_created", data={"post_id": event.post_id})


def comment_hidden(event: CommentHidden) -> None:
    flagged = event.by_id is None
    if flagged and event.removal != "hidden":
        return
    detail = "flagged" if flagged else event.removal
    _tell_author(Comment, event.comment_id, "c-hidden", detail, by_id=event.by_id)


def comment_restored(event: CommentRestored) -> None:
    _tell_author(Comment, event.comment_id, "c-restored", "restored", by_id=event.by_id)
    fan_out.enqueue(event="comment_added", data={"comment_id": event.comment_id})


def _moderated(
    key: str, user_id: int, detail: str, *, post_id: int | None = None,
    comment_id: int | None = None, by_id: int | None,
) -> None:  # fmt: skip
    fan_out.enqueue(
        event="moderated",
        data={
            "key": key, "post_id": post_id, "comment_id": comment_id, "by_id": by_id,
            "user_ids": [user_id], "detail": detail,
        },
    )  # fmt: skip


def flags_resolved(event: FlagsResolved) -> None:
    fan_out.enqueue(
        event="moderated",
        data={
            "key": f"flags:{event.flag_ids[0]}", "post_id": event.post_id,
            "comment_id": event.comment_id, "by_id": event.by_id,
            "user_ids": list(event.flagger_ids), "detail": f"flag_{event.status}",
        },
    )  # fmt: skip


def question_closed(event: QuestionClosed) -> None:
    _tell_author(Post, event.question_id, "closed", "closed", by_id=event.by_id)


def question_reopened(event: QuestionReopened) -> None:
    _tell_author(Post, event.question_id, "reopened", "reopened", by_id=event.by_id)


def message_sent(event: MessageSent) -> None:
    fan_out.enqueue(
        event="message_sent",
        data={"message_id": event.message_id, "member_id": event.member_id, "by_id": event.by_id},
    )


def support_waiting(event: UnansweredSupportQuestion) -> None:
    fan_out.enqueue(event="support_waiting", data={"question_id": event.question_id})


SUBSCRIPTIONS: list[tuple[type, Any]] = [
    (UnansweredSupportQuestion, support_waiting),
    (FlagsResolved, flags_resolved),
    (QuestionClosed, question_closed),
    (QuestionReopened, question_reopened),
    (MessageSent, message_sent),
    (PostCreated, post_created),
    (CommentAdded, comment_added),
    (AnswerAccepted, answer_accepted),
    (PostHidden, post_hidden),
    (PostDeleted, post_deleted),
    (PostRestored, post_restored),
    (CommentHidden, comment_hidden),
    (CommentRestored, comment_restored),
]
