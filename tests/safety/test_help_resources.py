"""Help that fits the reader: "Need help now?" shows the visitor's region first, chosen by
the cookie they set, else their browser's languages, else international; staff edit the
services in the admin; the seed covers the countries the issue asks for."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse

from mindwell.safety.models import HelpService, Region, ServiceKind
from mindwell.safety.regions import (
    REGION_COOKIE,
    active_regions,
    crisis_options,
    preferred_languages,
    region_for,
)
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

URL = "/help-now/"
SEEDED_COUNTRIES = {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "NL", "IN", "ZA"}


def shown_region(response) -> str:
    """The region the page says it shows."""
    found = re.search(r"Showing help for: <strong>([^<]+)</strong>", response.content.decode())
    assert found, "the page names no region"
    return found.group(1)


def visit(*, cookie: str | None = None, languages: str | None = None, query: str = "") -> str:
    client = Client()
    if cookie is not None:
        client.cookies[REGION_COOKIE] = cookie
    headers = {"Accept-Language": languages} if languages is not None else {}
    response = client.get(URL + query, headers=headers)
    assert response.status_code == 200
    return shown_region(response)


# --- which region ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "region"),
    [
        ("en-GB,en;q=0.9", "United Kingdom"),
        ("fr-CA,fr;q=0.8,en;q=0.5", "Canada"),
        ("de", "Germany"),
        ("de-DE", "Germany"),
        ("EN-us", "United States"),
        ("nl-BE,nl;q=0.9", "Belgium"),
        ("zh-Hant-TW,en-AU;q=0.5", "Australia"),  # Taiwan has no entry yet: the next one
        ("en;q=0.3,fr-FR;q=0.9", "France"),  # q-values, not the order written, decide
        ("en-US;q=0.5,en-IE;q=0.5", "United States"),  # equal q: the order written
        ("ga", "Ireland"),  # a bare language that a region lists
        ("fr-SN,fr;q=0.9", "International"),  # Senegal named: not France for "fr"
        ("es-419,es;q=0.9", "International"),  # Latin America is not Spain
        ("es-MX,en-GB;q=0.7", "United Kingdom"),
        ("en", "International"),  # a bare language nobody lists
        ("*", "International"),
        ("en-GB;q=0,fr-FR;q=0.1", "France"),  # q=0 means "not this"
        ("", "International"),
        ("en-GB;q=abc,de-AT", "Austria"),  # a broken q drops only its entry
        ("xx-ZZ-????, ;;;,,,=", "International"),
    ],
)
def test_the_browser_languages_choose_the_region(header, region):
    assert visit(languages=header) == region


def test_without_a_cookie_or_languages_the_page_is_international():
    assert visit() == "International"


def test_the_chosen_country_beats_the_browser_languages():
    assert visit(cookie="NZ", languages="de-DE,de") == "New Zealand"
    assert visit(cookie="nz", languages="de-DE") == "New Zealand"


@pytest.mark.parametrize("cookie", ["ZZ", "", "GBR", "international'--", "Ü", "x" * 500, "<b>"])
def test_a_cookie_naming_no_region_falls_back_to_the_languages(cookie):
    assert visit(cookie=cookie, languages="en-IE") == "Ireland"
    assert visit(cookie=cookie) == "International"


def test_a_cookie_naming_a_switched_off_region_falls_back():
    Region.objects.filter(code="FR").update(active=False)

    assert visit(cookie="FR", languages="fr-FR,fr") == "International"


def test_a_link_shows_another_country_without_changing_the_choice():
    assert visit(cookie="GB", query="?region=ES") == "Spain"
    assert visit(cookie="GB", query="?region=nowhere") == "United Kingdom"


def test_region_for_follows_the_same_rules_for_other_pages():
    factory = RequestFactory()
    request = factory.get("/", headers={"Accept-Language": "en-NZ"})
    assert region_for(request).code == "NZ"
    request.COOKIES[REGION_COOKIE] = "ZA"
    assert region_for(request).code == "ZA"
    assert region_for(factory.get("/")).code == "international"


def test_preferred_languages_orders_by_quality_then_position():
    header = "da, en-gb;q=0.8, en;q=0.7, de;q=0.8, fr;q=1.0, it;q=0"

    assert preferred_languages(header) == ["da", "fr", "en-gb", "de", "en"]


# --- the picker ------------------------------------------------------------------------


def test_choosing_a_country_remembers_it_in_a_strictly_necessary_cookie():
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(URL, headers={"Accept-Language": "en-US"})
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert token

    response = browser.post(URL, {"csrfmiddlewaretoken": token.group(1), "region": "IE"})

    assert response.status_code == 302 and response["Location"] == URL
    cookie = response.cookies[REGION_COOKIE]
    assert cookie.value == "IE"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax" and cookie["httponly"] and cookie["path"] == "/"
    followed = browser.get(URL, headers={"Accept-Language": "en-US"})
    assert shown_region(followed) == "Ireland"
    assert 'value="IE" selected' in followed.content.decode()


def test_choosing_the_browser_again_forgets_the_choice():
    browser = Client()
    browser.cookies[REGION_COOKIE] = "IE"

    response = browser.post(URL, {"region": "browser"})

    assert response.status_code == 302
    assert response.cookies[REGION_COOKIE].value == ""  # deleted: expired at once
    assert shown_region(browser.get(URL, headers={"Accept-Language": "en-AU"})) == "Australia"


def test_the_picker_refuses_a_post_without_its_csrf_token():
    response = Client(enforce_csrf_checks=True).post(URL, {"region": "IE"})

    assert response.status_code == 403
    assert REGION_COOKIE not in response.cookies


def test_an_unknown_country_is_refused_with_a_message_and_the_help_still_shown():
    response = Client().post(URL, {"region": "XX"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a country from the list." in page
    assert REGION_COOKIE not in response.cookies
    assert "Samaritans" in page and "findahelpline.com" in page


def test_other_methods_are_refused():
    assert Client().put(URL).status_code == 405


# --- what the page shows ---------------------------------------------------------------


def test_the_region_page_shows_its_emergency_number_crisis_lines_and_police_answer():
    client = Client()
    client.cookies[REGION_COOKIE] = "GB"
    page = client.get(URL).content.decode()

    assert '<a href="tel:999">Call 999</a>' in page
    assert 'href="tel:116123">116 123</a>' in page
    assert "<strong>SHOUT</strong> to" in page and 'href="sms:85258?body=SHOUT"' in page
    assert "Will they send the police?" in page and "do not trace calls" in page
    assert 'href="https://www.samaritans.org/" rel="noreferrer"' in page
    assert "not a crisis service or a treatment service" in page
    # Its own services come before the other countries' list.
    assert page.index("Samaritans") < page.index('id="other-countries"')
    assert page.index('id="other-countries"') < page.index("13 11 14")


def test_international_offers_the_directory_and_no_false_number():
    page = Client().get(URL).content.decode()

    assert "call your local emergency number now" in page
    assert 'class="emergency-number"' not in page
    assert 'href="https://findahelpline.com/" rel="noreferrer"' in page


def test_services_edited_in_the_admin_appear_and_switched_off_ones_do_not():
    staff = make_member("help_editor", is_staff=True, is_superuser=True)
    admin = client_for(staff)
    region = Region.objects.get(code="NZ")
    services = list(region.services.all())
    data = {
        "code": "NZ", "name": "Aotearoa New Zealand", "emergency_number": "111",
        "emergency_note": "", "languages": "mi", "police_answer": region.police_answer,
        "active": "on", "order": "100",
        "services-TOTAL_FORMS": str(len(services) + 1),
        "services-INITIAL_FORMS": str(len(services)),
        "services-MIN_NUM_FORMS": "0", "services-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    for i, service in enumerate(services):
        data |= {
            f"services-{i}-id": str(service.pk), f"services-{i}-region": str(region.pk),
            f"services-{i}-name": service.name, f"services-{i}-kind": service.kind,
            f"services-{i}-phone": service.phone, f"services-{i}-text_number": service.text_number,
            f"services-{i}-text_keyword": service.text_keyword,
            f"services-{i}-web_url": service.web_url, f"services-{i}-hours": service.hours,
            f"services-{i}-notes": service.notes, f"services-{i}-order": str(service.order),
            f"services-{i}-checked_on": "2026-03-02",
        }  # fmt: skip
        if service.name != "Youthline":
            data[f"services-{i}-active"] = "on"
    new = len(services)
    data |= {
        f"services-{new}-name": "Rainbow Line", f"services-{new}-kind": "chat",
        f"services-{new}-phone": "", f"services-{new}-text_number": "",
        f"services-{new}-text_keyword": "", f"services-{new}-web_url": "https://example.org/chat",
        f"services-{new}-hours": "Evenings", f"services-{new}-notes": "A test entry.",
        f"services-{new}-order": "5", f"services-{new}-active": "on",
        f"services-{new}-checked_on": "2026-03-01",
    }  # fmt: skip

    response = admin.post(f"/admin/safety/region/{region.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    visitor = Client()
    visitor.cookies[REGION_COOKIE] = "NZ"
    page = visitor.get(URL).content.decode()
    assert "Showing help for: <strong>Aotearoa New Zealand</strong>" in page
    assert page.index("Rainbow Line") < page.index("1737")  # order 5 comes first
    assert 'href="https://example.org/chat" rel="noreferrer">example.org/chat</a>' in page
    assert "Youthline" not in page
    assert "We last checked these details on 1 March 2026." in page


def test_the_admin_refuses_a_service_nobody_can_reach():
    staff = make_member("help_editor", is_staff=True, is_superuser=True)
    region = Region.objects.get(code="FI")
    data = {
        "region": str(region.pk), "name": "Nowhere line", "kind": "crisis_line", "phone": "",
        "text_number": "", "text_keyword": "", "web_url": "", "hours": "Never", "notes": "",
        "order": "1", "active": "on", "checked_on": "",
    }  # fmt: skip

    response = client_for(staff).post("/admin/safety/helpservice/add/", data)

    assert response.status_code == 200
    assert "Give a phone number, a text number or a website." in response.content.decode()
    assert not HelpService.objects.filter(name="Nowhere line").exists()
    data |= {"phone": "+358 (0)9 123", "web_url": "http://insecure.example/"}
    page = client_for(staff).post("/admin/safety/helpservice/add/", data).content.decode()
    assert "as people dial it" in page and "Enter a valid URL." in page
    assert not HelpService.objects.filter(name="Nowhere line").exists()


def test_the_admin_lists_and_searches_regions_and_services():
    admin = client_for(make_member("help_editor", is_staff=True, is_superuser=True))

    regions = admin.get("/admin/safety/region/", {"q": "Samaritans"}).content.decode()
    services = admin.get("/admin/safety/helpservice/", {"q": "116 123"}).content.decode()

    assert "United Kingdom" in regions and "Ireland" in regions and "Germany" not in regions
    assert "Samaritans" in services and "Mental Helse" in services and "Lifeline" not in services


def test_the_seed_covers_the_countries_asked_for_each_with_an_emergency_number_and_crisis_line():
    regions = {region.code: region for region in active_regions()}

    assert set(regions) >= SEEDED_COUNTRIES
    assert len(regions) - 1 >= 12 and "international" in regions
    for code, region in regions.items():
        services = list(region.services.all())
        assert services, code
        if code == "international":
            assert any("findahelpline.com" in s.web_url for s in services)
            continue
        assert region.emergency_number and region.police_answer, code
        assert any(s.kind == ServiceKind.CRISIS_LINE and s.phone for s in services), code
        for service in services:
            service.full_clean()  # every seeded entry passes the admin's own checks
            assert service.hours, (code, service.name)
            assert not service.web_url or service.web_url.startswith("https://")
    texting = {code for code, r in regions.items() if any(s.text_number for s in r.services.all())}
    assert {"US", "CA", "GB", "IE", "AU", "NZ"} <= texting


# --- the block for support pages -------------------------------------------------------


def test_crisis_options_offer_the_most_direct_first_and_the_emergency_number_last():
    regions = {region.code: region for region in active_regions()}

    us = crisis_options(regions["US"])
    assert [s.name for s in us] == [
        "988 Suicide & Crisis Lifeline", "Crisis Text Line", "Emergency services",
    ]  # fmt: skip
    assert us[-1].phone == "911" and us[-1].pk is None
    assert [s.name for s in crisis_options(regions["GB"], limit=2)] == [
        "Samaritans", "Emergency services",
    ]  # fmt: skip
    assert [s.phone for s in crisis_options(regions["DE"], limit=1)] == ["112"]
    assert crisis_options(regions["GB"], limit=0) == []
    # With no emergency number, the directory.
    assert [s.name for s in crisis_options(regions["international"])] == [
        "Find A Helpline", "Befrienders Worldwide",
    ]  # fmt: skip


def test_crisis_options_leave_out_switched_off_services_and_read_the_database_when_needed():
    HelpService.objects.filter(name="Samaritans", region__code="GB").update(active=False)
    region = Region.objects.get(code="GB")  # no prefetch

    assert [s.name for s in crisis_options(region)] == [
        "Shout",
        "Papyrus HOPELINE247",
        "Emergency services",
    ]


def test_the_crisis_block_renders_the_options_the_police_answer_and_a_link():
    region = next(r for r in active_regions() if r.code == "IE")
    html = render_to_string(
        "safety/_crisis_options.html", {"region": region, "options": crisis_options(region)}
    )

    assert html.count('class="service-name"') == 3
    assert 'href="tel:116123"' in html and 'href="sms:50808?body=HELLO"' in html
    assert 'href="tel:112"' in html
    assert "<h3>Will they send the police?</h3>" in html and "do not trace calls" in html
    assert f'href="{reverse("help_now")}"' in html
    assert "call your local emergency number" not in html


def test_the_crisis_block_for_international_says_to_call_the_local_number():
    region = next(r for r in active_regions() if r.code == "international")
    html = render_to_string(
        "safety/_crisis_options.html", {"region": region, "options": crisis_options(region)}
    )

    assert "call your local emergency number" in html
    assert 'href="https://findahelpline.com/" rel="noreferrer"' in html
    assert 'href="tel:' not in html


# --- robustness ------------------------------------------------------------------------


def test_when_the_resources_cannot_be_read_the_page_still_gives_numbers():
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("DROP TABLE safety_helpservice")
        cursor.execute("DROP TABLE safety_region")

    response = Client().get(URL, headers={"Accept-Language": "en-GB"})

    assert response.status_code == 200
    page = response.content.decode()
    for number in ("112", "911", "999", "000"):
        assert f'href="tel:{number}"' in page
    assert "findahelpline.com" in page and "call your local emergency number now" in page


def test_checked_dates_are_shown_only_when_every_service_shown_was_checked():
    client = Client()
    client.cookies[REGION_COOKIE] = "FI"
    assert "We last checked" not in client.get(URL).content.decode()
    HelpService.objects.filter(region__code="FI").update(checked_on=date(2026, 2, 3))

    assert "We last checked these details on 3 February 2026." in client.get(URL).content.decode()


def test_the_privacy_page_lists_the_region_cookie():
    page = Client().get(reverse("privacy")).content.decode()

    row = re.search(rf"<tr><td><code>{REGION_COOKIE}</code></td>.*?</tr>", page)
    assert row and "<td>1 year</td>" in row.group()


def test_the_page_costs_two_queries_however_many_regions_there_are(django_assert_num_queries):
    for code in ("PT", "IT", "JP"):
        region = Region.objects.create(
            code=code, name=code, emergency_number="112", police_answer="."
        )
        HelpService.objects.create(region=region, name="Line", phone="123", hours="Always")
    client = Client()
    client.cookies[REGION_COOKIE] = "JP"

    with django_assert_num_queries(2):  # the regions, then their services
        response = client.get(URL)

    assert shown_region(response) == "JP"
