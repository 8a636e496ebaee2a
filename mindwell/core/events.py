"""Domain events: how a lower app tells higher apps what happened, without importing them.

Two explicit mechanisms, both typed by the event's class:

- **Announcements**, after commit. An action calls `announce(PostCreated(...))` inside its
  transaction; once the transaction commits, every handler subscribed to that class with
  `on_commit(PostCreated, handler)` runs, each on its own: one that fails is logged and
  the others still run, and the action's result stands (it is committed). If the
  transaction rolls back, nobody hears anything. Use them for what follows a change:
  notifications, indexing, badges.
- **Checks**, inside the transaction. An action calls `run_checks(PostSubmitted(...))`
  after writing the new row and before its transaction commits; every handler registered
  with `check(PostSubmitted, handler)` runs in order, in the same transaction. A check may
  refuse by raising `ActionError` (the whole action rolls back: nothing is half-written)
  or hold the item by writing its own rows (a review-queue entry, a hidden state) in that
  transaction. Use them for what may stop a post: screening, spam rules, rate limits.

Apps subscribe in their AppConfig.ready(). The event classes live in the app that
announces them (`mindwell/qa/events.py`), so a subscriber imports downward only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from django.db import transaction

log = logging.getLogger(__name__)

E = TypeVar("E")

_on_commit: dict[type, list[Callable[[Any], None]]] = {}
_checks: dict[type, list[Callable[[Any], None]]] = {}


def on_commit(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Run `handler(event)` after the transaction that announced each such event commits."""
    handlers = _on_commit.setdefault(event_type, [])
    if handler not in handlers:
        handlers.append(handler)


def check(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Run `handler(event)` inside the action, before commit; it may raise ActionError."""
    handlers = _checks.setdefault(event_type, [])
    if handler not in handlers:
        handlers.append(handler)


def unsubscribe(event_type: type, handler: Callable[[Any], None]) -> None:
    """Remove a handler from both kinds (tests)."""
    for registry in (_on_commit, _checks):
        if handler in registry.get(event_type, []):
            registry[event_type].remove(handler)


def announce(event: object) -> None:
    """Deliver `event` to its subscribers once the current transaction commits (at once
    outside a transaction). Call it inside the action's transaction."""
    for handler in list(_on_commit.get(type(event), [])):
        transaction.on_commit(partial(_deliver, handler, event))


def _deliver(handler: Callable[[Any], None], event: object) -> None:
    try:
        handler(event)
    except Exception:
        # The change is committed: a listener's failure must not undo or hide it.
        log.exception("%s failed on %r", getattr(handler, "__qualname__", handler), event)


def run_checks(event: object) -> None:
    """Run every check of `event`'s class, in order, in the caller's transaction."""
    for handler in list(_checks.get(type(event), [])):
        handler(event)
