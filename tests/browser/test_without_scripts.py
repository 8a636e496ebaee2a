"""What the browser tests' visitors without JavaScript rest on (the `visitor` fixture): the
site's scripts never load, and nothing on the site shows differently to a browser whose
engine is off than to one whose scripts did not load, so axe can check their pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Request, expect

from tests.browser.support import ask
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
# What a browser without JavaScript shows but one whose scripts failed to load does not.
SCRIPTING_ONLY = re.compile(r"<noscript|@media[^{]*\bscripting\b", re.IGNORECASE)


def test_nothing_on_the_site_tells_a_browser_without_javascript_apart() -> None:
    sources = [
        *ROOT.glob("templates/**/*.html"),
        *ROOT.glob("mindwell/**/templates/**/*.html"),
        *ROOT.glob("static/css/**/*.css"),
    ]
    assert len(sources) > 20
    found = [
        str(path.relative_to(ROOT)) for path in sources if SCRIPTING_ONLY.search(path.read_text())
    ]
    assert not found, f"<noscript> or a `scripting` media query: {found}"


@pytest.mark.parametrize("javascript", [False, True])
def test_a_visitor_without_javascript_runs_none_of_the_sites_scripts(
    visitor: Callable[..., Page], javascript: bool
) -> None:
    """The ask page's hints come from its script: only the visitor with JavaScript sees them."""
    asker = make_member("asker", display_name="Asker")
    ask(asker, title="Is it normal to feel attached to my therapist?", tags="attachment")
    page = visitor(asker, javascript=javascript)
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    asked: list[Request] = []
    page.on("request", lambda request: asked.append(request))

    page.goto("/ask/")
    page.get_by_label("Title").fill("Getting really attached to my therapist")
    page.wait_for_timeout(1000)  # the script asks for hints 400 ms after typing stops

    scripts_failed = [url for url in failed if "/static/js/" in url]
    hints_asked = [r.url for r in asked if "/questions/similar/" in r.url]
    assert bool(scripts_failed) is not javascript, failed
    assert bool(hints_asked) is javascript, hints_asked
    expect(page.locator(".similar-hints li")).to_have_count(1 if javascript else 0)
