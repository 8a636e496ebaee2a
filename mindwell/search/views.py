"""The search page and its help page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mindwell.core.pagecache import stored_page
from mindwell.search import query, results


def _page_number(raw: str | None) -> int:
    """The page asked for; anything that is not a page number is the first page."""
    if raw is None or not raw.isdigit() or len(raw) > 6:
        return 1
    return max(1, int(raw))


@require_safe
def search_results(request: HttpRequest) -> HttpResponse:
    """Not a stored page: a search is one person's (it may find their own held posts, and
    follows their reader controls), and queries rarely repeat."""
    text = request.GET.get("q", "")
    parsed = query.parse(text, user=request.user)
    context: dict[str, object] = {"parsed": parsed, "q": parsed.text}
    if parsed.problems:
        return render(request, "search/results.html", context, status=400)
    if parsed.empty:
        return render(request, "search/results.html", context)
    page = results.search(
        parsed,
        user=request.user,
        number=_page_number(request.GET.get("page")),
        size=settings.MINDWELL_PAGE_SIZE,
    )
    return render(request, "search/results.html", {**context, "page": page})


@require_safe
@stored_page
def search_help(request: HttpRequest) -> HttpResponse:
    return render(request, "search/help.html")
