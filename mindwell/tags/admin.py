from typing import Any

from django.contrib import admin, messages

from mindwell.core.errors import ActionError
from mindwell.tags import actions
from mindwell.tags.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    """Every save and delete goes through the tags actions, which keep the page cache fresh.
    Tags are administered from qa's admin: renaming one changes the questions that have it."""

    list_display = ("name", "slug", "parent", "position", "question_count")
    list_filter = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("question_count",)

    def save_model(self, request: Any, obj: Category, form: Any, change: bool) -> None:
        actions.save_category(category=obj)

    def delete_model(self, request: Any, obj: Category) -> None:
        try:
            actions.delete_category(category=obj)
        except ActionError as error:  # the admin refuses first: questions and children protect it
            self.message_user(request, error.message, level=messages.ERROR)

    def get_actions(self, request: Any) -> dict[str, Any]:
        # "Delete selected" would skip the checks of delete_category.
        found = super().get_actions(request)
        found.pop("delete_selected", None)
        return found
