"""Deciding review items: claim one, then approve, dismiss, hide, delete or restore it, or
mark it edited; a whole selection at once; and, for spam waves, an account with everything
it posted, which can be undone.

Each decision asks the policy again inside its own transaction, changes the post or comment
through qa's actions (so counts and points stay exact), settles the item's pending flags
(helpful or declined, with a short note the flaggers read), closes the review item and
writes the audit entry, all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.accounts.topics import member_changed
from mindwell.core.errors import ActionError, Forbidden, NotFound
from mindwell.core.events import announce
from mindwell.moderation import audit, policy
from mindwell.moderation.events import FlagsResolved
from mindwell.moderation.models import (
    OUTCOME_MAX,
    AuditEntry,
    Flag,
    FlagStatus,
    ReviewItem,
    ReviewStatus,
)
from mindwell.qa import actions as qa_actions
from mindwell.qa.models import Comment, Post, PostKind, Removal

CLAIM_FOR = timedelta(minutes=15)
NOT_FOUND = "That review item does not exist, or it is not yours to review."
REASON_MAX = OUTCOME_MAX

# What each decision does to the item's pending flags, and what flaggers read when the
# moderator gave no reason of their own.
KEPT = "A moderator looked at it and kept it as it is."
HIDDEN = "Thank you: a moderator hid it."
DELETED = "Thank you: a moderator removed it."
EDITED = "Thank you: a moderator edited it."
ACCOUNT_REMOVED = "Thank you: a moderator removed the account and everything it posted."
HIDDEN_FOR_AUTHOR = "Hidden by a moderator."

REMOVE_ACCOUNT = "remove_account"
UNDO_REMOVE_ACCOUNT = "undo_remove_account"

Target = Post | Comment


def claim_holder(item: ReviewItem, *, now: datetime | None = None) -> int | None:
    """The id of the member whose claim on `item` still runs, or None."""
    now = now or timezone.now()
    if item.claimed_by_id is not None and item.claimed_until and item.claimed_until > now:
        return item.claimed_by_id
    return None


def _held_by_another(item: ReviewItem, by: User, now: datetime) -> User | None:
    holder = claim_holder(item, now=now)
    if holder is None or holder == by.pk:
        return None
    return User.objects.filter(pk=holder).first()


def _refuse_if_claimed(item: ReviewItem, by: User, now: datetime) -> None:
    if (other := _held_by_another(item, by, now)) is not None:
        assert item.claimed_until is not None
        until = timezone.localtime(item.claimed_until)
        raise ActionError(
            f"Claimed by {other.public_name} until {until:%H:%M}: leave it to them, or come "
            "back when the claim runs out.",
            status=409,
        )


def _lock_item(item_id: int) -> ReviewItem:
    item = ReviewItem.objects.select_for_update().filter(pk=item_id).first()
    if item is None:
        raise NotFound(NOT_FOUND)
    return item


def _item_of(target: Target) -> Q:
    return Q(post_id=target.pk) if isinstance(target, Post) else Q(comment_id=target.pk)


def _lock_target(item: ReviewItem) -> Target:
    """Lock the item's post or comment the way qa's actions do (question, then answer; post,
    then comment), before the review item, so a flag that hides a post and enqueues it at the
    same moment never waits on us the other way round."""
    if item.post_id is not None:
        question_id = Post.objects.filter(pk=item.post_id).values_list("question_id", flat=True)
        parent = question_id.first()
        question = Post.objects.select_for_update().get(pk=parent) if parent else None
        post = Post.objects.select_for_update().get(pk=item.post_id)
        post.question = question
        return post
    assert item.comment_id is not None
    post_id = Comment.objects.filter(pk=item.comment_id).values_list("post_id", flat=True).get()
    post = Post.objects.select_for_update().get(pk=post_id)
    comment = Comment.objects.select_for_update().get(pk=item.comment_id)
    comment.post = post
    return comment


def _settle_flags(target: Target, *, by: User, status: str, note: str, now: datetime) -> list[int]:
    """Resolve the pending flags on `target`; returns their ids."""
    pending = Flag.objects.filter(_item_of(target), status=FlagStatus.PENDING)
    rows = list(pending.values_list("pk", "flagger_id"))
    ids = [pk for pk, _ in rows]
    Flag.objects.filter(pk__in=ids).update(
        status=status, resolved_by=by, resolved_at=now, outcome_note=note[:OUTCOME_MAX]
    )
    if rows:
        is_post = isinstance(target, Post)
        announce(
            FlagsResolved(
                flag_ids=tuple(ids), flagger_ids=tuple(sorted({f for _, f in rows})),
                post_id=target.pk if is_post else None,
                comment_id=None if is_post else target.pk, status=status, by_id=by.pk,
            )
        )  # fmt: skip
    return ids


def _close(items: Any, *, by: User, outcome: str, now: datetime) -> list[int]:
    ids = list(items.values_list("pk", flat=True))
    ReviewItem.objects.filter(pk__in=ids).update(
        status=ReviewStatus.DONE, resolved_by=by, resolved_at=now, outcome=outcome[:OUTCOME_MAX],
        claimed_by=None, claimed_until=None,
    )  # fmt: skip
    return ids


def claim_item(*, item: ReviewItem, by: User, now: datetime | None = None) -> ReviewItem:
    """Take `item` for CLAIM_FOR (15 minutes), so that no other moderator acts on it
    meanwhile; claiming again renews it. Refused while another's claim runs."""
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock_item(item.pk)
        if not policy.can_resolve(by, item):
            raise NotFound(NOT_FOUND)
        if item.status != ReviewStatus.OPEN:
            raise ActionError("This item was already resolved.", status=409)
        _refuse_if_claimed(item, by, now)
        item.claimed_by, item.claimed_until = by, now + CLAIM_FOR
        item.save(update_fields=["claimed_by", "claimed_until"])
    return item


