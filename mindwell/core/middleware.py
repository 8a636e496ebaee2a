"""Middleware of the site: the headers every response carries, the refusal of control
characters at the door, and the project's errors (core.errors) as responses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views import defaults

from mindwell.core.errors import ActionError, Forbidden, NotFound, RateLimited

GetResponse = Callable[[HttpRequest], HttpResponse]


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def error_response(request: HttpRequest, error: ActionError) -> HttpResponse:
    """The 404 or 403 page, the 429 page (with Retry-After), the 400 page with the error's
    message, or for a request that asked for JSON, `{"error": message}`; each with the
    error's status."""
    response = _error_response(request, error)
    if isinstance(error, RateLimited):
        response["Retry-After"] = str(error.retry_after)
    return response


def _error_response(request: HttpRequest, error: ActionError) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"error": error.message}, status=error.status)
    if isinstance(error, RateLimited):
        context = {"message": error.message, "moderators_email": settings.MINDWELL_MODERATORS_EMAIL}
        return render(request, "429.html", context, status=error.status)
    if isinstance(error, NotFound):
        return defaults.page_not_found(request, Http404(error.message))
    if isinstance(error, Forbidden):
        return defaults.permission_denied(request, PermissionDenied(error.message))
    return render(request, "400.html", {"message": error.message}, status=error.status)


class SecurityHeaders:
    """Every response from Django carries the Content-Security-Policy and Permissions-Policy
    of the settings, and a Cache-Control that keeps it out of shared caches: `private,
    no-store` for anyone with a session (every member), `private, no-cache` for guests,
    whose pages hold their own CSRF token (decisions 0004 and 0007).

    Stored anonymous pages are Django's responses kept with their headers, so a page-cache
    hit carries exactly these at no cost; stored member pages go through Django each time."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": settings.MINDWELL_CONTENT_SECURITY_POLICY,
            "Permissions-Policy": settings.MINDWELL_PERMISSIONS_POLICY,
        }
        self.session_cookie = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        with_session = (
            self.session_cookie in request.COOKIES or self.session_cookie in response.cookies
        )
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = (
                "private, no-store" if with_session else "private, no-cache"
            )
        elif with_session:
            patch_cache_control(response, private=True, no_store=True)
        return response


# Unicode's control characters (C0, DEL and C1). None belongs in an address, a query or a
# cookie; form text may hold tab, line feed and carriage return. PostgreSQL cannot store NUL
# at all, and the others are never meant.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _first_control(pattern: re.Pattern[str], texts: Iterable[str]) -> str | None:
    for text in texts:
        found = pattern.search(text)
        if found:
            return found.group()
    return None


def _parameters(query: QueryDict) -> Iterable[str]:
    for name, values in query.lists():
        yield name
        yield from values


class RefuseControlCharacters:
    """A request whose address, query or form holds a control character is answered 400
    with a readable message (or JSON), before any view or query sees it. A session cookie
    holding one is one we never made: the request goes on without a session.

    Placed after the authentication middleware, so the 400 page knows who is asking."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
        if _CONTROL.search(session_key):
            request.session = request.session.__class__()
        problem = self._problem(request)
        if problem:
            return error_response(request, ActionError(problem))
        return self.get_response(request)

    def _problem(self, request: HttpRequest) -> str | None:
        where, found = "address", _first_control(_CONTROL, [request.path_info])
        if found is None and request.META.get("QUERY_STRING"):
            found = _first_control(_CONTROL, _parameters(request.GET))
        if found is None and request.method == "POST":
            where = "form"
            found = _first_control(_CONTROL_IN_TEXT, _parameters(request.POST))
        if found is None:
            return None
        return (
            f"The {where} contains an invisible control character (U+{ord(found):04X}), "
            "which nothing here accepts."
        )


class ErrorResponses:
    """An ActionError raised by an access function, an action or a rate limit and not caught
    by the view becomes the site's 404, 403 or 429 page, or the 400 page with its message,
    or, for a request that asked for JSON, `{"error": message}` with the error's status."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ActionError):
            return None
        return error_response(request, exception)
