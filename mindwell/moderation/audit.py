"""The audit log: every moderator's and administrator's action, written by the action
itself inside its own transaction, so the entry exists exactly when the change does."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from mindwell.moderation.models import NOTE_MAX, AuditEntry


def record(
    *,
    actor: Any,
    action: str,
    post: Any = None,
    comment: Any = None,
    member: Any = None,
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write who (`actor`, None for the site itself: flags from several members, a check)
    did `action` ("hide", "suspend", ...) to which item or member, and why. Call inside the
    transaction that makes the change."""
    assert transaction.get_connection().in_atomic_block, "audit.record outside a transaction"
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        post_id=post.pk if post is not None else None,
        comment_id=comment.pk if comment is not None else None,
        member_id=member.pk if member is not None else None,
        reason=reason[:NOTE_MAX],
        details=details or {},
        created_at=timezone.now(),
    )
