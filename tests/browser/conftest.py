"""Fixtures of the browser tests: one Chromium for the session, a fresh browser context per
visitor, against pytest-django's live server (which serves /static/ through the staticfiles
finders, so pages get the CSS and JS of the work tree)."""

from __future__ import annotations

import os
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect, sync_playwright

from mindwell.accounts.models import User
from tests.browser.support import (
    ARTIFACTS,
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    CSP_BINDING,
    CSP_LISTENER,
    POLICY_CONSOLE_WORDS,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here carries the `browser` mark: ./test runs them on SQLite only."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for the browser tests; stopped after them, so that the rest of the suite
    runs without Playwright's event loop."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: ./test installs it (apt-get install chromium).")
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: ./test installs it (npm ci).")
    # Playwright's sync API marks an event loop as running in this thread between its calls.
    # Django would then refuse the ORM calls the tests make to set up and check data (they
    # are plain blocking calls), and asgiref hands this thread a second set of database
    # connections, which lack the snapshot that serialized_rollback restores: copy it over.
    snapshots = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    # Generous waits: CI machines are small and may be busy; a passing check returns at once.
    expect.set_options(timeout=15_000)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, snapshot in snapshots.items():
                if snapshot is not None:
                    connections[alias]._test_serialized_contents = snapshot  # type: ignore[attr-defined]
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site_url(live_server: Any) -> str:
    # Cached pages of an earlier test must not outlive its flushed database.
    cache.clear()
    return str(live_server.url)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    setattr(item, f"report_{report.when}", report)  # read by `visitor` to keep evidence
    if report.failed and report.when == "call":
        # A page that waited in vain on the live server: where each of its threads was.
        report.sections.append(("threads of the test process at the failure", _stacks()))
    return report


def _stacks() -> str:
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    return "\n".join(
        f"--- {names.get(ident, ident)}\n{''.join(traceback.format_stack(frame))}"
        for ident, frame in sys._current_frames().items()
    )


@pytest.fixture
def policy_violations() -> list[str]:
    """What the Content-Security-Policy blocked, or the browser found wrong in the policy
    headers, on any visitor's page; the `visitor` fixture fails the test unless it is empty."""
    return []


def _without_scripts(route: Route) -> None:
    if route.request.resource_type == "script":
        route.abort("blockedbyclient")
    else:
        route.fallback()


@pytest.fixture
def visitor(
    browser: Browser,
    site_url: str,
    request: pytest.FixtureRequest,
    policy_violations: list[str],
) -> Iterator[Callable[..., Page]]:
    """visitor(user=None, width=1280, height=900, dark=False, javascript=True,
    timezone_id=None) -> a page in a new browser context (in that time zone, if given):
    its own cookies, so each visitor is a separate person. A user is logged in by session
    cookie. Any JavaScript error, any request to another site, or
    anything the Content-Security-Policy blocks fails the test.

    javascript=False: the site's scripts never load, so the pages behave as for a visitor
    without JavaScript, while the browser's engine stays on for the test's own checks (axe).
    Only the site's scripts differ between the two: no template has a <noscript> and no
    style asks for `scripting` (tests/browser/test_without_scripts.py)."""
    contexts: list[BrowserContext] = []
    errors: list[str] = []
    outside: list[str] = []

    def open_page(
        user: User | None = None,
        *,
        width: int = 1280,
        height: int = 900,
        dark: bool = False,
        javascript: bool = True,
        timezone_id: str | None = None,
    ) -> Page:
        context = browser.new_context(
            base_url=site_url,
            viewport={"width": width, "height": height},
            color_scheme="dark" if dark else "light",
            reduced_motion="reduce",
            timezone_id=timezone_id,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}]
            )
        # Nothing leaves the site: no fonts, scripts or trackers from anywhere else.
        context.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((site_url, "data:", "about:"))
                else outside.append(request.url)
            ),
        )
        if not javascript:
            context.route("**/*", _without_scripts)
        context.expose_binding(CSP_BINDING, lambda source, text: policy_violations.append(text))
        context.add_init_script(script=CSP_LISTENER)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda message: (
                policy_violations.append(f"{page.url}: {message.text}")
                if any(word in message.text for word in POLICY_CONSOLE_WORDS)
                else None
            ),
        )
        return page

    yield open_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        # What each visitor saw when the test failed, for CI's artefacts.
        ARTIFACTS.mkdir(exist_ok=True)
        for n, context in enumerate(contexts):
            for page in context.pages:
                page.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}-{n}.png"))
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not outside, f"requests to other sites: {outside}"
    assert not policy_violations, f"blocked by the Content-Security-Policy: {policy_violations}"
