"""Moderation's records: flags, review queues, close votes, suspensions, messages to
members, blocked addresses, watched words, where guests posted from, and the audit log.

The states readers see (a post hidden or waiting, a question closed, locked, protected) live
on qa's rows, which every reader query already reads; these tables say who did it and why.
"""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q

from mindwell.accounts.policy import can_moderate, moderates_anything
from mindwell.tags.policy import moderated_category_ids

NOTE_MAX = 500
OUTCOME_MAX = 200


class FlagReason(models.TextChoices):
    SPAM = "spam", "Spam"
    RUDE = "rude", "Rude or abusive"
    HARMFUL = "harmful", "Harmful to someone at risk"
    IDENTIFIES = "identifies", "Identifies a real person"
    NOT_AN_ANSWER = "not_an_answer", "Not an answer"
    MODERATOR = "moderator", "Needs a moderator"


class FlagStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    HELPFUL = "helpful", "Helpful"
    DECLINED = "declined", "Declined"
    RETRACTED = "retracted", "Retracted"


class Flag(models.Model):
    """One member's report of one post or comment. One live flag per member per item;
    a retracted one does not count and may be followed by a new one."""

    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "qa.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=FlagReason.choices)
    note = models.CharField(max_length=NOTE_MAX, blank=True)
    status = models.CharField(max_length=10, choices=FlagStatus.choices, default=FlagStatus.PENDING)
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome_note = models.CharField(max_length=OUTCOME_MAX, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, comment__isnull=True)
                | Q(post__isnull=True, comment__isnull=False),
                name="flag_one_item",
            ),
            models.UniqueConstraint(
                fields=["flagger", "post"],
                condition=~Q(status="retracted") & Q(post__isnull=False),
                name="flag_one_per_member_and_post",
            ),
            models.UniqueConstraint(
                fields=["flagger", "comment"],
                condition=~Q(status="retracted") & Q(comment__isnull=False),
                name="flag_one_per_member_and_comment",
            ),
        ]
        indexes = [
            models.Index(fields=["flagger", "-id"], name="flag_flagger_idx"),
            models.Index(fields=["post", "status"], name="flag_post_idx"),
            models.Index(fields=["comment", "status"], name="flag_comment_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reason} flag by {self.flagger_id}"


class Queue(models.TextChoices):
    FLAGS = "flags", "Flagged posts"
    FIRST_POSTS = "first_posts", "Posts waiting for approval"
    CLOSE_VOTES = "close_votes", "Close and reopen votes"
    SAFETY = "safety", "May need support"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class ReviewItemQuerySet(models.QuerySet["ReviewItem"]):
    def reviewable_by(self, user: Any) -> Self:
        """The open items `user` may work on: every one for site-wide moderators, those in
        their categories for category moderators, and for trusted members (who may open the
        lighter queues: moderation.policy.can_review) those still in public view. The
        caller narrows it to the queues the person may open."""
        items = self.filter(status=ReviewStatus.OPEN)
        if can_moderate(user):
            return items
        if moderates_anything(user):
            ids = moderated_category_ids(user)
            return items.filter(
                Q(post__category_id__in=ids)
                | Q(post__question__category_id__in=ids)
                | Q(comment__post__category_id__in=ids)
                | Q(comment__post__question__category_id__in=ids)
            )
        return items.filter(
            Q(post__deleted_at__isnull=True, post__question__deleted_at__isnull=True)
            & Q(comment__isnull=True)
        )

    def in_review_order(self) -> Self:
        """Most urgent first (safety's "may need support" on top), then the oldest."""
        return self.order_by("-priority", "created_at", "pk")


class ReviewItem(models.Model):
    """One thing waiting for a moderator's (or a trusted member's) decision. Other apps add
    their own through moderation.queue.enqueue (with a reason and a priority); higher
    priority comes first, then the oldest."""

    queue = models.CharField(max_length=20, choices=Queue.choices)
    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "qa.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=NOTE_MAX)
    priority = models.IntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    created_at = models.DateTimeField()
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=OUTCOME_MAX, blank=True)

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, comment__isnull=True)
                | Q(post__isnull=True, comment__isnull=False),
                name="review_item_one_item",
            ),
            models.UniqueConstraint(
                fields=["queue", "post"],
                condition=Q(status="open", post__isnull=False),
                name="review_item_one_open_per_post",
            ),
            models.UniqueConstraint(
                fields=["queue", "comment"],
                condition=Q(status="open", comment__isnull=False),
                name="review_item_one_open_per_comment",
            ),
        ]
        indexes = [
            models.Index(
                fields=["queue", "-priority", "created_at"],
                name="review_item_open_idx",
                condition=Q(status="open"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.queue}: {self.reason}"

    @property
    def target(self) -> Any:
        """The post or comment under review."""
        return self.post if self.post_id is not None else self.comment


class CloseVoteKind(models.TextChoices):
    CLOSE = "close", "Close"
    REOPEN = "reopen", "Reopen"


class CloseVote(models.Model):
    """A trusted member's vote to close or reopen a question; `spent` once the question was
    closed or reopened (by votes or a moderator), so the next round starts afresh."""

    question = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="+")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=CloseVoteKind.choices)
    reason = models.CharField(max_length=20, blank=True)  # qa.models.CloseReason, for closing
    duplicate_of = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=NOTE_MAX, blank=True)
    spent = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "voter", "kind"],
                condition=Q(spent=False),
                name="close_vote_one_live_per_member",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} vote on {self.question_id}"


