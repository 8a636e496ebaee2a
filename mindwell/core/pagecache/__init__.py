"""The page cache: whole pages for anonymous readers and one shared page per URL for
members, never stale. Decisions 0004 (anonymous pages) and 0007 (member pages).

Its public face, which is all the rest of the code uses:

- `stored_page`: the decorator for a GET view whose page may be stored.
- `Topic`, `shows`, `changed`: what a page shows is declared where its data is selected or
  presented (`shows(QUESTION(12))`); what an action changes is declared once per noun by
  the app that owns it (`changed(QUESTION(12))`, after commit). Nothing else names keys.
- `on_every_hit` / `HIT_HANDLERS`: work done each time a stored page is served (views).
- `register_kind`, `Kind`, `always_rendered_for`: the per-member parts of shared pages;
  `stored_apart_for`: members whose stored pages are their own (reader controls).
- `PageCacheApp`: the WSGI layer (config/wsgi.py); `reset_stores`: for tests.

Modules: declare.py (topics), versions.py (the shared version store), anonymous.py (the
WSGI layer), members.py (shared member pages), csrf.py (tokens), stored.py (the decorator).
"""

from mindwell.core.pagecache import anonymous, members
from mindwell.core.pagecache.anonymous import PageCacheApp, csrf_placeholder
from mindwell.core.pagecache.csrf import placeholder
from mindwell.core.pagecache.declare import (
    HIT_HANDLERS,
    Topic,
    changed,
    changed_now,
    every_page,
    on_every_hit,
    shows,
)
from mindwell.core.pagecache.members import (
    Kind,
    always_rendered_for,
    recording_context,
    register_kind,
    stored_apart_for,
)
from mindwell.core.pagecache.stored import stored_page
from mindwell.core.pagecache.versions import FileVersions, reset_versions, versions

__all__ = [
    "HIT_HANDLERS",
    "FileVersions",
    "Kind",
    "PageCacheApp",
    "Topic",
    "always_rendered_for",
    "changed",
    "changed_now",
    "csrf_placeholder",
    "every_page",
    "on_every_hit",
    "placeholder",
    "recording_context",
    "register_kind",
    "reset_stores",
    "shows",
    "stored_apart_for",
    "stored_page",
    "version_of",
]


def version_of(name: str) -> int:
    """A topic's current version, the same in every process: a key that data cached apart
    from pages can carry, so that `changed(name)` makes it stale everywhere at once."""
    return versions().get([name])[0]


def reset_stores() -> None:
    """Forget the open version store and every stored page (tests that change settings)."""
    reset_versions()
    anonymous._local.clear()
    members.clear()
