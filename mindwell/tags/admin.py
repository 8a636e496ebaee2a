from django.contrib import admin

from mindwell.core.admin import BumpsPageCache
from mindwell.tags.models import Category, Tag


@admin.register(Category)
class CategoryAdmin(BumpsPageCache, admin.ModelAdmin[Category]):
    list_display = ("name", "slug", "parent", "position", "question_count")
    list_filter = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("question_count",)


@admin.register(Tag)
class TagAdmin(BumpsPageCache, admin.ModelAdmin[Tag]):
    list_display = ("name", "question_count")
    search_fields = ("name",)
    readonly_fields = ("question_count",)
