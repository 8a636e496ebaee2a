"""Pages shared by all members, personalised per request: see docs/decisions/0007-member-pages.md.

- A member's page differs from any other member's only in known places, each marked in the
  templates: `{% personal can_edit post %}...{% endpersonal %}` (a control the member may
  or may not have), `{% personal vote post.pk %}...{% endpersonal %}` (their vote), and
  `{% personal_include "includes/user_nav.html" %}` (parts rendered afresh per request:
  the account links, flash messages). The kinds of blocks are registered by the apps that
  know their data (`register_kind`).
- A view wrapped in `stored_page` is rendered for members as "some member" (`SomeMember`):
  each `personal` block is rendered in every variant it can take and left in the page as
  a slot. The page is stored in this process under the versions of what it showed,
  exactly as anonymous pages are.
- Each member's request, hit or miss, then picks each slot's variant for that member (all
  their votes on the page in one query), renders the live parts, and puts in their own
  CSRF token and a fresh fill-time stamp for its forms (core.antispam). Members who see
  more than members do (`always_rendered_for`: moderators) always get a page rendered for
  them.
- Members whose pages differ from everyone else's by their own choices (`stored_apart_for`:
  reader controls, which leave some questions out of their pages) get pages recorded and
  personalised the same way, but stored under their own key: never the shared page, and
  never shared with anyone else.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import render_to_string
from django.utils.functional import LazyObject, empty

from mindwell.core.antispam import issue_stamp, stamp_placeholder
from mindwell.core.pagecache.anonymous import LocalPages
from mindwell.core.pagecache.csrf import mask_secret, placeholder
from mindwell.core.pagecache.declare import recording_shown, run_hit_handler
from mindwell.core.pagecache.versions import (
    EVERY_PAGE,
    is_fresh,
    versions,
    versions_if_unchanged,
)

REQUEST_ATTRIBUTE = "member_page"


class SomeMember:
    """Who a shared page is rendered for: a signed-in member, no one in particular. Anything
    personal a template reads outside a `personal` block comes out empty, never another
    member's: every attribute but these is the empty string."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    pk = id = None

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return ""

    def __str__(self) -> str:
        return ""


SOME_MEMBER = SomeMember()


# --- kinds of personal blocks ----------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One kind of `personal` block: the context variable its body reads, the values it can
    take, how a normal render decides it, and how it is decided for a member from the keys
    of all such blocks on a page (`for_member` may run one query for all of them)."""

    variable: str
    values: tuple[Any, ...]
    for_render: Callable[[Context, Any], Any]
    for_member: Callable[[Any, Sequence[Any]], Callable[[Any], Any]]


# Kinds of `personal` blocks, by name, registered by the apps that know their data (qa
# registers "vote" and its permission kinds).
KINDS: dict[str, Kind] = {}


def register_kind(name: str, kind: Kind) -> None:
    KINDS[name] = kind


# Members for whom any of these is true always get a page rendered for them: they see more
# than members do (moderators). Registered by the app that knows who they are.
_RENDERED_FOR_THEMSELVES: list[Callable[[Any], bool]] = []


def always_rendered_for(predicate: Callable[[Any], bool]) -> None:
    if predicate not in _RENDERED_FOR_THEMSELVES:
        _RENDERED_FOR_THEMSELVES.append(predicate)


def sees_own_page(user: Any) -> bool:
    return any(predicate(user) for predicate in _RENDERED_FOR_THEMSELVES)


# Members for whom any of these is true get stored pages of their own: their pages show less
# than members' do (reader controls), so the shared page is not theirs, and theirs is no one
# else's. Decided from the member's row, with no query. Registered by the app that knows.
_STORED_APART: list[Callable[[Any], bool]] = []


def stored_apart_for(predicate: Callable[[Any], bool]) -> None:
    if predicate not in _STORED_APART:
        _STORED_APART.append(predicate)


def _apart(user: Any) -> bool:
    return any(predicate(user) for predicate in _STORED_APART)


# --- recording a shared page -----------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    kind: str
    key: Any
    variants: dict[Any, str]


@dataclass(frozen=True)
class Live:
    template_name: str
    context: dict[str, Any]


@dataclass
class Recorder:
    """Set on a member's request by `stored_page` while the page is being recorded."""

    started_seq: int
    slots: list[Choice | Live] = field(default_factory=list)

    def slot(self, item: Choice | Live) -> str:
        self.slots.append(item)
        return f"\x00{_NONCE}:{len(self.slots) - 1}\x00"


# A per-process marker: user content cannot hold NUL characters (Django's forms refuse them)
# and cannot guess the nonce.
_NONCE = secrets.token_hex(8)
MARKER_START = f"\x00{_NONCE}:"
_MARKER = re.compile(f"{MARKER_START}(\\d+)\x00")


def recorder_for(context: Context) -> Recorder | None:
    request = context.get("request")
    recorder = getattr(request, REQUEST_ATTRIBUTE, None)
    return recorder if isinstance(recorder, Recorder) else None


def is_recording(request: HttpRequest) -> bool:
    return isinstance(getattr(request, REQUEST_ATTRIBUTE, None), Recorder)


