"""The one place that fetches notifications' objects for a person, and what they may
follow. Missing and not-theirs raise the same NotFound."""

from __future__ import annotations

from typing import Any

from mindwell.accounts.access import NOT_FOUND as NO_SUCH_MEMBER
from mindwell.accounts.models import User
from mindwell.core.errors import NotFound
from mindwell.notifications import inbox
from mindwell.notifications.models import Notification
from mindwell.notifications.personal import parse_key
from mindwell.qa.access import access_question, parse_id
from mindwell.tags.models import Category, Tag

NO_SUCH_NOTIFICATION = "There is no such notification in your inbox."
NOTHING_TO_FOLLOW = "There is nothing like that to follow."


def access_notification(member: Any, notification_id: int | str) -> Notification:
    """One of the member's own notifications, with what it points at loaded."""
    found = (
        Notification.objects.filter(pk=parse_id(notification_id), recipient_id=member.pk)
        .select_related(*inbox.RELATED)
        .first()
    )
    if member.pk is None or found is None:
        raise NotFound(NO_SUCH_NOTIFICATION)
    return inbox.wired(found)


def access_follow_target(user: Any, key: str) -> tuple[str, Any]:
    """(target, object) for a follow key ("question:12"): a question `user` may see, a tag,
    a category, or an active member."""
    parsed = parse_key(key)
    if parsed is None:
        raise NotFound(NOTHING_TO_FOLLOW)
    target, pk = parsed
    if target == "question":
        return target, access_question(user, pk)
    if target == "member":
        member = User.objects.filter(pk=pk, is_active=True).first()
        if member is None:
            raise NotFound(NO_SUCH_MEMBER)
        return target, member
    model = Tag if target == "tag" else Category
    found = model.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound(NOTHING_TO_FOLLOW)
    return target, found
