"""The search app's pages and endpoints: the search page and its help page, and the
similar questions of a draft."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_safe

from mindwell.core.pagecache import stored_page
from mindwell.search import query, results, similar

# A hint may be a minute behind the site; the same text asks the same question.
SIMILAR_SECONDS = 60


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


@require_GET
def similar_questions(request: HttpRequest) -> JsonResponse:
    """Questions that look like a draft: `?title=...&body=...`, as JSON, best first. Any
    title gives 200: an empty or missing one an empty list (the ask page asks as the title
    is typed), a long one is read up to similar.MAX_TITLE characters (the body up to
    MAX_BODY). Never stored by the page cache: it is one answer per text."""
    title = request.GET.get("title", "")[: similar.MAX_TITLE]
    body = request.GET.get("body", "")[: similar.MAX_BODY]
    found = similar.suggestions_for_draft(title, body, ()) if title.strip() else []
    response = JsonResponse({"questions": [question.as_json() for question in found]})
    patch_cache_control(response, public=True, max_age=SIMILAR_SECONDS)
    return response
