"""Following questions, tags, categories and members: the actions and what pages ask."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from mindwell.accounts.policy import is_member
from mindwell.core.errors import ActionError
from mindwell.notifications.models import Follow

TARGETS = Follow.TARGETS


def follow_by_default(user_id: int, *, question_id: int) -> None:
    """Askers and answerers follow their question, unless they unfollowed it before."""
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(
                follower_id=user_id, question_id=question_id,
                defaults={"created_at": timezone.now()},
            )  # fmt: skip
    except IntegrityError:
        pass  # made at the same moment by another request


def set_following(member: Any, target: str, obj: Any, *, following: bool) -> Follow:
    """Follow or unfollow one question, tag, category or member."""
    if not is_member(member):
        raise ActionError("Log in to follow.", status=403)
    if target not in TARGETS:
        raise ActionError("You cannot follow that.")
    if target == "member" and obj.pk == member.pk:
        raise ActionError("You cannot follow yourself.")
    with transaction.atomic():
        follow, _ = Follow.objects.select_for_update().get_or_create(
            follower=member, **{target: obj},
            defaults={"created_at": timezone.now(), "following": following},
        )  # fmt: skip
        if follow.following != following:
            follow.following = following
            follow.save(update_fields=["following"])
    return follow


def is_following(member: Any, target: str, obj_id: int) -> bool:
    if not is_member(member):
        return False
    return Follow.objects.filter(
        follower=member, following=True, **{f"{target}_id": obj_id}
    ).exists()
