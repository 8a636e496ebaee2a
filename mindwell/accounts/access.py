"""The one place that fetches a member for someone else: a public page or a link."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mindwell.accounts.models import Credential, PendingSignup, User
from mindwell.accounts.policy import may_review_credentials
from mindwell.accounts.tokens import (
    ExpiredToken,
    InvalidToken,
    read_confirmation_token,
    read_signup_token,
)
from mindwell.core.errors import ActionError, NotFound

NOT_FOUND = "There is no member with that name."
NO_SUCH_APPLICATION = "There is no such application."


def access_member(username: str) -> User:
    """The active member with this username, in any letter case; NotFound otherwise."""
    member = User.objects.filter(username__iexact=username, is_active=True).first()
    if member is None:
        raise NotFound(NOT_FOUND)
    return member


def access_member_by_id(user: Any, member_id: int, *, may: Callable[[Any, User], bool]) -> User:
    """The member with this id, for someone `may` allows to look at or act on them (a
    moderator); NotFound alike for a missing member and for someone not allowed."""
    member = User.objects.filter(pk=member_id).first()
    if member is None or not may(user, member):
        raise NotFound("There is no such member.")
    return member


EXPIRED_LINK = (
    "This confirmation link has expired. Log in and ask for a new one on your settings page."
)
INVALID_LINK = (
    "This confirmation link is not valid. Check that you opened the whole link from the "
    "email, or log in and ask for a new one on your settings page."
)
STALE_LINK = (
    "This confirmation link is for an email address that is no longer on the account. "
    "Use the link in the most recent email we sent, or ask for a new one on your settings page."
)


@dataclass(frozen=True)
class Confirmation:
    """What a confirmation link confirms: the address on the account, or the one pending."""

    member: User
    email: str

    @property
    def is_new_address(self) -> bool:
        return self.email != self.member.email

    @property
    def done(self) -> bool:
        return not self.is_new_address and self.member.email_confirmed


def access_confirmation(token: str, *, for_update: bool = False) -> Confirmation:
    """What a confirmation token confirms; ActionError (400) when it does not hold.

    With `for_update`, call inside the transaction that will confirm the address.
    """
    try:
        claim = read_confirmation_token(token)
    except ExpiredToken:
        raise ActionError(EXPIRED_LINK) from None
    except InvalidToken:
        raise ActionError(INVALID_LINK) from None
    members = User.objects.select_for_update() if for_update else User.objects.all()
    member = members.filter(pk=claim.user_id, is_active=True).first()
    if member is None:
        raise ActionError(INVALID_LINK)
    for email in (member.email, member.pending_email):
        if email and claim.matches(email):
            return Confirmation(member=member, email=email)
    raise ActionError(STALE_LINK)


SIGNUP_EXPIRED = "This link has expired, and the sign-up it was for is gone. Please sign up again."
SIGNUP_INVALID = (
    "This link is not valid. Check that you opened the whole link from the email, or sign up again."
)
SIGNUP_GONE = (
    "This link has been used already, or its sign-up has expired. If you created your "
    "account with it, log in; otherwise please sign up again."
)


def access_pending_signup(token: str, *, for_update: bool = False) -> PendingSignup:
    """The sign-up a link completes; ActionError (400) when it does not hold.

    With `for_update`, call inside the transaction that will complete it.
    """
    try:
        pending_id = read_signup_token(token)
    except ExpiredToken:
        raise ActionError(SIGNUP_EXPIRED) from None
    except InvalidToken:
        raise ActionError(SIGNUP_INVALID) from None
    rows = PendingSignup.objects.select_for_update() if for_update else PendingSignup.objects
    pending = rows.filter(pk=pending_id).first()
    if pending is None:
        raise ActionError(SIGNUP_GONE)
    return pending


def access_credential(user: Any, credential_id: int) -> Credential:
    """A professional's application or credential, for someone who may review them
    (policy.may_review_credentials); NotFound alike when it is missing or they may not."""
    if not may_review_credentials(user):
        raise NotFound(NO_SUCH_APPLICATION)
    credentials = Credential.objects.select_related("member", "verified_by", "declined_by")
    found = credentials.filter(pk=credential_id).first()
    if found is None:
        raise NotFound(NO_SUCH_APPLICATION)
    return found
