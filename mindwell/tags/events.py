"""What the tags app announces after commit (see mindwell.core.events)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CategoryMoved:
    """A site administrator put a category under another parent, or at the top: the
    questions in it and in its subcategories now sit under other ancestors."""

    category_id: int
