"""What the site tells crawlers: /robots.txt and the sitemap of the questions."""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from mindwell.qa.models import Post
from mindwell.safety import crawlers

# Each sitemap file covers this many post ids (answers share the ids, so it lists fewer
# questions), well under the 50,000 addresses a sitemap may hold. A file is read through
# the primary key's index however large the site.
IDS_PER_SITEMAP = 10_000
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
CRAWLER_CACHE_SECONDS = 3600


def _xml(body: str) -> HttpResponse:
    response = HttpResponse(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', content_type="application/xml"
    )
    patch_cache_control(response, public=True, max_age=CRAWLER_CACHE_SECONDS)
    return response


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    response = HttpResponse(
        crawlers.robots_txt(sitemap_url=sitemap), content_type="text/plain; charset=utf-8"
    )
    patch_cache_control(response, public=True, max_age=CRAWLER_CACHE_SECONDS)
    return response


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The list of sitemap files, one per range of ids up to the newest question's."""
    newest = Post.objects.for_search_engines().order_by("-pk").values_list("pk", flat=True)
    last = newest.first() or 0
    files = [
        request.build_absolute_uri(reverse("sitemap_part", args=[number]))
        for number in range(last // IDS_PER_SITEMAP + 1)
    ]
    entries = "".join(f"<sitemap><loc>{escape(url)}</loc></sitemap>" for url in files)
    return _xml(f'<sitemapindex xmlns="{SITEMAP_NS}">{entries}</sitemapindex>')


@require_safe
def sitemap_part(request: HttpRequest, number: int) -> HttpResponse:
    """The questions whose ids fall in the `number`th range, with their last activity."""
    start = number * IDS_PER_SITEMAP
    rows = (
        Post.objects.for_search_engines()
        .filter(pk__gte=start, pk__lt=start + IDS_PER_SITEMAP)
        .order_by("pk")
        .only("pk", "slug", "kind", "last_activity_at")
    )
    entries = []
    for question in rows.iterator(chunk_size=2000):
        url = escape(request.build_absolute_uri(question.get_absolute_url()))
        day = question.last_activity_at.date().isoformat()
        entries.append(f"<url><loc>{url}</loc><lastmod>{day}</lastmod></url>")
    if not entries and not Post.objects.filter(pk__gte=start).exists():
        raise Http404("There is no such sitemap.")
    return _xml(f'<urlset xmlns="{SITEMAP_NS}">{"".join(entries)}</urlset>')
