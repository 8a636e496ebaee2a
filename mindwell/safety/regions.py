"""Which region's help to show a visitor, and the few options to offer first.

`region_for(request)` answers, in this order: the country the visitor chose on "Need help
now?" (remembered in the `region` cookie: strictly necessary, no account), the browser's
Accept-Language (en-GB -> GB, fr-CA -> CA, a bare "de" -> DE through the region's
`languages`), else international. It never fails: a crisis page must render even when the
database cannot be read, so a read error gives an unsaved international region.

Pages that call it vary per visitor, by cookie and by header: they must never be stored by
the page cache (see mindwell.safety.help_page.help_now).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

from mindwell.safety.models import INTERNATIONAL, HelpService, Region, ServiceKind

log = logging.getLogger(__name__)

REGION_COOKIE = "region"
REGION_COOKIE_AGE = 365 * 24 * 60 * 60

# Services offered first on a support page, in staff's order; the region's emergency
# number follows them.
DIRECT_KINDS = (ServiceKind.CRISIS_LINE, ServiceKind.TEXT, ServiceKind.CHAT)

_TAG = re.compile(r"^[a-z]{1,8}(-[a-z0-9]{1,8})*$")
_MAX_HEADER = 500
_MAX_TAGS = 20


def region_for(request: HttpRequest) -> Region:
    """The region whose help this visitor should see first (one query)."""
    return pick_region(request, active_regions())


def active_regions() -> list[Region]:
    """Every active region in page order with its active services; empty (and logged) if
    the database cannot be read."""
    try:
        return list(Region.objects.for_help_page())
    except DatabaseError:
        log.exception("The help resources could not be read; showing the fallback")
        return []


def pick_region(request: HttpRequest, regions: Sequence[Region]) -> Region:
    """As `region_for`, choosing among regions already loaded."""
    return (
        chosen_region(request.COOKIES.get(REGION_COOKIE, ""), regions)
        or region_from_languages(request.headers.get("Accept-Language", ""), regions)
        or international(regions)
    )


def chosen_region(code: str, regions: Sequence[Region]) -> Region | None:
    """The region with this code (a cookie's or a link's), or None for anything else."""
    code = code.strip()
    if len(code) == 2:
        code = code.upper()
    return next((region for region in regions if region.code == code), None)


def region_from_languages(header: str, regions: Sequence[Region]) -> Region | None:
    """The region the browser's languages point to, most preferred first.

    A tag naming a country (en-GB, fr-CA, zh-Hant-TW, es-419) points to that country, or
    to nothing if we have no help for it. A bare language (de) points to the region that
    lists it in `languages`, unless the browser named another country for that language
    first: "de-CH, de" is Switzerland or nothing, never Germany."""
    countries = {region.code: region for region in regions if not region.is_international}
    listed: dict[str, Region] = {}
    for region in regions:
        for tag in region.language_tags:
            listed.setdefault(tag, region)
    named: set[str] = set()  # languages for which the browser named a country
    for tag in preferred_languages(header):
        language, _, rest = tag.partition("-")
        country = _country_in(rest)
        if country is None:
            if language not in named and tag in listed:
                return listed[tag]
            continue
        found = listed.get(tag) or countries.get(country.upper())
        if found is not None:
            return found
        named.add(language)
    return None


def preferred_languages(header: str) -> list[str]:
    """The language tags of an Accept-Language header, lower-cased, most preferred first
    (by q-value, then in the order given); malformed entries, "*" and q=0 are dropped."""
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header[:_MAX_HEADER].split(",")[:_MAX_TAGS]):
        tag, _, params = item.strip().lower().partition(";")
        tag = tag.strip()
        if not _TAG.match(tag):
            continue
        quality = 1.0
        params = params.strip()
        if params:
            name, _, value = params.partition("=")
            try:
                quality = float(value) if name.strip() == "q" else -1.0
            except ValueError:
                continue
        if 0 < quality <= 1:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def _country_in(subtags: str) -> str | None:
    """The region subtag of a language tag's rest ("hant-tw" -> "tw", "419" -> "419")."""
    for subtag in subtags.split("-"):
        if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            return subtag
    return None


def international(regions: Sequence[Region]) -> Region:
    """The international region, or an unsaved one if staff removed it or the database
    cannot be read: the page still says to call the local emergency number."""
    found = chosen_region(INTERNATIONAL, regions)
    if found is not None:
        return found
    return Region(
        code=INTERNATIONAL,
        name="Anywhere else",
        police_answer=(
            "It depends on the service and the country. Most crisis lines are there to "
            "listen, and involve emergency services only when they believe a life is in "
            "immediate danger. You can ask at the start of a call what would happen."
        ),
    )


def crisis_options(region: Region, *, limit: int = 3) -> list[HelpService]:
    """Up to `limit` ways to reach help now, the most direct first: the region's active
    crisis lines, text and chat services in staff's order, then its emergency number (as
    an unsaved service, always included when the region has one and limit >= 1). A region
    with no emergency number (international) fills up with its other services."""
    if limit < 1:
        return []
    # .all() uses the services prefetched by for_help_page when there are any.
    services = [s for s in region.services.all() if s.active] if region.pk else []
    direct = [s for s in services if s.kind in DIRECT_KINDS]
    if region.emergency_number:
        return [*direct[: limit - 1], HelpService.emergency_for(region)]
    others = [s for s in services if s.kind not in DIRECT_KINDS]
    return [*direct, *others][:limit]


def remember_region(response: HttpResponse, region: Region | None) -> None:
    """Remember the visitor's choice on their device for a year, or forget it (None).

    The cookie is strictly necessary (it holds only the choice they made, for the page
    they asked for), sent to every path so that any page offering help can use it.
    Visitors who carry it are served by Django rather than the anonymous page cache (which
    lets only the CSRF cookie through); only those who chose a country pay for that."""
    if region is None:
        response.delete_cookie(REGION_COOKIE, samesite="Lax")
        return
    response.set_cookie(
        REGION_COOKIE,
        region.code,
        max_age=REGION_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
