"""Whole pages for anonymous readers, never stale: see docs/decisions/0004-anonymous-page-cache.md.

How it fits together:

- A view that may be cached calls `cache_for_anonymous(request, deps)` before rendering
  (views call it through memberpages.cacheable, which also shares the page with members),
  naming what the page shows (`"q:12"` for a question, `"u:7"` for a member whose name and
  points appear, `"lists"`, `"site"`). Nothing else is ever cached.
- Every action that changes what a page shows calls `bump_after_commit(*names)`. After the
  transaction commits, each name gets a new version: the next value of one global sequence.
- `PageCacheApp` wraps the Django WSGI application (config/wsgi.py). It serves a stored
  page only to a GET/HEAD with no cookie but the CSRF cookie, and only while every version
  the page was stored with is still current; otherwise Django renders the page as usual.
  A page is stored only if no version it depends on changed after the request began (the
  global sequence is read before rendering), so a page rendered from data read before a
  commit can never be stored under the versions that commit produced.
- The CSRF token: a cacheable page is rendered with a placeholder instead of a token, and
  each response (hit or miss) gets the visitor's own masked token in its place, with a new
  CSRF cookie when the visitor has none. No visitor ever receives another's token, forms
  work without JavaScript, and the stored page carries no Set-Cookie.
- Versions live in Redis when REDIS_URL is set, otherwise in a small memory-mapped file in
  MINDWELL_VAR_DIR shared by every process on the machine. Pages live in each process's
  memory, and also in Redis when it is configured.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import mmap
import os
import pickle
import struct
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

# Django's own check of a cookie's format, and its alphabet, so our tokens are exactly what
# its CSRF middleware accepts (tests unmask them with Django's own function).
from django.middleware.csrf import (  # type: ignore[attr-defined]
    CSRF_ALLOWED_CHARS,
    _check_token_format,
)
from django.utils.http import http_date

T = TypeVar("T")
ENVIRON_KEY = "mindwell.page_cache"
SITE = "site"
LISTS = "lists"


def question_key(question_id: int) -> str:
    return f"q:{question_id}"


def member_key(user_id: int) -> str:
    return f"u:{user_id}"


# --- CSRF tokens, the way Django makes them, faster -------------------------------------------
#
# Django draws each of a token's characters with secrets.choice, which costs more than the
# rest of a cache hit together. These draw from os.urandom with rejection (bytes 248-255
# are dropped so that byte % 62 is uniform), so the tokens are as random, and the masking
# is Django's: cipher[i] = chars[(secret[i] + mask[i]) % 62], token = mask + cipher.
# The sum is done for all characters at once: as one big integer of character indexes each
# below 62, two of them add up byte by byte without a carry.

_N = len(CSRF_ALLOWED_CHARS)
_LIMIT = 256 - 256 % _N
_REJECT = bytes(range(_LIMIT, 256))
_TO_INDEX = bytes(b % _N for b in range(256))
_INDEX_TO_CHAR = bytes(ord(CSRF_ALLOWED_CHARS[b % _N]) for b in range(256))
_CHAR_TO_INDEX = bytes(
    CSRF_ALLOWED_CHARS.index(chr(b)) if chr(b) in CSRF_ALLOWED_CHARS else 0 for b in range(256)
)


def _random_indexes(length: int) -> bytes:
    out = b""
    while len(out) < length:
        out += os.urandom(length + 16).translate(_TO_INDEX, _REJECT)
    return out[:length]


def random_chars(length: int = 32) -> str:
    return _random_indexes(length).translate(_INDEX_TO_CHAR).decode()


def mask_secret(secret: str) -> str:
    """A masked token for a secret of CSRF_ALLOWED_CHARS, as Django's get_token makes it."""
    length = len(secret)
    mask = _random_indexes(length)
    sums = int.from_bytes(secret.encode().translate(_CHAR_TO_INDEX)) + int.from_bytes(mask)
    cipher = sums.to_bytes(length).translate(_INDEX_TO_CHAR)
    return (mask.translate(_INDEX_TO_CHAR) + cipher).decode()


# --- versions --------------------------------------------------------------------------------


_INT64 = struct.Struct("<q")


@functools.lru_cache(maxsize=1 << 16)
def _slot_offset(name: str, slots: int) -> int:
    return 8 * (2 + zlib.crc32(name.encode()) % (slots - 2))


