"""What pages show of search's suggestions (core.pagecache topics).

RELATED(id): what a related-questions block shows of question `id`: its title, its answer
count, whether one is accepted, and whether it may be shown at all. Narrower than qa's
QUESTION(id), so a comment or a vote on a related question leaves the pages beside it
stored. search.handlers says it changed, after the commit that changed it.

RELATED_LIST(id): which questions question `id`'s related block lists (search.related), a
list worked out again after an edit, by the backfill, or when a newer question joins it.
The cached ids carry its version, so every process reads a new list at once."""

from mindwell.core.pagecache import Topic, changed_now

RELATED = Topic("related")
RELATED_LIST = Topic("related-list")


def related_changed(question_id: int) -> None:
    """Called after commit (from an event handler): at once."""
    changed_now(RELATED(question_id))
