"""Notifications' pages: the inbox and email settings (the links in emails: link_views)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mindwell.notifications import actions, inbox
from mindwell.notifications.models import Notification

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


@login_required
def email_settings(request: HttpRequest) -> HttpResponse:
    # The settings form arrives with the settings page (issue 13's interface part).
    return render(request, "notifications/settings.html", {"here": "notification_settings"})
