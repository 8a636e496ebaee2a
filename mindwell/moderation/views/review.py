"""Moderation pages: the review queues, one item with everything a moderator needs to decide
it, decisions on a whole selection, and removing an account with everything it posted."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, NotFound
from mindwell.moderation import extensions, policy
from mindwell.moderation.actions import review as actions
from mindwell.moderation.models import (
    AuditEntry,
    Flag,
    FlagStatus,
    Origin,
    Queue,
    ReviewItem,
    Suspension,
)
from mindwell.moderation.queue import PRIORITY_URGENT
from mindwell.qa import policy as qa_policy
from mindwell.qa.access import parse_id
from mindwell.qa.models import Comment, Post, PostKind

QUEUE_PAGE = 100
NO_QUEUE = "There is no such review queue, or it is not yours to open."
RELATED = ("post", "post__question", "post__author", "comment", "comment__post",
           "comment__post__question", "comment__author", "claimed_by")  # fmt: skip


# Access -----------------------------------------------------------------------------------


def _access_queue(user: Any, queue: str) -> str:
    if queue not in Queue.values or not policy.can_review(user, queue):
        raise NotFound(NO_QUEUE)
    return queue


def _access_item(user: Any, item_id: str) -> ReviewItem:
    """A review item `user` may open (policy.can_open_review_item); missing and not allowed
    look alike."""
    pk = parse_id(item_id)
    item = ReviewItem.objects.select_related(*RELATED).filter(pk=pk).first()
    if item is None or not policy.can_open_review_item(user, item):
        raise NotFound(actions.NOT_FOUND)
    return item


# Queues -----------------------------------------------------------------------------------


@require_GET
@login_required
def queues(request: HttpRequest) -> HttpResponse:
    if not policy.can_see_queues(request.user):
        raise NotFound(NO_QUEUE)
    counts = dict(
        ReviewItem.objects.reviewable_by(request.user)
        .values_list("queue")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = [
        {"queue": queue, "label": label, "count": counts.get(queue, 0)}
        for queue, label in Queue.choices
        if policy.can_review(request.user, queue)
    ]
    return render(request, "moderation/queues.html", {"rows": rows})


@require_GET
@login_required
def queue_page(request: HttpRequest, queue: str) -> HttpResponse:
    queue = _access_queue(request.user, queue)
    items = (
        ReviewItem.objects.reviewable_by(request.user)
        .filter(queue=queue)
        .select_related(*RELATED)
        .in_review_order()
    )
    total = items.count()
    rows = list(items[:QUEUE_PAGE])
    now = timezone.now()
    for item in rows:
        item.live_claim = actions.claim_holder(item, now=now)  # type: ignore[attr-defined]
    context = {
        "queue": queue, "label": Queue(queue).label, "rows": rows, "total": total,
        "shown": len(rows), "urgent": PRIORITY_URGENT,
        "bulk": any(policy.can_resolve(request.user, i) for i in rows),
    }  # fmt: skip
    return render(request, "moderation/queue.html", context)


# One item ---------------------------------------------------------------------------------


def _author_record(item: ReviewItem) -> dict[str, Any]:
    """Who wrote the item, for moderators only: the account behind an anonymous post, or
    a guest's name and where they posted from; their posts, the flags against them and
    their suspensions."""
    target = item.target
    record: dict[str, Any] = {"author": target.author, "anonymous": target.anonymous}
    author = target.author
    if author is not None:
        kinds = dict(
            Post.objects.filter(author=author)
            .values_list("kind")
            .annotate(n=Count("pk"))
            .order_by()
        )
        against = Flag.objects.filter(Q(post__author=author) | Q(comment__author=author)).exclude(
            status=FlagStatus.RETRACTED
        )
        record |= {
            "questions": kinds.get(PostKind.QUESTION, 0),
            "answers": kinds.get(PostKind.ANSWER, 0),
            "comments": Comment.objects.filter(author=author).count(),
            "flag_counts": dict(against.values_list("status").annotate(n=Count("pk")).order_by()),
            "flags_against": list(
                against.select_related("post", "comment").order_by("-pk")[:20]
            ),
            "suspensions": list(
                Suspension.objects.filter(member=author).select_related("moderator")
                .order_by("-starts_at")[:10]
            ),
        }  # fmt: skip
    else:
        where = Q(post=target) if isinstance(target, Post) else Q(comment=target)
        origin = Origin.objects.filter(where).order_by("-pk").first()
        record |= {"guest_name": target.guest_name, "origin": origin}
        if origin is not None:
            record["same_origin"] = (
                Origin.objects.filter(ip_hash=origin.ip_hash).exclude(pk=origin.pk).count()
            )
    return record


@require_GET
@login_required
def item_page(request: HttpRequest, item_id: str) -> HttpResponse:
    item = _access_item(request.user, item_id)
    target = item.target
    post = target if isinstance(target, Post) else target.post
    moderator = policy.moderates(request.user, target)
    holder_id = actions.claim_holder(item)
    claimed_by_other = item.claimed_by if holder_id not in (None, request.user.pk) else None
    can_resolve = policy.can_resolve(request.user, item) and item.status == "open"
    context: dict[str, Any] = {
        "item": item,
        "target": target,
        "is_comment": isinstance(target, Comment),
        "post": post,
        "question": qa_policy.thread_of(target),
        "revisions": list(post.revisions.select_related("editor").order_by("-number")[:10])
        if not isinstance(target, Comment)
        else [],
        "flags": list(
            Flag.objects.filter(Q(post=target) if post is target else Q(comment=target))
            .select_related("flagger", "resolved_by")
            .order_by("pk")
        ),
        "can_resolve": can_resolve,
        "can_decide": can_resolve and claimed_by_other is None,
        "claimed_by_other": claimed_by_other,
        "moderator": moderator,
        "claimed_by_me": holder_id == request.user.pk,
        "record": _author_record(item) if moderator else None,
        "may_remove_author": target.author is not None
        and policy.can_remove_account(request.user, target.author),
        "edited_since": not isinstance(target, Comment)
        and target.last_edited_at is not None
        and target.last_edited_at >= item.created_at,
        "reason_max": actions.REASON_MAX,
        "urgent": PRIORITY_URGENT,
        "extras": extensions.extras_for(item, request.user),
    }
    return render(request, "moderation/item.html", context)


def _back_to(item: ReviewItem) -> str:
    return reverse("moderation:item", args=[item.pk])


@require_POST
@login_required
def claim(request: HttpRequest, item_id: str) -> HttpResponse:
    item = _access_item(request.user, item_id)
    try:
        actions.claim_item(item=item, by=request.user)  # type: ignore[arg-type]
    except NotFound:
        raise
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "You claimed this item for 15 minutes.")
    return redirect(_back_to(item))


@require_POST
@login_required
def release(request: HttpRequest, item_id: str) -> HttpResponse:
    item = _access_item(request.user, item_id)
    actions.release_item(item=item, by=request.user)  # type: ignore[arg-type]
    messages.success(request, "You released this item: another moderator can take it.")
    return redirect(_back_to(item))


DONE = {
    "approve": "Approved: it stays up (or is back up), and its flags are declined.",
    "dismiss": "Dismissed: nothing changed, and its flags are declined.",
    "hide": "Hidden: its author sees it marked with your note.",
    "delete": "Deleted.",
    "restore": "Restored.",
    "edit": "Your edit is recorded and the item resolved.",
}


@require_POST
@login_required
def decide(request: HttpRequest, item_id: str, decision: str) -> HttpResponse:
    item = _access_item(request.user, item_id)
    if decision not in actions.DECISIONS:
        raise NotFound("There is no such decision.")
    try:
        actions.resolve_item(
            item=item, by=request.user, decision=decision,  # type: ignore[arg-type]
            reason=request.POST.get("reason", ""),
        )  # fmt: skip
    except NotFound:
        raise
    except ActionError as error:
        messages.error(request, error.message)
        return redirect(_back_to(item))
    messages.success(request, DONE[decision])
    return redirect("moderation:queue", queue=item.queue)


# A selection at once ----------------------------------------------------------------------


def _kinds(items: list[ReviewItem]) -> str:
    """ "3 questions, 2 answers and 1 comment" for a list of review items."""
    counts = {"question": 0, "answer": 0, "comment": 0}
    for item in items:
        if item.comment_id is not None:
            counts["comment"] += 1
        else:
            counts["question" if item.post.is_question else "answer"] += 1  # type: ignore[union-attr]
    return _phrase(counts)


def _phrase(counts: dict[str, int]) -> str:
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for word, n in counts.items() if n]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


@require_POST
@login_required
def bulk(request: HttpRequest, queue: str) -> HttpResponse:
    """First POST: the confirmation page, saying how many items of which kind; the second,
    with `confirm`, does it."""
    queue = _access_queue(request.user, queue)
    back = reverse("moderation:queue", args=[queue])
    item_ids = [parse_id(raw) for raw in request.POST.getlist("item")]
    decision = request.POST.get("decision", "")
    reason = request.POST.get("reason", "")
    try:
        if decision not in actions.BULK_DECISIONS:
            raise ActionError("Choose whether to hide or delete the selected items.")
        items = actions.selected_items(user=request.user, queue=queue, item_ids=item_ids)  # type: ignore[arg-type]
        if not items:
            raise ActionError("The selected items were all resolved meanwhile: nothing to do.")
        if request.POST.get("confirm") != "yes":
            context = {
                "queue": queue, "label": Queue(queue).label, "items": items, "decision": decision,
                "reason": reason, "what": _kinds(items), "urgent": PRIORITY_URGENT,
            }  # fmt: skip
            return render(request, "moderation/bulk_confirm.html", context)
        result = actions.resolve_items(
            queue=queue, item_ids=[i.pk for i in items], by=request.user,  # type: ignore[arg-type]
            decision=decision, reason=reason,
        )  # fmt: skip
    except NotFound:
        raise
    except ActionError as error:
        messages.error(request, error.message)
        return redirect(back)
    verb = "Hidden" if decision == "hide" else "Deleted"
    done = f"{verb}: {len(result.done)} item{'' if len(result.done) == 1 else 's'}."
    if result.skipped:
        done += (
            f" Left alone: {len(result.skipped)} (claimed by another moderator, resolved, or"
            " deleted already)."
        )
    messages.success(request, done)
    return redirect(back)


# Removing an account ----------------------------------------------------------------------


def _access_member(user: Any, member_id: str) -> User:
    member = User.objects.filter(pk=parse_id(member_id)).first()
    if member is None or not policy.can_remove_account(user, member):
        raise NotFound("That member does not exist, or is not yours to remove.")
    return member


@require_http_methods(["GET", "POST"])
@login_required
def remove_account(request: HttpRequest, member_id: str) -> HttpResponse:
    """GET: what removing the account would touch; POST: remove it."""
    member = _access_member(request.user, member_id)
    if request.method == "POST":
        reason = request.POST.get("reason", "")
        entry = actions.remove_account(member=member, by=request.user, reason=reason)  # type: ignore[arg-type]
        messages.success(request, "The account is deactivated and everything it posted removed.")
        return redirect("moderation:removal", entry_id=entry.pk)
    footprint = actions.account_footprint(member)
    what = _phrase({"question": len(footprint.questions), "answer": len(footprint.answers),
                    "comment": len(footprint.comments)})  # fmt: skip
    context = {"member": member, "footprint": footprint, "what": what}
    return render(request, "moderation/remove_account.html", context)


def _access_removal(user: Any, entry_id: str) -> tuple[AuditEntry, User]:
    entry = AuditEntry.objects.filter(pk=parse_id(entry_id), action=actions.REMOVE_ACCOUNT).first()
    member = User.objects.filter(pk=entry.member_id).first() if entry and entry.member_id else None
    if entry is None or member is None or not policy.can_remove_account(user, member):
        raise NotFound("That removal does not exist.")
    return entry, member


@require_GET
@login_required
def removal(request: HttpRequest, entry_id: str) -> HttpResponse:
    entry, member = _access_removal(request.user, entry_id)
    details = entry.details
    what = _phrase({"question": len(details.get("questions", [])),
                    "answer": len(details.get("answers", [])),
                    "comment": len(details.get("comments", []))})  # fmt: skip
    context = {"entry": entry, "member": member, "what": what, "undo": actions.undone_by(entry)}
    return render(request, "moderation/removal.html", context)


@require_POST
@login_required
def undo_removal(request: HttpRequest, entry_id: str) -> HttpResponse:
    entry, _ = _access_removal(request.user, entry_id)
    try:
        undo = actions.undo_account_removal(entry=entry, by=request.user)  # type: ignore[arg-type]
    except NotFound:
        raise
    except ActionError as error:
        messages.error(request, error.message)
    else:
        restored, skipped = undo.details["restored"], undo.details["skipped"]
        text = f"The account is active again; {len(restored)} items restored."
        if skipped:
            text += (
                f" {len(skipped)} were restored or removed otherwise since, and left as they are."
            )
        messages.success(request, text)
    return redirect("moderation:removal", entry_id=entry.pk)


urlpatterns = [
    path("review/", queues, name="queues"),
    path("review/item/<str:item_id>/", item_page, name="item"),
    path("review/item/<str:item_id>/claim", claim, name="claim"),
    path("review/item/<str:item_id>/release", release, name="release"),
    path("review/item/<str:item_id>/<str:decision>", decide, name="decide"),
    path("review/<str:queue>/", queue_page, name="queue"),
    path("review/<str:queue>/bulk", bulk, name="bulk"),
    path("member/<str:member_id>/remove", remove_account, name="remove_account"),
    path("removal/<str:entry_id>/", removal, name="removal"),
    path("removal/<str:entry_id>/undo", undo_removal, name="undo_removal"),
]
