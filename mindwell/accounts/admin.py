from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from mindwell.accounts.models import User
from mindwell.core.admin import BumpsPageCache


@admin.register(User)
class MemberAdmin(BumpsPageCache, UserAdmin):
    list_display = ("username", "display_name", "points", "is_professional", "is_moderator")
    list_filter = ("is_professional", "is_moderator", "is_staff", "is_active", "email_confirmed")
    search_fields = ("username", "display_name", "email")
    readonly_fields = ("points",)
    fieldsets = (
        *UserAdmin.fieldsets,  # type: ignore[misc]
        (
            "Mindwell",
            {
                "fields": (
                    "display_name", "about", "points", "email_confirmed", "is_professional",
                    "is_moderator",
                )
            },
        ),
    )  # fmt: skip
