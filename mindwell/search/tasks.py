"""The worker's side of the index: documents a request could not write."""

from __future__ import annotations

from django_tasks import task

from mindwell.search import index
from mindwell.search.documents import documents


@task()
def reindex_posts(*, post_ids: list[int]) -> int:
    """Write these posts' documents again (those that still exist); returns how many."""
    return index.store(documents(post_ids))
