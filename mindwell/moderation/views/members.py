"""Moderation pages: members. A member's moderation record, suspending and lifting, writing
to a member, the member's own messages, and the address ranges guests may not post from."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import dateformat, timezone
from django.views.decorators.http import require_http_methods, require_POST

from mindwell.accounts.access import access_member_by_id
from mindwell.accounts.models import User
from mindwell.accounts.policy import SUSPENSION_DATE, is_suspended
from mindwell.core.errors import ActionError, Forbidden, NotFound
from mindwell.moderation import policy
from mindwell.moderation.actions import members as actions
from mindwell.moderation.addresses import active_ranges
from mindwell.moderation.forms.members import BlockRangeForm, LiftForm, MessageForm, SuspendForm
from mindwell.moderation.models import Flag, FlagStatus, ModeratorMessage, Suspension
from mindwell.qa.models import Comment, Post, PostKind

RECORD_ROWS = 50


def _me(request: HttpRequest) -> User:
    """The logged-in member; call only behind login_required."""
    assert isinstance(request.user, User)
    return request.user


def _when(moment: Any) -> str:
    return dateformat.format(timezone.localtime(moment), SUSPENSION_DATE)


@require_http_methods(["GET"])
@login_required
def member_record(request: HttpRequest, member_id: int) -> HttpResponse:
    me = _me(request)
    member = access_member_by_id(me, member_id, may=policy.can_see_member_record)
    posts = Post.objects.filter(author=member).aggregate(
        questions=Count("id", filter=Q(kind=PostKind.QUESTION)),
        answers=Count("id", filter=Q(kind=PostKind.ANSWER)),
        removed=Count("id", filter=Q(deleted_at__isnull=False)),
    )
    against = Q(post__author=member) | Q(comment__author=member)
    flags = Flag.objects.filter(against)
    flag_counts = dict(
        flags.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    context = {
        "member": member,
        "suspended": is_suspended(member),
        "posts": posts,
        "comments": Comment.objects.filter(author=member).count(),
        "flag_counts": [(label, flag_counts.get(value, 0)) for value, label in FlagStatus.choices],
        "flags": flags.select_related("post", "comment").order_by("-id")[:RECORD_ROWS],
        "suspensions": Suspension.objects.filter(member=member)
        .select_related("moderator", "lifted_by")
        .order_by("-starts_at", "-id")[:RECORD_ROWS],
        "sent": ModeratorMessage.objects.filter(member=member)
        .select_related("moderator")
        .order_by("-id")[:RECORD_ROWS],
        "may_suspend": policy.can_suspend(me, member),
        "may_message": policy.can_message(me, member),
        "may_remove": policy.can_remove_account(me, member),
    }
    return render(request, "moderation/member_record.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def suspend(request: HttpRequest, member_id: int) -> HttpResponse:
    me = _me(request)
    member = access_member_by_id(me, member_id, may=policy.can_see_member_record)
    if not policy.can_suspend(me, member):
        raise Forbidden(policy.why_not_suspend(me, member))
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = actions.suspend_member(
                member=member, by=me, reason=form.cleaned_data["reason"], **form.length()
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            said = f"{member.username} is suspended until {_when(done.suspension.ends_at)}."
            if done.replaced is not None:
                said += f" This replaces the suspension until {_when(done.replaced.ends_at)}."
            messages.success(request, said)
            return redirect("moderation:member", member_id=member.pk)
    context = {"member": member, "form": form, "suspended": is_suspended(member)}
    status = 400 if form.errors else 200
    return render(request, "moderation/suspend.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def lift(request: HttpRequest, member_id: int) -> HttpResponse:
    me = _me(request)
    member = access_member_by_id(me, member_id, may=policy.can_see_member_record)
    if not policy.can_suspend(me, member):
        raise Forbidden(policy.why_not_suspend(me, member))
    form = LiftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.lift_suspension(member=member, by=me, reason=form.cleaned_data["reason"])
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, f"{member.username} is no longer suspended.")
            return redirect("moderation:member", member_id=member.pk)
    context = {"member": member, "form": form, "suspended": is_suspended(member)}
    return render(request, "moderation/lift.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def message(request: HttpRequest, member_id: int) -> HttpResponse:
    me = _me(request)
    member = access_member_by_id(me, member_id, may=policy.can_see_member_record)
    if not policy.can_message(me, member):
        raise Forbidden("You cannot write to this member.")
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.send_moderator_message(member=member, by=me, body=form.cleaned_data["body"])
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, f"Your message to {member.username} is sent.")
            return redirect("moderation:member", member_id=member.pk)
    context = {"member": member, "form": form}
    return render(request, "moderation/message.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET"])
@login_required
def my_messages(request: HttpRequest) -> HttpResponse:
    """The member's own messages from the moderators, newest first; opening the page marks
    them read (the header's link goes away)."""
    me = _me(request)
    received = list(ModeratorMessage.objects.filter(member=me).order_by("-id")[: RECORD_ROWS * 4])
    if any(m.read_at is None for m in received) or me.unread_moderator_messages:
        actions.read_moderator_messages(member=me)
        me.unread_moderator_messages = 0  # the header, rendered below, shows no link
    context = {"received": received, "moderators_email": settings.MINDWELL_MODERATORS_EMAIL}
    return render(request, "moderation/my_messages.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def blocked_ranges(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    if not policy.can_block_addresses(me):
        raise NotFound("There is no such page.")
    form = BlockRangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            blocked = actions.block_range(
                network=data["network"], by=me, reason=data["reason"], days=data["days"]
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, f"Guests can no longer post from {blocked.network}.")
            return redirect("moderation:blocked_ranges")
    context = {"form": form, "ranges": sorted(active_ranges(), key=lambda r: r.created_at)}
    return render(
        request, "moderation/blocked_ranges.html", context, status=400 if form.errors else 200
    )


@require_POST
@login_required
def unblock(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    if not policy.can_block_addresses(me):
        raise NotFound("There is no such page.")
    try:
        actions.unblock_range(network=request.POST.get("network", ""), by=me)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Guests can post from that range again.")
    return redirect("moderation:blocked_ranges")


urlpatterns = [
    path("member/<int:member_id>/", member_record, name="member"),
    path("member/<int:member_id>/suspend/", suspend, name="suspend"),
    path("member/<int:member_id>/lift/", lift, name="lift"),
    path("member/<int:member_id>/message/", message, name="message"),
    path("messages/", my_messages, name="my_messages"),
    path("blocked/", blocked_ranges, name="blocked_ranges"),
    path("blocked/remove/", unblock, name="unblock_range"),
]
