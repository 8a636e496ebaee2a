"""Pages shared by all members, personalised per request: see docs/decisions/0007-member-pages.md.

How it fits together:

- A member's page differs from any other member's only in known places, each marked in the
  templates: `{% personal owner post.author_id %}...{% endpersonal %}` (controls for what
  the member wrote), `{% personal vote post.pk %}...{% endpersonal %}` (their vote), and
  `{% personal_include "includes/user_nav.html" %}` (parts rendered afresh per request:
  the account links, flash messages).
- A view wrapped in `@shared_with_members` that calls `cacheable(request, deps)` before
  rendering (the call that also lets PageCacheApp store the page for anonymous readers) is
  rendered for members as "some member" (`SomeMember`): each `personal` block is rendered
  in every variant it can take and left in the page as a slot. The page is stored in this
  process under the versions of `deps`, exactly as anonymous pages are (pagecache.py).
- Each member's request, hit or miss, then picks each slot's variant for that member (all
  their votes on the page in one query), renders the live parts, and puts in their own
  CSRF token. Moderators, who see more than members, always get a page rendered for them.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import render_to_string

from mindwell.core.pagecache import (
    HIT_HANDLERS,
    SITE,
    LocalPages,
    cache_for_anonymous,
    is_fresh,
    mask_secret,
    placeholder,
    versions,
    versions_if_unchanged,
)

REQUEST_ATTRIBUTE = "member_page"


class SomeMember:
    """Who a shared page is rendered for: a signed-in member, no one in particular. Anything
    personal a template shows outside a `personal` block comes out empty, never another
    member's."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    pk = id = None
    username = public_name = display_name = ""
    points = 0
    is_professional = can_moderate = is_staff = is_superuser = False

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


def _owner_for_render(context: Context, owner_id: Any) -> bool:
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return False
    return (owner_id is not None and owner_id == user.pk) or bool(user.can_moderate)


def _owner_for_member(user: Any, keys: Sequence[Any]) -> Callable[[Any], bool]:
    return lambda owner_id: owner_id is not None and owner_id == user.pk


# The "owner" kind: is the viewer the one who wrote it (or a moderator)? Other kinds are
# registered by the apps that know their data (qa registers "vote").
KINDS: dict[str, Kind] = {
    "owner": Kind("is_owner", (False, True), _owner_for_render, _owner_for_member),
}


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
    """Set on a member's request by @shared_with_members; `recording` once the view has
    said the page may be shared."""

    started_seq: int
    deps: list[str] = field(default_factory=list)
    on_hit: tuple[str, int] | None = None
    recording: bool = False
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
    if isinstance(recorder, Recorder) and recorder.recording:
        return recorder
    return None


def cacheable(
    request: HttpRequest, deps: Iterable[str], *, on_hit: tuple[str, int] | None = None
) -> None:
    """Let this page be stored: whole for anonymous readers (pagecache.cache_for_anonymous)
    and as a shared page for members. Call before rendering; `deps` names everything shown,
    `on_hit` work to do each time a stored page is served (a HIT_HANDLERS entry)."""
    deps = list(deps)
    cache_for_anonymous(request, deps, on_hit=on_hit)
    recorder = getattr(request, REQUEST_ATTRIBUTE, None)
    if isinstance(recorder, Recorder):
        recorder.deps = [SITE, *dict.fromkeys(deps)]
        recorder.on_hit = on_hit
        recorder.recording = True


def is_recording(request: HttpRequest) -> bool:
    recorder = getattr(request, REQUEST_ATTRIBUTE, None)
    return isinstance(recorder, Recorder) and recorder.recording


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


def personalise(request: HttpRequest, page: Page) -> str:
    user = request.user
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
    return "".join(out).replace(marker, _csrf_token(request))


def _csrf_token(request: HttpRequest) -> str:
    """Django's get_token, with the faster masking of pagecache.mask_secret."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return str(get_token(request))
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # as get_token: renew the cookie's expiry
    return mask_secret(secret)


def _record(
    request: HttpRequest, recorder: Recorder, response: HttpResponse, *, store: bool
) -> None:
    parts = _split(response.content.decode(), recorder.slots)
    keys: dict[str, list[Any]] = {}
    for slot in recorder.slots:
        if isinstance(slot, Choice):
            keys.setdefault(slot.kind, []).append(slot.key)
    page = Page(tuple(recorder.deps), (), time.time(), parts, keys, recorder.on_hit)
    if store and response.status_code == 200:
        current = versions_if_unchanged(page.deps, recorder.started_seq)
        if current is not None:
            page.versions = current
            _pages.max_bytes = settings.MINDWELL_PAGE_CACHE_MB << 20
            _pages.put(_key(request), page, size=_size(parts))
            response["X-Member-Page"] = "miss"
    response.content = personalise(request, page).encode()


def _key(request: HttpRequest) -> str:
    return f"{request.get_host()}{request.get_full_path()}"


def shared_with_members(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve members a stored page personalised for them, or record one (see above)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if (
            request.method not in ("GET", "HEAD")
            or not user.is_authenticated
            or getattr(user, "can_moderate", False)
        ):
            return view(request, *args, **kwargs)
        store = settings.MINDWELL_PAGE_CACHE
        page = _pages.get(_key(request)) if store else None
        if page is not None and is_fresh(page, settings.MINDWELL_PAGE_CACHE_SECONDS):
            if page.on_hit is not None:
                HIT_HANDLERS[page.on_hit[0]](page.on_hit[1])
            response = HttpResponse(personalise(request, page))
            response["X-Member-Page"] = "hit"
            return response
        # With the cache off, pages are still recorded and personalised, only not stored:
        # one way of rendering member pages, whatever the settings.
        recorder = Recorder(started_seq=versions().seq())
        setattr(request, REQUEST_ATTRIBUTE, recorder)
        try:
            response = view(request, *args, **kwargs)
        finally:
            # An error page rendered after an exception must be a normal page.
            delattr(request, REQUEST_ATTRIBUTE)
        if recorder.recording:
            _record(request, recorder, response, store=store)
        return response

    return wrapper
