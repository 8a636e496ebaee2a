"""Names to offer after "@" in a thread's answer and comment boxes: the members who wrote
in it under their name, as the reader sees it. Never the writer of an anonymous post or
comment (nothing shown ties it to them), never a guest (who has no account to tell)."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.qa.models import Comment, Post

MOST_NAMES = 8
PREFIX_MAX = 150
# What may follow "@" in a mention (notifications.fanout.MENTION): a username's characters.
_PREFIX = re.compile(r"[\w.+-]*")


def clean_prefix(text: str) -> str:
    if len(text) > PREFIX_MAX or not _PREFIX.fullmatch(text):
        raise ActionError("A name has only letters, digits and . + - _ in it.")
    return text


def names_in_thread(user: Any, question: Post, prefix: str = "") -> list[dict[str, str]]:
    """Up to MOST_NAMES members who wrote by name in `question`'s thread, on what `user` may
    see, whose username or display name starts with `prefix` (any case), by username; not
    `user` themself. Call with a question `user` may see (qa.access.access_question)."""
    posts = Post.objects.visible_to(user).filter(Q(pk=question.pk) | Q(question_id=question.pk))
    by_name = {"anonymous": False, "author__isnull": False}
    post_writers = posts.filter(**by_name).values("author_id")
    comment_writers = (
        Comment.objects.visible_to(user)
        .filter(post__in=posts.values("pk"), **by_name)
        .values("author_id")
    )
    members = User.objects.filter(Q(pk__in=post_writers) | Q(pk__in=comment_writers)).filter(
        is_active=True
    )
    if user.is_authenticated:
        members = members.exclude(pk=user.pk)
    if prefix:
        members = members.filter(
            Q(username__istartswith=prefix) | Q(display_name__istartswith=prefix)
        )
    rows = members.order_by("username").values_list("username", "display_name")[:MOST_NAMES]
    return [{"username": username, "name": shown or username} for username, shown in rows]
