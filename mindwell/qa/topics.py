"""What pages show of questions, and the one way to say each kind of thing changed.

Pages declare what they show where they select it (views.py: `shows(QUESTION(12))`,
`shows(QUESTION_LISTS())`; the writer presenter: `shows(MEMBER(7))`; profile.py:
`shows(MEMBER_POSTS(7))`). Actions say what they changed through these functions only;
nothing else names the page cache's keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mindwell.core.pagecache import Topic, changed

if TYPE_CHECKING:
    from mindwell.qa.models import Post

# One question's page: the question, its answers and comments, their scores.
QUESTION = Topic("q")
# Every list of questions and the indexes of categories and tags (counts, scores, titles).
QUESTION_LISTS = Topic("lists")
# Which posts a member's public profile lists under their name, and how many.
MEMBER_POSTS = Topic("posts-by")


def post_changed(*, question_id: int) -> None:
    """A question or answer was posted, edited, deleted, restored, voted on or accepted:
    its question's page, and the lists (which show titles, scores and answer counts)."""
    changed(QUESTION(question_id), QUESTION_LISTS())


def comment_changed(*, question_id: int) -> None:
    """A comment was added or removed: only its question's page shows comments."""
    changed(QUESTION(question_id))


def listed_posts_changed(*posts: Post) -> None:
    """These posts joined or left their authors' public profiles (posted, deleted, restored,
    or their question was). Anonymous posts are never listed there, so they change nothing:
    a profile that changed the moment an anonymous post appeared would name its author."""
    authors = {post.author_id for post in posts if post.author_id and not post.anonymous}
    if authors:
        changed(*(MEMBER_POSTS(author_id) for author_id in sorted(authors)))
