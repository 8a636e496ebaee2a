"""What notification emails say. Subjects and the first lines (what a lock screen shows)
never name the topic or quote a post: a shared inbox is not private. The body quotes a short
excerpt only for members who asked for it (EmailSettings.quote_excerpts). Every email
links back to the site and carries its unsubscribe link (and the List-Unsubscribe headers,
added by notifications.delivery)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags

from mindwell.accounts.emails import absolute_url
from mindwell.notifications import preferences, tokens
from mindwell.notifications.inbox import describe, group, plain_url
from mindwell.notifications.models import Kind

SUBJECTS = {
    Kind.ANSWER: "New answer to your question on {site}",
    Kind.COMMENT: "New comment on your post on {site}",
    Kind.REPLY: "New reply in a discussion on {site}",
    Kind.ACCEPTED: "Your answer was chosen as the best on {site}",
    Kind.MENTION: "Someone mentioned you on {site}",
    Kind.FOLLOWED: "News from what you follow on {site}",
    Kind.MODERATION: "A moderation decision on {site}",
    Kind.MESSAGE: "A message from the {site} moderators",
    Kind.SUPPORT: "A question waits for an answer on {site}",
}
EXCERPT_CHARS = 200


def excerpt(item: Any) -> str:
    """A short plain-text excerpt of a post or comment, for members who want one."""
    text = " ".join(strip_tags(item.body_html).split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def subject(kind: str) -> str:
    return SUBJECTS[Kind(kind)].format(site=settings.SITE_NAME)


def _render(name: str, context: dict[str, Any]) -> tuple[str, str]:
    context = {"site": settings.SITE_NAME, **context}
    text = render_to_string(f"notifications/email/{name}.txt", context)
    html = render_to_string(f"notifications/email/{name}.html", context)
    return text, html


def member_links(member: Any, kind: str | None) -> dict[str, Any]:
    """The links at the foot of a member's email: stop this kind, stop all, settings."""
    links = {
        "unsubscribe_all": tokens.unsubscribe_url(member_id=member.pk),
        "settings_url": absolute_url(reverse("notifications:email_settings")),
    }
    if kind is not None:
        links["unsubscribe_kind"] = tokens.unsubscribe_url(member_id=member.pk, scope=kind)
        links["kind_name"] = Kind(kind).label.lower()
    return links


def for_notification(notification: Any) -> dict[str, Any] | None:
    """The instant email of a notification: subject, text, html, to, unsubscribe_url."""
    member = notification.recipient
    if not member.email:
        return None
    shown = describe(notification, member, plain=True)
    links = member_links(member, notification.kind)
    item = notification.comment or notification.post
    context = {
        "member": member,
        "line": shown.line,
        "url": absolute_url(shown.url),
        "excerpt": excerpt(item)
        if item is not None and preferences.settings_of(member).quote_excerpts and shown.visible
        else "",
        **links,
    }
    text, html = _render("notification", context)
    return {
        "to": member.email, "subject": subject(notification.kind), "text": text, "html": html,
        "unsubscribe_url": links["unsubscribe_kind"],
    }  # fmt: skip


def for_digest(member: Any, notifications: list[Any], *, weekly: bool) -> dict[str, Any]:
    """One digest: the notifications grouped by question, newest group first."""
    quote = preferences.settings_of(member).quote_excerpts
    # Titles name the topic: only for members who asked for excerpts.
    groups = group(notifications, member, plain=not quote)
    site = settings.SITE_NAME
    for g in groups:
        g.url = absolute_url(g.url) if g.url else ""
        for entry in g.entries:
            entry.url = absolute_url(entry.url)
            entry.excerpt = excerpt(entry.item) if quote and entry.item and entry.visible else ""
    links = member_links(member, None)
    context = {"member": member, "groups": groups, "weekly": weekly, **links}
    text, html = _render("digest", context)
    return {
        "to": member.email,
        "subject": f"Your {'weekly' if weekly else 'daily'} {site} digest",
        "text": text, "html": html, "unsubscribe_url": links["unsubscribe_all"],
    }  # fmt: skip


def guest_reply(item: Any, about: Any, address: Any) -> dict[str, Any]:
    """The email telling a guest of a reply to what they wrote (never quoting it)."""
    is_comment = hasattr(about, "post_id")
    if hasattr(item, "post_id"):
        line = "Someone replied after your comment"
    else:
        mine = "question" if item.is_question else "answer"
        line = f"Someone {'commented on' if is_comment else 'answered'} your {mine}"
    stop_url = tokens.unsubscribe_url(guest_address_id=address.pk)
    context = {"line": line, "url": absolute_url(plain_url(about)), "stop_url": stop_url}
    text, html = _render("guest_reply", context)
    return {
        "to": address.email,
        "subject": f"New {'comment' if is_comment else 'answer'} on {settings.SITE_NAME}",
        "text": text, "html": html, "unsubscribe_url": stop_url,
    }  # fmt: skip
