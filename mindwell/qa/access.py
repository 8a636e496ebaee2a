"""The one place that fetches posts for a person. Missing and not-allowed give the same 404."""

import re
from typing import Any

from django.http import Http404

from mindwell.qa.models import Comment, Post, PostKind

NOT_FOUND = "That post does not exist or has been removed."
_ID = re.compile(r"[0-9]{1,18}")


def parse_id(raw: int | str) -> int:
    """A database id from a URL or form: plain ASCII digits only (int() would also take
    "1_0", " 12 " or other scripts' digits)."""
    text = str(raw)
    if not _ID.fullmatch(text):
        raise Http404(NOT_FOUND)
    return int(text)


def _can_write(user: Any, authored: Post | Comment) -> bool:
    return bool(user.is_authenticated and (authored.author_id == user.id or user.can_moderate))


def access_post(user: Any, post_id: int | str, *, for_write: bool = False) -> Post:
    pk = parse_id(post_id)
    post = (
        Post.objects.visible_to(user)
        .select_related("author", "question", "category", "last_editor")
        .filter(pk=pk)
        .first()
    )
    if post is None or (
        post.question is not None
        and post.question.is_deleted
        and not getattr(user, "can_moderate", False)
    ):
        raise Http404(NOT_FOUND)
    if for_write and not _can_write(user, post):
        raise Http404(NOT_FOUND)
    return post


def access_question(user: Any, question_id: int | str, *, for_write: bool = False) -> Post:
    post = access_post(user, question_id, for_write=for_write)
    if post.kind != PostKind.QUESTION:
        raise Http404(NOT_FOUND)
    return post


def access_comment(user: Any, comment_id: int | str, *, for_write: bool = False) -> Comment:
    pk = parse_id(comment_id)
    comment = Comment.objects.select_related("post").filter(pk=pk, deleted_at__isnull=True).first()
    if comment is None or (for_write and not _can_write(user, comment)):
        raise Http404(NOT_FOUND)
    access_post(user, comment.post_id)
    return comment
