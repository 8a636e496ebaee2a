from typing import Self

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone


class User(AbstractUser):
    """A member. `username` is the handle in URLs; the email address is private."""

    email = models.EmailField("email address", unique=True)
    email_confirmed = models.BooleanField(default=False)
    pending_email = models.EmailField(
        blank=True, help_text="An address the member asked to change to, until they confirm it."
    )
    display_name = models.CharField(
        max_length=40, blank=True, help_text="Shown beside your posts instead of your username."
    )
    about = models.TextField(blank=True, max_length=2000)
    about_html = models.TextField(blank=True)
    points = models.IntegerField(default=0, help_text="Cached sum of the points ledger.")
    is_moderator = models.BooleanField(default=False)
    # Kept by the credential actions (accounts.actions: verify, withdraw, lapse) from the
    # member's verified Credential, so that bylines on stored pages cost no query; the
    # badge shows only while `professional_until` has not passed (policy.professional_badge).
    professional_badge = models.CharField(
        max_length=200, blank=True, help_text="Shown beside the member's name while verified."
    )
    professional_until = models.DateField(
        null=True, blank=True, help_text="The licence's expiry date: the badge lapses after it."
    )
    # Kept by mindwell.tags (Category.moderators) so that roles cost no query per request.
    is_category_moderator = models.BooleanField(
        default=False, help_text="Moderates one or more categories (set there)."
    )
    # Set by mindwell.moderation's suspend action, which keeps the history.
    suspended_until = models.DateTimeField(null=True, blank=True)
    suspension_reason = models.CharField(max_length=500, blank=True)
    # Kept by mindwell.moderation (send_moderator_message, reading them): the header links
    # to the messages only when there are unread ones, with no query on any page.
    unread_moderator_messages = models.PositiveIntegerField(default=0)
    # Kept by the notifications app; the header's inbox link shows it at no query.
    unread_notifications = models.PositiveIntegerField(default=0)
    posts_held = models.PositiveIntegerField(
        default=0,
        help_text="Own posts and comments hidden or waiting for review, which only they "
        "and moderators see (kept by the qa actions).",
    )
    # Kept by mindwell.safety (reader controls: muted words, hidden tags), so that the page
    # cache knows with no query that this member's pages are their own.
    has_reader_controls = models.BooleanField(
        default=False, help_text="Has muted words or hidden tags (set there)."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_unique_ci"),
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.username


class PendingSignup(models.Model):
    """A sign-up waiting for the link sent to its address; the member is created from it
    then. Until that moment nothing about it is visible: its username is not taken, and
    nobody can log in with it."""

    username = models.CharField(max_length=150)
    email = models.EmailField()
    display_name = models.CharField(max_length=40, blank=True)
    password = models.CharField(max_length=128, help_text="A hash, as on a member.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.username


class CredentialStatus(models.TextChoices):
    PENDING = "pending", "Waiting for staff"
    VERIFIED = "verified", "Verified"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"
    LAPSED = "lapsed", "Lapsed"


# The states in which a credential is the member's one live credential.
LIVE_STATUSES = (CredentialStatus.PENDING, CredentialStatus.VERIFIED)


class CredentialQuerySet(models.QuerySet["Credential"]):
    def live(self) -> Self:
        return self.filter(status__in=LIVE_STATUSES)

    def waiting_for_staff(self) -> Self:
        """Pending applications, oldest first: the staff's list."""
        return self.filter(status=CredentialStatus.PENDING).order_by("applied_at", "id")


class Credential(models.Model):
    """A member's professional licence or registration, as they applied with it and as
    staff checked it against the regulator's public register (outside the site). While
    verified and unexpired, the member's posts carry its badge (User.professional_badge).
    Rows are never deleted: a declined, withdrawn or lapsed credential is the history."""

    member = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="credentials"
    )
    profession = models.CharField(max_length=80, blank=True)
    licence_number = models.CharField("licence or registration number", max_length=60, blank=True)
    jurisdiction = models.CharField(max_length=80, blank=True)
    regulator = models.CharField(max_length=120, blank=True)
    register_url = models.URLField("public register link", max_length=500, blank=True)
    # What the member gave, then what staff confirmed against the register on verifying.
    expires_on = models.DateField("licence expiry date", null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=CredentialStatus.choices, default=CredentialStatus.PENDING
    )
    # Made by migration 0008 from the old `is_professional` flag, with no details: the
    # member gives them by applying, which fills this row in (docs/decisions/0017).
    carried_over = models.BooleanField(default=False)
    applied_at = models.DateTimeField()
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    declined_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.CharField(max_length=500, blank=True)
    ended_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was withdrawn or lapsed."
    )

    objects = CredentialQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=Q(status__in=LIVE_STATUSES),
                name="credential_one_live_per_member",
            ),
            models.CheckConstraint(
                condition=~Q(status=CredentialStatus.VERIFIED)
                | Q(verified_at__isnull=False, expires_on__isnull=False),
                name="credential_verified_has_date_and_expiry",
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_on"], name="credential_status_expiry")]

    def __str__(self) -> str:
        return f"{self.profession or 'credential'} ({self.get_status_display().lower()})"

    @property
    def has_details(self) -> bool:
        """A carried-over credential has none until its member applies."""
        return bool(self.profession and self.licence_number and self.jurisdiction)
