"""The checks moderation runs on new text inside the posting action (qa.events.Submitted),
and what it hears after commit. Registered once, from apps.py."""

from __future__ import annotations

from django.utils import timezone

from mindwell.core import events
from mindwell.core.client import client_ip
from mindwell.core.errors import Forbidden
from mindwell.moderation.actions.premoderation import check_submission
from mindwell.moderation.addresses import NETWORK_PAUSED, address_hash, is_blocked
from mindwell.moderation.models import Origin
from mindwell.qa.events import Submitted


def refuse_blocked_guests(event: Submitted) -> None:
    """A guest posting (or editing through their private link) from a blocked range is
    refused; members are never refused by address: a member is suspended instead."""
    if event.author_id is not None:
        return
    address = client_ip()
    if address is not None and is_blocked(address):
        raise Forbidden(NETWORK_PAUSED)


def record_origin(event: Submitted) -> None:
    """Keep where a new guest's or anonymous post or comment came from, as a keyed hash of
    the address, for moderators, in the posting transaction (forget_origins deletes it)."""
    if event.what == "edit" or (event.author_id is not None and not event.anonymous):
        return
    address = client_ip()
    if address is None:  # not from a request: the demo loader, an import, a test
        return
    Origin.objects.create(
        post_id=None if event.comment_id else event.post_id,
        comment_id=event.comment_id,
        ip_hash=address_hash(address),
        created_at=timezone.now(),
    )


def register() -> None:
    """Subscribe moderation's checks and listeners (filled in by each feature)."""
    # In this order: a blocked guest is refused before anything is held; the link limit
    # and pre-moderation (the rules page) refuse or hold; then where a guest posted from.
    events.check(Submitted, refuse_blocked_guests)
    events.check(Submitted, check_submission)
    events.check(Submitted, record_origin)
