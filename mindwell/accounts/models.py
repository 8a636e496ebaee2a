from django.contrib.auth.models import AbstractUser
from django.db import models
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
    is_professional = models.BooleanField(default=False)
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
