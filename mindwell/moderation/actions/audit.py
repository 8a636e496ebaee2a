"""Administrators' actions that cannot be undone: purging a post or a comment for good.

Every other moderator action is soft (hide, delete, close, lock, suspend all have an
inverse); a purge is the one exception, so only administrators may, and the audit entry
keeps a short account of what went, since the rows themselves are gone.
"""

from __future__ import annotations

from django.db import transaction

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, Forbidden
from mindwell.moderation import policy
from mindwell.moderation.audit import record
from mindwell.moderation.models import NOTE_MAX
from mindwell.qa import actions as qa_actions
from mindwell.qa.actions import PurgeScope
from mindwell.qa.models import Comment, Post

PURGE = "purge"
EXCERPT_LENGTH = 120


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_LENGTH else flat[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) > NOTE_MAX:
        raise ActionError(f"The reason is too long: at most {NOTE_MAX} characters.", field="reason")
    return reason


def purge(
    *, by: User, reason: str = "", post: Post | None = None, comment: Comment | None = None
) -> PurgeScope:
    """Remove `post` (a question with its answers and comments, or an answer with its
    comments) or `comment` for good, and write who did it, why, and what it was. Only
    administrators may (policy.can_purge)."""
    assert (post is None) != (comment is None)
    if not policy.can_purge(by):
        raise Forbidden("Only an administrator can remove posts for good.")
    reason = _clean_reason(reason)
    item: Post | Comment = post if post is not None else comment  # type: ignore[assignment]
    author = User(pk=item.author_id) if item.author_id is not None else None
    with transaction.atomic():
        if post is not None:
            details = {
                "kind": "question" if post.is_question else "answer",
                "question_id": post.thread_id,
                "title": post.thread.title,
                "excerpt": _excerpt(post.body),
            }
            scope = qa_actions.purge_post(post=post, by=by)
        else:
            assert comment is not None
            details = {
                "kind": "comment",
                "on_post_id": comment.post_id,
                "question_id": comment.post.thread_id,
                "title": comment.post.thread.title,
                "excerpt": _excerpt(comment.body),
            }
            scope = qa_actions.purge_comment(comment=comment, by=by)
        record(
            actor=by, action=PURGE, post=post, comment=comment, member=author, reason=reason,
            details={**details, "removed": scope.describe()},
        )  # fmt: skip
    return scope
