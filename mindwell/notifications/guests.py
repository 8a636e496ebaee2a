"""Guests who left an address and asked to hear of replies (`notify` on their post or
comment). The address first gets a confirmation message and nothing else until it is
confirmed; one click stops everything sent to it. It is never shown anywhere."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from mindwell.notifications import outbox, tokens
from mindwell.notifications.models import GuestAddress

# A confirmation is sent again for a new post at most this often.
CONFIRMATION_EVERY = timedelta(days=1)


def address_of(item: Any) -> GuestAddress | None:
    """The guest's confirmed-or-not address record for a guest's item that asked for
    replies, made on first use."""
    if item.author_id is not None or not item.notify or not item.guest_email:
        return None
    address, _ = GuestAddress.objects.get_or_create(
        email=item.guest_email.strip().lower(), defaults={"created_at": timezone.now()}
    )
    return address


def ask_to_confirm(item: Any) -> None:
    """A guest posted with an address and asked for replies: unless it is confirmed (or
    stopped), send it the confirmation message, at most once a day."""
    address = address_of(item)
    if address is None or address.confirmed_at or address.stopped_at or address.bounced_at:
        return
    now = timezone.now()
    sent = address.confirmation_sent_at
    if sent is not None and now - sent < CONFIRMATION_EVERY:
        return
    updated = GuestAddress.objects.filter(pk=address.pk, confirmation_sent_at=sent).update(
        confirmation_sent_at=now
    )
    if not updated:
        return  # another process sent it just now
    context = {
        "site": settings.SITE_NAME,
        "confirm_url": tokens.confirm_url(address.pk),
        "stop_url": tokens.unsubscribe_url(guest_address_id=address.pk),
    }
    outbox.queue(
        key=f"confirm:{address.pk}:{int(now.timestamp())}",
        to=address.email,
        guest_address=address,
        subject=f"Please confirm your email address for {settings.SITE_NAME}",
        text=render_to_string("notifications/email/confirm_guest.txt", context),
        html=render_to_string("notifications/email/confirm_guest.html", context),
        unsubscribe_url=context["stop_url"],
    )


def tell_guest_author(item: Any, *, about: Any) -> None:
    """Email the guest who wrote `item` (a question or answer) that `about` (an answer to it,
    or a comment on it) arrived, if their address is confirmed."""
    address = address_of(item)
    if address is not None and address.may_receive:
        _tell(address, item, about)


def tell_guest_commenters(comment: Any) -> None:
    """Email the guests who commented earlier on the same post, asking for replies, that
    `comment` came after theirs (each address once; never the comment's own writer)."""
    from mindwell.qa.models import Comment

    earlier = Comment.objects.filter(
        post_id=comment.post_id, pk__lt=comment.pk, author=None, notify=True,
        deleted_at__isnull=True,
    ).exclude(guest_email="")  # fmt: skip
    told: set[int] = set()
    for mine in earlier.order_by("pk"):
        address = address_of(mine)
        if address is None or address.pk in told:
            continue
        told.add(address.pk)
        if address.may_receive:
            _tell(address, mine, comment)


def _tell(address: GuestAddress, item: Any, about: Any) -> None:
    from mindwell.notifications.emails import guest_reply

    if about.author_id is None and (about.guest_email or "").strip().lower() == address.email:
        return  # their own reply

    what = "comment" if hasattr(about, "post_id") else "answer"
    message = guest_reply(item, about, address)
    outbox.queue(key=f"guest:{address.pk}:{what}:{about.pk}", guest_address=address, **message)