def release_item(*, item: ReviewItem, by: User) -> ReviewItem:
    """Give up one's own claim, so another moderator can take the item at once."""
    with transaction.atomic():
        item = _lock_item(item.pk)
        if not policy.can_resolve(by, item):
            raise NotFound(NOT_FOUND)
        if item.claimed_by_id != by.pk:
            raise Forbidden("Only the moderator who claimed this item can release it.")
        item.claimed_by, item.claimed_until = None, None
        item.save(update_fields=["claimed_by", "claimed_until"])
    return item


@dataclass(frozen=True)
class Decision:
    """One way to resolve a review item: the audit action, what the pending flags become,
    what flaggers read without the moderator's own reason, and the change to the item."""

    action: str
    flags: str
    default_note: str
    change: Callable[[Target, User, str, ReviewItem], Any]
    closes_every_queue: bool = False


def _keep(target: Target, by: User, reason: str, item: ReviewItem) -> None:
    pass


def _approve(target: Target, by: User, reason: str, item: ReviewItem) -> None:
    # Held, waiting or hidden comes back; a deletion is undone by "restore" only, so that an
    # author's own deletion is never reversed by approving the flags against it.
    if target.is_held:
        _restore(target, by, reason, item)


def _restore(target: Target, by: User, reason: str, item: ReviewItem) -> None:
    if isinstance(target, Post):
        qa_actions.restore_post(post=target, by=by)
    else:
        qa_actions.restore_comment(comment=target, by=by)


def _hide(target: Target, by: User, reason: str, item: ReviewItem) -> None:
    note = reason or HIDDEN_FOR_AUTHOR
    if target.removal == Removal.DELETED:
        raise ActionError("It is deleted already: restore it first to hide it instead.")
    if isinstance(target, Post):
        qa_actions.hide_post(post=target, by=by, removal=Removal.HIDDEN, note=note)
    else:
        qa_actions.hide_comment(comment=target, by=by, removal=Removal.HIDDEN, note=note)


def _delete(target: Target, by: User, reason: str, item: ReviewItem) -> None:
    if isinstance(target, Post):
        qa_actions.delete_post(post=target, by=by)
    else:
        qa_actions.delete_comment(comment=target, by=by)


def _edited(target: Target, by: User, reason: str, item: ReviewItem) -> None:
    if not isinstance(target, Post):
        raise ActionError("Comments cannot be edited: hide or delete it instead.")
    if target.last_edited_at is None or target.last_edited_at < item.created_at:
        raise ActionError("Edit the post first, then mark it edited here.")


DECISIONS = {
    "approve": Decision("approve", FlagStatus.DECLINED, KEPT, _approve),
    "dismiss": Decision("dismiss", FlagStatus.DECLINED, KEPT, _keep),
    "hide": Decision("hide", FlagStatus.HELPFUL, HIDDEN, _hide, closes_every_queue=True),
    "delete": Decision("delete", FlagStatus.HELPFUL, DELETED, _delete, closes_every_queue=True),
    "restore": Decision("restore", FlagStatus.DECLINED, KEPT, _restore),
    "edit": Decision("edit", FlagStatus.HELPFUL, EDITED, _edited),
}
BULK_DECISIONS = ("hide", "delete")


