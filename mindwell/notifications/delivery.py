"""Sending the outbox (`Email` rows) over SMTP, from the worker only.

Each email is claimed before it is sent (`claimed_until`, a lease), marked sent right after
the server accepted it, and on a failure retried later with a growing pause:
- the server refused the address for good (5xx): the email fails for good and the address
  is marked as bouncing (nothing more goes to it until it changes);
- anything else (server down, slow, 4xx): tried again after RETRY_BASE x 2^attempts, up to
  MAX_ATTEMPTS, then failed for good, kept in the table and logged; never dropped silently.
A worker killed mid-batch leaves its claimed emails to come due again when their lease ends
(`send_due`, run by the housekeeping and after each batch): the server never accepted them.
Just before sending, the recipient is checked again: an account deleted or a member who
stopped their mail while it waited cancels the email.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.utils import timezone

from mindwell.notifications import preferences
from mindwell.notifications.models import Email, EmailSettings, EmailStatus, GuestAddress

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=6)


def lease() -> timedelta:
    return timedelta(seconds=settings.MINDWELL_EMAIL_LEASE_SECONDS)


def claim(email_id: int) -> Email | None:
    """Take one due email for this worker for a while; None if it is not due or another
    worker holds it."""
    now = timezone.now()
    claimed = (
        Email.objects.filter(pk=email_id, status=EmailStatus.QUEUED, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + lease())
    )
    if not claimed:
        return None
    return Email.objects.select_related("member", "guest_address").get(pk=email_id)


def _still_wanted(email: Email) -> str:
    """Why the email must not go now, or ""."""
    if email.member_id is not None:
        member = email.member
        if member is None or not member.is_active:
            return "the account is gone"
        if member.email.lower() != email.to.lower():
            return "the member's address changed"
        if not preferences.may_email(member) and not email.key.startswith("account:"):
            return "the member stopped their email"
    elif email.guest_address_id is not None:
        address = email.guest_address
        if address is None or address.stopped_at or address.bounced_at:
            return "the guest stopped their email"
        if not address.confirmed_at and not email.key.startswith("confirm:"):
            return "the guest's address is not confirmed"
    return ""


def _message(email: Email, connection: object) -> EmailMultiAlternatives:
    headers = {"Message-ID": f"<email-{email.pk}.{email.created_at:%Y%m%d%H%M%S}@{_domain()}>"}
    if email.unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{email.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        email.subject, email.text, None, [email.to], headers=headers, connection=connection
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def _domain() -> str:
    address = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1]
    return address.rstrip(">").strip() or "mindwell.local"


def _refused_for_good(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600 and error.smtp_code != 503
    return False


def _mark_bounced(email: Email) -> None:
    now = timezone.now()
    if email.member_id is not None:
        EmailSettings.objects.update_or_create(
            member_id=email.member_id, defaults={"bounced_at": now}
        )
    elif email.guest_address_id is not None:
        GuestAddress.objects.filter(pk=email.guest_address_id).update(bounced_at=now)


def _failed(email: Email, error: Exception) -> None:
    text = f"{type(error).__name__}: {error}"[:500]
    attempts = email.attempts + 1
    if _refused_for_good(error):
        _mark_bounced(email)
        status, when = EmailStatus.FAILED, email.next_attempt_at
    elif attempts >= MAX_ATTEMPTS:
        status, when = EmailStatus.FAILED, email.next_attempt_at
    else:
        status = EmailStatus.QUEUED
        when = timezone.now() + min(RETRY_BASE * (2 ** (attempts - 1)), RETRY_MAX)
    if status == EmailStatus.FAILED:
        log.error("Email %s failed for good after %s attempts: %s", email.key, attempts, text)
    else:
        log.warning(
            "Email %s failed (attempt %s), retrying at %s: %s", email.key, attempts, when, text
        )
    Email.objects.filter(pk=email.pk).update(
        status=status, attempts=attempts, next_attempt_at=when, claimed_until=None, last_error=text
    )


def send(email_ids: list[int]) -> dict[str, int]:
    """Send these emails (those still due and not claimed elsewhere) over one connection."""
    counts = {"sent": 0, "failed": 0, "cancelled": 0}
    connection = get_connection(timeout=settings.MINDWELL_EMAIL_TIMEOUT_SECONDS)
    try:
        # One connection for the batch; a failure to connect shows on each email.
        with contextlib.suppress(Exception):
            connection.open()
        for email_id in email_ids:
            email = claim(email_id)
            if email is None:
                continue
            why_not = _still_wanted(email)
            if why_not:
                Email.objects.filter(pk=email.pk).update(
                    status=EmailStatus.CANCELLED, claimed_until=None, last_error=why_not
                )
                counts["cancelled"] += 1
                continue
            try:
                _message(email, connection).send()
            except Exception as error:
                _failed(email, error)
                counts["failed"] += 1
                # A broken connection is opened again for the next email.
                with contextlib.suppress(Exception):
                    connection.close()
                continue
            Email.objects.filter(pk=email.pk).update(
                status=EmailStatus.SENT, sent_at=timezone.now(), claimed_until=None,
                attempts=email.attempts + 1, last_error="",
            )  # fmt: skip
            counts["sent"] += 1
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    return counts


def due_ids(limit: int = 500) -> list[int]:
    """Emails due now that nobody holds: new ones whose task was lost, retries whose time
    came, and those a killed worker had claimed."""
    now = timezone.now()
    return list(
        Email.objects.filter(status=EmailStatus.QUEUED, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def send_due() -> int:
    """Send what is due (see due_ids); returns how many were sent."""
    return send(due_ids())["sent"]
