"""Safety's page "Need help now?": crisis resources for the visitor's region."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from mindwell.safety.forms import RegionChoiceForm
from mindwell.safety.models import HelpService, Region
from mindwell.safety.regions import (
    DIRECT_KINDS,
    active_regions,
    chosen_region,
    pick_region,
    remember_region,
)


# Never stored by the page cache, on purpose: the page differs by the `region` cookie and
# by Accept-Language, and the anonymous cache keys pages by address alone, so a stored copy
# would hand one visitor's country to the next. It is not wrapped in `stored_page`, so
# PageCacheApp passes it through to Django every time (tests/pages/test_help_now_cache.py
# proves it with two real server processes). It costs two small queries. `Vary` tells
# the visitor's browser (which may keep guest pages, `private, no-cache`) the same thing.
@require_http_methods(["GET", "HEAD", "POST"])
@vary_on_headers("Cookie", "Accept-Language")
def help_now(request: HttpRequest) -> HttpResponse:
    """Crisis resources for the visitor's region, linked from every page. A POST remembers
    the country they chose (or forgets it) in a cookie and shows the page again.
    `?region=FR` shows another country's help without remembering it."""
    regions = active_regions()
    if request.method == "POST":
        form = RegionChoiceForm(request.POST, regions=regions)
        if form.is_valid():
            response = redirect("help_now")
            remember_region(response, form.chosen())
            return response
        status = 400
    else:
        form, status = None, 200
    region = chosen_region(request.GET.get("region", ""), regions) or pick_region(request, regions)
    if form is None:
        form = RegionChoiceForm(initial={"region": region.code}, regions=regions)
    services = list(region.services.all()) if region.pk else []
    context = {
        "region": region,
        "services": services,
        "checked_on": _last_checked(services),
        "others": [(other, _first_line(other)) for other in regions if other.pk != region.pk],
        "form": form,
        "resources_missing": not regions,
    }
    return render(request, "safety/help_now.html", context, status=status)


def _first_line(region: Region) -> HelpService | None:
    """The service named beside a region in the list of other countries."""
    services = list(region.services.all())
    return next((s for s in services if s.kind in DIRECT_KINDS), services[0] if services else None)


def _last_checked(services: list[HelpService]) -> date | None:
    """When the least recently checked service was checked; None if any never was."""
    dates = [s.checked_on for s in services]
    if not dates or None in dates:
        return None
    return min(d for d in dates if d is not None)
