"""Signed, expiring email-confirmation tokens.

A confirmation token binds the member's id and a keyed digest of the address it was sent
to, so a token stops working once the address on the account changes. The digest (not the
address) goes into the token because confirmation links end up in logs and histories.
A sign-up token names only the pending sign-up it completes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

_SALT = "mindwell.accounts.confirm-email"
_SIGNUP_SALT = "mindwell.accounts.complete-signup"
DEFAULT_MAX_AGE = 3 * 24 * 60 * 60  # three days, in seconds


class InvalidToken(Exception):
    """The token was not made by us, or was changed."""


class ExpiredToken(InvalidToken):
    """The token is genuine but older than the allowed age."""


@dataclass(frozen=True)
class ConfirmationClaim:
    user_id: int
    email_digest: str

    def matches(self, email: str) -> bool:
        return constant_time_compare(self.email_digest, email_digest(email))


def max_age() -> int:
    """Seconds a confirmation link stays valid; MINDWELL_CONFIRM_MAX_AGE overrides it."""
    return int(getattr(settings, "MINDWELL_CONFIRM_MAX_AGE", DEFAULT_MAX_AGE))


def email_digest(email: str) -> str:
    return salted_hmac(_SALT, email.strip().lower()).hexdigest()[:24]


def make_confirmation_token(*, user_id: int, email: str) -> str:
    return signing.TimestampSigner(salt=_SALT).sign_object({"u": user_id, "e": email_digest(email)})


def _unsign(token: str, *, salt: str) -> Any:
    try:
        return signing.TimestampSigner(salt=salt).unsign_object(token, max_age=max_age())
    except signing.SignatureExpired:
        raise ExpiredToken from None
    except (signing.BadSignature, ValueError):
        raise InvalidToken from None


def read_confirmation_token(token: str) -> ConfirmationClaim:
    """The claim inside a token; raises ExpiredToken or InvalidToken."""
    data = _unsign(token, salt=_SALT)
    if not (
        isinstance(data, dict) and isinstance(data.get("u"), int) and isinstance(data.get("e"), str)
    ):
        raise InvalidToken
    return ConfirmationClaim(user_id=data["u"], email_digest=data["e"])


def make_signup_token(*, pending_id: int) -> str:
    return signing.TimestampSigner(salt=_SIGNUP_SALT).sign_object({"p": pending_id})


def read_signup_token(token: str) -> int:
    """The id of the pending sign-up a token completes; raises ExpiredToken or InvalidToken."""
    data = _unsign(token, salt=_SIGNUP_SALT)
    if not (isinstance(data, dict) and isinstance(data.get("p"), int)):
        raise InvalidToken
    return int(data["p"])
