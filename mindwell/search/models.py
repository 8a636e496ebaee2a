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


class RelatedWorkedOut(models.Model):
    """When a question's related questions were last worked out (search.related.refresh),
    kept even when none were found: the backfill works out only the questions without one."""

    question = models.OneToOneField(
        "qa.Post", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    worked_out_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.question_id} worked out at {self.worked_out_at:%Y-%m-%d %H:%M}"


class IndexRow(models.Model):
    """The index's tables, as Django knows them: never read through the ORM (search.index
    writes and reads them in SQL), declared only so that a test database's flush empties
    them with the posts. Each database has one of the two (migration 0001)."""

    post_id = models.BigIntegerField(primary_key=True)

    class Meta:
        abstract = True


class FtsRow(IndexRow):
    """SQLite's FTS5 table `search_fts` (rowid = the post's id)."""

    post_id = models.BigIntegerField(primary_key=True, db_column="rowid")

    class Meta:
        db_table = "search_fts"
        required_db_vendor = "sqlite"

    def __str__(self) -> str:
        return f"search_fts {self.post_id}"


class EntryRow(IndexRow):
    """PostgreSQL's `search_entry` (a tsvector per post)."""

    class Meta:
        db_table = "search_entry"
        required_db_vendor = "postgresql"

    def __str__(self) -> str:
        return f"search_entry {self.post_id}"
