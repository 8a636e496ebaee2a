"""The one place that fetches posts and comments for a person. Missing and not-allowed raise
the same NotFound, so nobody learns what they may not see. Whether they may is policy.py's."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mindwell.core.errors import NotFound
from mindwell.qa import policy
from mindwell.qa.models import Comment, Post, PostKind
from mindwell.qa.policy import NOT_FOUND

_ID = re.compile(r"[0-9]{1,18}")

# A capability from policy.py: policy.can_edit, policy.can_accept, ...
Capability = Callable[[Any, Any], bool]


def parse_id(raw: int | str) -> int:
    """A database id from a URL or form: plain ASCII digits only (int() would also take
    "1_0", " 12 " or other scripts' digits)."""
    text = str(raw)
    if not _ID.fullmatch(text):
        raise NotFound(NOT_FOUND)
    return int(text)


def access_post(user: Any, post_id: int | str, *, may: Capability | None = None) -> Post:
    """The question or answer, if `user` may see it and, with `may`, do that to it."""
    pk = parse_id(post_id)
    post = (
        Post.objects.visible_to(user)
        .select_related("author", "question", "category", "last_editor", "duplicate_of")
        .filter(pk=pk)
        .first()
    )
    if post is None or not policy.can_see(user, post) or (may and not may(user, post)):
        raise NotFound(NOT_FOUND)
    return post


def access_question(user: Any, question_id: int | str, *, may: Capability | None = None) -> Post:
    post = access_post(user, question_id, may=may)
    if post.kind != PostKind.QUESTION:
        raise NotFound(NOT_FOUND)
    return post


def access_comment(
    user: Any, comment_id: int | str, *, may: Capability | None = None, deleted: bool = False
) -> Comment:
    """A live comment on a post `user` may see; with `deleted`, a deleted one instead (to
    undo or restore it: `may` says who may)."""
    pk = parse_id(comment_id)
    comment = (
        Comment.objects.select_related("post").filter(pk=pk, deleted_at__isnull=not deleted).first()
    )
    if comment is None or (may and not may(user, comment)):
        raise NotFound(NOT_FOUND)
    access_post(user, comment.post_id)
    return comment
