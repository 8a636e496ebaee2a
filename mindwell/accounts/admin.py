from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.core.exceptions import ValidationError
from django.db import transaction

from mindwell.accounts import actions
from mindwell.accounts.models import User
from mindwell.core.errors import ActionError


def _checked(check: Any, value: Any, **options: Any) -> Any:
    """The value as the accounts action's check cleans it, or the form error it gives."""
    try:
        return check(value, **options)
    except ActionError as error:
        raise ValidationError(error.message) from None


class MemberCreationForm(UserCreationForm[User]):
    def clean_username(self) -> str:
        return str(_checked(actions.clean_username, super().clean_username()))


class MemberChangeForm(UserChangeForm[User]):
    """The rules of the site's own forms: reserved and over-long names are refused."""

    def clean_username(self) -> str:
        return str(_checked(actions.clean_username, self.cleaned_data.get("username", "")))

    def clean_display_name(self) -> str:
        return str(_checked(actions.clean_display_name, self.cleaned_data.get("display_name", "")))


@admin.register(User)
class MemberAdmin(UserAdmin):
    """Changes go through accounts.update_profile, which renders "about" and says the member
    changed (pages show their name, points and badge). Members are deactivated, never
    deleted here: their votes and points are part of other members' counts."""

    form = MemberChangeForm
    add_form = MemberCreationForm
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

    def save_model(self, request: Any, obj: User, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            try:
                actions.update_profile(user=obj, display_name=obj.display_name, about=obj.about)
            except ActionError as error:  # "about" too long: the form's max_length stops it first
                raise ValidationError(error.message) from None

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
