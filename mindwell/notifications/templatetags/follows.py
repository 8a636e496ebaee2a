"""{% load follows %}: the follow key of what a page is about, for `{% personal following %}`."""

from typing import Any

from django import template

from mindwell.notifications.personal import follow_key as _follow_key

register = template.Library()


@register.filter
def follow_key(obj: Any) -> str:
    """{{ question|follow_key }}: "question:12" (also a tag, a category, a member)."""
    return _follow_key(obj)
