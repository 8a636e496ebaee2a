"""What safety keeps: the outcome of screening each post, comment and edit."""

from __future__ import annotations

from django.db import models


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


class SupportHelper(models.Model):
    """A trusted member or verified professional who asked to hear of questions marked
    "may need support" that are still unanswered (SupportAlert)."""

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="support_helper"
    )
    since = models.DateTimeField()

    def __str__(self) -> str:
        return f"helper {self.user_id}"


class SupportAlert(models.Model):
    """A question marked "may need support" that had no answer after
    MINDWELL_SUPPORT_UNANSWERED_HOURS: opted-in helpers see it in their list (and hear of it
    through notifications once they exist: events.UnansweredSupportQuestion). One per
    question; `answered_at` is set when it gets an answer."""

    question = models.OneToOneField("qa.Post", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"unanswered {self.question_id}"


class ReplyTemplate(models.Model):
    """A starting point for a moderator's reply to someone who may need support, written
    for a person, edited before it is sent (safety.views.reply)."""

    title = models.CharField(max_length=100)
    body = models.TextField(max_length=4000)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title
