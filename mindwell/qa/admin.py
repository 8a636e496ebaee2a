from django.contrib import admin

from mindwell.qa.models import Comment, Post


@admin.register(Post)
class PostAdmin(admin.ModelAdmin[Post]):
    """Read-mostly: changes to posts go through the site, so counters and points stay exact."""

    list_display = ("__str__", "kind", "author", "anonymous", "score", "created_at", "deleted_at")
    list_filter = ("kind", "anonymous", "deleted_at")
    search_fields = ("title",)
    raw_id_fields = ("author", "question", "last_editor")
    readonly_fields = [field.name for field in Post._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ("__str__", "post", "author", "anonymous", "created_at", "deleted_at")
    raw_id_fields = ("author", "post")
    readonly_fields = [field.name for field in Comment._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False
