from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q, Sum
from django.urls import reverse
from django.utils.text import slugify

from mindwell.accounts.policy import holds_posts
from mindwell.qa.policy import can_see_deleted
from mindwell.tags.models import Category
from mindwell.tags.policy import moderated_category_ids

if TYPE_CHECKING:
    from mindwell.tags.models import Tag

TITLE_MIN, TITLE_MAX = 15, 150
BODY_MIN, BODY_MAX = 20, 30_000
COMMENT_MIN, COMMENT_MAX = 5, 600
GUEST_NAME_MAX = 40
EDIT_REASON_MAX = 200
CONTENT_NOTE_MAX = 100


class Removal(models.TextChoices):
    """Why a post or comment is out of public view (`deleted_at` is set). Deleted posts are
    seen by moderators only; the others also by their author, marked, with the note."""

    DELETED = "deleted", "Deleted"
    HIDDEN = "hidden", "Hidden"
    WAITING = "waiting", "Waiting for review"
    HELD = "held", "Held for review"


# The removals whose author still sees the item, marked, with how to ask for a review.
SHOWN_TO_AUTHOR = (Removal.HIDDEN, Removal.WAITING, Removal.HELD)
REMOVAL_NOTE_MAX = 300


class CloseReason(models.TextChoices):
    DUPLICATE = "duplicate", "Duplicate"
    OFF_TOPIC = "off_topic", "Off-topic"
    NEEDS_DETAIL = "needs_detail", "Needs more detail"
    OTHER = "other", "Other"


class Authored(models.Model):
    """Who wrote a post or comment, kept apart from how it is shown.

    `author` is null for guests. `anonymous` hides a member's name from everyone but
    moderators. The guest's email address is private: it is never shown, and used only to
    send them their post's private link (guest_links) and, with `notify`, the replies to it
    once they confirm the address (the notifications app).
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymous = models.BooleanField(default=False)
    guest_name = models.CharField(max_length=GUEST_NAME_MAX, blank=True)
    guest_email = models.EmailField(blank=True)
    notify = models.BooleanField(default=False, help_text="Email the author about replies.")
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField()
    # Out of public view since: deleted by its author or a moderator, hidden by flags or a
    # moderator, or waiting for review (`removal` says which). Every reader query and counter
    # treats all of them alike, so hiding keeps counts exact the way deleting does.
    deleted_at = models.DateTimeField(null=True, blank=True)
    removal = models.CharField(max_length=10, choices=Removal.choices, blank=True)
    removal_note = models.CharField(
        max_length=REMOVAL_NOTE_MAX, blank=True, help_text="Why, as its author is told."
    )

    # Not a column: set by the question page when the text holds a word its reader muted
    # (qa.reading), and the page folds it behind a notice.
    muted = False

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        """Out of public view, for whatever reason (see `removal`)."""
        return self.deleted_at is not None

    @property
    def is_held(self) -> bool:
        """Out of view but shown to its author, marked: hidden, or waiting for review."""
        return self.deleted_at is not None and self.removal in SHOWN_TO_AUTHOR


def visible_filter(user: Any, *, post: str = "") -> Q:
    """The Q for posts (or, with `post="post__"`, comments) `user` may see, as
    policy.can_see says: moderators see what is out of view in what they moderate, authors
    their own held items."""
    if can_see_deleted(user):
        return Q()
    seen = Q(deleted_at__isnull=True)
    if holds_posts(user):
        seen |= Q(author_id=user.pk, removal__in=SHOWN_TO_AUTHOR)
    if ids := moderated_category_ids(user):
        seen |= Q(**{f"{post}category_id__in": ids}) | Q(
            **{f"{post}question__category_id__in": ids}
        )
    return seen


# On SQLite, a list of a tag or category held by many questions is read fastest by
# walking the list's own order and checking each row: a page is found after a few dozen
# rows. Through the tag's or category's index instead, SQLite sorts every one of its
# questions first (2-5 s for 300,000 of 1,000,000 questions), while for a rare one the
# index is the fast way. PostgreSQL plans both well. See docs/performance.md.
COMMON_LIST_SHARE = 0.002


def _walk_order(count: int) -> bool:
    if connection.vendor != "sqlite":
        return False
    total = Category.objects.aggregate(total=Sum("question_count"))["total"] or 0
    return count >= COMMON_LIST_SHARE * total


class PostKind(models.TextChoices):
    QUESTION = "q", "Question"
    ANSWER = "a", "Answer"


class PostQuerySet(models.QuerySet["Post"]):
    def alive(self) -> Self:
        return self.filter(deleted_at__isnull=True)

    def visible_to(self, user: Any) -> Self:
        """What `user` may see: moderators everything, authors also their own held posts."""
        return self.filter(visible_filter(user))

    def questions(self) -> Self:
        return self.filter(kind=PostKind.QUESTION)

    def answers(self) -> Self:
        return self.filter(kind=PostKind.ANSWER)

    def tagged(self, tag: Tag) -> Self:
        """The posts with this tag, read the fastest way for its list (_walk_order)."""
        if _walk_order(tag.question_count):
            tagged = Post.tags.through.objects.filter(post_id=OuterRef("pk"), tag_id=tag.pk)
            return self.filter(Exists(tagged))
        return self.filter(tags=tag)

    def in_categories(self, ids: list[int], *, count: int) -> Self:
        """The posts in these categories (`count` questions in all), read the fastest way
        for their list (_walk_order)."""
        if _walk_order(count):
            # `category_id + 0` hides the column from SQLite's index choice.
            return self.alias(category_walk=F("category_id") + 0).filter(category_walk__in=ids)
        return self.filter(category_id__in=ids)

    def for_search_engines(self) -> Self:
        """The questions search engines are invited to index: live, and not kept out by
        their askers (the sitemap)."""
        return self.questions().alive().filter(keep_out_of_search=False)

    def for_listing(self, *, text: bool = False) -> Self:
        """What a question list row shows, in one query; with `text`, also the question's
        text, for a reader's muted words (qa.reading)."""
        return self.select_related("author", "category").only(
            "id", "kind", "title", "slug", "score", "hot_score", "answer_count", "view_count",
            "has_accepted_answer", "tag_names", "created_at", "last_activity_at", "anonymous",
            "guest_name", "author_id", "deleted_at", "closed_at", "close_reason", "locked_at",
            "category__name", "category__slug",
            "author__username", "author__display_name", "author__points",
            "author__professional_badge", "author__professional_until",
            *(["body"] if text else []),
        )  # fmt: skip


