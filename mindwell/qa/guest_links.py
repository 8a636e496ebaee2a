"""Private links that let a guest edit or delete what they posted (decision 0011).

A guest has no account, so each question, answer or comment a guest posts gets a link
holding a random secret of 256 bits: shown once on the page the guest lands on after
posting, and emailed to them when they gave an address. Only the secret's SHA-256 is
stored (`GuestLink`), so a copy of the database opens nothing. A link works for
`MINDWELL_GUEST_LINK_DAYS` days; whoever holds it acts as the item's author
(`policy.GuestLinkHolder`) through the same actions as members. A malformed, unknown or
expired link is refused alike, so a refusal says nothing about which it was.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts.emails import absolute_url
from mindwell.core.errors import ActionError, NotFound
from mindwell.core.mail import send_email_after_commit
from mindwell.qa.models import Comment, GuestLink, Post
from mindwell.qa.policy import GuestLinkHolder

SECRET_BYTES = 32
# What secrets.token_urlsafe(SECRET_BYTES) makes: 43 characters of base64url.
_SECRET = re.compile(r"[A-Za-z0-9_-]{43}")


class InvalidLink(NotFound):
    """The link is malformed, unknown or expired: the three look alike."""

    def __init__(self) -> None:
        super().__init__("This link does not work: it is incomplete, or it has expired.")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def link_path(secret: str) -> str:
    return reverse("qa:guest_link", kwargs={"secret": secret})


def kind_of(item: Post | Comment) -> str:
    """ "question", "answer" or "comment"."""
    if isinstance(item, Comment):
        return "comment"
    return "question" if item.is_question else "answer"


def issue_link(*, item: Post | Comment, now: datetime | None = None) -> str:
    """Make a private link to a guest's post or comment and email it to the address the guest
    gave, if any, once this commits. A repeat of the form that made the item (qa.Submission:
    its first answer never reached the guest) gets a link of its own; earlier ones keep
    working. Returns the secret: the only copy, to show the guest and keep nowhere."""
    if item.author_id is not None:
        raise ActionError("Only a guest's post has a private link.")
    secret = secrets.token_urlsafe(SECRET_BYTES)
    now = now or timezone.now()
    expires_at = now + timedelta(days=settings.MINDWELL_GUEST_LINK_DAYS)
    owner: dict[str, Any] = {"comment" if isinstance(item, Comment) else "post": item}
    with transaction.atomic():
        GuestLink.objects.create(
            **owner, secret_hash=_digest(secret), created_at=now, expires_at=expires_at
        )
        if item.guest_email:
            subject, body = link_email(item=item, secret=secret, expires_at=expires_at)
            send_email_after_commit(to=item.guest_email, subject=subject, body=body)
    return secret


def find_link(secret: str) -> GuestLink:
    """The live link with this secret, with its post or comment; InvalidLink otherwise."""
    if not _SECRET.fullmatch(secret):
        raise InvalidLink
    digest = _digest(secret)
    link = (
        GuestLink.objects.select_related(
            "post__question", "post__category", "comment__post__question"
        )
        .filter(secret_hash=digest)
        .first()
    )
    # The lookup is by a hash of the secret, so its timing tells nothing about the secret;
    # the comparison is constant-time all the same.
    if link is None or not hmac.compare_digest(link.secret_hash, digest):
        raise InvalidLink
    if link.expires_at <= timezone.now():
        raise InvalidLink
    return link


def forget_expired_links(*, now: datetime | None = None) -> int:
    """Delete the links that have expired: they open nothing any more (housekeeping runs
    it). Returns how many went."""
    deleted, _ = GuestLink.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted


def holder_of(link: GuestLink) -> GuestLinkHolder:
    """The guest holding this (checked) link, as the policy and the actions know them."""
    return GuestLinkHolder(link.item)


def is_removed(item: Post | Comment) -> bool:
    """Deleted, or no longer shown because what it belongs to is out of view. An item held
    for review (waiting for approval, hidden) is not: its guest still sees it, marked, and
    may edit or delete it."""
    post = item.post if isinstance(item, Comment) else item
    return (
        (item.is_deleted and not item.is_held)
        or (post is not item and post.is_deleted)
        or (post.question is not None and post.question.is_deleted)
    )


def link_email(*, item: Post | Comment, secret: str, expires_at: datetime) -> tuple[str, str]:
    """Subject and body of the email that carries the link. Neither says what the post is
    about: mailboxes are read over shoulders and shown in notifications."""
    site = settings.SITE_NAME
    kind = kind_of(item)
    article = "an" if kind == "answer" else "a"
    subject = f"Your private link to edit or delete your {kind} on {site}"
    body = (
        f"Hello{' ' + item.guest_name if item.guest_name else ''},\n\n"
        f"You posted {article} {kind} on {site} as a guest. This private link lets you\n"
        f"edit or delete it, without an account:\n\n"
        f"{absolute_url(link_path(secret))}\n\n"
        f"It works until {expires_at:%d %B %Y}. Anyone who has it can change or delete your\n"
        f"{kind}, so keep it to yourself.\n\n"
        f"When it has expired, the moderators can still change or remove your {kind}:\n"
        f"write to {settings.MINDWELL_MODERATORS_EMAIL}.\n\n"
        f"If you did not post on {site}, someone gave your address by mistake: you can\n"
        f"ignore this email.\n"
    )
    return subject, body
