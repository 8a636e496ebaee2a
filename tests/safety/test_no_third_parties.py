# mypy: disable-error-code="union-attr"
"""No third parties: reading Mindwell never makes a browser contact another site.

Every page type is crawled as a guest, a member and a moderator (following the links each
page offers, plus the pages only a form's sending shows: errors, a confirmation, the error
pages), and every stylesheet and script they load is read. The test fails on any reference
to another host that a browser would fetch or send to by itself:

- HTML: `src`, `srcset`, `href` of anything but a plain link, `action`, `formaction`,
  `ping`, `poster`, `data`, any attribute holding an absolute address, `url()` in a style,
  a meta refresh, a JSON-LD value other than its vocabulary (`@context`);
- CSS: `url()` and `@import`;
- JavaScript: any string holding an address with a host (fetch, XHR, import, WebSocket,
  beacons and assignments all take one);
- Atom feeds: every address the feed gives (links, ids); titles, summaries and names are
  what people wrote, as text, which no feed reader fetches by itself.

Plain links to other sites (`<a href>`) open only when the reader chooses; two kinds are
allowed. The services of the "Need help now?" data (from the database when the help
resources are data, and the links the help page shows). And links in what people wrote
(posts, comments, profiles): they are rendered by core.markdown with
`rel="nofollow ugc noopener noreferrer"`, which is how they are told apart, and an image in
a post is such a link too, never an `<img>` (decision 0005). `mailto:` and `tel:` links name
no site. The Content-Security-Policy of every response must allow no other host either.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from mindwell.accounts.actions import update_profile
from mindwell.moderation.actions.members import send_moderator_message
from mindwell.qa import actions
from mindwell.safety.support import support_page_url
from tests.conftest import client_for
from tests.moderation.review_helpers import flagged

pytestmark = pytest.mark.django_db

LOCAL_HOSTS = {"testserver"}
LINK_ONLY_SCHEMES = {"mailto", "tel", "sms"}  # name no site; the reader's device acts
USER_CONTENT_REL = {"nofollow", "ugc"}  # core.markdown's rel on every link people write
# Attributes that hold an address a browser fetches or sends to.
URL_ATTRIBUTES = {
    "src", "href", "action", "formaction", "ping", "poster", "data", "background",
    "manifest", "codebase", "icon", "xlink:href", "longdesc", "cite",
}  # fmt: skip
# Links never followed by the crawl: they would end the session being crawled.
NOT_FOLLOWED = ("/accounts/logout/", "/admin/", "/static/")
MOST_PAGES = 300
SAME_KIND = 4  # pages of one kind visited by one reader (every category is one kind)

_ADDRESS = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:)?//", re.I)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I | re.S)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_JS_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""", re.S)
_XMLNS = re.compile(r'xmlns(?::\w+)?="[^"]*"')
_HOST_IN_STRING = re.compile(r"(?:[a-z][a-z0-9+.\-]*:)?//([^/\s\"'`?#]+)", re.I)


