"""What higher apps add to a review item's page, without moderation importing them: notes
(what they know about the item: safety's screening reasons) and links (a way to act: a
reply written from a template). A provider is registered once, from the higher app's
AppConfig.ready(), and called with the item and the person looking at it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mindwell.moderation.models import ReviewItem


@dataclass
class ItemExtras:
    notes: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, address)


Provider = Callable[[ReviewItem, Any], ItemExtras]

_providers: list[Provider] = []


def add_to_item_page(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def extras_for(item: ReviewItem, user: Any) -> ItemExtras:
    extras = ItemExtras()
    for provider in _providers:
        found = provider(item, user)
        extras.notes.extend(found.notes)
        extras.links.extend(found.links)
    return extras
