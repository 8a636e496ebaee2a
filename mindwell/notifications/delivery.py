"""Sending the outbox (`Email` rows) over SMTP, from the worker only, never inside a
transaction: a claim must be seen by other workers at once, and a slow server must not hold
the database.

Each email is claimed just before it is sent (`claimed_until`, a lease of
MINDWELL_EMAIL_LEASE_SECONDS), marked sent right after the server accepted it, and on a
failure either given up or tried again later with a growing pause:
- the server refused the address for good (5xx to RCPT): the email fails for good and the
  address is marked as bouncing; nothing more goes to it until the member's address changes;
- the server refused the message for good (5xx to DATA): the email fails for good;
- the server is down, slow (MINDWELL_EMAIL_TIMEOUT_SECONDS), or refused us for now (4xx):
  tried again after RETRY_BASE x 2^(attempts-1), at most RETRY_MAX apart; after MAX_ATTEMPTS
  it fails for good, kept in the table and logged, never dropped silently. When the
  connection itself failed, the rest of the batch waits as long, without an attempt counted
  (notifications.tasks.deliver queues a task for the moment they are due).
A worker killed mid-batch leaves the email it was sending claimed: the server never accepted
it (it answered no 250), so it is sent again when the lease ends, by `send_due` (run after
every batch and by the housekeeping) or by the dead worker's task, taken up again
(notifications.stalled). Between the server's 250 and our commit of "sent" is the one
moment a crash sends an email twice (RFC 1047); its Message-ID is the same both times, so
mail programs that merge duplicates show it once.
Just before sending, the recipient is checked again (`_still_wanted`): an account gone, an
address changed, mail stopped, or a post no longer visible cancels the email.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import Q
from django.utils import timezone

from mindwell.notifications import preferences
from mindwell.notifications.inbox import describe
from mindwell.notifications.models import (
    Email,
    EmailSettings,
    EmailStatus,
    Frequency,
    GuestAddress,
    Kind,
    Notification,
)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 16  # about two and a half days of a server that stays down
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=6)


def lease() -> timedelta:
    return timedelta(seconds=settings.MINDWELL_EMAIL_LEASE_SECONDS)


def _unclaimed(now: datetime) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def claim(email_id: int) -> Email | None:
    """Take one due email for this worker for a while; None if it is not due or another
    worker holds it."""
    now = timezone.now()
    claimed = (
        Email.objects.filter(pk=email_id, status=EmailStatus.QUEUED, next_attempt_at__lte=now)
        .filter(_unclaimed(now))
        .update(claimed_until=now + lease())
    )
    if not claimed:
        return None
    return Email.objects.select_related(
        "member__email_settings", "guest_address"
    ).get(pk=email_id)  # fmt: skip


def _notification_problem(email: Email) -> str:
    """For a notification's instant email: why it must not go now, or ""."""
    pk = email.key.removeprefix("n:")
    notification = (
        Notification.objects.filter(pk=int(pk) if pk.isdigit() else 0)
        .select_related("question", "post", "comment")
        .first()
    )
    if notification is None:
        return "what it was about is gone"
    if preferences.chosen(email.member, notification.kind) == Frequency.NEVER:
        return "the member stopped this kind of email"
    # A post hidden or deleted since is not announced (their own, to its author, is).
    told_anyway = notification.kind in (Kind.MODERATION, Kind.MESSAGE)
    if not told_anyway and not describe(notification, email.member, plain=True).visible:
        return "what it was about is out of view"
    return ""


def _still_wanted(email: Email) -> str:
    """Why the email must not go now, or ""."""
    if email.member_id is not None:
        member = email.member
        if member is None or not member.is_active:
            return "the account is gone"
        if member.email.lower() != email.to.lower():
            return "the member's address changed"
        if preferences.bounced(member):
            return "the member's address refuses mail"
        if not preferences.may_email(member):
            return "the member stopped their email"
        if email.key.startswith("n:"):
            return _notification_problem(email)
    elif email.guest_address_id is not None:
        address = email.guest_address
        if address is None or address.stopped_at:
            return "the guest stopped their email"
        if address.bounced_at:
            return "the guest's address refuses mail"
        if not address.confirmed_at and not email.key.startswith("confirm:"):
            return "the guest's address is not confirmed"
    return ""


def _domain() -> str:
    address = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1]
    return address.rstrip(">").strip() or "mindwell.local"


