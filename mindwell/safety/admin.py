"""Safety in the admin. Help resources: staff with the model permissions edit regions and
their services (inline), mark what they checked, and switch off what no longer works; the
pages that show them are never stored by the page cache, so an edit is seen at once. Reply
templates for moderators; what screening found, read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import Count, Min, QuerySet
from django.http import HttpRequest

from mindwell.safety.models import HelpService, Region, ReplyTemplate, Screening

# An address typed without a scheme is taken as https (the only scheme allowed).
HTTPS_BY_DEFAULT: dict[Any, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class HelpServiceInline(admin.StackedInline[HelpService, Region]):
    model = HelpService
    extra = 0
    formfield_overrides = HTTPS_BY_DEFAULT
    fields = (
        ("name", "kind"),
        ("phone", "text_number", "text_keyword"),
        "web_url",
        "hours",
        "notes",
        ("order", "active", "checked_on"),
    )


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = (
        "name", "code", "emergency_number", "service_count", "oldest_check", "active", "order",
    )  # fmt: skip
    list_filter = ("active",)
    search_fields = ("name", "code", "languages", "services__name")
    fields = (
        ("code", "name"),
        ("emergency_number", "emergency_note"),
        "languages",
        "police_answer",
        ("active", "order"),
    )
    inlines = [HelpServiceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Region]:
        return (
            super()
            .get_queryset(request)
            .annotate(_services=Count("services"), _oldest_check=Min("services__checked_on"))
        )

    @admin.display(description="services", ordering="_services")
    def service_count(self, region: Any) -> int:
        return int(region._services)

    @admin.display(description="oldest check", ordering="_oldest_check")
    def oldest_check(self, region: Any) -> Any:
        return region._oldest_check


@admin.register(HelpService)
class HelpServiceAdmin(admin.ModelAdmin[HelpService]):
    list_display = (
        "name",
        "region",
        "kind",
        "phone",
        "text_number",
        "hours",
        "checked_on",
        "active",
    )
    list_filter = ("kind", "active", "region")
    search_fields = ("name", "phone", "text_number", "web_url", "region__name", "region__code")
    list_select_related = ("region",)
    formfield_overrides = HTTPS_BY_DEFAULT


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin[ReplyTemplate]):
    """Moderators' starting points for a reply to someone who may need support."""

    list_display = ["title", "order", "active"]
    list_editable = ["order", "active"]
    search_fields = ["title", "body"]


@admin.register(Screening)
class ScreeningAdmin(admin.ModelAdmin[Screening]):
    """What screening found, read-only: the record moderators and the engine's authors
    learn from."""

    list_display = ["created_at", "what", "outcome", "support", "version", "post", "comment"]
    list_filter = ["outcome", "support", "what", "version"]
    date_hierarchy = "created_at"
    raw_id_fields = ["post", "comment", "question"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
