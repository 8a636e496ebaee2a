"""Every change to a member's account happens here.

Each action checks the rules, owns its transaction and queues its emails to go out after
commit. Failures are ActionError, with `field` naming the input at fault.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from mindwell.accounts import emails, policy
from mindwell.accounts.access import (
    NO_SUCH_APPLICATION,
    access_confirmation,
    access_pending_signup,
)
from mindwell.accounts.models import Credential, CredentialStatus, PendingSignup, User
from mindwell.accounts.names import describe, invisible_characters, looks_like_any
from mindwell.accounts.tokens import make_confirmation_token, make_signup_token, max_age
from mindwell.accounts.topics import member_changed
from mindwell.core.errors import ActionError, Forbidden, NotFound
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


# Verified professionals ------------------------------------------------------------------
#
# A member applies with their licence; an administrator checks it against the regulator's
# public register (outside the site) and verifies it with the expiry date seen there, or
# declines it with a reason. While verified and unexpired, the badge is on the member's row
# (User.professional_badge, professional_until), so bylines cost no query; every change to
# it says the member changed, so every stored page showing their posts is fresh at once.

# The longest a licence may run from today: a guard against a mistyped year.
CREDENTIAL_MAX_YEARS = 10
CREDENTIAL_FIELDS = {
    # field: (label in messages, maximum length)
    "profession": ("Your profession", 80),
    "licence_number": ("The licence or registration number", 60),
    "jurisdiction": ("The jurisdiction", 80),
    "regulator": ("The regulator", 120),
}
DECLINE_REASON_MAX = 500
ALREADY_LIVE = {
    CredentialStatus.PENDING: (
        "You have already applied, and staff have not checked it yet. Withdraw that "
        "application first if you want to send another."
    ),
    CredentialStatus.VERIFIED: (
        "You are already verified. To change your details, withdraw your credential and "
        "apply again."
    ),
}


def clean_credential_text(value: str, *, field: str) -> str:
    """A credential's profession, number, jurisdiction or regulator: required, spaces
    squeezed, within its length, nothing invisible in it (it is shown in the badge)."""
    label, maximum = CREDENTIAL_FIELDS[field]
    text = " ".join((value or "").split())
    if not text:
        raise ActionError(f"{label} is required.", field=field)
    if len(text) > maximum:
        raise ActionError(f"{label} is too long: at most {maximum} characters.", field=field)
    hidden = invisible_characters(text)
    if hidden:
        raise ActionError(
            f"{label} contains a character that cannot be seen ({describe(hidden[0])}). "
            "Please type it without it.",
            field=field,
        )
    return text


def clean_register_url(value: str) -> str:
    """The optional link to the member's entry on the regulator's public register: a web
    address (http or https), which only staff see."""
    url = (value or "").strip()
    if not url:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ActionError(
            "Enter the full web address of the register entry, starting with https://.",
            field="register_url",
        ) from None
    return url


def clean_licence_expiry(value: date | None, *, today: date | None = None) -> date:
    """A licence's expiry date: after today, and within CREDENTIAL_MAX_YEARS."""
    today = today or timezone.localdate()
    if value is None:
        raise ActionError("The licence's expiry date is required.", field="expires_on")
    if value <= today:
        raise ActionError(
            "That date is not in the future: an expired licence cannot be verified.",
            field="expires_on",
        )
    if value.year > today.year + CREDENTIAL_MAX_YEARS:
        raise ActionError(
            f"That date is more than {CREDENTIAL_MAX_YEARS} years away; please check the year.",
            field="expires_on",
        )
    return value


def clean_decline_reason(value: str) -> str:
    reason = (value or "").strip()
    if not reason:
        raise ActionError(
            "Say why it is declined: the member reads it, and can apply again.", field="reason"
        )
    if len(reason) > DECLINE_REASON_MAX:
        raise ActionError(
            f"The reason is too long: at most {DECLINE_REASON_MAX} characters.", field="reason"
        )
    return reason


def badge_text(credential: Credential) -> str:
    """What the badge reads: "Licensed clinical psychologist · Ontario · verified 2026-03"."""
    assert credential.verified_at is not None
    verified = timezone.localtime(credential.verified_at)
    return f"{credential.profession} · {credential.jurisdiction} · verified {verified:%Y-%m}"


def apply_as_professional(
    *,
    member: User,
    profession: str,
    licence_number: str,
    jurisdiction: str,
    regulator: str,
    expires_on: date | None,
    register_url: str = "",
    now: datetime | None = None,
) -> Credential:
    """Apply for a verified professional's badge. One live (pending or verified)
    credential per member; a declined, withdrawn or lapsed one does not count, so the
    member may apply again. A credential carried over from the old flag without details
    is filled in by this application."""
    if not policy.may_apply_as_professional(member):
        raise Forbidden("Your account cannot apply as a professional now.")
    details = {
        field: clean_credential_text(value, field=field)
        for field, value in (
            ("profession", profession),
            ("licence_number", licence_number),
            ("jurisdiction", jurisdiction),
            ("regulator", regulator),
        )
    }
    register_url = clean_register_url(register_url)
    expires_on = clean_licence_expiry(expires_on)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            User.objects.select_for_update().filter(pk=member.pk).get()
            credential = Credential.objects.select_for_update().live().filter(member=member).first()
            if credential is not None and credential.has_details:
                raise ActionError(ALREADY_LIVE[CredentialStatus(credential.status)], status=409)
            if credential is None:
                credential = Credential(member=member)
            for field, value in details.items():
                setattr(credential, field, value)
            credential.register_url = register_url
            credential.expires_on = expires_on
            credential.status = CredentialStatus.PENDING
            credential.applied_at = now
            credential.save()
    except IntegrityError:  # another application from this member got in first
        raise ActionError(ALREADY_LIVE[CredentialStatus.PENDING], status=409) from None
    return credential


