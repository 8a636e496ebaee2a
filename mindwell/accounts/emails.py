"""The text of account emails. Subjects never say more than what the email is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse

from mindwell.accounts.tokens import max_age

if TYPE_CHECKING:
    from mindwell.accounts.models import PendingSignup, User


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


def signup_email(*, pending: PendingSignup, token: str) -> tuple[str, str]:
    """Subject and body of the email whose link creates a new member's account."""
    site = settings.SITE_NAME
    link = absolute_url(reverse("accounts:complete_signup", kwargs={"token": token}))
    subject = f"Confirm your email address for {site}"
    body = (
        f"Hello {pending.username},\n\n"
        f"To finish creating your {site} account, open this link and press the button\n"
        f"on the page:\n\n"
        f"{link}\n\n"
        f"The link works for {_days(_confirm_days())}. After that, please sign up again.\n\n"
        f"If you did not sign up for {site}, you can ignore this email: no account is\n"
        f"made without the link.\n"
    )
    return subject, body


def new_address_email(*, user: User, token: str) -> tuple[str, str]:
    """Subject and body of the email that confirms an address a member wants to move to."""
    site = settings.SITE_NAME
    link = absolute_url(reverse("accounts:confirm_email", kwargs={"token": token}))
    subject = f"Confirm your new email address for {site}"
    body = (
        f"Hello {user.username},\n\n"
        f"You asked to use this email address for your {site} account. To make the\n"
        f"change, open this link and press the button on the page:\n\n"
        f"{link}\n\n"
        f"Until then your account keeps its current address. The link works for\n"
        f"{_days(_confirm_days())}.\n\n"
        f"If you did not ask for this, you can ignore this email: nothing changes.\n"
    )
    return subject, body


def signup_attempt_email(*, user: User) -> tuple[str, str]:
    """Subject and body of the email telling a member that someone signed up with their address.

    The form answered that person as it answers every sign-up, so only the address's owner
    learns that the address has an account.
    """
    site = settings.SITE_NAME
    subject = f"Someone tried to sign up to {site} with your address"
    body = (
        f"Hello {user.username},\n\n"
        f"Someone tried to create a new {site} account with this email address. This\n"
        f"address already belongs to your account, so no new account was made and your\n"
        f"account has not changed.\n\n"
        f"If it was you, you already have an account: your username is {user.username}.\n"
        f"Log in here:\n\n"
        f"{absolute_url(reverse('accounts:login'))}\n\n"
        f"If you have forgotten your password, choose a new one here:\n\n"
        f"{absolute_url(reverse('accounts:password_reset'))}\n\n"
        f"If it was not you, you can ignore this email.\n"
    )
    return subject, body


def address_change_attempt_email(*, user: User) -> tuple[str, str]:
    """Subject and body of the email telling a member another account asked for their address."""
    site = settings.SITE_NAME
    subject = f"Someone tried to use your address on {site}"
    body = (
        f"Hello {user.username},\n\n"
        f"Someone asked to move another {site} account to this email address. This\n"
        f"address belongs to your account, so nothing was changed: it stays on your\n"
        f"account only.\n\n"
        f"If it was you, trying to change the address of a second account, log in to\n"
        f"your account here:\n\n"
        f"{absolute_url(reverse('accounts:login'))}\n\n"
        f"or choose a new password here:\n\n"
        f"{absolute_url(reverse('accounts:password_reset'))}\n\n"
        f"If it was not you, you can ignore this email.\n"
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