def resolve_item(
    *, item: ReviewItem, by: User, decision: str, reason: str = "", now: datetime | None = None
) -> ReviewItem:
    """Decide `item` as `decision` says (a key of DECISIONS), with the moderator's short
    `reason` (the flaggers read it; a hidden item's author too). Refused while another
    moderator's claim runs, and on an item already resolved."""
    if decision not in DECISIONS:
        raise NotFound("There is no such decision.")
    how = DECISIONS[decision]
    reason = " ".join((reason or "").split())
    if len(reason) > REASON_MAX:
        raise ActionError(
            f"The reason is too long: at most {REASON_MAX} characters.", field="reason"
        )
    now = now or timezone.now()
    with transaction.atomic():
        unlocked = ReviewItem.objects.filter(pk=item.pk).first()
        if unlocked is None:
            raise NotFound(NOT_FOUND)
        target = _lock_target(unlocked)
        item = _lock_item(item.pk)
        if not policy.can_resolve(by, item):
            raise NotFound(NOT_FOUND)
        if item.status != ReviewStatus.OPEN:
            raise ActionError("This item was already resolved.", status=409)
        _refuse_if_claimed(item, by, now)
        how.change(target, by, reason, item)
        note = reason or how.default_note
        flags = _settle_flags(target, by=by, status=how.flags, note=note, now=now)
        others = ReviewItem.objects.filter(_item_of(target), status=ReviewStatus.OPEN)
        if not how.closes_every_queue:
            others = others.filter(pk=item.pk)
        closed = _close(others, by=by, outcome=f"{how.action}: {note}", now=now)
        audit.record(
            actor=by, action=how.action,
            post=target if isinstance(target, Post) else None,
            comment=target if isinstance(target, Comment) else None,
            member=User(pk=target.author_id) if target.author_id else None,
            reason=reason,
            details={"review_item": item.pk, "queue": item.queue, "review_items": closed,
                     "flags": flags},
        )  # fmt: skip
        item.refresh_from_db()
    return item


@dataclass
class BulkResult:
    done: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # claimed by another, or resolved meanwhile


def selected_items(*, user: User, queue: str, item_ids: list[int]) -> list[ReviewItem]:
    """The open items of `queue` with these ids that `user` may resolve. Any id that is not
    one (forged, another queue, outside the moderator's categories) refuses the whole
    selection; one resolved meanwhile is left out."""
    if not item_ids:
        raise ActionError("Select at least one item first: nothing was changed.")
    found = {
        item.pk: item
        for item in ReviewItem.objects.filter(pk__in=item_ids, queue=queue).select_related(
            "post", "post__question", "comment", "comment__post", "comment__post__question"
        )
    }
    if set(item_ids) - set(found) or not all(policy.can_resolve(user, i) for i in found.values()):
        raise NotFound("Some of the selected items do not exist, or are not yours to review.")
    return [found[pk] for pk in sorted(found) if found[pk].status == ReviewStatus.OPEN]


def resolve_items(
    *, queue: str, item_ids: list[int], by: User, decision: str, reason: str = ""
) -> BulkResult:
    """Hide or delete a whole selection at once (a spam wave), in one transaction: every
    item as resolve_item would, each with its own audit entry. Items the decision cannot
    apply to (another moderator's claim runs, resolved meanwhile, a deleted one to hide)
    are skipped and reported."""
    if decision not in BULK_DECISIONS:
        raise ActionError("Choose hide or delete for the selection.", field="decision")
    result = BulkResult()
    now = timezone.now()
    with transaction.atomic():
        items = selected_items(user=by, queue=queue, item_ids=item_ids)
        result.skipped = sorted(set(item_ids) - {i.pk for i in items})
        for item in items:
            try:
                with transaction.atomic():
                    resolve_item(item=item, by=by, decision=decision, reason=reason, now=now)
            except (NotFound, Forbidden):
                raise
            except ActionError:  # claimed by another, resolved meanwhile, or deleted already
                result.skipped.append(item.pk)
            else:
                result.done.append(item.pk)
    return result


# Removing an account and everything it posted ----------------------------------------------


@dataclass
class Footprint:
    """What removing an account takes out of view: every post and comment of the member
    that is not deleted already (live, or held for review)."""

    questions: list[int]
    answers: list[int]
    comments: list[int]

    @property
    def total(self) -> int:
        return len(self.questions) + len(self.answers) + len(self.comments)


