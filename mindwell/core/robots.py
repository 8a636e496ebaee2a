"""Which pages ask search engines to leave them out of their index, decided once.

A page is kept out by `<meta name="robots" content="noindex">` in its head, written by
`{% robots_meta %}` in base.html, and the `RobotsTag` middleware repeats what a page's head
says as an `X-Robots-Tag: noindex` header. The header follows the page rather than being
decided again, so the two never disagree, whichever cache served the page: stored
anonymous pages keep Django's headers, and a stored member page goes through the middleware
with its head on each request. Pages not built on base.html (the admin's) get the header
from the request alone.

A page is kept out when:
- its view is one the apps registered with `keep_out` (safety lists them: profiles,
  moderation and account pages, forms);
- it is a list page beyond the first (a keyset cursor in its query: core.pagination);
- its template asks (`{% robots_meta noindex=question.keep_out_of_search %}`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import SafeString, mark_safe

from mindwell.core.pagination import is_later_page

NOINDEX_META = '<meta name="robots" content="noindex">'
_NOINDEX_META_BYTES = NOINDEX_META.encode()
HEADER = "X-Robots-Tag"

_views: set[str] = set()
_namespaces: set[str] = set()


def keep_out(*patterns: str) -> None:
    """Keep these views' pages out of search engines: "qa:profile" names one view,
    "moderation:*" every view of a namespace. Apps call it in their AppConfig.ready()."""
    for pattern in patterns:
        if pattern.endswith(":*"):
            _namespaces.add(pattern.removesuffix(":*"))
        else:
            _views.add(pattern)


def kept_out(request: HttpRequest) -> bool:
    """Whether the page answering `request` asks not to be indexed, whatever it shows."""
    match = getattr(request, "resolver_match", None)
    if match is not None and (
        match.view_name in _views or any(ns in _namespaces for ns in match.namespaces)
    ):
        return True
    return is_later_page(request.GET)


def robots_meta(request: HttpRequest | None, *, noindex: bool = False) -> SafeString:
    """The page's robots meta element: noindex when the page or its request asks."""
    if noindex or (request is not None and kept_out(request)):
        return mark_safe(NOINDEX_META)
    return mark_safe("")


def _says_noindex(response: HttpResponse) -> bool:
    content_type = response.get("Content-Type", "")
    if getattr(response, "streaming", False) or not content_type.startswith("text/html"):
        return False
    content = response.content
    end = content.find(b"</head>")
    return end >= 0 and _NOINDEX_META_BYTES in content[:end]


class RobotsTag:
    """`X-Robots-Tag: noindex` on every response to a request that is kept out, and on
    every HTML page whose head carries the noindex meta (a question its asker kept out): a
    second line for crawlers that read the headers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response and (kept_out(request) or _says_noindex(response)):
            response[HEADER] = "noindex"
        return response
