"""What pages show of safety's data, and the one way to say it changed (see core.pagecache)."""

from mindwell.core.pagecache import Topic, changed

# One member's reader controls: every page rendered with them leaves out what they hide.
READER_CONTROLS = Topic("reader")


def reader_controls_changed(user_id: int) -> None:
    """A member's muted words or hidden tags changed: call inside the action's transaction."""
    changed(READER_CONTROLS(user_id))
