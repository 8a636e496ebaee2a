"""Who moderates which category: a category moderator acts on the questions of the
categories they were given and of their subcategories, nowhere else."""

from __future__ import annotations

from typing import Any

from mindwell.accounts.policy import can_moderate, is_category_moderator
from mindwell.tags.models import Category


def moderated_category_ids(user: Any) -> frozenset[int]:
    """The ids of the categories `user` moderates, subcategories included; read once per
    request object (category moderators never get stored pages, so this costs members
    nothing)."""
    if not is_category_moderator(user):
        return frozenset()
    cached: frozenset[int] | None = getattr(user, "_moderated_category_ids", None)
    if cached is None:
        own = set(Category.objects.filter(moderators=user).values_list("pk", flat=True))
        children = Category.objects.filter(parent_id__in=own).values_list("pk", flat=True)
        cached = frozenset(own | set(children))
        user._moderated_category_ids = cached
    return cached


def moderates_category(user: Any, category_id: int | None) -> bool:
    """A site-wide moderator, or a moderator of this category (or of its parent)."""
    if can_moderate(user):
        return True
    return category_id is not None and category_id in moderated_category_ids(user)
