"""Every change safety makes outside the posting checks: helpers opting in and out, the
alerts for marked questions left unanswered, a moderator's reply from a template."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, Forbidden
from mindwell.core.events import announce
from mindwell.moderation.actions.members import send_moderator_message
from mindwell.qa import actions as qa_actions
from mindwell.qa.models import Comment, Post, PostKind
from mindwell.safety import policy
from mindwell.safety.events import UnansweredSupportQuestion
from mindwell.safety.models import Screening, SupportAlert, SupportHelper


def marked_questions() -> object:
    """Questions in public view whose asker may need support (screening marked the question
    itself, when asked or edited), newest first."""
    marked = Screening.objects.filter(
        support=True, comment__isnull=True, post_id=F("question_id")
    ).values("question_id")
    return Post.objects.filter(
        kind=PostKind.QUESTION, deleted_at__isnull=True, pk__in=marked
    ).order_by("-created_at", "-pk")


def opt_in(*, user: User) -> SupportHelper:
    if not policy.can_see_support_list(user):
        raise Forbidden("Trusted members and verified professionals can help here.")
    try:
        with transaction.atomic():
            return SupportHelper.objects.create(user=user, since=timezone.now())
    except IntegrityError:
        return SupportHelper.objects.get(user=user)


def opt_out(*, user: User) -> None:
    SupportHelper.objects.filter(user=user).delete()


def alert_unanswered(*, now: datetime | None = None) -> int:
    """Open an alert for every marked question still unanswered after
    MINDWELL_SUPPORT_UNANSWERED_HOURS, close those that have an answer now; returns how
    many were opened. Run by housekeeping."""
    now = now or timezone.now()
    due = now - timedelta(hours=settings.MINDWELL_SUPPORT_UNANSWERED_HOURS)
    waiting = marked_questions().filter(  # type: ignore[attr-defined]
        answer_count=0, created_at__lte=due
    )
    opened = 0
    with transaction.atomic():
        SupportAlert.objects.filter(answered_at__isnull=True, question__answer_count__gt=0).update(
            answered_at=now
        )
        for question_id in waiting.exclude(
            pk__in=SupportAlert.objects.values("question_id")
        ).values_list("pk", flat=True):
            SupportAlert.objects.create(question_id=question_id, created_at=now)
            announce(UnansweredSupportQuestion(question_id))
            opened += 1
    return opened


def reply_from_template(*, by: User, item: Post | Comment, body: str, send_as: str) -> object:
    """Send a moderator's reply to the author of `item`: a private message (members), or an
    answer on the question (the only way to reach a guest)."""
    if not policy.can_reply_from_template(by, item):
        raise Forbidden("Only a moderator of this post can reply from here.")
    if send_as == "message":
        if item.author is None:
            raise ActionError("A guest has no account to write to: post an answer instead.")
        return send_moderator_message(member=item.author, by=by, body=body)
    if send_as == "answer":
        question = item.post.thread if isinstance(item, Comment) else item.thread
        return qa_actions.post_answer(question=question, author=by, body=body)
    raise ActionError("Choose how to send the reply.", field="send_as")
