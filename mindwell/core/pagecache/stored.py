"""The one decorator a view needs to be stored: `stored_page`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from mindwell.core.pagecache.anonymous import marker_for
from mindwell.core.pagecache.declare import recording_shown
from mindwell.core.pagecache.members import sees_own_page, serve_member_page
from mindwell.core.pagecache.versions import EVERY_PAGE


def stored_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let a GET view's page be stored: whole for anonymous readers (anonymous.py) and as
    one page shared by members, personalised per request (members.py).

    The view declares nothing itself: whatever its selectors and presenters declare with
    `shows()` while it renders is what the stored page depends on. Only a 200 response is
    stored; a redirect or an error page is served as it is."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        user = request.user
        if user.is_authenticated:
            if sees_own_page(user):
                return view(request, *args, **kwargs)
            return serve_member_page(request, view, *args, **kwargs)
        marker = marker_for(request)
        if marker is None:  # the cache is off, or the request did not come through WSGI
            return view(request, *args, **kwargs)
        marker.cacheable = True
        with recording_shown() as shown:
            response = view(request, *args, **kwargs)
        marker.deps = [EVERY_PAGE, *shown.names]
        marker.on_hit = shown.on_hit
        return response

    return wrapper
