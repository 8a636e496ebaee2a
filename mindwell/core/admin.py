"""Admin helpers without domain."""

from typing import Any

from mindwell.core.pagecache import SITE, bump_after_commit


class BumpsPageCache:
    """For ModelAdmins of things shown on many pages (members, categories, tags): any change
    made in the admin makes every cached anonymous page stale at once."""

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        bump_after_commit(SITE)

    def delete_model(self, request: Any, obj: Any) -> None:
        super().delete_model(request, obj)  # type: ignore[misc]
        bump_after_commit(SITE)

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        super().delete_queryset(request, queryset)  # type: ignore[misc]
        bump_after_commit(SITE)