def foreign_host(url: str) -> str | None:
    """The other host `url` points at, or None (a path, a fragment, this site)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() in LINK_ONLY_SCHEMES or parts.scheme.lower() == "data":
        return None
    if parts.netloc or url.startswith("//"):
        host = parts.hostname or parts.netloc
        return None if host in LOCAL_HOSTS else host
    return None


def _kind_of_page(url: str) -> str:
    """ "/category/?sort": the first part of the path and the names in the query."""
    parts = urlsplit(url)
    names = sorted(name.split("=")[0] for name in parts.query.split("&") if name)
    return f"/{parts.path.strip('/').split('/')[0]}/?{'&'.join(names)}"


def css_references(text: str) -> list[str]:
    text = _CSS_COMMENT.sub("", text)
    return [m.group(2) for m in _CSS_URL.finditer(text)] + [
        m.group(2) for m in _CSS_IMPORT.finditer(text)
    ]


class PageRefs(HTMLParser):
    """What one HTML page refers to: problems found, its links, stylesheets and scripts."""

    def __init__(self, where: str, help_links: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.help_links = help_links
        self.problems: list[str] = []
        self.links: list[str] = []
        self.assets: list[str] = []
        self._in = ""

    def problem(self, what: str) -> None:
        self.problems.append(f"{self.where}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in values:
            href = values["href"]
            self.links.append(href)
            host = foreign_host(href)
            rel = set(values.get("rel", "").split())
            if host and not (rel >= USER_CONTENT_REL or href in self.help_links):
                self.problem(f"a link to {host} that is neither help data nor user content")
            values.pop("href")
        if tag == "script":
            self._in = values.get("type", "") or "script"
            if "src" in values:
                self.assets.append(values["src"])
        if tag == "style":
            self._in = "style"
        if tag == "link" and "stylesheet" in values.get("rel", "").split():
            self.assets.append(values.get("href", ""))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            if foreign_host(target):
                self.problem(f"a meta refresh to {foreign_host(target)}")
        for name, value in values.items():
            if name == "xmlns" or name.startswith("xmlns:"):
                continue  # a namespace's name, never fetched
            if name == "style":
                for url in css_references(value):
                    if foreign_host(url):
                        self.problem(f"<{tag} style> url() to {foreign_host(url)}")
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if foreign_host(url):
                        self.problem(f"<{tag} {name}> to {foreign_host(url)}")
            elif (name in URL_ATTRIBUTES or _ADDRESS.match(value)) and foreign_host(value):
                self.problem(f"<{tag} {name}> to {foreign_host(value)}")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in = ""

    def handle_data(self, data: str) -> None:
        if not data.strip():
            return
        if self._in == "style":
            for url in css_references(data):
                if foreign_host(url):
                    self.problem(f"<style> url() to {foreign_host(url)}")
        elif self._in == "application/ld+json":
            for value in _json_values(json.loads(data)):
                if _ADDRESS.match(value) and foreign_host(value):
                    self.problem(f"structured data pointing at {foreign_host(value)}")
        elif self._in:
            self.problem("an inline script (the Content-Security-Policy refuses them)")


def _json_values(data: object) -> Iterable[str]:
    """Every string in JSON-LD but its vocabulary's name (`@context`), which no one fetches."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "@context":
                yield from _json_values(value)
    elif isinstance(data, list):
        for value in data:
            yield from _json_values(value)
    elif isinstance(data, str):
        yield data


def csp_problems(where: str, policy: str) -> list[str]:
    """A source in the policy that is not a keyword ('self', 'none', ...) is a host or a
    scheme (https:, data:), and lets the page reach another site."""
    problems = []
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        for source in sources:
            if not (source.startswith("'") and source.endswith("'")):
                problems.append(f"{where}: the CSP's {name} allows {source}")
    return problems


def static_text(url: str) -> str:
    """A stylesheet or script of the site, read from where collectstatic takes it."""
    assert url.startswith(settings.STATIC_URL), url
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    assert path, f"{url} is referenced but not a static file"
    return Path(path).read_text()


def css_problems(url: str, seen: set[str]) -> list[str]:
    if url in seen:
        return []
    seen.add(url)
    problems = []
    for target in css_references(static_text(url)):
        if foreign_host(target):
            problems.append(f"{url}: url() or @import of {foreign_host(target)}")
        elif target.endswith(".css") and not target.startswith("data:"):
            base = url.rsplit("/", 1)[0]
            local = target if target.startswith("/") else f"{base}/{target}"
            problems += css_problems(local, seen)
    return problems


def js_problems(url: str) -> list[str]:
    problems = []
    for literal in _JS_STRING.finditer(static_text(url)):
        for found in _HOST_IN_STRING.finditer(literal.group()[1:-1]):
            if found.group(1) not in LOCAL_HOSTS:
                problems.append(f"{url}: a string naming {found.group(1)}")
    return problems


ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_ADDRESSES = {f"{ATOM}id", f"{ATOM}uri", f"{ATOM}icon", f"{ATOM}logo"}


def atom_problems(where: str, content: bytes) -> list[str]:
    problems = []
    for element in ET.fromstring(content).iter():
        addresses = [value for name, value in element.attrib.items() if name in URL_ATTRIBUTES]
        if element.tag in ATOM_ADDRESSES:
            addresses.append(element.text or "")
        problems += [
            f"{where}: the feed gives {foreign_host(address)}"
            for address in addresses
            if foreign_host(address)
        ]
    return problems


