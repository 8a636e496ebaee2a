"""Turns the project's errors (core.errors) that a view did not handle into responses."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views import defaults

from mindwell.core.errors import ActionError, Forbidden, NotFound


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


class ErrorResponses:
    """An ActionError raised by an access function or an action and not caught by the view
    becomes the site's 404 or 403 page, or the 400 page with its message, or, for a request
    that asked for JSON, `{"error": message}` with the error's status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ActionError):
            return None
        if wants_json(request):
            return JsonResponse({"error": exception.message}, status=exception.status)
        if isinstance(exception, NotFound):
            return defaults.page_not_found(request, Http404(exception.message))
        if isinstance(exception, Forbidden):
            return defaults.permission_denied(request, PermissionDenied(exception.message))
        return render(request, "400.html", {"message": exception.message}, status=exception.status)
