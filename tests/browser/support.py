"""What the browser tests share: launching Chromium, axe-core, page weight, screenshots and
keyboard moves, and the question most tests start from. Fixtures built on these live in
conftest.py."""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path
from typing import Any, Literal

from playwright.sync_api import Page, Response

from mindwell.accounts.models import User
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.tags.models import Category

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, quiet and offline: no sandbox (root in CI), no GPU, no calls home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WEIGHT_BUDGET = 50 * 1024  # bytes of our own CSS and JS per page, gzip-compressed
# WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices (landmarks, one h1, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}
# The axe rules a theme can change: the dark theme (static/css, prefers-color-scheme) only
# gives the colour variables other values, so the other rules find the same in both themes.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


# Every page the browser shows reports what its Content-Security-Policy blocked through this
# binding: the listener is added by an init script, which the policy does not govern.
CSP_BINDING = "__mindwellCspViolation"
CSP_LISTENER = f"""
document.addEventListener("securitypolicyviolation", (event) => {{
    window.{CSP_BINDING}(
        `${{event.effectiveDirective}} blocked ${{event.blockedURI || "inline"}}`
        + ` (${{event.sourceFile || location.href}}:${{event.lineNumber}}): ${{event.sample}}`
    );
}});
"""
# What Chromium writes to the console when a policy header blocks or misreads something.
POLICY_CONSOLE_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


def axe_violations(page: Page, *, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now: every rule of AXE_TAGS, or only `rules`;
    return every violation, any impact."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol rather than added as an inline <script>,
        # which the page's Content-Security-Policy refuses.
        page.evaluate(_axe_source())
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate(
        """(only) => axe.run(document, {runOnly: only, resultTypes: ["violations"]})""", only
    )
    return list(result["violations"])


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text()


def axe_in_both_themes(page: Page, name: str, *, shots: str | None = None) -> list[str]:
    """What axe finds blocking on the page as it is now, one entry per theme, headed by
    `name`: every rule in the light theme, and the colour rules in the dark one. With
    `shots`, a screenshot named `<shots>-<theme>` in each. Leaves the page light."""
    failures = []
    themes: list[tuple[Literal["light", "dark"], list[str] | None]] = [
        ("light", None),
        ("dark", COLOUR_RULES),
    ]
    for theme, rules in themes:
        page.emulate_media(color_scheme=theme)
        if found := blocking(axe_violations(page, rules=rules)):
            failures.append(f"{name} ({theme}, {page.url}):\n{describe_violations(found)}")
        if shots:
            screenshot(page, f"{shots}-{theme}")
    page.emulate_media(color_scheme="light")
    return failures


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:3]:
            lines.append(f"    {json.dumps(node['target'])}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append(f"      {node['failureSummary'].splitlines()[-1].strip()[:200]}")
    return "\n".join(lines)


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


class WeightMeter:
    """Records the stylesheets and scripts a page loads from our /static/; `measure` fetches
    each again, adds the inline ones and returns {name: gzip-compressed bytes}."""

    def __init__(self, page: Page, static_url: str) -> None:
        self.static_url = static_url
        self.urls: set[str] = set()
        page.on("response", self._record)

    def _record(self, response: Response) -> None:
        if response.url.startswith(self.static_url) and response.request.resource_type in (
            "script",
            "stylesheet",
        ):
            self.urls.add(response.url)

    def reset(self) -> None:
        self.urls.clear()

    def measure(self, page: Page) -> dict[str, int]:
        sizes = {}
        for url in sorted(self.urls):
            body = page.request.get(url).body()
            sizes[url.removeprefix(self.static_url)] = len(gzip.compress(body, 9))
        inline = page.evaluate(
            """() => [...document.querySelectorAll("script:not([src]), style")]
                .map((el) => el.textContent).join("\\n")"""
        )
        if inline:
            sizes["(inline)"] = len(gzip.compress(inline.encode(), 9))
        return sizes


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save what the page shows now into test-artifacts/ (kept by CI, ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def has_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1"))


def focused(page: Page) -> dict[str, Any]:
    """What has the keyboard focus: tag, text, name, accessible label, and whether it shows."""
    return dict(
        page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                return {
                    tag: el.tagName.toLowerCase(), text: (el.innerText || "").trim(),
                    name: el.getAttribute("name") || "", id: el.id,
                    label: el.getAttribute("aria-label") || (el.labels && el.labels[0]
                        ? el.labels[0].innerText.trim() : ""),
                    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
                    width: box.width, height: box.height,
                    focusVisible: el.matches(":focus-visible"),
                };
            }"""
        )
    )


def tab_to(page: Page, matches: Any, *, limit: int = 120, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until `matches(focused(page))` is true; fail after `limit`
    presses. Every element reached on the way must show a visible focus outline."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(page)
        seen.append(now["text"] or now["label"] or now["name"] or now["tag"])
        if now["tag"] != "body":
            assert now["outline"], f"no visible focus on {now}"
        if matches(now):
            return now
    raise AssertionError(f"never reached the element after {limit} Tabs; passed: {seen}")


def ask(author: User | None, **fields: object) -> Post:
    """A question about sleep after arguments, by `author`, unless `fields` say otherwise."""
    fields.setdefault("title", "How do I stop replaying arguments in my head at night?")
    fields.setdefault("body", "After a row with my partner I lie awake going over every word.")
    fields.setdefault("category", Category.objects.get(slug="sleep-and-worry"))
    fields.setdefault("tags", "sleep rumination")
    return actions.ask_question(author=author, **fields)  # type: ignore[arg-type]
