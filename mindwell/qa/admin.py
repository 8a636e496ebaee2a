from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import ModelForm

from mindwell.core.errors import ActionError
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post
from mindwell.tags.actions import check_tag_name
from mindwell.tags.models import Tag


class _ReadOnly:
    """Posts and comments change only through the site, whose actions keep counters,
    points and pages exact: here they can be read, never added, edited or deleted."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Post)
class PostAdmin(_ReadOnly, admin.ModelAdmin[Post]):
    list_display = ("__str__", "kind", "author", "anonymous", "score", "created_at", "deleted_at")
    list_filter = ("kind", "anonymous", "deleted_at")
    search_fields = ("title",)
    raw_id_fields = ("author", "question", "last_editor")


@admin.register(Comment)
class CommentAdmin(_ReadOnly, admin.ModelAdmin[Comment]):
    list_display = ("__str__", "post", "author", "anonymous", "created_at", "deleted_at")
    raw_id_fields = ("author", "post")


class TagForm(ModelForm[Tag]):
    def clean_name(self) -> str:
        try:
            return check_tag_name(
                (self.cleaned_data.get("name") or "").strip().lower(), field="name"
            )
        except ActionError as error:
            raise ValidationError(error.message) from None


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    """Renaming or deleting a tag goes through the qa actions, which change every question
    that has it (its tags, and the copy of their names that pages show)."""

    form = TagForm
    list_display = ("name", "question_count")
    search_fields = ("name",)
    readonly_fields = ("question_count",)
    fields = ("name", "description", "question_count")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def save_model(self, request: Any, obj: Tag, form: Any, change: bool) -> None:
        actions.update_tag(tag=obj, name=obj.name, description=obj.description)

    def delete_model(self, request: Any, obj: Tag) -> None:
        actions.delete_tag(tag=obj)

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        for tag in queryset:
            actions.delete_tag(tag=tag)
