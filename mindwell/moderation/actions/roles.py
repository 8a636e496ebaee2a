"""Administrators appoint moderators (of the whole site, or of categories) and stand them
down; each change is written in the audit log."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from mindwell.accounts.models import User
from mindwell.core.errors import Forbidden
from mindwell.moderation import policy
from mindwell.moderation.audit import record
from mindwell.tags import actions as tags_actions
from mindwell.tags.models import Category

APPOINT, STAND_DOWN = "appoint_moderator", "remove_moderator"
APPOINT_IN_CATEGORY, STAND_DOWN_IN_CATEGORY = (
    "appoint_category_moderator",
    "remove_category_moderator",
)


def _require(by: User) -> None:
    if not policy.can_appoint_moderators(by):
        raise Forbidden("Only an administrator can appoint moderators.")


def set_site_moderator(*, member: User, moderator: bool, by: User) -> User:
    """Make `member` a moderator of the whole site, or no longer one."""
    _require(by)
    with transaction.atomic():
        member = User.objects.select_for_update().get(pk=member.pk)
        if member.is_moderator == moderator:
            return member
        member.is_moderator = moderator
        member.save(update_fields=["is_moderator"])
        record(actor=by, action=APPOINT if moderator else STAND_DOWN, member=member)
    return member


def set_category_moderators(*, category: Category, members: Iterable[User], by: User) -> None:
    """Make exactly `members` the moderators of `category` (and so of its subcategories)."""
    _require(by)
    wanted = {member.pk for member in members}
    with transaction.atomic():
        category = Category.objects.select_for_update().get(pk=category.pk)
        before = set(category.moderators.values_list("pk", flat=True))
        if wanted == before:
            return
        tags_actions.set_category_moderators(category=category, moderator_ids=sorted(wanted))
        place = {"category_id": category.pk, "category": category.name}
        for user_id in sorted(wanted - before):
            record(actor=by, action=APPOINT_IN_CATEGORY, member=User(pk=user_id), details=place)
        for user_id in sorted(before - wanted):
            record(actor=by, action=STAND_DOWN_IN_CATEGORY, member=User(pk=user_id), details=place)