class Post(Authored):
    """A question or an answer: one table, as votes, revisions and comments treat them alike."""

    kind = models.CharField(max_length=1, choices=PostKind.choices)
    question = models.ForeignKey(
        "self", null=True, blank=True, related_name="answer_set", on_delete=models.CASCADE
    )
    # Question fields (empty on answers).
    title = models.CharField(max_length=TITLE_MAX, blank=True)
    slug = models.SlugField(max_length=80, blank=True, allow_unicode=False)
    category = models.ForeignKey(
        "tags.Category", null=True, blank=True, on_delete=models.PROTECT, related_name="questions"
    )
    tags = models.ManyToManyField("tags.Tag", blank=True, related_name="questions")
    tag_names = models.CharField(max_length=200, blank=True, help_text="Space-separated copy.")
    # Set by the asker: pages show the question's text folded under it (<details>).
    content_note = models.CharField(
        max_length=CONTENT_NOTE_MAX, blank=True, help_text="What readers may want to know first."
    )
    answer_count = models.PositiveIntegerField(default=0)
    has_accepted_answer = models.BooleanField(default=False)
    view_count = models.PositiveIntegerField(default=0)
    hot_score = models.FloatField(default=0.0)
    last_activity_at = models.DateTimeField()
    # Answer field.
    is_accepted = models.BooleanField(default=False)
    # Shared counters.
    score = models.IntegerField(default=0)
    upvotes = models.PositiveIntegerField(default=0)
    downvotes = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    revision_count = models.PositiveIntegerField(default=1)
    last_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_edited_at = models.DateTimeField(null=True, blank=True)
    # Question states set by moderators and close votes (mindwell.moderation).
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)
    close_note = models.CharField(max_length=REMOVAL_NOTE_MAX, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    locked_at = models.DateTimeField(
        null=True, blank=True, help_text="No new answers, comments or votes."
    )
    protected_at = models.DateTimeField(
        null=True, blank=True, help_text="Only members with some points may answer."
    )
    # The asker's choice: the page asks search engines not to index it (core.robots) and the
    # sitemap leaves it out. Readers on the site see it as any other question.
    keep_out_of_search = models.BooleanField(
        default=False, help_text="Search engines are asked not to index the question's page."
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="q", question__isnull=True, category__isnull=False)
                | Q(kind="a", question__isnull=False, is_accepted__in=[True, False]),
                name="post_kind_shape",
            ),
            models.CheckConstraint(
                condition=Q(kind="a") | Q(is_accepted=False), name="post_only_answers_accepted"
            ),
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_accepted=True),
                name="post_one_accepted_answer_per_question",
            ),
            models.CheckConstraint(
                condition=Q(score=models.F("upvotes") - models.F("downvotes")),
                name="post_score_is_votes",
            ),
        ]
        indexes = [
            models.Index(
                fields=["-id"],
                name="question_recent_idx",
                condition=Q(kind="q", deleted_at__isnull=True),
            ),
            models.Index(
                fields=["-hot_score", "-id"],
                name="question_hot_idx",
                condition=Q(kind="q", deleted_at__isnull=True),
            ),
            models.Index(
                fields=["-score", "-id"],
                name="question_votes_idx",
                condition=Q(kind="q", deleted_at__isnull=True),
            ),
            models.Index(
                fields=["-id"],
                name="question_unanswered_idx",
                condition=Q(kind="q", deleted_at__isnull=True, answer_count=0),
            ),
            models.Index(
                fields=["category", "-id"],
                name="question_category_idx",
                condition=Q(kind="q", deleted_at__isnull=True),
            ),
            models.Index(fields=["question", "created_at"], name="answer_question_idx"),
            models.Index(fields=["author", "kind", "-id"], name="post_author_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"Answer {self.pk}"

    def get_absolute_url(self) -> str:
        if self.is_question:
            return reverse("qa:question", kwargs={"question_id": self.pk, "slug": self.slug})
        return f"{self.thread.get_absolute_url()}#a{self.pk}"

    @property
    def is_question(self) -> bool:
        return self.kind == PostKind.QUESTION

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def is_protected(self) -> bool:
        return self.protected_at is not None

    @property
    def tag_list(self) -> list[str]:
        return self.tag_names.split()

    @property
    def thread_id(self) -> int:
        """The id of the question this post belongs to (its own for a question)."""
        return self.question_id or self.pk

    @property
    def thread(self) -> Post:
        """The question this post belongs to (itself for a question)."""
        if self.is_question:
            return self
        assert self.question is not None
        return self.question

    @cached_property
    def has_valued_answers(self) -> bool:
        """Someone other than the asker wrote a live answer to this question that was chosen
        as the best answer or voted helpful (policy.why_kept). Kept on the object: a stored
        page holding it is stale as soon as any answer's votes or the choice change."""
        answers = Post.objects.alive().filter(question_id=self.pk)
        if self.author_id is not None:
            answers = answers.exclude(author_id=self.author_id)
        return answers.filter(Q(is_accepted=True) | Q(upvotes__gt=0)).exists()

    @staticmethod
    def slug_for(title: str) -> str:
        return slugify(title)[:80].strip("-") or "question"


class CommentQuerySet(models.QuerySet["Comment"]):
    def visible_to(self, user: Any) -> Self:
        """Deleted comments stay visible to moderators, marked as deleted; held ones to
        their authors too."""
        return self.filter(visible_filter(user, post="post__"))


class Comment(Authored):
    post = models.ForeignKey(Post, related_name="comments", on_delete=models.CASCADE)
    # Who deleted it: the author may undo their own deletion, never a moderator's.
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["post", "id"], name="comment_post_idx")]

    def __str__(self) -> str:
        return self.body[:40]

    def get_absolute_url(self) -> str:
        return f"{self.post.thread.get_absolute_url()}#c{self.pk}"


