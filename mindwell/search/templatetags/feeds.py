"""Links to the Atom feeds (search.feeds) from the pages they follow."""

from typing import Any

from django import template

from mindwell.search.feeds import links_of

register = template.Library()


@register.filter
def feed_of(target: Any) -> dict[str, str]:
    """{% with feed=question|feed_of %}: the `url` and `title` of the feed that follows a
    question, a category or a tag; of the newest questions for anything else."""
    url, title = links_of(target)
    return {"url": url, "title": title}