def account_footprint(member: User) -> Footprint:
    posts = Post.objects.filter(author=member).exclude(removal=Removal.DELETED).order_by("pk")
    return Footprint(
        questions=list(posts.filter(kind=PostKind.QUESTION).values_list("pk", flat=True)),
        answers=list(posts.filter(kind=PostKind.ANSWER).values_list("pk", flat=True)),
        comments=list(
            Comment.objects.filter(author=member)
            .exclude(removal=Removal.DELETED)
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    )


def remove_account(*, member: User, by: User, reason: str = "") -> AuditEntry:
    """Deactivate `member` (they can no longer log in or post) and delete everything they
    posted through qa's actions, so every count and point stays exact; close the review
    items and settle the flags on it. The audit entry lists every id, for the undo
    (undo_account_removal)."""
    reason = " ".join((reason or "").split())[:REASON_MAX]
    now = timezone.now()
    if not policy.can_remove_account(by, member):
        raise Forbidden("You cannot remove this account.")
    with transaction.atomic():
        footprint = account_footprint(member)
        held: dict[str, list[str]] = {}
        # Comments, then answers, then questions: the undo brings them back the other way.
        for comment in Comment.objects.filter(pk__in=footprint.comments).order_by("pk"):
            if comment.is_held:
                held[f"c{comment.pk}"] = [comment.removal, comment.removal_note]
            qa_actions.delete_comment(comment=comment, by=by)
        for pk in footprint.answers + footprint.questions:
            post = Post.objects.get(pk=pk)
            if post.is_held:
                held[f"p{post.pk}"] = [post.removal, post.removal_note]
            qa_actions.delete_post(post=post, by=by)
        User.objects.filter(pk=member.pk).update(is_active=False)
        posts = footprint.questions + footprint.answers
        items = Q(post_id__in=posts) | Q(comment_id__in=footprint.comments)
        closed = _close(
            ReviewItem.objects.filter(items, status=ReviewStatus.OPEN),
            by=by, outcome="Account removed", now=now,
        )  # fmt: skip
        pending = Flag.objects.filter(items, status=FlagStatus.PENDING)
        flags = list(pending.values_list("pk", flat=True))
        Flag.objects.filter(pk__in=flags).update(
            status=FlagStatus.HELPFUL, resolved_by=by, resolved_at=now, outcome_note=ACCOUNT_REMOVED
        )
        entry = audit.record(
            actor=by, action=REMOVE_ACCOUNT, member=member, reason=reason,
            details={"questions": footprint.questions, "answers": footprint.answers,
                     "comments": footprint.comments, "held": held, "review_items": closed,
                     "flags": flags},
        )  # fmt: skip
        member_changed(member.pk)
    return entry


def undone_by(entry: AuditEntry) -> AuditEntry | None:
    """The audit entry of the undo of this account removal, if it was undone."""
    return AuditEntry.objects.filter(action=UNDO_REMOVE_ACCOUNT, details__undoes=entry.pk).first()


def undo_account_removal(*, entry: AuditEntry, by: User) -> AuditEntry:
    """Bring back an account that remove_account removed, and what it deleted: active again,
    each post and comment restored (a held one held again, as it was). What was restored or
    purged since is left as it is and listed in the new audit entry."""
    with transaction.atomic():
        locked = AuditEntry.objects.select_for_update().filter(pk=entry.pk).first()
        if locked is None or locked.action != REMOVE_ACCOUNT or locked.member_id is None:
            raise NotFound("That removal does not exist.")
        member = User.objects.filter(pk=locked.member_id).first()
        if member is None:
            raise NotFound("That account no longer exists.")
        if not policy.can_remove_account(by, member):
            raise Forbidden("You cannot undo the removal of this account.")
        if undone_by(locked) is not None:
            raise ActionError("This removal was already undone.", status=409)
        details = locked.details
        held: dict[str, list[str]] = details.get("held", {})
        User.objects.filter(pk=member.pk).update(is_active=True)
        restored: list[str] = []
        skipped: list[str] = []
        work: list[tuple[str, int]] = [
            *(("p", pk) for pk in details.get("questions", [])),
            *(("p", pk) for pk in details.get("answers", [])),
            *(("c", pk) for pk in details.get("comments", [])),
        ]
        for kind, pk in work:
            key = f"{kind}{pk}"
            try:
                with transaction.atomic():
                    if not _bring_back(kind, pk, by=by, held=held.get(key)):
                        skipped.append(key)
                        continue
            except ActionError:  # its question or post is gone meanwhile
                skipped.append(key)
                continue
            restored.append(key)
        undo = audit.record(
            actor=by, action=UNDO_REMOVE_ACCOUNT, member=member, reason="",
            details={"undoes": locked.pk, "restored": restored, "skipped": skipped},
        )  # fmt: skip
        member_changed(member.pk)
    return undo


def _bring_back(kind: str, pk: int, *, by: User, held: list[str] | None) -> bool:
    """Restore one post or comment the removal deleted; False if it is not deleted (any
    more) or gone."""
    item: Target | None = (
        Post.objects.filter(pk=pk).first() if kind == "p" else Comment.objects.filter(pk=pk).first()
    )
    if item is None or item.removal != Removal.DELETED:
        return False
    if isinstance(item, Post):
        post = qa_actions.restore_post(post=item, by=by)
        if held:
            qa_actions.hide_post(post=post, by=by, removal=held[0], note=held[1])
    else:
        comment = qa_actions.restore_comment(comment=item, by=by)
        if held:
            qa_actions.hide_comment(comment=comment, by=by, removal=held[0], note=held[1])
    return True
