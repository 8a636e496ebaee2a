"""Pre-moderation and the link limit: the check every new or edited text passes
(qa.events.Submitted), inside the posting action's transaction.

- Too many links from a guest or a member with few points: refused (nothing is written).
- A guest's post, a member's first post, a post with a watched word (as the rules say):
  held, waiting for a moderator's approval. Its author sees it, marked; nobody else does,
  and no count includes it until a moderator approves it (qa.actions.restore_post).
Moderators are never held nor limited.
"""

from __future__ import annotations

from django.db.models import Q

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.core.markdown import render_markdown
from mindwell.moderation import audit, rules
from mindwell.moderation.models import Queue, Rules
from mindwell.moderation.queue import enqueue
from mindwell.qa import actions as qa_actions
from mindwell.qa.events import Submitted
from mindwell.qa.models import Comment, Post, Removal, Revision
from mindwell.qa.policy import moderates

# What the author is told, on the item itself. It never names the watched word.
WAITING_GUEST = (
    "Waiting for a moderator's approval: posts from guests are checked before others see them."
)
WAITING_FIRST = (
    "Waiting for a moderator's approval: a member's first post is checked before others see it."
)
WAITING_WORDS = (
    "Waiting for a moderator's approval: some words in it are checked before others see them."
)


def check_submission(event: Submitted) -> None:
    """Refuse text over the link limit; hold what the rules send to the approval queue.
    Raises ActionError on the "body" field (the action then writes nothing)."""
    current = rules.current()
    item = _item(event)
    writer = _writer(event, item)
    if writer is not None and moderates(writer, item):
        return
    html = item.body_html
    title = event.title if isinstance(item, Post) and item.is_question else ""
    _check_links(current, writer, html=html, title=title)
    if item.is_deleted:  # already out of view (an author editing a held post)
        return
    reasons, note = _why_hold(
        current, event, item, writer, text=f"{title}\n{rules.plain_text(html)}"
    )
    if reasons:
        hold_for_approval(item=item, reasons=reasons, note=note)


def _item(event: Submitted) -> Post | Comment:
    if event.comment_id is not None:
        comments = Comment.objects.select_related("author", "post__question")
        return comments.get(pk=event.comment_id)
    return Post.objects.select_related("author", "question").get(pk=event.post_id)


def _writer(event: Submitted, item: Post | Comment) -> User | None:
    """Who wrote this text: the author of a new item, the editor of an edit (None: a guest)."""
    if event.author_id is None:
        return None
    if event.author_id == item.author_id:
        return item.author
    return User.objects.get(pk=event.author_id)


def _check_links(current: Rules, writer: User | None, *, html: str, title: str) -> None:
    if writer is not None and writer.points >= current.link_limit_points:
        return
    found = rules.count_links(html, title=title)
    if found > current.link_limit:
        who = (
            "Guests"
            if writer is None
            else f"Members with fewer than {current.link_limit_points} points"
        )
        limit = current.link_limit
        raise ActionError(
            f"{who} can include at most {limit} link{'s' if limit != 1 else ''} in a post; "
            f"this has {found}. Remove some links and post again.",
            field="body",
        )


def _why_hold(
    current: Rules, event: Submitted, item: Post | Comment, writer: User | None, *, text: str
) -> tuple[list[str], str]:
    """The queue reasons to hold this item (none: publish it) and what its author is told."""
    reasons: list[str] = []
    note = ""
    if current.premoderate_watched_words:
        found = rules.matched_words(rules.watched_words(current), text)
        if found and event.what == "edit":
            # Only words the edit brought in: a post approved with them stays approved.
            found -= rules.matched_words(rules.watched_words(current), _before_edit(item))
        if found:
            reasons.append("Contains watched words: " + ", ".join(sorted(found)))
            note = WAITING_WORDS
    if event.what == "edit":
        return reasons, note
    if writer is None and current.premoderate_guests:
        reasons.append("A guest's post")
        note = WAITING_GUEST
    elif writer is not None and current.premoderate_first_posts and _first_post(writer, item):
        reasons.append("A new member's first post")
        note = WAITING_FIRST
    return reasons, note


def _before_edit(item: Post | Comment) -> str:
    """The text of the revision before the edit being checked (the edit wrote the last)."""
    assert isinstance(item, Post)
    before = Revision.objects.filter(post=item, number__lt=item.revision_count).order_by("-number")
    revision = before.only("title", "body").first()
    if revision is None:
        return ""
    return f"{revision.title}\n{rules.plain_text(render_markdown(revision.body))}"


def _first_post(writer: User, item: Post | Comment) -> bool:
    """No earlier live post or comment of the writer's (one still waiting does not count)."""
    posts = Post.objects.filter(author=writer, deleted_at__isnull=True)
    comments = Comment.objects.filter(author=writer, deleted_at__isnull=True)
    if isinstance(item, Post):
        posts = posts.filter(~Q(pk=item.pk))
    else:
        comments = comments.filter(~Q(pk=item.pk))
    return not posts.exists() and not comments.exists()


def hold_for_approval(*, item: Post | Comment, reasons: list[str], note: str) -> None:
    """Take a new item out of view, waiting for approval, with the note its author sees; put
    it in the approval queue and the audit log (no person did it: the rules did). Call
    inside the posting action's transaction."""
    reason = "; ".join(reasons)
    if isinstance(item, Comment):
        qa_actions.hide_comment(comment=item, by=None, removal=Removal.WAITING, note=note)
        enqueue(queue=Queue.FIRST_POSTS, reason=reason, comment=item)
        audit.record(actor=None, action="hold_for_approval", comment=item,
                     member=item.author, reason=reason)  # fmt: skip
    else:
        qa_actions.hide_post(post=item, by=None, removal=Removal.WAITING, note=note)
        enqueue(queue=Queue.FIRST_POSTS, reason=reason, post=item)
        audit.record(actor=None, action="hold_for_approval", post=item,
                     member=item.author, reason=reason)  # fmt: skip
