"""What pages show of search's suggestions (core.pagecache topics).

RELATED(id): what a related-questions block shows of question `id`: its title, its answer
count, whether one is accepted, and whether it may be shown at all. Narrower than qa's
QUESTION(id), so a comment or a vote on a related question leaves the pages beside it
stored. search.handlers says it changed, after the commit that changed it."""

from mindwell.core.pagecache import Topic, changed_now

RELATED = Topic("related")


def related_changed(question_id: int) -> None:
    """Called after commit (from an event handler): at once."""
    changed_now(RELATED(question_id))