class Suspension(models.Model):
    """A suspension's history; the member's row (accounts.User.suspended_until) holds the
    one in force, so pages know it without a query."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=500)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["member", "-starts_at"], name="suspension_member_idx")]

    def __str__(self) -> str:
        return f"suspension of {self.member_id} until {self.ends_at:%Y-%m-%d}"


class ModeratorMessage(models.Model):
    """A private message from the moderators to one member (members cannot write to each
    other: no private channel between strangers on a mental-health site)."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=5000)
    body_html = models.TextField()
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["member", "-id"], name="moderator_message_member_idx")]

    def __str__(self) -> str:
        return f"message to {self.member_id}"


class BlockedRange(models.Model):
    """Guests from this address range may read but not post (members are suspended instead)."""

    network = models.CharField(max_length=50, unique=True, help_text="An address or a CIDR range.")
    reason = models.CharField(max_length=NOTE_MAX, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.network


class WatchedWord(models.Model):
    """A word or phrase that sends a new post to the approval queue (pre-moderation)."""

    phrase = models.CharField(max_length=100, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.phrase


class Origin(models.Model):
    """Where a guest's or anonymous post came from, for moderators only: a keyed hash of the
    address, never the address. Kept briefly (forget_origins), for abuse control."""

    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "qa.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    ip_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip_hash"], name="origin_ip_idx")]

    def __str__(self) -> str:
        return self.ip_hash[:12]


class AuditEntry(models.Model):
    """One moderator's or administrator's action: who, what, on which item, when, why.
    Written in the action's own transaction; never changed or deleted through the site or
    the admin. Items are kept by id, so an entry outlives a purge of what it names."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    post_id = models.BigIntegerField(null=True, blank=True)
    comment_id = models.BigIntegerField(null=True, blank=True)
    member_id = models.BigIntegerField(null=True, blank=True, help_text="The member acted on.")
    reason = models.CharField(max_length=NOTE_MAX, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["action", "-id"], name="audit_action_idx"),
            models.Index(fields=["actor", "-id"], name="audit_actor_idx"),
            models.Index(fields=["member_id", "-id"], name="audit_member_idx"),
            models.Index(fields=["post_id"], name="audit_post_idx"),
        ]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_id}"


RULES_ID = 1


class Rules(models.Model):
    """The spam and pre-moderation rules moderators change on the rules page, without a
    restart: one row (id 1). Read once in each posting action's transaction (rules.current),
    never by reader pages. Until a moderator first saves them, the defaults below apply."""

    premoderate_guests = models.BooleanField(
        default=False, help_text="Guests' posts and comments wait for a moderator's approval."
    )
    premoderate_first_posts = models.BooleanField(
        default=False, help_text="A member's first post or comment waits for approval."
    )
    premoderate_watched_words = models.BooleanField(
        default=True, help_text="Posts containing a watched word or phrase wait for approval."
    )
    link_limit_points = models.PositiveIntegerField(
        default=10, help_text="Members with fewer points than this, and guests, are limited."
    )
    link_limit = models.PositiveIntegerField(
        default=2, help_text="How many links a limited writer may put in one post or comment."
    )
    # A new random value whenever the watched words change, so that every process knows
    # when its compiled copy of them is stale (rules.watched_words).
    words_version = models.CharField(max_length=32, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "rules"
        constraints = [models.CheckConstraint(condition=Q(id=RULES_ID), name="rules_one_row")]

    def __str__(self) -> str:
        return "Spam and pre-moderation rules"
