"""Notifications' pages: the inbox, email settings and the names offered after "@" (the
links in emails, which work without logging in: link_views)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, NotFound
from mindwell.core.middleware import wants_json
from mindwell.notifications import actions, inbox, mentions, preferences
from mindwell.notifications.access import access_notification
from mindwell.notifications.forms import EmailSettingsForm, MarkReadForm
from mindwell.qa.access import access_question


def local_url(request: HttpRequest, url: str, *, fallback: str) -> str:
    """`url` if it is a page of this site (a path), else `fallback`: never sends anyone
    elsewhere, whatever a form or a stored link says."""
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


def _first_problem(form: Any) -> str:
    return next(str(error) for errors in form.errors.values() for error in errors)


def _unread(member: Any) -> int:
    """The member's unread count now (after a change made in this request)."""
    found = User.objects.filter(pk=member.pk).values_list("unread_notifications", flat=True)
    return found.first() or 0


# The inbox ----------------------------------------------------------------------------------


@login_required
@require_GET
def inbox_page(request: HttpRequest) -> HttpResponse:
    member: Any = request.user
    page = inbox.page_of(member, request.GET)
    context = {
        "page": page,
        "groups": inbox.group(page.items, member, names=True),
        "kept_days": settings.MINDWELL_NOTIFICATIONS_DAYS,
    }
    return render(request, "notifications/inbox.html", context)


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    form = MarkReadForm(request.POST)
    if not form.is_valid():
        raise ActionError(_first_problem(form))
    data = form.cleaned_data
    if data["notification"]:
        count = actions.mark_read(member=request.user, notification_ids=data["notification"])
    elif data["question"]:
        count = actions.mark_read(member=request.user, question_id=data["question"])
    else:
        count = actions.mark_read(member=request.user)
    if wants_json(request):
        return JsonResponse({"marked": count, "unread": _unread(request.user)})
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} read.")
    inbox_url = reverse("notifications:inbox")
    return redirect(local_url(request, request.POST.get("next", ""), fallback=inbox_url))


@login_required
@require_GET
def open_notification(request: HttpRequest, notification_id: str) -> HttpResponse:
    """Go to what a notification is about, marking it read on the way."""
    notification = access_notification(request.user, notification_id)
    if notification.read_at is None:
        actions.mark_read(member=request.user, notification_ids=[notification.pk])
    shown = inbox.describe(notification, request.user)
    inbox_url = reverse("notifications:inbox")
    return redirect(local_url(request, shown.url, fallback=inbox_url))


# Names offered after "@" ---------------------------------------------------------------------


@require_GET
def mention_names(request: HttpRequest, question_id: str) -> JsonResponse:
    """{"names": [{"username", "name"}]}: who wrote by name in this thread (notifications.
    mentions), for the answer and comment boxes."""
    try:
        question = access_question(request.user, question_id)
        prefix = mentions.clean_prefix(request.GET.get("q", "").strip().removeprefix("@"))
    except ActionError as error:
        return JsonResponse({"error": error.message}, status=error.status)
    return JsonResponse({"names": mentions.names_in_thread(request.user, question, prefix)})


# Email settings -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request: HttpRequest) -> HttpResponse:
    member: Any = request.user
    current = preferences.settings_of(member)
    hour = settings.MINDWELL_DIGEST_HOUR
    if request.method == "POST":
        form = EmailSettingsForm(
            request.POST, digest_hour=hour, kinds=preferences.choosable(member)
        )
        if form.is_valid():
            try:
                actions.save_email_settings(
                    member=member, frequencies=form.frequencies(),
                    quote_excerpts=form.cleaned_data["quote_excerpts"],
                    timezone_name=form.cleaned_data["timezone"],
                )  # fmt: skip
            except ActionError as error:
                form.add_action_error(error)
            else:
                messages.success(request, "Your email settings are saved.")
                return redirect("notifications:email_settings")
    else:
        initial = {
            **{
                EmailSettingsForm.field_for(kind): preferences.chosen(member, kind)
                for kind in preferences.choosable(member)
            },
            "quote_excerpts": current.quote_excerpts,
            "timezone": current.timezone
            if current.timezone in preferences.time_zone_names()
            else "UTC",
        }
        form = EmailSettingsForm(
            initial=initial, digest_hour=hour, kinds=preferences.choosable(member)
        )
    context = {"form": form, "member": member, "current": current}
    return render(
        request, "notifications/settings.html", context, status=400 if form.errors else 200
    )


# Stopping and resuming every email, and trying an address that refused mail again.
SWITCHES = {
    "stop": (actions.stop_all_email, "We will send you no notification email until you resume."),
    "resume": (actions.resume_email, "Notification email is on again, as your settings say."),
    "retry": (actions.retry_address, "We will try your address again with the next email."),
}


@login_required
@require_POST
def email_switch(request: HttpRequest, switch: str) -> HttpResponse:
    if switch not in SWITCHES:
        raise NotFound("There is no such setting.")
    action, done = SWITCHES[switch]
    action(member=request.user)
    messages.success(request, done)
    return redirect("notifications:email_settings")
