"""Redaction: a moderator removes a passage (a name, an address, a workplace) from a post and
from every revision of it, for good, and the audit log says who did it and when, never what
was removed."""

from __future__ import annotations

from django.db import transaction

from mindwell.accounts.models import User
from mindwell.moderation import audit
from mindwell.qa import actions as qa_actions
from mindwell.qa.models import Post

AUDIT_ACTION = "redact"


def redact(*, post: Post, by: User, passage: str, reason: str = "") -> qa_actions.Redaction:
    """qa.actions.redact_post, and its audit entry in the same transaction. The entry keeps
    how many revisions changed and whether the title did; the passage itself is kept
    nowhere, which is the point."""
    with transaction.atomic():
        done = qa_actions.redact_post(post=post, by=by, passage=passage)
        audit.record(
            actor=by,
            action=AUDIT_ACTION,
            post=done.post,
            member=User(pk=done.post.author_id) if done.post.author_id else None,
            reason=reason,
            details={"revisions": done.revisions, "title": done.in_title},
        )
    return done
