"""The search app's pages and endpoints."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from mindwell.search import similar

# A hint may be a minute behind the site; the same text asks the same question.
SIMILAR_SECONDS = 60


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
