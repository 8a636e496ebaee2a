from typing import Any

from django import template

from mindwell.accounts.policy import is_suspended as _is_suspended

register = template.Library()


@register.filter
def is_suspended(user: Any) -> bool:
    """{% if user|is_suspended %}: from the member's own row, so it costs no query."""
    return _is_suspended(user)