def withdraw_credential(*, member: User, now: datetime | None = None) -> Credential:
    """The member withdraws their pending application or their verified credential (the
    badge goes at once, from every page)."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=member.pk)
        credential = Credential.objects.select_for_update().live().filter(member=locked).first()
        if credential is None:
            raise ActionError("You have no application or credential to withdraw.", status=409)
        was_verified = credential.status == CredentialStatus.VERIFIED
        credential.status = CredentialStatus.WITHDRAWN
        credential.ended_at = now or timezone.now()
        credential.save(update_fields=["status", "ended_at"])
        if was_verified:
            _set_badge(locked, None)
    _copy_badge(locked, member)
    return credential


def _decision(credential: Credential, by: User) -> tuple[User, Credential]:
    """Lock the member and the credential, in that order, for a decision by `by`; the
    credential must still wait for one. Call inside the deciding transaction."""
    if not policy.may_review_credentials(by):
        raise NotFound(NO_SUCH_APPLICATION)
    member = User.objects.select_for_update().get(pk=credential.member_id)
    credential = Credential.objects.select_for_update().get(pk=credential.pk)
    if credential.status != CredentialStatus.PENDING:
        state = credential.get_status_display().lower()
        raise ActionError(f"This application is no longer waiting: it is {state}.", status=409)
    return member, credential


def verify_credential(
    *, credential: Credential, by: User, expires_on: date | None, now: datetime | None = None
) -> Credential:
    """An administrator verifies a pending application, with the licence's expiry date as
    the public register shows it; the member's badge appears on every page at once."""
    expires_on = clean_licence_expiry(expires_on)
    with transaction.atomic():
        member, credential = _decision(credential, by)
        if member.pk == by.pk:
            raise Forbidden("Another administrator must verify your own credential.")
        if not credential.has_details:
            raise ActionError(
                "This credential was carried over from the old professional flag without "
                "any details: the member must apply with them before it can be verified.",
                status=409,
            )
        credential.status = CredentialStatus.VERIFIED
        credential.expires_on = expires_on
        credential.verified_at = now or timezone.now()
        credential.verified_by = by
        credential.save(update_fields=["status", "expires_on", "verified_at", "verified_by"])
        _set_badge(member, credential)
    return credential


def decline_credential(
    *, credential: Credential, by: User, reason: str, now: datetime | None = None
) -> Credential:
    """An administrator declines a pending application, saying why; the member reads the
    reason on their professional page and may apply again."""
    reason = clean_decline_reason(reason)
    with transaction.atomic():
        _, credential = _decision(credential, by)
        credential.status = CredentialStatus.DECLINED
        credential.declined_at = now or timezone.now()
        credential.declined_by = by
        credential.decline_reason = reason
        credential.save(update_fields=["status", "declined_at", "declined_by", "decline_reason"])
    return credential


def lapse_credential(*, credential: Credential, now: datetime | None = None) -> Credential:
    """A verified credential whose licence expired lapses: its badge goes from every page.
    Lapsing one that is no longer verified does nothing."""
    with transaction.atomic():
        member = User.objects.select_for_update().get(pk=credential.member_id)
        credential = Credential.objects.select_for_update().get(pk=credential.pk)
        if credential.status != CredentialStatus.VERIFIED:
            return credential
        credential.status = CredentialStatus.LAPSED
        credential.ended_at = now or timezone.now()
        credential.save(update_fields=["status", "ended_at"])
        _set_badge(member, None)
    return credential


def lapse_expired_credentials(*, today: date | None = None) -> int:
    """Lapse every verified credential whose licence expired before `today`; housekeeping
    runs it. Returns how many lapsed. (Pages already hide an expired badge by its date:
    this makes the record say so, and makes stored pages fresh.)"""
    today = today or timezone.localdate()
    expired = Credential.objects.filter(status=CredentialStatus.VERIFIED, expires_on__lt=today)
    lapsed = 0
    for credential in expired.order_by("id"):
        lapse_credential(credential=credential)
        lapsed += 1
    return lapsed


def _set_badge(member: User, credential: Credential | None) -> None:
    """Put the credential's badge on the member's row (None: take it off), and say the
    member changed. Call inside the transaction that locked the member."""
    member.professional_badge = badge_text(credential) if credential else ""
    member.professional_until = credential.expires_on if credential else None
    member.save(update_fields=["professional_badge", "professional_until"])
    member_changed(member.pk)


def _copy_badge(source: User, target: User) -> None:
    """Keep the caller's member object in step with the row the action changed."""
    target.professional_badge = source.professional_badge
    target.professional_until = source.professional_until
