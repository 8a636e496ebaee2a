"""Every change to a member's account happens here.

Each action checks the rules, owns its transaction and queues its emails to go out after
commit. Failures are ActionError, with `field` naming the input at fault.
"""

from __future__ import annotations

import re

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from mindwell.accounts import emails
from mindwell.accounts.access import access_confirmation
from mindwell.accounts.models import User
from mindwell.accounts.tokens import make_confirmation_token
from mindwell.accounts.topics import member_changed
from mindwell.core.errors import ActionError
from mindwell.core.mail import send_email_after_commit
from mindwell.core.markdown import render_markdown

USERNAME_MIN, USERNAME_MAX = 3, 30
DISPLAY_NAME_MAX = 40
ABOUT_MAX = 2000
_USERNAME_CHARS = re.compile(r"[A-Za-z0-9_]+")
# Names a reader could take for the site speaking, or for a hidden author.
RESERVED_NAMES = frozenset(
    {"admin", "administrator", "anonymous", "mindwell", "moderator", "staff", "support", "system"}
)

USERNAME_TAKEN = "That username is taken. Please choose another."
EMAIL_TAKEN = (
    "An account with this email address already exists. Log in, or reset your password "
    "if you have forgotten it."
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
    if username.lower() in RESERVED_NAMES:
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
    squeezed, not too long, and not one readers could take for the site or a hidden author."""
    name = " ".join((value or "").split())
    if len(name) > maximum:
        raise ActionError(
            f"Your display name is too long: at most {maximum} characters.", field=field
        )
    if name.lower() in RESERVED_NAMES:
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


def _email_in_use(email: str, *, other_than: User | None = None) -> bool:
    others = User.objects.filter(email__iexact=email)
    if other_than is not None:
        others = others.exclude(pk=other_than.pk)
    return others.exists()


def _queue_confirmation(user: User) -> None:
    """Queue the confirmation email for the address now on the account.

    Call inside the transaction that set the address.
    """
    token = make_confirmation_token(user_id=user.pk, email=user.email)
    subject, body = emails.confirmation_email(user=user, token=token)
    send_email_after_commit(to=user.email, subject=subject, body=body)


def sign_up(*, username: str, email: str, password: str, display_name: str = "") -> User:
    """Create a member and email them a link to confirm their address."""
    username = clean_new_username(username)
    email = clean_email(email)
    display_name = clean_display_name(display_name)
    if _email_in_use(email):
        raise ActionError(EMAIL_TAKEN, field="email")
    check_new_password(password, username=username, email=email, display_name=display_name)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=username, email=email, password=password, display_name=display_name
            )
            _queue_confirmation(user)
    except IntegrityError:
        # Someone took the name or address between our check and the insert.
        if User.objects.filter(username__iexact=username).exists():
            raise ActionError(USERNAME_TAKEN, field="username") from None
        raise ActionError(EMAIL_TAKEN, field="email") from None
    return user


def resend_confirmation(*, user: User) -> User:
    if user.email_confirmed:
        raise ActionError("Your email address is already confirmed.")
    with transaction.atomic():
        _queue_confirmation(user)
    return user


def confirm_email(*, token: str) -> User:
    """Mark the address a token was sent to as confirmed; confirming twice is harmless."""
    with transaction.atomic():
        user = access_confirmation(token, for_update=True)
        if not user.email_confirmed:
            user.email_confirmed = True
            user.save(update_fields=["email_confirmed"])
    return user


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
    """Put a new address on the account; it stays unconfirmed until its link is used.

    The current password is asked for because whoever controls the address can reset
    the password, so this change hands over the account.
    """
    email = clean_new_email(user, new_email)
    check_current_password(user, password)
    if _email_in_use(email, other_than=user):
        raise ActionError(EMAIL_TAKEN, field="new_email")
    try:
        with transaction.atomic():
            user.email = email
            user.email_confirmed = False
            user.save(update_fields=["email", "email_confirmed"])
            _queue_confirmation(user)
    except IntegrityError:
        user.refresh_from_db(fields=["email", "email_confirmed"])
        raise ActionError(EMAIL_TAKEN, field="new_email") from None
    return user
