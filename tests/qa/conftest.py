"""Helpers for the Q&A tests: more members, and a picture of every counter."""

from collections.abc import Callable
from typing import Any

import pytest

from mindwell.accounts.models import User
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category, Tag
from tests.conftest import make_member


@pytest.fixture
def members(db: None) -> Callable[[int], list[User]]:
    """Make `n` more ordinary members, named voter0, voter1, ..."""
    made: list[User] = []

    def _members(n: int) -> list[User]:
        start = len(made)
        batch = [make_member(f"voter{i}") for i in range(start, start + n)]
        made.extend(batch)
        return batch

    return _members


def counters() -> dict[str, Any]:
    """Everything an action may write, so a test can show that a failed one wrote nothing."""
    return {
        "posts": list(Post.objects.order_by("pk").values_list("pk", flat=True)),
        "revisions": Revision.objects.count(),
        "comments": Comment.objects.count(),
        "votes": Vote.objects.count(),
        "tags": dict(Tag.objects.values_list("name", "question_count")),
        "categories": dict(Category.objects.values_list("slug", "question_count")),
        "point_events": PointEvent.objects.count(),
        "points": dict(User.objects.values_list("username", "points")),
        "question_counters": list(
            Post.objects.order_by("pk").values_list(
                "answer_count", "comment_count", "score", "has_accepted_answer", "last_activity_at"
            )
        ),
    }
