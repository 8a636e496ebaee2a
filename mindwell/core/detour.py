"""A page the writer should see before going where the form would have sent them.

A check deep inside a posting action (safety's screening, a higher app) may decide that
the author should see a page first: `request_detour(make_url)` says so for the current
request, where `make_url(next_url)` builds that page's address from where the author would
otherwise go (so the page can offer to continue there). The posting view, once the action
has committed, sends the author to `detour_from(next_url)`: that page if one was asked
for, else `next_url`. `Detours` (a middleware) forgets it between requests, so a detour
asked for by an action that then failed never reaches the next request on that thread.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

_detour: ContextVar[Callable[[str], str] | None] = ContextVar("detour", default=None)


def request_detour(make_url: Callable[[str], str]) -> None:
    """Ask the current request's view to show `make_url(next_url)` before `next_url`."""
    _detour.set(make_url)


def detour_from(next_url: str) -> str:
    """Where the writer goes now: the requested page, or `next_url` if none was asked."""
    make_url = _detour.get()
    _detour.set(None)
    return next_url if make_url is None else make_url(next_url)


def forget_detour() -> None:
    _detour.set(None)


class Detours:
    """Starts every request with no detour asked for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        forget_detour()
        try:
            return self.get_response(request)
        finally:
            forget_detour()
