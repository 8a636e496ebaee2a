"""What notifications keep: each member's notifications (the inbox), what they follow,
how they want to hear by email, the guests' addresses, and every email on its way out."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Kind(models.TextChoices):
    """What a notification is about; each kind has its own email setting."""

    ANSWER = "answer", "A new answer to my question"
    COMMENT = "comment", "A comment on my post"
    REPLY = "reply", "A comment after mine"
    ACCEPTED = "accepted", "My answer chosen as the best"
    MENTION = "mention", "Someone mentions me"
    FOLLOWED = "followed", "News from what I follow"
    MODERATION = "moderation", "The moderators' decisions on my posts and flags"
    MESSAGE = "message", "A message from the moderators"
    SUPPORT = "support", "A question that may need support still waits for an answer"


class Frequency(models.TextChoices):
    INSTANT = "instant", "At once"
    DAILY = "daily", "In a daily digest"
    WEEKLY = "weekly", "In a weekly digest"
    NEVER = "never", "Never"


class Notification(models.Model):
    """One thing one member is told about, once: `event_key` names the event, and a member
    gets at most one notification per event. What it shows is read at display time from
    the post or comment it points at, so an edit, a deletion or an erased author shows."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    event_key = models.CharField(max_length=80)
    question = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "qa.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Why a FOLLOWED notification came: "question", "tag:anxiety", "category:grief",
    # "member"; for moderation, what was decided ("hidden", "restored", ...).
    detail = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    # How it is emailed, decided when it was made (the member's setting then).
    email = models.CharField(max_length=8, choices=Frequency.choices)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"], name="notification_once_per_event"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["email", "recipient"],
                condition=Q(emailed_at__isnull=True, email__in=["daily", "weekly"]),
                name="notification_digest_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id} ({self.event_key})"


class Follow(models.Model):
    """A member following one question, tag, category or member. `following` false keeps
    an explicit unfollow, so that answering again does not follow the question again."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    question = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey(
        "tags.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(
        "tags.Category", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    following = models.BooleanField(default=True)
    created_at = models.DateTimeField()

    TARGETS = ("question", "tag", "category", "member")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(question__isnull=False, tag=None, category=None, member=None)
                    | Q(question=None, tag__isnull=False, category=None, member=None)
                    | Q(question=None, tag=None, category__isnull=False, member=None)
                    | Q(question=None, tag=None, category=None, member__isnull=False)
                ),
                name="follow_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["follower", target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"follow_{target}_once",
                )
                for target in ("question", "tag", "category", "member")
            ),
        ]
        indexes = [
            models.Index(fields=["question", "following"], name="follow_question_followers"),
            models.Index(fields=["tag", "following"], name="follow_tag_followers"),
            models.Index(fields=["category", "following"], name="follow_category_followers"),
            models.Index(fields=["member", "following"], name="follow_member_followers"),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.target_name()}"

    def target_name(self) -> str:
        return next(
            f"{t} {getattr(self, t + '_id')}" for t in self.TARGETS if getattr(self, t + "_id")
        )


class EmailSettings(models.Model):
    """How a member hears by email. A kind missing from `frequencies` takes its default
    (notifications.preferences.DEFAULTS)."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE,
        related_name="email_settings",
    )  # fmt: skip
    frequencies = models.JSONField(default=dict)
    quote_excerpts = models.BooleanField(
        default=False, help_text="Quote a short excerpt of the post in the email's body."
    )
    timezone = models.CharField(max_length=64, default="UTC")
    all_stopped_at = models.DateTimeField(
        null=True, blank=True, help_text="The member stopped every notification email."
    )
    bounced_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The address refused mail; nothing is sent until it changes.",
    )
    # Which address refused (lower case): a member who changes theirs is written to again.
    bounced_address = models.EmailField(blank=True)
    last_daily_digest = models.DateField(null=True, blank=True)
    last_weekly_digest = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"email settings of {self.member_id}"

    @property
    def refuses_mail(self) -> bool:
        """The member's address now is the one that refused our mail for good (one they
        changed to since is written to again, however it changed)."""
        return bool(self.bounced_at) and self.bounced_address == self.member.email.lower()


class GuestAddress(models.Model):
    """An email address a guest gave with a post, asking to hear of replies. Nothing but the
    confirmation is sent to it until it is confirmed, and nothing at all once stopped."""

    email = models.EmailField(unique=True)  # lower case
    created_at = models.DateTimeField()
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "guest addresses"

    def __str__(self) -> str:
        return f"guest address {self.pk}"

    @property
    def may_receive(self) -> bool:
        return bool(self.confirmed_at) and not self.stopped_at and not self.bounced_at


class EmailStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed for good"
    CANCELLED = "cancelled", "Cancelled"


class Email(models.Model):
    """One email on its way out (the outbox). `key` names what it is for, so one event never
    makes two emails; the worker claims a row for a while before sending, marks it sent
    after, and retries a failure later (notifications.delivery)."""

    key = models.CharField(max_length=120, unique=True)
    to = models.EmailField()
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    guest_address = models.ForeignKey(
        GuestAddress, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(max_length=200)
    text = models.TextField()
    html = models.TextField(blank=True)
    unsubscribe_url = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="queued"),
                name="email_due",
            )
        ]

    def __str__(self) -> str:
        return f"email {self.key} ({self.status})"