def recording_context(request: HttpRequest) -> dict[str, Any]:
    """Context for a page being recorded: a CSRF placeholder, and "some member" as `user`."""
    if is_recording(request):
        return {"csrf_token": placeholder(), "user": SOME_MEMBER, "perms": None}
    return {}


# --- stored pages ----------------------------------------------------------------------------


@dataclass
class Page:
    deps: tuple[str, ...]
    versions: tuple[int, ...]
    stored_at: float
    parts: list[str | Choice | Live]
    keys: dict[str, list[Any]]  # the keys of each kind of choice on the page
    on_hit: tuple[str, int] | None
    probe: Any = None
    stamped: bool = False  # holds the placeholder of a form's fill-time stamp
    content_type: str = "text/html; charset=utf-8"  # or a feed's


_pages: LocalPages[Page] = LocalPages(64 << 20)


def clear() -> None:
    _pages.clear()


def _split(content: str, slots: list[Choice | Live]) -> list[str | Choice | Live]:
    pieces = _MARKER.split(content)
    # re.split alternates text and captured slot numbers.
    return [piece if i % 2 == 0 else slots[int(piece)] for i, piece in enumerate(pieces) if piece]


def _size(parts: list[str | Choice | Live]) -> int:
    size = 200
    for part in parts:
        if isinstance(part, str):
            size += len(part)
        elif isinstance(part, Choice):
            size += sum(len(variant) for variant in part.variants.values())
    return size


def _member(request: HttpRequest) -> Any:
    """The member themself rather than Django's lazy stand-in for them: every attribute read
    through the stand-in costs a call, and a page asks dozens (one per `personal` block)."""
    user: Any = request.user
    if not isinstance(user, LazyObject):
        return user
    lazy: Any = user
    if lazy._wrapped is empty:
        lazy._setup()
    return lazy._wrapped


def personalise(request: HttpRequest, page: Page) -> str:
    user = _member(request)
    deciders = {kind: KINDS[kind].for_member(user, keys) for kind, keys in page.keys.items()}
    marker = placeholder()
    live_context: dict[str, Any] | None = None
    out: list[str] = []
    for part in page.parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Choice):
            out.append(part.variants[deciders[part.kind](part.key)])
        else:
            if live_context is None:
                live_context = {
                    "user": user,
                    "request": request,
                    "messages": get_messages(request),
                    "csrf_token": marker,
                }
            out.append(render_to_string(part.template_name, {**live_context, **part.context}))
    text = "".join(out).replace(marker, _csrf_token(request))
    if page.stamped:
        text = text.replace(stamp_placeholder(), issue_stamp())
    return text


def _csrf_token(request: HttpRequest) -> str:
    """Django's get_token, with the faster masking of pagecache.mask_secret."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return str(get_token(request))
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # as get_token: renew the cookie's expiry
    return mask_secret(secret)


def _record(
    request: HttpRequest,
    recorder: Recorder,
    response: HttpResponse,
    *,
    deps: tuple[str, ...],
    on_hit: tuple[str, int] | None,
    store: bool,
) -> None:
    content = response.content.decode()
    parts = _split(content, recorder.slots)
    keys: dict[str, list[Any]] = {}
    stamp = stamp_placeholder()
    stamped = stamp in content
    for slot in recorder.slots:
        if isinstance(slot, Choice):
            keys.setdefault(slot.kind, []).append(slot.key)
            stamped = stamped or any(stamp in variant for variant in slot.variants.values())
    page = Page(
        deps, (), time.time(), parts, keys, on_hit, stamped=stamped,
        content_type=response["Content-Type"],
    )  # fmt: skip
    if store and response.status_code == 200:
        current = versions_if_unchanged(page.deps, recorder.started_seq)
        if current is not None:
            page.versions = current
            _pages.max_bytes = settings.MINDWELL_PAGE_CACHE_MB << 20
            _pages.put(_key(request), page, size=_size(parts))
            response["X-Member-Page"] = "miss"
    response.content = personalise(request, page).encode()


def _key(request: HttpRequest) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    user = _member(request)
    # NUL cannot be part of an address: no shared key can look like a member's own.
    return f"{address}\x00{user.pk}" if _apart(user) else address


def serve_member_page(
    request: HttpRequest, view: Callable[..., HttpResponse], *args: Any, **kwargs: Any
) -> HttpResponse:
    """Serve a member a stored page personalised for them, or record one (see above)."""
    store = settings.MINDWELL_PAGE_CACHE
    page = _pages.get(_key(request)) if store else None
    if page is not None and is_fresh(page, settings.MINDWELL_PAGE_CACHE_SECONDS):
        run_hit_handler(page.on_hit)
        response = HttpResponse(personalise(request, page), content_type=page.content_type)
        response["X-Member-Page"] = "hit"
        return response
    # With the cache off, pages are still recorded and personalised, only not stored:
    # one way of rendering member pages, whatever the settings.
    recorder = Recorder(started_seq=versions().seq())
    setattr(request, REQUEST_ATTRIBUTE, recorder)
    try:
        with recording_shown() as shown:
            response = view(request, *args, **kwargs)
    finally:
        # An error page rendered after an exception must be a normal page.
        delattr(request, REQUEST_ATTRIBUTE)
    deps = (EVERY_PAGE, *shown.names)
    _record(request, recorder, response, deps=deps, on_hit=shown.on_hit, store=store)
    return response
