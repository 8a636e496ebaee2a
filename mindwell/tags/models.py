from typing import Self

from django.conf import settings
from django.db import models

MAX_TAGS_PER_QUESTION = 5
TAG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class CategoryQuerySet(models.QuerySet["Category"]):
    def top_level(self) -> Self:
        return self.filter(parent__isnull=True)


class Category(models.Model):
    """A place in the nested category tree. Counters are kept by the qa actions."""

    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.PROTECT
    )
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=60)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    question_count = models.PositiveIntegerField(default=0)
    # Moderators of this category and its subcategories (tags.actions.set_category_moderators
    # keeps User.is_category_moderator in step).
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="moderated_categories"
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="category_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    name = models.CharField(max_length=32, unique=True)
    description = models.CharField(max_length=300, blank=True)
    question_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["-question_count", "name"], name="tag_popular_idx")]

    def __str__(self) -> str:
        return self.name
