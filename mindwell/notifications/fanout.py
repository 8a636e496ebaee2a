"""Who hears of what: from one event, the notifications it makes, each person at most once.

Runs in the worker (notifications.tasks.fan_out), never in the web request: a question with
a thousand followers costs the answerer's request nothing. Everything here is idempotent,
keyed by the event (`Notification.event_key`, `Email.key`), so running an event again, after
a crashed worker, makes nothing twice.

Rules, for every event:
- never the person who caused it, never a guest or an account that is gone;
- only what the recipient may see (qa.policy.can_see): nothing about a held, waiting or
  deleted post, nor a question out of view (a post released later is announced then:
  `PostRestored`);
- news from what a member follows skips questions their reader controls hide;
- one notification per person per event, the most direct kind winning (an answer to my
  question over a mention of me, a mention over news from what I follow).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.notifications import guests, outbox, preferences
from mindwell.notifications.models import Follow, Kind, Notification
from mindwell.qa import policy
from mindwell.qa.models import Comment, Post
from mindwell.safety import policy as safety_policy
from mindwell.safety import reader

# The most direct first: a person who qualifies twice gets the earlier kind.
PRIORITY = [
    Kind.MESSAGE, Kind.MODERATION, Kind.ACCEPTED, Kind.ANSWER, Kind.COMMENT, Kind.REPLY,
    Kind.MENTION, Kind.SUPPORT, Kind.FOLLOWED,
]  # fmt: skip
# "@name": a username (accounts: letters, digits and @.+-_), not inside an email address.
MENTION = re.compile(r"(?<![\w@.])@([\w.+-]{2,150})", re.UNICODE)
MAX_MENTIONS = 20


@dataclass
class Plan:
    """The notifications one event makes. `add` keeps the most direct kind per person."""

    event_key: str
    actor_id: int | None
    question: Post | None = None
    post: Post | None = None
    comment: Comment | None = None
    wanted: dict[int, tuple[Kind, str]] = field(default_factory=dict)

    def add(self, user_ids: Any, kind: Kind, detail: str = "") -> None:
        for user_id in user_ids if not isinstance(user_ids, int | None) else [user_ids]:
            if user_id is None or user_id == self.actor_id:
                continue
            held = self.wanted.get(user_id)
            if held is None or PRIORITY.index(kind) < PRIORITY.index(held[0]):
                self.wanted[user_id] = (kind, detail)

    def save(self) -> list[Notification]:
        """Write the notifications not yet made for this event, count them unread and queue
        the instant emails; returns what was new."""
        if not self.wanted:
            return []
        recipients = {
            u.pk: u
            for u in User.objects.filter(pk__in=self.wanted, is_active=True).select_related(
                "email_settings"
            )
        }
        recipients = {pk: u for pk, u in recipients.items() if self._may_tell(u)}
        now = timezone.now()
        with transaction.atomic():
            made = set(
                Notification.objects.filter(
                    event_key=self.event_key, recipient_id__in=recipients
                ).values_list("recipient_id", flat=True)
            )
            new = [
                Notification(
                    recipient_id=pk,
                    kind=kind,
                    event_key=self.event_key,
                    question=self.question,
                    post=self.post,
                    comment=self.comment,
                    detail=detail,
                    created_at=now,
                    email=preferences.frequency(recipients[pk], kind),
                )
                for pk, (kind, detail) in self.wanted.items()
                if pk in recipients and pk not in made
            ]
            Notification.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
            new = list(
                Notification.objects.filter(
                    event_key=self.event_key, recipient_id__in=[n.recipient_id for n in new]
                ).select_related("recipient__email_settings", "question", "post", "comment")
            )
            if new:
                User.objects.filter(pk__in=[n.recipient_id for n in new]).update(
                    unread_notifications=F("unread_notifications") + 1
                )
            emails = [outbox.queue_notification(n, send=False) for n in new if n.email == "instant"]
            outbox.send_soon(e.pk for e in emails if e is not None)
        return new

    def _may_tell(self, user: User) -> bool:
        kind = self.wanted[user.pk][0]
        if kind in (Kind.MODERATION, Kind.MESSAGE):
            return True  # their own post or flag: the inbox shows only what they may see
        for item in (self.comment, self.post, self.question):
            if item is None:
                continue
            if isinstance(item, Comment):
                if item.is_deleted:
                    return False
                continue
            if not policy.can_see(user, item):
                return False
        if kind == Kind.FOLLOWED and self.question is not None and user.has_reader_controls:
            return reader.hides(user, self.question) is None
        return True


def _published(post: Post) -> bool:
    return not post.is_deleted and (post.question is None or not post.question.is_deleted)


def mentioned(text: str) -> list[int]:
    """The members named with "@name" in `text` (at most MAX_MENTIONS)."""
    names = {m.group(1).rstrip(".").lower() for m in MENTION.finditer(text)}
    if not names:
        return []
    return list(
        User.objects.alias(name=Lower("username"))
        .filter(name__in=sorted(names)[:MAX_MENTIONS], is_active=True)
        .values_list("pk", flat=True)
    )


def _followers(**target: Any) -> list[int]:
    return list(
        Follow.objects.filter(following=True, **target).values_list("follower_id", flat=True)
    )


def post_created(post_id: int) -> list[Notification]:
    """A new question or answer (or one released from review: the same event key, so those
    told before are not told again)."""
    post = Post.objects.select_related("question", "author", "category").filter(pk=post_id).first()
    if post is None or not _published(post):
        return []
    question = post.thread
    plan = Plan(f"post:{post.pk}", post.author_id, question=question, post=post)
    if post.is_question:
        category = question.category
        while category is not None:  # following a category hears of its subcategories too
            plan.add(_followers(category=category), Kind.FOLLOWED, f"category:{category.slug}")
            category = category.parent
        for tag in question.tags.all():
            plan.add(_followers(tag=tag), Kind.FOLLOWED, f"tag:{tag.name}")
    else:
        plan.add(question.author_id, Kind.ANSWER)
        plan.add(_followers(question=question), Kind.FOLLOWED, "question")
        guests.tell_guest_author(question, about=post)
    if post.author_id is not None and not post.anonymous:
        plan.add(_followers(member_id=post.author_id), Kind.FOLLOWED, "member")
    plan.add(mentioned(post.body), Kind.MENTION)
    return plan.save()


def comment_added(comment_id: int) -> list[Notification]:
    comment = (
        Comment.objects.select_related("post__question", "post__author")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or comment.is_deleted or not _published(comment.post):
        return []
    post = comment.post
    plan = Plan(
        f"comment:{comment.pk}", comment.author_id, question=post.thread, post=post, comment=comment
    )
    plan.add(post.author_id, Kind.COMMENT)
    earlier = (
        Comment.objects.filter(post=post, pk__lt=comment.pk, deleted_at__isnull=True)
        .exclude(author=None)
        .values_list("author_id", flat=True)
        .distinct()
    )
    plan.add(list(earlier), Kind.REPLY)
    plan.add(mentioned(comment.body), Kind.MENTION)
    guests.tell_guest_author(post, about=comment)
    guests.tell_guest_commenters(comment)
    return plan.save()


def answer_accepted(answer_id: int, by_id: int) -> list[Notification]:
    answer = Post.objects.select_related("question").filter(pk=answer_id).first()
    if answer is None or not answer.is_accepted or not _published(answer):
        return []
    plan = Plan(f"accepted:{answer.pk}", by_id, question=answer.thread, post=answer)
    plan.add(answer.author_id, Kind.ACCEPTED)
    return plan.save()


def moderated(
    *, key: str, post_id: int | None, comment_id: int | None, by_id: int | None,
    user_ids: list[int], detail: str,
) -> list[Notification]:  # fmt: skip
    """A moderation outcome on someone's post or comment, or on their flag: `detail` says
    what ("hidden", "restored", "deleted", "closed", "reopened", "flag_helpful", ...)."""
    comment = (
        Comment.objects.select_related("post__question").filter(pk=comment_id).first()
        if comment_id
        else None
    )
    post = (
        comment.post
        if comment is not None
        else Post.objects.select_related("question").filter(pk=post_id or 0).first()
    )
    if post is None:
        return []
    plan = Plan(key, by_id, question=post.thread, post=post, comment=comment)
    plan.add(user_ids, Kind.MODERATION, detail)
    return plan.save()


def message_sent(message_id: int, member_id: int, by_id: int) -> list[Notification]:
    """A moderator's private message: an inbox entry (moderation emails it itself)."""
    plan = Plan(f"message:{message_id}", by_id)
    plan.add(member_id, Kind.MESSAGE)
    return plan.save()


def support_waiting(question_id: int) -> list[Notification]:
    """A question marked "may need support" still has no answer: the members who offered to
    help (safety's helpers) hear of it, if they may still see the support list."""
    question = Post.objects.filter(pk=question_id).first()
    if question is None or not _published(question) or question.answer_count:
        return []
    plan = Plan(f"support:{question.pk}", question.author_id, question=question, post=question)
    helpers = User.objects.filter(support_helper__isnull=False)
    plan.add([h.pk for h in helpers if safety_policy.can_see_support_list(h)], Kind.SUPPORT)
    return plan.save()
