import re

from django.db import transaction
from django.db.models import F

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.core.events import announce
from mindwell.tags.events import CategoryMoved
from mindwell.tags.models import MAX_TAGS_PER_QUESTION, TAG_PATTERN, Category, Tag
from mindwell.tags.topics import categories_changed


def parse_tag_names(raw: str | list[str]) -> list[str]:
    """Split what a person typed into clean tag names, in order, without repeats.

    Raises ActionError naming the first bad tag, or when there are too many.
    """
    words = raw if isinstance(raw, list) else re.split(r"[\s,]+", raw)
    names: list[str] = []
    for word in words:
        name = word.strip().lower().lstrip("#")
        if not name:
            continue
        check_tag_name(name)
        if name not in names:
            names.append(name)
    if len(names) > MAX_TAGS_PER_QUESTION:
        raise ActionError(
            f"Use at most {MAX_TAGS_PER_QUESTION} tags; you gave {len(names)}.", field="tags"
        )
    return names


def check_tag_name(name: str, *, field: str = "tags") -> str:
    if len(name) > 32 or not re.match(TAG_PATTERN, name):
        raise ActionError(
            f"“{name[:40]}” is not a valid tag: use lowercase letters, digits and single "
            "hyphens, up to 32 characters.",
            field=field,
        )
    return name


def tags_for_names(names: list[str]) -> list[Tag]:
    """The Tag rows for these names, creating new ones; call inside the writing transaction."""
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    # New tags are made in name order, so two writers making the same new tags never each
    # wait for the other's uncommitted row.
    for name in sorted(names):
        if name not in existing:
            existing[name], _ = Tag.objects.get_or_create(name=name)
    return [existing[name] for name in names]


def adjust_tag_counts(names: list[str], delta: int) -> None:
    change_tag_counts(dict.fromkeys(names, delta))


def change_tag_counts(changes: dict[str, int]) -> None:
    """Add each tag's delta to its question count. The rows are changed one at a time in name
    order, the same order in every transaction, so concurrent writers never deadlock."""
    for name in sorted(changes):
        if changes[name]:
            Tag.objects.filter(name=name).update(question_count=F("question_count") + changes[name])


def save_category(*, category: Category) -> Category:
    """Save a category edited by a site administrator (names, place, description); its
    question count stays the actions' to keep."""
    with transaction.atomic():
        moved = False
        if category.pk is not None:
            category.question_count, parent_id = (
                Category.objects.filter(pk=category.pk).values_list("question_count", "parent_id")
            ).get()
            moved = parent_id != category.parent_id
        category.save()
        categories_changed()
        if moved:
            announce(CategoryMoved(category.pk))
    return category


def delete_category(*, category: Category) -> None:
    """Remove a category that holds no questions and has no subcategories."""
    with transaction.atomic():
        if category.questions.exists() or category.children.exists():
            raise ActionError(
                "Only an empty category without subcategories can be deleted: move its "
                "questions and subcategories first."
            )
        category.delete()
        categories_changed()


def set_category_moderators(*, category: Category, moderator_ids: list[int]) -> None:
    """Make these members the moderators of `category` (and so of its subcategories), and
    keep every member's `is_category_moderator` in step with what they moderate."""
    with transaction.atomic():
        before = set(category.moderators.values_list("pk", flat=True))
        category.moderators.set(moderator_ids)
        for user_id in before | set(moderator_ids):
            moderates = Category.moderators.through.objects.filter(user_id=user_id).exists()
            User.objects.filter(pk=user_id).update(is_category_moderator=moderates)
