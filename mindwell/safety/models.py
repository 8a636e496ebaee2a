"""What safety keeps: the outcome of screening each post, comment and edit, and each
member's reader controls."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Outcome(models.TextChoices):
    """What screening found (mindwell.safety.screening); see the README's safety section."""

    CRISIS = "crisis", "Crisis"
    INCITEMENT = "incitement", "Incitement"
    METHOD = "method", "Method"
    NONE = "none", "None"


class Screening(models.Model):
    """One screening of new text that was not `none`: a question, answer or comment when it
    was posted or edited. `support` marks an author who may need support (first-person
    crisis language, alone or with a method)."""

    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "qa.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    question = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="+")
    what = models.CharField(max_length=10)  # question, answer, comment, edit
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    support = models.BooleanField(default=False)
    reasons = models.JSONField(default=list)
    version = models.CharField(max_length=20)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["support", "-created_at"], name="safety_support_recent")]

    def __str__(self) -> str:
        return f"{self.outcome} ({self.what} {self.post_id or self.comment_id})"


class ReaderRule(models.Model):
    """One thing a member chose not to read (reader controls, mindwell.safety.reader): a word
    or phrase they muted, or a tag whose questions they hide. Exactly one of the two is set."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_rules"
    )
    # Kept trimmed, with single spaces and in lower case; matched as whole words.
    phrase = models.CharField(max_length=40, blank=True)
    tag = models.ForeignKey(
        "tags.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(tag__isnull=True) & ~Q(phrase=""))
                | (Q(tag__isnull=False) & Q(phrase="")),
                name="reader_rule_phrase_or_tag",
            ),
            models.UniqueConstraint(
                fields=["user", "phrase"], condition=~Q(phrase=""), name="reader_rule_phrase_once"
            ),
            models.UniqueConstraint(
                fields=["user", "tag"], condition=Q(tag__isnull=False), name="reader_rule_tag_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.phrase or f'tag {self.tag_id}'}"
