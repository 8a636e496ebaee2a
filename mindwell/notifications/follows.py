"""Following questions, tags, categories and members: the actions and what pages ask."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
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


# What the following page lists: the tab, its label, and what each row loads.
LISTS = {
    "questions": ("Questions", "question"),
    "tags": ("Tags", "tag"),
    "categories": ("Categories", "category"),
    "members": ("Members", "member"),
}


def followed_by(member: Any, target: str) -> Any:
    """The member's follows of one kind of target, newest first (`target` loaded)."""
    rows = Follow.objects.filter(follower=member, following=True, **{f"{target}__isnull": False})
    if target == "member":
        rows = rows.filter(member__is_active=True)
    return rows.select_related(target)


def counts(member: Any) -> dict[str, int]:
    """How many of each kind the member follows, in one query."""
    found = Follow.objects.filter(follower=member, following=True).aggregate(
        **{
            tab: Count("pk", filter=Q(**{f"{target}__isnull": False}))
            for tab, (_, target) in LISTS.items()
        }
    )
    return {tab: found[tab] or 0 for tab in LISTS}


def said(target: str, obj: Any, *, following: bool) -> str:
    """What a member is told after following or unfollowing."""
    what = {
        "question": "this question",
        "tag": f"the tag “{getattr(obj, 'name', '')}”",
        "category": f"the category “{getattr(obj, 'name', '')}”",
        "member": getattr(obj, "public_name", ""),
    }[target]
    if not following:
        return f"You no longer follow {what}."
    news = {
        "question": "you will hear of its new answers",
        "tag": "you will hear of new questions with this tag",
        "category": "you will hear of new questions in it and its subcategories",
        "member": "you will hear when they ask or answer under their name",
    }[target]
    return f"You follow {what}: {news}."
