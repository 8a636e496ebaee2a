"""The checks moderation runs on new text inside the posting action (qa.events.Submitted),
and what it hears after commit. Registered once, from apps.py."""

from __future__ import annotations

from mindwell.core import events
from mindwell.moderation.actions.premoderation import check_submission
from mindwell.qa.events import Submitted


def register() -> None:
    """Subscribe moderation's checks and listeners (filled in by each feature)."""
    # The link limit and pre-moderation (the rules page): refuse or hold new text.
    events.check(Submitted, check_submission)
