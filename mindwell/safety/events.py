"""What safety announces (after commit), for higher apps (notifications) to tell people."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnansweredSupportQuestion:
    """A question marked "may need support" has had no answer for
    MINDWELL_SUPPORT_UNANSWERED_HOURS: the opted-in helpers should hear of it."""

    question_id: int
