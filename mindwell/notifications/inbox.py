"""How notifications read, in the inbox and in email: one line each, grouped by question,
decided at display time from what the reader may see now (a post hidden or deleted since
shows no title and no link)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.urls import reverse

from mindwell.core.pagination import KeysetPage, keyset_page
from mindwell.notifications.models import Kind, Notification
from mindwell.qa import policy, presenters

MODERATION_LINES = {
    "hidden": "A moderator hid your {thing} for review",
    "flagged": "Members' flags hid your {thing} for review",
    "held": "Your {thing} is held for the moderators' review",
    "deleted": "A moderator deleted your {thing}",
    "restored": "Your {thing} is visible again",
    "closed": "A moderator closed your question",
    "reopened": "Your question was reopened",
    "flag_helpful": "Your flag helped: the moderators acted on it",
    "flag_declined": "The moderators looked at your flag and left it as it was",
}


# What showing a notification reads besides itself: select_related these, then `wired`.
RELATED = (
    "question", "post", "comment", "post__author", "comment__author", "post__question",
)  # fmt: skip
PAGE_SIZE = 30


def wired(notification: Notification) -> Notification:
    """The notification with its comment's post set from its own (loaded with RELATED), so
    that showing it asks the database nothing more."""
    comment, post = notification.comment, notification.post
    if comment is not None and post is not None and comment.post_id == post.pk:
        comment.post = post
    return notification


def page_of(member: Any, params: QueryDict) -> KeysetPage[Notification]:
    """One page of the member's inbox, newest first (by id: the order they were made)."""
    rows = Notification.objects.filter(recipient_id=member.pk).select_related(*RELATED)
    page = keyset_page(rows, params, field=None, size=PAGE_SIZE)
    for notification in page.items:
        wired(notification)
    return page


@dataclass
class Shown:
    line: str
    url: str
    visible: bool  # the reader may see the post or comment it is about
    item: Any = None
    excerpt: str = ""
    notification: Notification | None = None


@dataclass
class Group:
    title: str
    url: str
    question_id: int | None
    entries: list[Shown] = field(default_factory=list)

    @property
    def from_moderators(self) -> bool:
        """Only the moderators' private messages (which are about no question)."""
        return all(e.notification and e.notification.kind == Kind.MESSAGE for e in self.entries)

    @property
    def unread(self) -> int:
        return sum(1 for e in self.entries if e.notification and e.notification.read_at is None)


def _thing(notification: Notification) -> str:
    if notification.comment_id:
        return "comment"
    post = notification.post
    return "question" if post is None or post.is_question else "answer"


def _visible(notification: Notification, viewer: Any) -> bool:
    for post in (notification.question, notification.post):
        if post is not None and not policy.can_see(viewer, post):
            return False
    comment = notification.comment
    return comment is None or not comment.is_deleted


def _who(item: Any, viewer: Any, names: bool) -> str:
    if item is None or not names:
        return "Someone"
    return presenters.writer(item, viewer).name


def plain_url(item: Any) -> str:
    """A link to a post or comment that does not name its topic (the slug would): for
    email, which others may see."""
    post = getattr(item, "post", item)
    question_id = post.question_id or post.pk
    url = reverse("qa:question_short", args=[question_id])
    if hasattr(item, "post_id"):
        return f"{url}#c{item.pk}"
    return url if post.question_id is None else f"{url}#a{post.pk}"


def describe(
    notification: Notification, viewer: Any, *, names: bool = False, plain: bool = False
) -> Shown:
    """One notification as `viewer` reads it; with `names`, who did it (as the site shows
    them: "Anonymous" for an anonymous post), else "Someone" (email); with `plain`, links
    that do not name the topic (email)."""
    kind, detail = notification.kind, notification.detail
    item = notification.comment or notification.post
    visible = _visible(notification, viewer)
    who = _who(item, viewer, names and visible)
    if kind == Kind.ANSWER:
        line = f"{who} answered your question"
    elif kind == Kind.COMMENT:
        on_question = notification.post is not None and notification.post.is_question
        line = f"{who} commented on your {'question' if on_question else 'answer'}"
    elif kind == Kind.REPLY:
        line = f"{who} replied after your comment"
    elif kind == Kind.ACCEPTED:
        line = "Your answer was chosen as the best"
    elif kind == Kind.MENTION:
        line = f"{who} mentioned you"
    elif kind == Kind.FOLLOWED:
        line = _followed_line(notification, who)
    elif kind == Kind.SUPPORT:
        line = "A question that may need support has waited hours without an answer"
    elif kind == Kind.MODERATION:
        line = MODERATION_LINES.get(detail, "The moderators decided on your {thing}").format(
            thing=_thing(notification)
        )
    else:
        line = "The moderators wrote to you"
    if kind == Kind.MESSAGE:
        url = reverse("moderation:my_messages")
    elif visible and item is not None:
        url = plain_url(item) if plain else item.get_absolute_url()
    else:
        url = reverse("notifications:inbox")
    return Shown(line, url, visible, item, notification=notification)


def _followed_line(notification: Notification, who: str) -> str:
    detail = notification.detail
    asked = notification.post is not None and notification.post.is_question
    if detail.startswith("tag:"):
        return f"New question tagged {detail.removeprefix('tag:')}, a tag you follow"
    if detail.startswith("category:"):
        return "New question in a category you follow"
    if detail == "member":
        return f"{who}, whom you follow, {'asked a question' if asked else 'answered'}"
    return f"{who} answered a question you follow"


def group(
    notifications: list[Notification], viewer: Any, *, names: bool = False, plain: bool = False,
) -> list[Group]:  # fmt: skip
    """Notifications grouped by question, in the order of each group's newest; with `plain`
    (email), no titles and links that do not name the topic."""
    groups: dict[int | None, Group] = {}
    for notification in notifications:
        question = notification.question
        key = question.pk if question is not None else None
        if key not in groups:
            seen = question is not None and policy.can_see(viewer, question)
            groups[key] = Group("", "", key)
            if seen and question is not None:
                groups[key].title = "" if plain else question.title
                groups[key].url = plain_url(question) if plain else question.get_absolute_url()
        groups[key].entries.append(describe(notification, viewer, names=names, plain=plain))
    return list(groups.values())
