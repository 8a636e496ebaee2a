"""What pages show and what changes: the only two things the rest of the code says about
the page cache.

A **topic** is a kind of thing pages show, declared once by the app that owns it
(`QUESTION = Topic("q")` in qa, `MEMBER = Topic("u")` in accounts); `QUESTION(12)` names
one question's content. While a stored page renders, the code that selects or presents
its data calls `shows(QUESTION(12))`, `shows(MEMBER(7))`. An action that changes a
thing calls `changed(QUESTION(12))` inside its transaction, through its app's one
function for that noun (`qa.topics.post_changed`, `accounts.topics.member_changed`);
after commit, every stored page that showed it is stale at once, in every process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction

from mindwell.core.pagecache.versions import EVERY_PAGE, versions

log = logging.getLogger(__name__)

_prefixes: set[str] = set()


class Topic:
    """A kind of thing that pages show; `Topic("q")(12)` is the name of question 12's."""

    def __init__(self, prefix: str) -> None:
        if prefix in _prefixes or prefix == EVERY_PAGE or ":" in prefix:
            raise ValueError(f"The topic prefix {prefix!r} is taken or malformed.")
        _prefixes.add(prefix)
        self.prefix = prefix

    def __call__(self, key: int | str | None = None) -> str:
        return self.prefix if key is None else f"{self.prefix}:{key}"

    def __repr__(self) -> str:
        return f"Topic({self.prefix!r})"


@dataclass
class Shown:
    """What the page being rendered has declared so far."""

    names: dict[str, None] = field(default_factory=dict)  # ordered, without repeats
    on_hit: tuple[str, int] | None = None


_shown: ContextVar[Shown | None] = ContextVar("mindwell_page_shown", default=None)

# Work that must still happen when a stored page is served, by name, so that stored pages
# (pickled into Redis) hold no code: {"question_view": count_view} (see qa.apps).
HIT_HANDLERS: dict[str, Callable[[int], None]] = {}


def shows(*names: str) -> None:
    """Declare that the page being rendered shows these topics. Outside a stored page's
    rendering it does nothing, so selectors and presenters may always call it."""
    shown = _shown.get()
    if shown is not None:
        shown.names.update(dict.fromkeys(names))


def on_every_hit(handler: str, argument: int) -> None:
    """Declare work to do each time the page being rendered is served from the cache:
    `HIT_HANDLERS[handler](argument)` (a question's view count)."""
    shown = _shown.get()
    if shown is not None:
        shown.on_hit = (handler, argument)


def run_hit_handler(on_hit: tuple[str, int] | None) -> None:
    """Do a stored page's per-hit work; it never fails the page (a view count is not worth
    an error page)."""
    if on_hit is None:
        return
    try:
        HIT_HANDLERS[on_hit[0]](on_hit[1])
    except Exception:
        log.exception("The page cache's hit handler %s failed", on_hit[0])


@contextmanager
def recording_shown() -> Iterator[Shown]:
    """Collect what the code run inside declares with `shows` and `on_every_hit`."""
    shown = Shown()
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)


def changed(*names: str) -> None:
    """Make every stored page showing these topics stale once the current transaction
    commits (at once outside one). Call it inside the action's transaction."""
    wanted = tuple(dict.fromkeys(names))
    transaction.on_commit(lambda: versions().bump(wanted))


def changed_now(*names: str) -> None:
    """As `changed`, at once: for tools that write outside the actions (the site generator)."""
    versions().bump(names)


def every_page() -> str:
    """The topic every stored page shows: for changes to what nearly every page shows."""
    return EVERY_PAGE
