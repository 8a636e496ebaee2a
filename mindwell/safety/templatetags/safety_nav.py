"""The "May need support" link in the header, for those who may open the list:
{% load safety_nav %}. No query: the roles are on the member's row."""

from typing import Any

from django import template

from mindwell.safety import policy

register = template.Library()


@register.filter
def sees_support_list(user: Any) -> bool:
    return policy.can_see_support_list(user)
