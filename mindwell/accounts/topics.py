"""What pages show of members, and the one way to say it changed (see core.pagecache)."""

from mindwell.core.pagecache import Topic, changed

# A member as other pages show them: name, points, professional badge.
MEMBER = Topic("u")


def member_changed(user_id: int) -> None:
    """A member's name, points or badge changed: call inside the action's transaction."""
    changed(MEMBER(user_id))
