"""Notifications' pages: the inbox, email settings, and the links in emails (unsubscribe,
a guest's confirmation), which work without logging in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from mindwell.core.errors import ActionError, NotFound
from mindwell.notifications import actions, inbox, tokens
from mindwell.notifications.models import Kind, Notification

INBOX_LENGTH = 100


@login_required
def inbox_page(request: HttpRequest) -> HttpResponse:
    rows = list(
        Notification.objects.filter(recipient_id=request.user.pk)
        .select_related(
            "question", "post", "comment", "post__author", "comment__author", "post__question"
        )
        .order_by("-created_at")[:INBOX_LENGTH]
    )
    groups = inbox.group(rows, request.user, names=True)
    return render(request, "notifications/inbox.html", {"groups": groups, "here": "inbox"})


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    ids = [int(v) for v in request.POST.getlist("notification") if v.isdigit()]
    question = request.POST.get("question", "")
    if ids:
        actions.mark_read(member=request.user, notification_ids=ids)
    elif question.isdigit():
        actions.mark_read(member=request.user, question_id=int(question))
    elif request.POST.get("all") == "1":
        count = actions.mark_read(member=request.user)
        messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} read.")
    return redirect("notifications:inbox")


def _holder(token: str) -> tokens.Holder:
    try:
        return tokens.read(token)
    except tokens.BadLink as error:
        raise ActionError(str(error), status=410 if error.expired else 400) from error


@csrf_exempt  # the signed link is the authority, and mail programs POST without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (mail scanners open links: they must not unsubscribe anyone); POST does it,
    from our button or from a mail program's one-click (RFC 8058)."""
    try:
        holder = _holder(token)
        if holder.scope == "confirm":
            raise ActionError("This link is not one we sent, or it was cut short.")
    except ActionError as error:
        return render(
            request,
            "notifications/link_problem.html",
            {"message": error.message},
            status=error.status,
        )
    if request.method == "GET":
        scope = "" if holder.scope == tokens.ALL else Kind(holder.scope).label
        return render(request, "notifications/unsubscribe.html", {"token": token, "scope": scope})
    try:
        scope = actions.unsubscribe(holder)
    except (ActionError, NotFound) as error:
        return render(
            request,
            "notifications/link_problem.html",
            {"message": error.message},
            status=getattr(error, "status", 404),
        )
    label = "" if scope == tokens.ALL else Kind(scope).label
    return render(
        request,
        "notifications/unsubscribed.html",
        {"scope": label, "guest": holder.guest_address_id is not None},
    )


@require_http_methods(["GET", "POST"])
def confirm_guest(request: HttpRequest, token: str) -> HttpResponse:
    try:
        holder = _holder(token)
    except ActionError as error:
        return render(
            request,
            "notifications/link_problem.html",
            {"message": error.message},
            status=error.status,
        )
    if request.method == "GET":
        return render(request, "notifications/confirm_guest.html", {"token": token})
    try:
        actions.confirm_guest(holder)
    except (ActionError, NotFound) as error:
        return render(
            request,
            "notifications/link_problem.html",
            {"message": error.message},
            status=getattr(error, "status", 404),
        )
    return render(
        request,
        "notifications/confirmed.html",
        {"stop_url": tokens.unsubscribe_url(guest_address_id=holder.guest_address_id)},
    )


@login_required
def email_settings(request: HttpRequest) -> HttpResponse:
    # The settings form arrives with the settings page (issue 13's interface part).
    return render(request, "notifications/settings.html", {"here": "notification_settings"})
