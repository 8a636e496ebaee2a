from django import template

from mindwell.core.formatting import compact_number

register = template.Library()


@register.filter
def compact(value: int) -> str:
    return compact_number(int(value or 0))
