"""Signed links that work without logging in: unsubscribing (one kind, or all email) and a
guest's confirmation of their address. Nothing in them is secret; they are only signed."""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from mindwell.accounts.emails import absolute_url
from mindwell.notifications.models import Kind

SALT = "mindwell.notifications.email-link"
MAX_AGE = 400 * 24 * 3600  # an old digest's link still works for a year and a bit
ALL = "all"
CONFIRM = "confirm"
NOT_OURS = "This link is not one we sent, or it was cut short."


@dataclass(frozen=True)
class Holder:
    """Whom a link speaks for: a member (`member_id`) or a guest's address
    (`guest_address_id`), and what it stops (`scope`: a kind, or ALL) or does ("confirm")."""

    member_id: int | None
    guest_address_id: int | None
    scope: str


class BadLink(Exception):
    """The link was changed, made for something else, or is too old."""

    def __init__(self, message: str, *, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


def make(*, member_id: int | None = None, guest_address_id: int | None = None, scope: str) -> str:
    payload: dict[str, object] = {"s": scope}
    if member_id:
        payload["m"] = member_id
    else:
        payload["g"] = guest_address_id
    return signing.dumps(payload, salt=SALT, compress=True)


def read(token: str) -> Holder:
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise BadLink("This link is too old.", expired=True) from error
    except signing.BadSignature as error:
        raise BadLink(NOT_OURS) from error
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), str):
        raise BadLink(NOT_OURS)
    member_id, guest_id = payload.get("m"), payload.get("g")
    if not (isinstance(member_id, int) ^ isinstance(guest_id, int)):
        raise BadLink(NOT_OURS)
    return Holder(member_id, guest_id, payload["s"])


def read_unsubscribe(token: str) -> Holder:
    """The holder of an unsubscribe link: a member stopping one kind of email or all of it,
    or a guest stopping all of it. BadLink for anything else."""
    holder = read(token)
    scopes = [ALL] if holder.guest_address_id is not None else [ALL, *Kind.values]
    if holder.scope not in scopes:
        raise BadLink(NOT_OURS)
    return holder


def read_confirmation(token: str) -> Holder:
    """The holder of a guest's confirmation link; BadLink for anything else."""
    holder = read(token)
    if holder.guest_address_id is None or holder.scope != CONFIRM:
        raise BadLink(NOT_OURS)
    return holder


def unsubscribe_path(*, member_id: int | None = None, guest_address_id: int | None = None,
                     scope: str = ALL) -> str:  # fmt: skip
    token = make(member_id=member_id, guest_address_id=guest_address_id, scope=scope)
    return reverse("notifications:unsubscribe", args=[token])


def unsubscribe_url(*, member_id: int | None = None, guest_address_id: int | None = None,
                    scope: str = ALL) -> str:  # fmt: skip
    """The link for an email (absolute)."""
    return absolute_url(
        unsubscribe_path(member_id=member_id, guest_address_id=guest_address_id, scope=scope)
    )


def confirm_url(guest_address_id: int) -> str:
    token = make(guest_address_id=guest_address_id, scope=CONFIRM)
    return absolute_url(reverse("notifications:confirm_guest", args=[token]))
