"""Screening of every new question, answer, comment and edit, inside the posting action
(qa.events.Submitted), and what each outcome does (the README's safety section):

- crisis: published as usual (unless another rule holds it); the author is shown the
  support page at once (core.detour); the item goes to the top of the moderators' queue,
  marked "may need support".
- incitement, method: held for review (qa Removal.HELD), in the safety queue; a method
  text with first-person intent is also marked "may need support", and its author also
  sees the support page.
- none: nothing is kept.
Registered once, from apps.py."""

from __future__ import annotations

from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core import events
from mindwell.core.detour import request_detour
from mindwell.moderation import audit
from mindwell.moderation.models import Queue
from mindwell.moderation.queue import PRIORITY_HIGH, PRIORITY_URGENT, enqueue
from mindwell.qa import actions as qa_actions
from mindwell.qa.events import Submitted
from mindwell.qa.models import Comment, Post, Removal
from mindwell.qa.policy import moderates
from mindwell.safety import screening
from mindwell.safety.models import Outcome, Screening
from mindwell.safety.support import support_page_url

HELD_NOTES = {
    Outcome.INCITEMENT: (
        "Held for a moderator's review: it reads as urging someone to harm themselves. "
        "A moderator will look at it soon."
    ),
    Outcome.METHOD: (
        "Held for a moderator's review: it describes a way of harming oneself, which we keep "
        "off public pages. A moderator will look at it soon and may edit that detail out."
    ),
}
QUEUE_REASONS = {
    Outcome.CRISIS: "May need support",
    Outcome.INCITEMENT: "Screening: incitement",
    Outcome.METHOD: "Screening: method",
}


def screen_submission(event: Submitted) -> None:
    """Screen the new text and act on the outcome, in the posting transaction."""
    item = _item(event)
    if event.what == "edit" and event.author_id is not None and event.author_id != (item.author_id):
        editor = _editor(event.author_id)
        if editor is not None and moderates(editor, item):
            return  # a moderator editing someone's post (taking a method detail out)
    result = screening.screen(f"{event.title}\n{event.body}" if event.title else event.body)
    if result.outcome == Outcome.NONE and not result.support:
        return
    shown_before = _support_shown_before(item)
    record = Screening.objects.create(
        post=item if isinstance(item, Post) else None,
        comment=item if isinstance(item, Comment) else None,
        question_id=event.question_id,
        what=event.what,
        outcome=result.outcome,
        support=result.support,
        reasons=list(result.reasons),
        version=screening.VERSION,
        created_at=timezone.now(),
    )
    if result.outcome in HELD_NOTES:
        _hold(item, record)
    if result.support or result.outcome == Outcome.CRISIS:
        reason = QUEUE_REASONS[Outcome.CRISIS]
        _enqueue(item, reason=reason, priority=PRIORITY_URGENT)
        if not shown_before:
            request_detour(lambda next_url: support_page_url(item, next_url=next_url))


def _item(event: Submitted) -> Post | Comment:
    if event.comment_id is not None:
        return Comment.objects.select_related("post__question").get(pk=event.comment_id)
    return Post.objects.select_related("question").get(pk=event.post_id)


def _editor(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id).first()


def _support_shown_before(item: Post | Comment) -> bool:
    """Whether this item's author was shown the support page for it already (an edit of a
    post that read as crisis when posted): once is calm, every edit would not be."""
    earlier = Screening.objects.filter(support=True)
    if isinstance(item, Comment):
        return earlier.filter(comment=item).exists()
    return earlier.filter(post=item).exists()


def _hold(item: Post | Comment, record: Screening) -> None:
    note = HELD_NOTES[Outcome(record.outcome)]
    reason = QUEUE_REASONS[Outcome(record.outcome)]
    if isinstance(item, Comment):
        qa_actions.hide_comment(comment=item, by=None, removal=Removal.HELD, note=note)
        audit.record(actor=None, action="screening_hold", comment=item, member=item.author,
                     reason=reason, details={"reasons": record.reasons})  # fmt: skip
    else:
        qa_actions.hide_post(post=item, by=None, removal=Removal.HELD, note=note)
        audit.record(actor=None, action="screening_hold", post=item, member=item.author,
                     reason=reason, details={"reasons": record.reasons})  # fmt: skip
    _enqueue(item, reason=reason, priority=PRIORITY_HIGH)


def _enqueue(item: Post | Comment, *, reason: str, priority: int) -> None:
    if isinstance(item, Comment):
        enqueue(queue=Queue.SAFETY, reason=reason, comment=item, priority=priority)
    else:
        enqueue(queue=Queue.SAFETY, reason=reason, post=item, priority=priority)


def register() -> None:
    events.check(Submitted, screen_submission)
