"""Every change safety makes outside the posting checks: helpers opting in and out, the
alerts for marked questions left unanswered, a moderator's reply from a template, and a
member's reader controls (what they mean for pages: reader.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
from mindwell.safety.models import ReaderRule, Screening, SupportAlert, SupportHelper
from mindwell.safety.reader import forget_cached
from mindwell.safety.topics import reader_controls_changed
from mindwell.tags.models import Tag


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


# Reader controls ---------------------------------------------------------------------------

MAX_PHRASES = 50
PHRASE_MIN = 2
PHRASE_MAX = ReaderRule._meta.get_field("phrase").max_length or 40
MAX_HIDDEN_TAGS = 30


@dataclass(frozen=True)
class ReaderControls:
    phrases: list[str]
    tags: list[Tag]

    def __bool__(self) -> bool:
        return bool(self.phrases or self.tags)


def clean_phrases(raw: str | list[str]) -> list[str]:
    """Muted words and phrases, one a line as typed: trimmed, single spaces, lower case, in
    order, without repeats. Names the first one that is too short or too long."""
    lines = raw if isinstance(raw, list) else (raw or "").splitlines()
    phrases: list[str] = []
    for line in lines:
        phrase = " ".join(line.split()).lower()
        if not phrase or phrase in phrases:
            continue
        if len(phrase) > PHRASE_MAX:
            raise ActionError(
                f"“{phrase[:PHRASE_MAX]}…” is too long: a muted word or phrase has at most "
                f"{PHRASE_MAX} characters.",
                field="phrases",
            )
        if len(phrase) < PHRASE_MIN or not re.search(r"\w", phrase):
            raise ActionError(
                f"“{phrase}” is too short to mute: use a word of at least {PHRASE_MIN} "
                "letters or digits.",
                field="phrases",
            )
        phrases.append(phrase)
    if len(phrases) > MAX_PHRASES:
        raise ActionError(
            f"Mute at most {MAX_PHRASES} words or phrases; you gave {len(phrases)}.",
            field="phrases",
        )
    return phrases


def clean_hidden_tags(raw: str | list[str]) -> list[Tag]:
    """The tags named (separated by spaces or commas), which must exist."""
    words = raw if isinstance(raw, list) else re.split(r"[\s,]+", raw or "")
    names = list(dict.fromkeys(w.strip().lower().lstrip("#") for w in words if w.strip()))
    if len(names) > MAX_HIDDEN_TAGS:
        raise ActionError(
            f"Hide at most {MAX_HIDDEN_TAGS} tags; you gave {len(names)}.", field="tags"
        )
    found = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    unknown = [name for name in names if name not in found]
    if unknown:
        listed = ", ".join(f"“{name[:40]}”" for name in unknown[:5])
        raise ActionError(
            f"There is no tag {listed} here. Choose tags that exist: the tags page lists them."
            if len(unknown) == 1
            else f"There are no tags {listed} here. Choose tags that exist: the tags page "
            "lists them.",
            field="tags",
        )
    return [found[name] for name in names]


def current_controls(*, user: User) -> ReaderControls:
    """What the member mutes and hides now, in the order they gave."""
    rules = list(ReaderRule.objects.filter(user=user).select_related("tag").order_by("pk"))
    return ReaderControls(
        phrases=[rule.phrase for rule in rules if rule.tag is None],
        tags=[rule.tag for rule in rules if rule.tag is not None],
    )


def save_reader_controls(
    *, user: User, phrases: str | list[str], tags: str | list[str]
) -> ReaderControls:
    """Replace the member's muted phrases and hidden tags with these (none: no controls, and
    their pages are the shared member pages again)."""
    clean = ReaderControls(clean_phrases(phrases), clean_hidden_tags(tags))
    with transaction.atomic():
        # The member's row first: two saves at once are applied one after the other.
        User.objects.select_for_update().filter(pk=user.pk).values_list("pk").get()
        ReaderRule.objects.filter(user=user).delete()
        ReaderRule.objects.bulk_create(
            [ReaderRule(user=user, phrase=phrase) for phrase in clean.phrases]
            + [ReaderRule(user=user, tag=tag) for tag in clean.tags]
        )
        User.objects.filter(pk=user.pk).update(has_reader_controls=bool(clean))
        user.has_reader_controls = bool(clean)
        reader_controls_changed(user.pk)
    forget_cached(user)
    return clean
