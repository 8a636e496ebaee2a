"""How a writer is shown: the one place that decides, for every page.

A guest is shown by the name they gave (or "Anonymous") with a guest badge; a member who
posted anonymously as "Anonymous", and to those who may see it (policy.can_see_author)
also who they are; any other member by their public name, with their points and badge.
Showing a member declares it to the page cache (`shows(MEMBER(id))`), so a stored page
is stale as soon as that member's name, points or badge change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mindwell.accounts.models import User
from mindwell.accounts.policy import professional_badge
from mindwell.accounts.topics import MEMBER
from mindwell.core.formatting import compact_number
from mindwell.core.markdown import excerpt
from mindwell.core.pagecache import shows
from mindwell.qa import policy
from mindwell.qa.models import Post, Revision

ANONYMOUS = "Anonymous"
FORMER_MEMBER = "a former member"


@dataclass(frozen=True)
class Writer:
    name: str  # what every reader sees
    member: User | None  # the member whose profile, points and badge are shown
    is_guest: bool = False
    is_anonymous: bool = False
    revealed: User | None = None  # who wrote an anonymous item, for those who may know

    @property
    def badge(self) -> str:
        """The verified professional's badge beside the name, or "" (never on anonymous
        posts: it would point to their writer)."""
        return professional_badge(self.member) if self.member is not None else ""


def _shown(member: User) -> User:
    shows(MEMBER(member.pk))
    return member


def writer(item: Any, viewer: Any) -> Writer:
    """The writer of a post or comment (`author` loaded), as `viewer` sees them."""
    if item.author_id is None:
        return Writer(item.guest_name or ANONYMOUS, None, is_guest=True)
    if item.anonymous:
        revealed = item.author if policy.can_see_author(viewer, item) else None
        return Writer(ANONYMOUS, None, is_anonymous=True, revealed=revealed)
    return Writer(item.author.public_name, _shown(item.author))


def preview_text(post: Post, *, limit: int = 160) -> str:
    """What previews of a post outside its page say (the description and OpenGraph meta
    that search results and shared links show, a feed's summary), as plain text: the
    question's content note when its asker gave one, for the text is kept folded under it
    and a preview must not spread it; else the beginning of its text."""
    if post.is_question and post.content_note:
        return f"Content note: {post.content_note}"
    return excerpt(post.body_html, limit=limit)


def points_now(posts: Iterable[Post], viewer: Any) -> dict[str, dict[str, Any]]:
    """The points now shown beside the names of those who wrote `posts` by name, and beside
    the viewer's own name, by username: what a page changed in place (a vote, a best
    answer) updates, so that no number beside a name goes stale. An anonymous post's writer
    is left out, so the answer never ties them to their points."""
    ids = {post.author_id for post in posts if post.author_id is not None and not post.anonymous}
    if viewer.is_authenticated:
        ids.add(viewer.pk)
    members = User.objects.filter(pk__in=ids).values_list("username", "points")
    return {
        username: {"count": points, "compact": compact_number(points)}
        for username, points in members
    }


def last_editor_name(post: Post) -> str:
    """Who made a post's latest edit (`last_editor` loaded): "Anonymous" when its anonymous
    author edited it."""
    if post.anonymous and post.last_editor_id == post.author_id:
        return ANONYMOUS
    if post.last_editor is None:
        return _guest_or_former_member(post)
    return _shown(post.last_editor).public_name


def revision_editor_name(revision: Revision, post: Post) -> str:
    """Who wrote a revision (`editor` loaded); number 1 is the original post."""
    if revision.editor_anonymous:
        return ANONYMOUS
    if revision.editor is not None:
        return _shown(revision.editor).public_name
    if revision.number == 1:
        return post.guest_name or ANONYMOUS
    return _guest_or_former_member(post)


def _guest_or_former_member(post: Post) -> str:
    # Members are never deleted (they are deactivated), so an edit by no member is the
    # guest's own, through their private link (qa.guest_links).
    return (post.guest_name or ANONYMOUS) if post.author_id is None else FORMER_MEMBER