def _message(email: Email, connection: BaseEmailBackend) -> EmailMultiAlternatives:
    headers = {
        # The same for every attempt, so that a duplicate (see above) can be recognised.
        "Message-ID": f"<email-{email.pk}.{email.created_at:%Y%m%d%H%M%S}@{_domain()}>",
        "Auto-Submitted": "auto-generated",  # RFC 3834: no holiday replies, please
    }
    if email.unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{email.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        email.subject, email.text, None, [email.to], headers=headers, connection=connection
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


class Trouble(Enum):
    BOUNCE = "the address refused mail for good"
    REJECTED = "the message was refused for good"
    MESSAGE = "this message failed for now"
    CONNECTION = "the server or the connection failed"


def trouble(error: Exception) -> Trouble:
    """What a failure to send says about the address, the message or the server."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        if codes and all(500 <= code < 600 for code in codes):
            return Trouble.BOUNCE
        return Trouble.CONNECTION if 421 in codes else Trouble.MESSAGE
    if isinstance(error, smtplib.SMTPDataError):
        if error.smtp_code == 421:
            return Trouble.CONNECTION
        return Trouble.REJECTED if 500 <= error.smtp_code < 600 else Trouble.MESSAGE
    # Refused, reset or timed out connections, a greeting, login or sender the server turns
    # down: every other email would fail alike.
    if isinstance(error, OSError):
        return Trouble.CONNECTION
    return Trouble.MESSAGE


def _mark_bounced(email: Email) -> None:
    now = timezone.now()
    if email.member_id is not None:
        EmailSettings.objects.update_or_create(
            member_id=email.member_id,
            defaults={"bounced_at": now, "bounced_address": email.to.lower()},
        )
    elif email.guest_address_id is not None:
        GuestAddress.objects.filter(pk=email.guest_address_id).update(bounced_at=now)


def _failed(email: Email, error: Exception, kind: Trouble) -> datetime | None:
    """Record a failed attempt; returns when the email is tried again, or None if never."""
    text = f"{kind.value}: {type(error).__name__}: {error}"[:500]
    attempts = email.attempts + 1
    when: datetime | None = None
    if kind == Trouble.BOUNCE:
        _mark_bounced(email)
    elif kind in (Trouble.MESSAGE, Trouble.CONNECTION) and attempts < MAX_ATTEMPTS:
        when = timezone.now() + min(RETRY_BASE * (2 ** (attempts - 1)), RETRY_MAX)
    if when is None:
        log.error("Email %s failed for good after %s attempts: %s", email.key, attempts, text)
    else:
        log.warning(
            "Email %s failed (attempt %s), trying again at %s: %s", email.key, attempts, when, text
        )
    Email.objects.filter(pk=email.pk).update(
        status=EmailStatus.QUEUED if when else EmailStatus.FAILED,
        attempts=attempts,
        next_attempt_at=when or email.next_attempt_at,
        claimed_until=None,
        last_error=text,
    )
    return when


def _postpone(email_ids: list[int], until: datetime) -> None:
    """The server is down: the emails not tried yet wait as long as the one that failed
    (no attempt is counted for them)."""
    now = timezone.now()
    Email.objects.filter(
        pk__in=email_ids, status=EmailStatus.QUEUED, next_attempt_at__lt=until
    ).filter(_unclaimed(now)).update(next_attempt_at=until)


@dataclass
class Outcome:
    sent: int = 0
    cancelled: int = 0
    retrying: int = 0  # failed for now, tried again later
    failed: int = 0  # failed for good
    server_down: bool = False  # the connection failed: the rest of the batch waits too
    tried: list[int] = field(default_factory=list)  # the emails this run claimed

    def add(self, other: Outcome) -> None:
        for name in ("sent", "cancelled", "retrying", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.server_down = other.server_down
        self.tried += other.tried

    def counts(self) -> dict[str, int]:
        return {
            "sent": self.sent, "cancelled": self.cancelled, "retrying": self.retrying,
            "failed": self.failed,
        }  # fmt: skip


def _send_one(email: Email, connection: BaseEmailBackend) -> None:
    """Send one email over the batch's connection, opened for the first. Servers close a
    connection after so many messages: one they dropped after earlier messages is opened
    again, once, before the server is taken to be down."""
    used = getattr(connection, "connection", None) is not None
    try:
        connection.open()
        _message(email, connection).send()
    except Exception as error:
        if not used or trouble(error) != Trouble.CONNECTION:
            raise
        with contextlib.suppress(Exception):
            connection.close()
        connection.open()
        _message(email, connection).send()


def send(email_ids: list[int]) -> Outcome:
    """Send these emails (those due and not claimed elsewhere) over one connection, opened
    when the first of them is to go."""
    outcome = Outcome()
    connection = get_connection(timeout=settings.MINDWELL_EMAIL_TIMEOUT_SECONDS)
    try:
        for position, email_id in enumerate(email_ids):
            email = claim(email_id)
            if email is None:
                continue
            outcome.tried.append(email.pk)
            why_not = _still_wanted(email)
            if why_not:
                Email.objects.filter(pk=email.pk).update(
                    status=EmailStatus.CANCELLED, claimed_until=None, last_error=why_not
                )
                outcome.cancelled += 1
                continue
            try:
                _send_one(email, connection)
            except Exception as error:
                kind = trouble(error)
                when = _failed(email, error, kind)
                if when is None:
                    outcome.failed += 1
                else:
                    outcome.retrying += 1
                if kind == Trouble.CONNECTION:
                    outcome.server_down = True
                    if when is not None:
                        _postpone(email_ids[position + 1 :], when)
                    break
                continue
            Email.objects.filter(pk=email.pk).update(
                status=EmailStatus.SENT, sent_at=timezone.now(), claimed_until=None,
                attempts=email.attempts + 1, last_error="",
            )  # fmt: skip
            outcome.sent += 1
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    return outcome


def next_due(email_ids: list[int]) -> tuple[list[int], datetime | None]:
    """Those of these emails that wait for a later attempt (no worker holds them: one that
    does sends them, or its task is taken up again if it dies), and the earliest moment one
    of them is due."""
    rows = (
        Email.objects.filter(pk__in=email_ids, status=EmailStatus.QUEUED)
        .filter(_unclaimed(timezone.now()))
        .values_list("pk", "next_attempt_at")
    )
    waiting = [pk for pk, _ in rows]
    return waiting, min((due for _, due in rows), default=None)


def due_ids(limit: int = 500) -> list[int]:
    """Emails due now that nobody holds: new ones whose task was lost, retries whose time
    came, and those a killed worker had claimed."""
    now = timezone.now()
    return list(
        Email.objects.filter(status=EmailStatus.QUEUED, next_attempt_at__lte=now)
        .filter(_unclaimed(now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def send_due() -> Outcome:
    """Send what is due (see due_ids), in batches, until nothing is or the server is down."""
    total = Outcome()
    while ids := due_ids():
        outcome = send(ids)
        total.add(outcome)
        if outcome.server_down or not outcome.tried:
            break
    return total
