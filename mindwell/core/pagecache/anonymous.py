"""Whole pages for anonymous readers, never stale: see docs/decisions/0004-anonymous-page-cache.md.

- `PageCacheApp` wraps the Django WSGI application (config/wsgi.py). It serves a stored
  page only to a GET/HEAD with no cookie but the CSRF cookie, and only while every version
  the page was stored with is still current; otherwise Django renders the page as usual.
- A view wrapped in `stored_page` marks the request's `PageMarker` as cacheable before it
  renders, and fills in what the page showed (`declare.shows`) once it has.
  A page is stored only if no version it depends on changed after the request began (the
  global sequence is read before rendering), so a page rendered from data read before a
  commit can never be stored under the versions that commit produced.
- The CSRF token: a cacheable page is rendered with a placeholder instead of a token, and
  each response (hit or miss) gets the visitor's own masked token in its place, with a new
  CSRF cookie when the visitor has none. No visitor ever receives another's token, forms
  work without JavaScript, and the stored page carries no Set-Cookie. A page with a public
  form gets a fresh fill-time stamp (core.antispam) per response in the same way.
- Pages live in each process's memory, and also in Redis when it is configured.
"""

from __future__ import annotations

import contextlib
import pickle
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.http import HttpRequest

# Django's own check of a cookie's format, so a visitor's secret is used only if Django's
# CSRF middleware would accept it.
from django.middleware.csrf import _check_token_format  # type: ignore[attr-defined]
from django.utils.http import http_date

from mindwell.core.antispam import issue_stamp, stamp_placeholder
from mindwell.core.pagecache.csrf import mask_secret, placeholder, random_chars
from mindwell.core.pagecache.declare import run_hit_handler
from mindwell.core.pagecache.versions import (
    _prefix,
    _redis_client,
    is_fresh,
    versions,
    versions_if_unchanged,
)

T = TypeVar("T")
ENVIRON_KEY = "mindwell.page_cache"
# What a stored page may be: HTML pages, and the Atom feeds of the lists and questions.
STORED_TYPES = ("text/html", "application/atom+xml")


@dataclass
class PageMarker:
    """Put in the WSGI environ by PageCacheApp for a request that may be served from, and
    stored in, the cache. `stored_page` fills it in to say the page may be stored."""

    started_seq: int
    deps: list[str] = field(default_factory=list)
    on_hit: tuple[str, int] | None = None
    cacheable: bool = False


def marker_for(request: HttpRequest) -> PageMarker | None:
    marker = request.META.get(ENVIRON_KEY)
    return marker if isinstance(marker, PageMarker) else None


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Context processor: a cacheable page gets the placeholder instead of a CSRF token."""
    marker = marker_for(request)
    if marker is not None and marker.cacheable:
        return {"csrf_token": placeholder()}
    return {}


# --- stored pages ----------------------------------------------------------------------------


@dataclass
class Entry:
    deps: tuple[str, ...]
    versions: tuple[int, ...]
    stored_at: float
    status: str
    headers: list[tuple[str, str]]
    parts: list[bytes]  # the body split at the CSRF placeholder (and the stamp's)
    on_hit: tuple[str, int] | None
    probe: Any = None  # versions().probe(deps), made on first use
    # With form stamps: what goes between parts, 0 the CSRF token and 1 a stamp. Empty when
    # every gap is the CSRF token, the case that stays one join.
    fills: bytes = b""


class LocalPages(Generic[T]):
    """A bounded, least-recently-stored map of pages in this process."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.items: OrderedDict[str, tuple[T, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> T | None:
        item = self.items.get(key)
        return item[0] if item else None

    def put(self, key: str, entry: T, size: int) -> None:
        with self.lock:
            old = self.items.pop(key, None)
            if old:
                self.size -= old[1]
            self.items[key] = (entry, size)
            self.size += size
            while self.size > self.max_bytes and self.items:
                _, (_, dropped) = self.items.popitem(last=False)
                self.size -= dropped

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0


_local: LocalPages[Entry] = LocalPages(64 << 20)


# --- the WSGI layer --------------------------------------------------------------------------