class Vote(models.Model):
    UP, DOWN = 1, -1

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="vote_one_per_member_and_post"),
            models.CheckConstraint(condition=Q(value__in=[1, -1]), name="vote_value_up_or_down"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.value:+d} on {self.post_id}"


class Revision(models.Model):
    """The full text of a post after one edit (number 1 is the original)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=TITLE_MAX, blank=True)
    body = models.TextField()
    tag_names = models.CharField(max_length=200, blank=True)
    content_note = models.CharField(max_length=CONTENT_NOTE_MAX, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    editor_anonymous = models.BooleanField(default=False)
    reason = models.CharField(max_length=EDIT_REASON_MAX, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="revision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.post_id} r{self.number}"


class GuestLink(models.Model):
    """The private link that lets a guest edit or delete one post or comment they wrote
    (qa.guest_links). Only a hash of the link's secret is kept: the link itself is shown
    once and emailed, never stored."""

    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    secret_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256, in hex.")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, comment__isnull=True)
                | Q(post__isnull=True, comment__isnull=False),
                name="guest_link_one_item",
            ),
        ]
        # Housekeeping deletes expired links every hour.
        indexes = [models.Index(fields=["expires_at"], name="guest_link_expires_idx")]

    def __str__(self) -> str:
        return f"guest link to {self.item}"

    @property
    def item(self) -> Post | Comment:
        item = self.post or self.comment
        assert item is not None
        return item


class Submission(models.Model):
    """One sending of an ask, answer or comment form that made a post or comment, so that a
    repeat of it (a retry after a dropped connection, a double click) gets what the first
    made instead of a copy. `key` stands for who sent which form with what text (see
    actions._submission_key); rows older than a few days can go (`forget_submissions`)."""

    key = models.CharField(max_length=64)
    post = models.ForeignKey(Post, null=True, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(Comment, null=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key"], name="submission_key_unique"),
        ]
        indexes = [models.Index(fields=["created_at"], name="submission_created_idx")]

    def __str__(self) -> str:
        return self.key