class FileVersions:
    """Versions in a memory-mapped file of 8-byte slots, shared by every process on a machine.

    Slot 0 is a sequence lock, slot 1 the global sequence, and a name lives in slot
    2 + crc32(name) % (slots - 2). Two names may share a slot: a bump of one then also
    invalidates pages of the other, which costs a re-render, never correctness.

    Writers (bumps, rare) take an exclusive flock among themselves and make the sequence
    lock odd while they write. Readers (every cache hit) take no lock at all: they read the
    sequence lock, the slots, and the sequence lock again, and retry if it was odd or
    moved. A shared flock per read would starve the writers under a stream of readers.
    """

    def __init__(self, path: Path, slots: int = 1 << 20) -> None:
        self.path = path
        self.slots = slots
        size = slots * 8
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_size < size:
                os.ftruncate(fd, size)  # sparse: pages are allocated as slots are touched
            self.map = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        self.lock_fd = os.open(path, os.O_RDWR)

    def _slot(self, name: str) -> int:
        return _slot_offset(name, self.slots)

    def _read(self, offsets: Sequence[int]) -> tuple[int, ...]:
        unpack, m = _INT64.unpack_from, self.map
        tries = 0
        while True:
            before = unpack(m, 0)[0]
            if before % 2 == 0:
                values = tuple([unpack(m, offset)[0] for offset in offsets])
                if unpack(m, 0)[0] == before:
                    return values
            tries += 1
            if tries % 1000 == 0:
                self._repair()
            time.sleep(0)  # a bump is being written: let it finish

    def _repair(self) -> None:
        """Make the sequence lock even again if a writer died half-way. A live writer holds
        the flock until its counter is even, so taking the flock waits for it instead."""
        fcntl.flock(self.lock_fd, fcntl.LOCK_EX)
        try:
            lock = struct.unpack_from("<q", self.map, 0)[0]
            if lock % 2:
                struct.pack_into("<q", self.map, 0, lock + 1)
                # Whatever it was writing may be half-written: move every page on.
                value = struct.unpack_from("<q", self.map, 8)[0] + 1
                struct.pack_into("<q", self.map, 8, value)
                struct.pack_into("<q", self.map, self._slot(SITE), value)
        finally:
            fcntl.flock(self.lock_fd, fcntl.LOCK_UN)

    def seq(self) -> int:
        return self._read((8,))[0]

    def get(self, names: Sequence[str]) -> tuple[int, ...]:
        return self._read([self._slot(name) for name in names])

    def probe(self, names: Sequence[str]) -> Any:
        """What `read` needs to get these names' versions again and again, fast."""
        return tuple([self._slot(name) for name in names])

    def read(self, probe: Any) -> tuple[int, ...]:
        return self._read(probe)

    def bump(self, names: Iterable[str]) -> None:
        offsets = [self._slot(name) for name in names]
        fcntl.flock(self.lock_fd, fcntl.LOCK_EX)
        try:
            m, pack, unpack = self.map, struct.pack_into, struct.unpack_from
            lock = unpack("<q", m, 0)[0]
            pack("<q", m, 0, lock + 1)  # odd: readers wait
            value = unpack("<q", m, 8)[0] + 1
            pack("<q", m, 8, value)
            for offset in offsets:
                pack("<q", m, offset, value)
            pack("<q", m, 0, lock + 2)
        finally:
            fcntl.flock(self.lock_fd, fcntl.LOCK_UN)


class RedisVersions:
    """Versions in Redis, for any number of processes on any number of machines."""

    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self.seq_key = f"{prefix}v:seq"

    def seq(self) -> int:
        return int(self.client.get(self.seq_key) or 0)

    def get(self, names: Sequence[str]) -> tuple[int, ...]:
        return self.read(self.probe(names))

    def probe(self, names: Sequence[str]) -> Any:
        return [f"{self.prefix}v:{n}" for n in names]

    def read(self, probe: Any) -> tuple[int, ...]:
        return tuple(int(v or 0) for v in self.client.mget(probe))

    def bump(self, names: Iterable[str]) -> None:
        value = self.client.incr(self.seq_key)
        mapping = {f"{self.prefix}v:{n}": value for n in names}
        if mapping:
            self.client.mset(mapping)


_store_lock = threading.Lock()
_versions: FileVersions | RedisVersions | None = None
_redis: Any = None


def _prefix() -> str:
    # Pages and versions of different databases (a benchmark's and a developer's) never mix.
    db = settings.DATABASES["default"]
    ident = f"{db['ENGINE']}|{db.get('HOST', '')}|{db.get('PORT', '')}|{db['NAME']}"
    return "mw:" + hashlib.sha1(ident.encode()).hexdigest()[:10] + ":"


def _redis_client() -> Any:
    global _redis
    if _redis is None and settings.REDIS_URL:
        import redis

        _redis = redis.Redis.from_url(settings.REDIS_URL)
    return _redis


