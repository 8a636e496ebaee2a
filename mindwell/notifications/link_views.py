"""The links in emails, which work without logging in: stopping email (one kind, or all of
it) and a guest's confirmation of their address. The signed token in the link is the only
authority (notifications.tokens). GET only asks, because mail scanners open links; POST
acts, from our button or from a mail program's one-click unsubscribe (RFC 8058), which
sends no CSRF token: these views are exempt, and acting twice is harmless."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mindwell.core.errors import ActionError
from mindwell.notifications import actions, tokens
from mindwell.notifications.models import Kind


def _holder(token: str, *, confirmation: bool = False) -> tokens.Holder:
    """Whom the link speaks for; ActionError 400 for a link we did not make (changed or cut
    short), 410 for one too old."""
    try:
        return tokens.read_confirmation(token) if confirmation else tokens.read_unsubscribe(token)
    except tokens.BadLink as error:
        raise ActionError(str(error), status=410 if error.expired else 400) from error


def _problem(request: HttpRequest, error: ActionError) -> HttpResponse:
    return render(
        request, "notifications/link_problem.html", {"message": error.message},
        status=error.status,
    )  # fmt: skip


def _scope_label(scope: str) -> str:
    return "" if scope == tokens.ALL else Kind(scope).label


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        holder = _holder(token)
        if request.method == "GET":
            scope = _scope_label(holder.scope)
            return render(request, "notifications/unsubscribe.html", {"scope": scope})
        stopped = actions.unsubscribe(holder)
    except ActionError as error:
        return _problem(request, error)
    guest = holder.guest_address_id is not None
    context = {"scope": _scope_label(stopped), "guest": guest}
    return render(request, "notifications/unsubscribed.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm_guest(request: HttpRequest, token: str) -> HttpResponse:
    try:
        holder = _holder(token, confirmation=True)
        if request.method == "GET":
            return render(request, "notifications/confirm_guest.html")
        address = actions.confirm_guest(holder)
    except ActionError as error:
        return _problem(request, error)
    stop_url = tokens.unsubscribe_path(guest_address_id=address.pk)
    return render(request, "notifications/confirmed.html", {"stop_url": stop_url})
