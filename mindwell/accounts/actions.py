"""Every change to a member's account happens here.

Each action checks the rules, owns its transaction and queues its emails to go out after
commit. Failures are ActionError, with `field` naming the input at fault.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from mindwell.accounts import emails
from mindwell.accounts.access import access_confirmation, access_pending_signup
from mindwell.accounts.models import PendingSignup, User
from mindwell.accounts.names import describe, invisible_characters, looks_like_any
from mindwell.accounts.tokens import make_confirmation_token, make_signup_token, max_age
from mindwell.accounts.topics import member_changed
from mindwell.core.errors import ActionError
from mindwell.core.mail import send_email_after_commit
from mindwell.core.markdown import render_markdown

USERNAME_MIN, USERNAME_MAX = 3, 30
DISPLAY_NAME_MAX = 40
ABOUT_MAX = 2000
_USERNAME_CHARS = re.compile(r"[A-Za-z0-9_]+")
# Names a reader could take for the site speaking, or for a hidden author or a guest;
# names that only look like them are refused too (names.looks_like_any).
RESERVED_NAMES = frozenset(
    {
        "admin",
        "administrator",
        "anonymous",
        "guest",
        "mindwell",
        "moderator",
        "staff",
        "support",
        "system",
    }
)

USERNAME_TAKEN = "That username is taken. Please choose another."
USERNAME_TAKEN_MEANWHILE = (
    "Someone else took your username after you signed up, so we could not create your "
    "account. Please sign up again with another username."
)
SIGNED_UP_ALREADY = "This address already has an account: log in with it."
EMAIL_TAKEN_MEANWHILE = (
    "This address was put on another account after we sent the link, so it cannot be "
    "yours here. Your account keeps its current address."
)


def clean_username(value: str) -> str:
    username = (value or "").strip()
    if not USERNAME_MIN <= len(username) <= USERNAME_MAX:
        raise ActionError(
            f"Your username must be {USERNAME_MIN} to {USERNAME_MAX} characters long.",
            field="username",
        )
    if not _USERNAME_CHARS.fullmatch(username):
        raise ActionError(
            "Use only letters (a–z), digits and underscores (_) in your username.",
            field="username",
        )
    if looks_like_any(username, RESERVED_NAMES):
        raise ActionError(USERNAME_TAKEN, field="username")
    return username


def clean_email(value: str, *, field: str = "email") -> str:
    email = User.objects.normalize_email((value or "").strip())
    try:
        validate_email(email)
    except ValidationError:
        raise ActionError("Enter a valid email address.", field=field) from None
    return email


def clean_display_name(
    value: str, *, field: str = "display_name", maximum: int = DISPLAY_NAME_MAX
) -> str:
    """A name shown beside posts (a member's display name, a guest's name): spaces
    squeezed, not too long, nothing invisible in it, and not one readers could take for
    the site or a hidden author, however it is spelt."""
    name = " ".join((value or "").split())
    if len(name) > maximum:
        raise ActionError(
            f"Your display name is too long: at most {maximum} characters.", field=field
        )
    hidden = invisible_characters(name)
    if hidden:
        raise ActionError(
            "Your display name contains a character that cannot be seen or that changes "
            f"the direction of the text ({describe(hidden[0])}). Please type it without it.",
            field=field,
        )
    if looks_like_any(name, RESERVED_NAMES):
        raise ActionError(
            "Please choose a display name that readers will not mistake for the site or "
            "for an anonymous author.",
            field=field,
        )
    return name


def clean_new_username(value: str) -> str:
    """A well-formed username that no member has yet, in any letter case."""
    username = clean_username(value)
    if User.objects.filter(username__iexact=username).exists():
        raise ActionError(USERNAME_TAKEN, field="username")
    return username


def check_new_password(password: str, *, username: str, email: str, display_name: str) -> str:
    """A password strong enough, and unlike the rest of the account."""
    candidate = User(username=username, email=email, display_name=display_name)
    try:
        validate_password(password, user=candidate)
    except ValidationError as exc:
        raise ActionError(" ".join(exc.messages), field="password") from None
    return password


def clean_about(value: str) -> str:
    about = (value or "").strip()
    if len(about) > ABOUT_MAX:
        raise ActionError(
            f"“About you” is too long: {len(about):,} characters, at most {ABOUT_MAX:,}.",
            field="about",
        )
    return about


def check_current_password(user: User, password: str) -> str:
    if not user.check_password(password):
        raise ActionError("That is not your current password.", field="password")
    return password


def clean_new_email(user: User, value: str) -> str:
    """An address for `user` to change to: well-formed, and not the one they have."""
    email = clean_email(value, field="new_email")
    if email.lower() == user.email.lower():
        raise ActionError("That is already the email address on your account.", field="new_email")
    return email


def _queue_confirmation(user: User) -> None:
    """Queue the confirmation email for the address now on the account.

    Call inside the transaction that set the address.
    """
    token = make_confirmation_token(user_id=user.pk, email=user.email)
    subject, body = emails.confirmation_email(user=user, token=token)
    send_email_after_commit(to=user.email, subject=subject, body=body)


def sign_up(
    *, username: str, email: str, password: str, display_name: str = ""
) -> PendingSignup | None:
    """Keep a sign-up and email a link that creates the member when it is opened.

    When the address is already on an account, nothing is kept or changed: its owner is
    told by email that someone tried, and None is returned. Both cases take the same time
    and leave nothing anyone else can see (the username stays free, nobody can log in),
    so the caller answers them alike and nobody learns whose address has an account.
    """
    username = clean_new_username(username)
    email = clean_email(email)
    display_name = clean_display_name(display_name)
    check_new_password(password, username=username, email=email, display_name=display_name)
    password_hash = make_password(password)
    with transaction.atomic():
        forget_expired_signups()
        owner = _owner_of(email)
        if owner is not None:
            subject, body = emails.signup_attempt_email(user=owner)
            send_email_after_commit(to=owner.email, subject=subject, body=body)
            return None
        pending = PendingSignup.objects.create(
            username=username, email=email, display_name=display_name, password=password_hash
        )
        token = make_signup_token(pending_id=pending.pk)
        subject, body = emails.signup_email(pending=pending, token=token)
        send_email_after_commit(to=email, subject=subject, body=body)
    return pending


def complete_sign_up(*, token: str) -> User:
    """Create the member a sign-up link was sent for, with the address confirmed."""
    try:
        with transaction.atomic():
            pending = access_pending_signup(token, for_update=True)
            if User.objects.filter(username__iexact=pending.username).exists():
                raise ActionError(USERNAME_TAKEN_MEANWHILE)
            if _owner_of(pending.email) is not None:
                raise ActionError(SIGNED_UP_ALREADY)
            user = User(
                username=pending.username,
                email=pending.email,
                email_confirmed=True,
                display_name=pending.display_name,
                password=pending.password,
            )
            user.save()
            PendingSignup.objects.filter(email__iexact=pending.email).delete()
    except IntegrityError:
        # Another request made the same member between our checks and the insert.
        if User.objects.filter(username__iexact=pending.username).exists():
            raise ActionError(USERNAME_TAKEN_MEANWHILE) from None
        raise ActionError(SIGNED_UP_ALREADY) from None
    return user


def forget_expired_signups() -> int:
    """Delete the sign-ups whose link has expired: nobody can complete them any more.
    Housekeeping runs it; each sign-up does too. Returns how many went."""
    deleted, _ = PendingSignup.objects.filter(created_at__lt=_oldest_valid_link()).delete()
    return deleted


def _oldest_valid_link() -> datetime:
    return timezone.now() - timedelta(seconds=max_age())


def _owner_of(email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first()


def resend_confirmation(*, user: User) -> User:
    if user.email_confirmed:
        raise ActionError("Your email address is already confirmed.")
    with transaction.atomic():
        _queue_confirmation(user)
    return user


def confirm_email(*, token: str) -> User:
    """Confirm the address a token was sent to: the account's own, or the new address the
    member asked to change to, which then replaces it. Confirming twice is harmless."""
    try:
        with transaction.atomic():
            confirmation = access_confirmation(token, for_update=True)
            member = confirmation.member
            if confirmation.is_new_address:
                if _owner_of(confirmation.email) is not None:
                    raise ActionError(EMAIL_TAKEN_MEANWHILE)
                member.email = confirmation.email
                member.pending_email = ""
            member.email_confirmed = True
            member.save(update_fields=["email", "pending_email", "email_confirmed"])
    except IntegrityError:
        raise ActionError(EMAIL_TAKEN_MEANWHILE) from None
    return member


def update_profile(*, user: User, display_name: str, about: str) -> User:
    display_name = clean_display_name(display_name)
    about = clean_about(about)
    with transaction.atomic():
        user.display_name = display_name
        user.about = about
        user.about_html = render_markdown(about) if about else ""
        user.save(update_fields=["display_name", "about", "about_html"])
        member_changed(user.pk)
    return user


def change_email(*, user: User, new_email: str, password: str) -> User:
    """Ask to move the account to a new address; it changes when the link sent there is opened.

    The current password is asked for because whoever controls the address can reset
    the password, so this change hands over the account. When the new address is already
    on another account, its owner is told instead, and the member sees the same as for any
    address: nobody learns from this form whose address has an account.
    """
    email = clean_new_email(user, new_email)
    check_current_password(user, password)
    with transaction.atomic():
        user.pending_email = email
        user.save(update_fields=["pending_email"])
        owner = _owner_of(email)
        if owner is None:
            token = make_confirmation_token(user_id=user.pk, email=email)
            subject, body = emails.new_address_email(user=user, token=token)
            send_email_after_commit(to=email, subject=subject, body=body)
        else:
            subject, body = emails.address_change_attempt_email(user=owner)
            send_email_after_commit(to=owner.email, subject=subject, body=body)
    return user