StartResponse = Callable[..., Any]


class PageCacheApp:
    """WSGI middleware in front of Django that answers anonymous reads from the cache."""

    def __init__(self, app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]) -> None:
        self.app = app
        self.enabled = settings.MINDWELL_PAGE_CACHE
        self.ttl = settings.MINDWELL_PAGE_CACHE_SECONDS
        _local.max_bytes = settings.MINDWELL_PAGE_CACHE_MB << 20
        if settings.CSRF_USE_SESSIONS:
            raise RuntimeError("The page cache needs the CSRF secret in a cookie.")
        self.csrf_cookie = settings.CSRF_COOKIE_NAME
        self.ignored_cookies = frozenset(settings.MINDWELL_PAGE_CACHE_IGNORED_COOKIES)
        self.placeholder = placeholder().encode()
        self.stamp_placeholder = stamp_placeholder().encode()
        self._either = re.compile(
            b"(" + re.escape(self.placeholder) + b"|" + re.escape(self.stamp_placeholder) + b")"
        )
        self._cookie_attrs = (
            f"; Max-Age={settings.CSRF_COOKIE_AGE}; Path={settings.CSRF_COOKIE_PATH}"
        )
        if settings.CSRF_COOKIE_DOMAIN:
            self._cookie_attrs += f"; Domain={settings.CSRF_COOKIE_DOMAIN}"
        if settings.CSRF_COOKIE_SECURE:
            self._cookie_attrs += "; Secure"
        if settings.CSRF_COOKIE_HTTPONLY:
            self._cookie_attrs += "; HttpOnly"
        if settings.CSRF_COOKIE_SAMESITE:
            self._cookie_attrs += f"; SameSite={settings.CSRF_COOKIE_SAMESITE}"
        self.prefix = _prefix()
        self._expires_at, self._expires_text = 0, ""

    def _expires(self) -> str:
        """The CSRF cookie's expiry and attributes, remade at most once a second."""
        now = int(time.time())
        if now != self._expires_at:
            self._expires_at = now
            expiry = http_date(now + settings.CSRF_COOKIE_AGE)
            self._expires_text = f"{expiry}{self._cookie_attrs}"
        return self._expires_text

    # The visitor: None when the request must go to Django, else their CSRF secret ("" if
    # they have none yet).
    def _visitor_secret(self, environ: dict[str, Any]) -> str | None:
        if "HTTP_AUTHORIZATION" in environ:
            return None
        raw = environ.get("HTTP_COOKIE")
        if not raw:
            return ""
        secret = ""
        for part in raw.split(";"):
            name, _, value = part.strip().partition("=")
            if name in self.ignored_cookies:
                continue  # read only by pages that are never stored
            if name != self.csrf_cookie:
                return None  # a session, a message, anything else: Django decides
            secret = value
        if len(secret) != 32:
            return ""
        try:
            _check_token_format(secret)
        except Exception:
            return ""
        return secret

    def _key(self, environ: dict[str, Any]) -> str:
        return (
            f"{self.prefix}p:{environ.get('HTTP_HOST', '')}{environ.get('PATH_INFO', '')}"
            f"?{environ.get('QUERY_STRING', '')}"
        )

    def _fresh(self, entry: Entry | None) -> bool:
        return is_fresh(entry, self.ttl)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD")
        if not self.enabled or (method != "GET" and method != "HEAD"):
            return self.app(environ, start_response)
        secret = self._visitor_secret(environ)
        if secret is None:
            return self.app(environ, start_response)
        key = self._key(environ)
        entry = _local.get(key)
        if not self._fresh(entry):
            entry = self._shared_get(key)
            if entry is not None:
                if self._fresh(entry):
                    _local.put(key, entry, _size(entry))
                else:
                    entry = None
        if entry is not None:
            run_hit_handler(entry.on_hit)
            return self._respond(entry, secret, method, start_response, b"hit")
        return self._render(environ, start_response, key, secret, method)

    def _respond(
        self,
        entry: Entry,
        secret: str,
        method: str,
        start_response: StartResponse,
        state: bytes,
    ) -> list[bytes]:
        headers = list(entry.headers)
        if len(entry.parts) > 1:
            if not secret:
                secret = random_chars(32)
                headers.append(
                    ("Set-Cookie", f"{self.csrf_cookie}={secret}; expires={self._expires()}")
                )
            token = mask_secret(secret).encode()
            body = _filled(entry, token) if entry.fills else token.join(entry.parts)
        else:
            body = entry.parts[0]
        headers.append(("X-Page-Cache", state.decode()))
        start_response(entry.status, headers)
        return [] if method == "HEAD" else [body]

    def _render(
        self,
        environ: dict[str, Any],
        start_response: StartResponse,
        key: str,
        secret: str,
        method: str,
    ) -> Iterable[bytes]:
        marker = PageMarker(started_seq=versions().seq())
        environ[ENVIRON_KEY] = marker
        captured: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured[:] = [status, headers, exc_info]
            return lambda data: None

        result = self.app(environ, capture)
        status, headers, exc_info = captured
        if not marker.cacheable:
            # Not a cacheable page: hand Django's response through untouched.
            start_response(status, headers, exc_info) if exc_info else start_response(
                status, headers
            )
            return result
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        names = {name.lower() for name, _ in headers}
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        parts, fills = self._split(body)
        entry = Entry(
            deps=tuple(marker.deps),
            versions=(),
            stored_at=time.time(),
            status=status,
            headers=_with_vary_cookie([(k, v) for k, v in headers if k.lower() != "set-cookie"]),
            parts=parts,
            on_hit=marker.on_hit,
            fills=fills,
        )
        storable = (
            status.startswith("200 ")
            and content_type.startswith(STORED_TYPES)
            and "set-cookie" not in names
            and method == "GET"
        )
        if storable:
            current = versions_if_unchanged(entry.deps, marker.started_seq)
            if current is not None:
                entry.versions = current
                _local.put(key, entry, _size(entry))
                self._shared_put(key, entry)
        # This visitor's own response, with any cookie Django set (such a page is not stored).
        cookies = [(k, v) for k, v in headers if k.lower() == "set-cookie"]
        entry_for_visitor = Entry(
            entry.deps, entry.versions, entry.stored_at, status, entry.headers + cookies,
            parts, None, fills=fills,
        )  # fmt: skip
        return self._respond(entry_for_visitor, secret, method, start_response, b"miss")

    def _split(self, body: bytes) -> tuple[list[bytes], bytes]:
        """The body's parts between placeholders, and what goes between them (Entry.fills)."""
        if self.stamp_placeholder not in body:
            return body.split(self.placeholder), b""
        pieces = self._either.split(body)
        gaps = pieces[1::2]
        return pieces[0::2], bytes(0 if gap == self.placeholder else 1 for gap in gaps)

    def _shared_get(self, key: str) -> Entry | None:
        client = _redis_client()
        if client is None:
            return None
        raw = client.get(key)
        if raw is None:
            return None
        with contextlib.suppress(Exception):
            entry = pickle.loads(raw)
            if isinstance(entry, Entry):
                return entry
        return None

    def _shared_put(self, key: str, entry: Entry) -> None:
        client = _redis_client()
        if client is not None:
            client.set(key, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), ex=self.ttl)


def _filled(entry: Entry, token: bytes) -> bytes:
    """The body of a page with form stamps: the token and a fresh stamp in their places."""
    values = (token, issue_stamp().encode())
    pieces = [entry.parts[0]]
    for kind, part in zip(entry.fills, entry.parts[1:], strict=True):
        pieces += (values[kind], part)
    return b"".join(pieces)


def _size(entry: Entry) -> int:
    return sum(len(p) for p in entry.parts) + 200


def _with_vary_cookie(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The page differs for visitors with a session: say so to every cache downstream."""
    for i, (name, value) in enumerate(headers):
        if name.lower() == "vary":
            if "cookie" not in value.lower():
                headers[i] = (name, f"{value}, Cookie")
            return headers
    return [*headers, ("Vary", "Cookie")]
