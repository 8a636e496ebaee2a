from django.db import models


class RelatedQuestion(models.Model):
    """One of a question's related questions, at its place: worked out by search.related
    after the question is written, read as part of the question page's own query."""

    question = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="+")
    related = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "related"], name="related_question_once_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} -> {self.related_id} (#{self.rank})"
