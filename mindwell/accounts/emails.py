"""The text of account emails. Subjects never say more than what the email is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse

from mindwell.accounts.tokens import max_age

if TYPE_CHECKING:
    from mindwell.accounts.models import User


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirmation_email(*, user: User, token: str) -> tuple[str, str]:
    """Subject and body of the email that confirms the address now on the account."""
    site = settings.SITE_NAME
    link = absolute_url(reverse("accounts:confirm_email", kwargs={"token": token}))
    subject = f"Confirm your email address for {site}"
    body = (
        f"Hello {user.username},\n\n"
        f"Please confirm that this is your email address on {site} by opening this link\n"
        f"and pressing the button on the page:\n\n"
        f"{link}\n\n"
        f"The link works for {_days(_confirm_days())}. If it has expired, log in and ask for\n"
        f"a new one on your settings page.\n\n"
        f"If you did not sign up for {site} or change your address there, you can ignore\n"
        f"this email.\n"
    )
    return subject, body


def password_reset_email(*, user: User, uidb64: str, token: str) -> tuple[str, str]:
    site = settings.SITE_NAME
    link = absolute_url(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": uidb64, "token": token})
    )
    subject = f"Reset your {site} password"
    body = (
        f"Hello {user.username},\n\n"
        f"Someone asked to reset the password for your {site} account. To choose a new\n"
        f"password, open this link:\n\n"
        f"{link}\n\n"
        f"The link works once. Your username is {user.username}, in case you have\n"
        f"forgotten it.\n\n"
        f"If you did not ask for this, you can ignore this email: your password stays\n"
        f"as it is.\n"
    )
    return subject, body


def _confirm_days() -> int:
    return max(1, max_age() // 86400)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