def versions() -> FileVersions | RedisVersions:
    global _versions
    if _versions is None:
        with _store_lock:
            if _versions is None:
                client = _redis_client()
                if client is not None:
                    _versions = RedisVersions(client, _prefix())
                else:
                    _versions = FileVersions(Path(settings.MINDWELL_PAGE_VERSIONS_FILE))
    return _versions


def reset_stores() -> None:
    """Forget the open stores and cached pages (tests that change the settings)."""
    global _versions, _redis
    with _store_lock:
        _versions = None
        _redis = None
    _local.clear()


def current_versions(entry: Any) -> tuple[int, ...]:
    """The current versions of a stored page's `deps` (pages here and in memberpages.py)."""
    store = versions()
    if entry.probe is None:
        entry.probe = store.probe(entry.deps)
    return store.read(entry.probe)


def is_fresh(entry: Any, ttl: float) -> bool:
    """A stored page (here or in memberpages.py) is younger than `ttl` seconds and every
    version it was stored with is still current."""
    if entry is None or time.time() - entry.stored_at > ttl:
        return False
    return current_versions(entry) == entry.versions


def versions_if_unchanged(deps: Sequence[str], started_seq: int) -> tuple[int, ...] | None:
    """The versions to store a page under, or None if one of them changed after the page
    began rendering: a change committed meanwhile, so it may show the old data."""
    current = versions().get(deps)
    return current if max(current, default=0) <= started_seq else None


def bump_after_commit(*names: str) -> None:
    """Give each name a new version once the current transaction commits (at once outside
    one). Call it inside the action's transaction, naming everything the change shows on."""
    wanted = tuple(dict.fromkeys(names))
    transaction.on_commit(lambda: versions().bump(wanted))


def bump_now(*names: str) -> None:
    versions().bump(names)


# --- what a view declares --------------------------------------------------------------------


@dataclass
class PageMarker:
    """Put in the WSGI environ by PageCacheApp for a request that may be served from, and
    stored in, the cache. A view fills it in to say the page may be stored."""

    started_seq: int
    deps: list[str] = field(default_factory=list)
    on_hit: tuple[str, int] | None = None
    cacheable: bool = False


# Work that must still happen when a page is served from the cache, by name, so that stored
# pages (pickled into Redis) hold no code: {"question_view": count_view} (see qa.apps).
HIT_HANDLERS: dict[str, Callable[[int], None]] = {}


def cache_for_anonymous(
    request: HttpRequest, deps: Iterable[str], *, on_hit: tuple[str, int] | None = None
) -> None:
    """Let PageCacheApp store this response for anonymous readers. Call before rendering:
    the page is then rendered with a CSRF placeholder. `deps` names everything shown;
    `on_hit` names a HIT_HANDLERS entry and its argument, run on every cache hit."""
    marker = request.META.get(ENVIRON_KEY)
    if isinstance(marker, PageMarker) and not request.user.is_authenticated:
        marker.deps = [SITE, *dict.fromkeys(deps)]
        marker.on_hit = on_hit
        marker.cacheable = True


def placeholder() -> str:
    # 64 characters, the length of a masked token, so Content-Length does not change; made
    # from the secret key so that no one can write it into a post.
    digest = hashlib.sha256(f"mindwell-csrf-placeholder:{settings.SECRET_KEY}".encode())
    return digest.hexdigest()


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Context processor: a cacheable page gets the placeholder instead of a CSRF token."""
    marker = request.META.get(ENVIRON_KEY)
    if isinstance(marker, PageMarker) and marker.cacheable:
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
    parts: list[bytes]  # the body split at the CSRF placeholder
    on_hit: tuple[str, int] | None
    probe: Any = None  # versions().probe(deps), made on first use


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
        self.placeholder = placeholder().encode()
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
            if entry.on_hit is not None:
                HIT_HANDLERS[entry.on_hit[0]](entry.on_hit[1])
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
            body = mask_secret(secret).encode().join(entry.parts)
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
        parts = body.split(self.placeholder)
        entry = Entry(
            deps=tuple(marker.deps),
            versions=(),
            stored_at=time.time(),
            status=status,
            headers=_with_vary_cookie([(k, v) for k, v in headers if k.lower() != "set-cookie"]),
            parts=parts,
            on_hit=marker.on_hit,
        )
        storable = (
            status.startswith("200 ")
            and content_type.startswith("text/html")
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
            parts, None,
        )  # fmt: skip
        return self._respond(entry_for_visitor, secret, method, start_response, b"miss")

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