@dataclass
class Crawl:
    help_links: set[str]
    problems: list[str] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)
    pages: int = 0

    def check(self, where: str, response, *, through_django: bool = True) -> list[str]:
        """Check one response; return the local links it offers."""
        self.pages += 1
        content_type = response.get("Content-Type", "")
        if through_django:
            policy = response.get("Content-Security-Policy", "")
            self.problems += csp_problems(where, policy) if policy else [f"{where}: no CSP"]
        if content_type.startswith("application/atom+xml"):
            self.problems += atom_problems(where, response.content)
            return []
        if not content_type.startswith("text/html"):
            # robots.txt, the sitemap: every address in them is this site's (a namespace's
            # name aside).
            text = _XMLNS.sub("", response.content.decode())
            for found in _HOST_IN_STRING.finditer(text):
                if found.group(1) not in LOCAL_HOSTS:
                    self.problems.append(f"{where}: names {found.group(1)}")
            return []
        refs = PageRefs(where, self.help_links)
        refs.feed(response.content.decode())
        refs.close()
        self.problems += refs.problems
        self.assets.update(refs.assets)
        return refs.links

    def crawl(self, client: Client, persona: str, start: list[str], within: str = "/") -> None:
        """Visit `start`, then the pages of this site they link to (those under `within`,
        not NOT_FOLLOWED), a few of each kind."""
        queue, seen = list(start), set[str]()
        kinds: dict[str, int] = {}
        while queue and len(seen) < MOST_PAGES:
            url = queue.pop(0).split("#")[0]
            if not url or url in seen:
                continue
            seen.add(url)
            response = client.get(url)
            if response.status_code in (301, 302):
                queue.insert(0, response["Location"])
                continue
            links = self.check(f"{persona} {url} ({response.status_code})", response)
            for href in links:
                parts = urlsplit(urljoin(url, href))
                if parts.scheme not in ("", "http") or parts.netloc not in ("", *LOCAL_HOSTS):
                    continue
                link = parts.path + (f"?{parts.query}" if parts.query else "")
                kind = _kind_of_page(link)
                wanted = link.startswith(within) and not link.startswith(NOT_FOLLOWED)
                if wanted and kinds.setdefault(kind, 0) < SAME_KIND:
                    kinds[kind] += 1
                    queue.append(link)

    def check_assets(self) -> None:
        seen: set[str] = set()
        for url in sorted(self.assets):
            if foreign_host(url):
                continue  # already reported where it was referenced
            if url.split("?")[0].endswith(".css"):
                self.problems += css_problems(url, seen)
            elif url.split("?")[0].endswith(".js"):
                self.problems += js_problems(url)


def help_links() -> set[str]:
    """The outbound links the "Need help now?" data holds: every address in the help
    services' rows when they are data (safety.HelpService), and the links the help page
    itself shows to other sites."""
    found: set[str] = set()
    try:
        model = apps.get_model("safety", "HelpService")
    except LookupError:
        model = None
    if model is not None:
        for row in model.objects.values():
            for value in row.values():
                if isinstance(value, str) and _ADDRESS.match(value):
                    found.add(value.strip())
    page = Client().get("/help-now/").content.decode()
    found.update(re.findall(r'<a href="(https?://[^"]+)"', page))
    return found


@pytest.fixture
def site(maya, dr_okafor, moderator, ask, answer, category):
    """A small site with every kind of thing a page shows, links out included."""
    update_profile(
        user=dr_okafor, display_name="Dr Okafor",
        about="Counsellor. My writing: [a blog](https://blog.example.org/okafor).",
    )  # fmt: skip
    question = ask(
        maya,
        body="Is it normal? I read [this article](https://news.example.com/attachment) and "
        "saw ![a chart](https://images.example.net/chart.png) about it.",
    )
    for n in range(3):
        ask(dr_okafor, title=f"Another question, number {n}, about sleep", tags="sleep")
    reply = answer(question, dr_okafor, body="Yes. See https://example.org and talk to them.")
    actions.add_comment(post=reply, author=maya, body="Thank you, see <https://example.edu/x>.")
    actions.cast_vote(user=maya, post=reply, value=1)
    flagged(reply, maya)
    send_moderator_message(member=maya, by=moderator, body="Hello from [us](https://example.com).")
    return question


