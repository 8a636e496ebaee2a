"""Template access to qa's presenters: {% load qa %}."""

from typing import Any

from django import template
from django.template import Context

from mindwell.accounts.policy import professional_badge
from mindwell.qa import policy, presenters
from mindwell.qa.models import Post, Revision

register = template.Library()


@register.simple_tag(takes_context=True)
def writer(context: Context, item: Any) -> presenters.Writer:
    """{% writer post as w %}: how the post's or comment's writer is shown to this reader."""
    return presenters.writer(item, context.get("user"))


@register.filter
def badge(member: Any) -> str:
    """{{ member|badge }}: their verified professional's badge, or "" (expired: none)."""
    return professional_badge(member)


@register.filter
def last_editor_name(post: Post) -> str:
    return presenters.last_editor_name(post)


@register.simple_tag
def revision_editor_name(revision: Revision, post: Post) -> str:
    return presenters.revision_editor_name(revision, post)


@register.filter
def why_kept(post: Post) -> str:
    """Why its author may not delete this post (policy.why_kept), or ""."""
    return policy.why_kept(post) or ""
