"""What pages show of questions, and the one way to say each kind of thing changed.

Pages declare what they show where they select it (views.py: `shows(QUESTION(12))`,
`shows(QUESTION_LISTS())`; the writer presenter: `shows(MEMBER(7))`). Actions say what
they changed through these functions only; nothing else names the page cache's keys.
"""

from mindwell.core.pagecache import Topic, changed

# One question's page: the question, its answers and comments, their scores.
QUESTION = Topic("q")
# Every list of questions and the indexes of categories and tags (counts, scores, titles).
QUESTION_LISTS = Topic("lists")


def post_changed(*, question_id: int) -> None:
    """A question or answer was posted, edited, deleted, restored, voted on or accepted:
    its question's page, and the lists (which show titles, scores and answer counts)."""
    changed(QUESTION(question_id), QUESTION_LISTS())


def comment_changed(*, question_id: int) -> None:
    """A comment was added or removed: only its question's page shows comments."""
    changed(QUESTION(question_id))
