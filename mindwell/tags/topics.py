"""How a change to categories or tags reaches the page cache (see core.pagecache)."""

from mindwell.core.pagecache import changed, every_page


def categories_changed() -> None:
    """A category's name, place or description changed, or one was added or removed: its
    name is on every question page and list, so every stored page is stale."""
    changed(every_page())


def tags_changed() -> None:
    """A tag was renamed, described or removed: on question pages, lists and the tag index."""
    changed(every_page())