def test_no_page_refers_to_another_host_for_any_reader(site, maya, moderator, settings):
    settings.MINDWELL_PAGE_SIZE = 2  # the lists have later pages
    crawl = Crawl(help_links())
    start = [
        "/", "/help-now/", "/about/", "/privacy/", "/terms/", "/categories/", "/tags/",
        "/robots.txt", "/sitemap.xml", "/sitemap/questions-0.xml", "/accounts/signup/",
        "/accounts/login/", "/accounts/password-reset/", "/accounts/password-reset/sent/",
        "/accounts/signup/check-your-email/", "/admin/login/", "/no-such-page/",
        "/?after=not-a-cursor", site.get_absolute_url(), f"/post/{site.pk}/revisions/",
    ]  # fmt: skip
    member_start = [
        "/accounts/settings/", "/accounts/settings/password/", "/moderation/flags/mine/",
        "/moderation/messages/", "/u/maya/comments/", f"/moderation/flag/post/{site.pk}/",
        support_page_url(site, next_url=site.get_absolute_url()),
    ]  # fmt: skip
    moderator_start = [
        "/moderation/review/", "/moderation/audit/", "/moderation/rules/",
        "/moderation/blocked/", f"/moderation/member/{maya.pk}/",
        f"/support/redact/{site.pk}/", f"/moderation/question/{site.pk}/close",
        "/support/questions/",
    ]  # fmt: skip
    guest, member, mod = Client(), client_for(maya), client_for(moderator)
    crawl.crawl(guest, "guest", start)
    crawl.crawl(member, "member", start + member_start)
    crawl.crawl(mod, "moderator", start + member_start + moderator_start)

    # Pages only a form's sending shows.
    data = {"title": "Too short", "body": "Short.", "category": "", "tags": ""}
    crawl.check("guest ask with problems", guest.post("/ask/", data))
    named = {
        "title": "My therapist Dr Patel seemed bored",
        "body": "I go to Riverside Counselling every week and it felt different.",
        "category": str(site.category_id),
        "tags": "therapist-fit",
    }
    asked = member.post("/ask/", named)
    assert asked.status_code == 409
    crawl.check("member ask with names", asked)
    crawl.check("member answer with problems", member.post(f"/q/{site.pk}/answer", {}))
    crawl.check("guest log-in refused", guest.post("/accounts/login/", {"username": "x"}))
    crawl.check("member flags own post (403)", member.get(f"/moderation/flag/post/{site.pk}/"))
    posted = Client().post(f"/q/{site.pk}/answer", {"body": "A guest's answer, with thanks."})
    secret_page = posted["Location"]
    crawl.crawl(Client(), "guest with a private link", [secret_page], within="/guest/")
    crawl.check("the 500 page", server_error(RequestFactory().get("/")), through_django=False)
    crawl.check_assets()

    assert crawl.pages > 60
    assert {"/static/css/site.css", "/static/js/site.js"} <= crawl.assets
    assert crawl.problems == []


def test_the_checks_find_what_they_look_for():
    """The test above passes because the site is clean, not because it looks away."""
    crawl = Crawl({"https://help.example/"})

    class Response(dict):
        def __init__(self, html: str, policy: str = "default-src 'self'") -> None:
            super().__init__({"Content-Type": "text/html", "Content-Security-Policy": policy})
            self.content = html.encode()

    bad = [
        '<img src="https://tracker.example/p.gif">',
        '<img srcset="/a.png 1x, https://cdn.example/a@2x.png 2x">',
        '<link rel="stylesheet" href="https://fonts.example/css">',
        '<script src="//cdn.example/lib.js"></script>',
        '<form action="https://forms.example/post"></form>',
        '<div style="background: url(https://images.example/bg.png)"></div>',
        '<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">',
        '<a href="https://ads.example/">An ad</a>',
        '<a href="/x" ping="https://analytics.example/">x</a>',
        '<div data-endpoint="https://api.example/v1"></div>',
        '<style>@import "https://fonts.example/a.css";</style>',
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"image": "https://images.example/a.png"}</script>',
        "<script>fetch('/x')</script>",
    ]
    for html in bad:
        before = len(crawl.problems)
        crawl.check("test", Response(html))
        assert len(crawl.problems) == before + 1, html
    good = [
        '<a href="https://help.example/">A crisis line</a>',
        '<a href="https://blog.example/" rel="nofollow ugc noopener noreferrer">a blog</a>',
        '<a href="mailto:moderators@mindwell.local">write</a> <a href="tel:988">988</a>',
        '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        '<link rel="canonical" href="http://testserver/q/1/x/">',
        '<script type="application/ld+json">{"@context": "https://schema.org"}</script>',
    ]
    crawl.problems.clear()
    for html in good:
        crawl.check("test", Response(html))
    assert crawl.problems == []
    assert csp_problems("t", "default-src 'self'; img-src 'self' https://cdn.example") != []
    assert csp_problems("t", "default-src 'self'; img-src data: https:") != []
    assert css_references('a{b:url("x.png")} /* url(https://no.example) */') == ["x.png"]
