"""The checks moderation runs on new text inside the posting action (qa.events.Submitted),
and what it hears after commit. Registered once, from apps.py."""

from __future__ import annotations


def register() -> None:
    """Subscribe moderation's checks and listeners (filled in by each feature)."""
