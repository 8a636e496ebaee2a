from django.conf import settings
from django.db import models


class PointReason(models.TextChoices):
    ASKED = "asked", "Asked a question"
    ANSWERED = "answered", "Posted an answer"
    VOTES_RECEIVED = "votes", "Votes received on a post"
    ANSWER_ACCEPTED = "accepted", "Answer selected as best"
    SELECTED_ANSWER = "selected", "Selected a best answer"


class PointEvent(models.Model):
    """One line of the points ledger: why a member holds `amount` points for a post.

    There is at most one line per (member, reason, post); when votes change, the line's
    amount is set to the capped value for the post's current votes, so the ledger always
    sums to each member's exact total.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="point_events", on_delete=models.CASCADE
    )
    reason = models.CharField(max_length=16, choices=PointReason.choices)
    # The post it was earned on, by id: reputation sits below qa and does not know posts.
    post_id = models.BigIntegerField(null=True, db_index=True)
    amount = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "reason", "post_id"], name="point_event_one_per_user_reason_post"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.reason} {self.amount:+d}"
