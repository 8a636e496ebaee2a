"""Moderation in the admin: its records can be read, never added, changed or deleted there
(moderating happens through the site's actions, which write the audit log; the audit log
itself is never changed by anyone). Appointing moderators is the one thing done here, by
administrators, through moderation's roles actions so that each appointment is logged:
this module extends the member and category admins of accounts and tags for that."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied

from mindwell.accounts.admin import MemberAdmin
from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.moderation import policy
from mindwell.moderation.actions import roles
from mindwell.moderation.models import (
    AuditEntry,
    BlockedRange,
    CloseVote,
    Flag,
    ModeratorMessage,
    Origin,
    ReviewItem,
    Suspension,
    WatchedWord,
)
from mindwell.tags.admin import CategoryAdmin
from mindwell.tags.models import Category


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Read only: no add, change or delete, so no "Delete selected" either."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "action", "post_id", "comment_id", "member_id", "reason")
    list_filter = ("action",)
    search_fields = ("reason",)


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "flagger", "reason", "post", "comment", "status")
    list_filter = ("reason", "status")


@admin.register(ReviewItem)
class ReviewItemAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "queue", "reason", "priority", "status", "post", "comment")
    list_filter = ("queue", "status")


@admin.register(CloseVote)
class CloseVoteAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "question", "voter", "kind", "reason", "spent")


@admin.register(Suspension)
class SuspensionAdmin(ReadOnlyAdmin):
    list_display = ("member", "moderator", "starts_at", "ends_at", "lifted_at", "reason")


@admin.register(ModeratorMessage)
class ModeratorMessageAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "member", "moderator", "read_at")


@admin.register(BlockedRange)
class BlockedRangeAdmin(ReadOnlyAdmin):
    list_display = ("network", "reason", "created_by", "created_at", "expires_at")


@admin.register(WatchedWord)
class WatchedWordAdmin(ReadOnlyAdmin):
    list_display = ("phrase", "created_by", "created_at")


@admin.register(Origin)
class OriginAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "ip_hash", "post", "comment")


# Roles ----------------------------------------------------------------------------------

ROLE_FIELDS = ("is_moderator", "is_staff", "is_superuser", "groups", "user_permissions")


class MemberRolesAdmin(MemberAdmin):
    """Only administrators give or take roles; a site-wide moderator is appointed through
    roles.set_site_moderator, which writes the audit log."""

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        fields = tuple(super().get_readonly_fields(request, obj))
        if not policy.can_appoint_moderators(request.user):
            fields += ROLE_FIELDS
        return fields

    def save_model(self, request: Any, obj: User, form: Any, change: bool) -> None:
        wanted = obj.is_moderator
        obj.is_moderator = bool(
            change and User.objects.filter(pk=obj.pk).values_list("is_moderator", flat=True).get()
        )
        super().save_model(request, obj, form, change)
        if wanted != obj.is_moderator:
            try:
                roles.set_site_moderator(member=obj, moderator=wanted, by=request.user)
            except ActionError as error:
                raise PermissionDenied(error.message) from None
            obj.is_moderator = wanted


def _usernames(raw: str) -> list[str]:
    return [name for name in re.split(r"[\s,]+", raw or "") if name]


class CategoryModeratorsForm(forms.ModelForm[Category]):
    moderator_usernames = forms.CharField(
        required=False,
        label="Moderators",
        help_text="Usernames of the members who moderate this category and its "
        "subcategories, separated by commas.",
        widget=forms.TextInput(attrs={"size": 60}),
    )

    class Meta:
        model = Category
        fields = ("name", "slug", "parent", "position", "description")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and "moderator_usernames" in self.fields:
            names = self.instance.moderators.order_by("username").values_list("username", flat=True)
            self.fields["moderator_usernames"].initial = ", ".join(names)

    def clean_moderator_usernames(self) -> list[User]:
        names = _usernames(self.cleaned_data.get("moderator_usernames", ""))
        found: dict[str, User] = {}
        for name in names:  # a few names: one query each, in any letter case
            user = User.objects.filter(username__iexact=name).first()
            if user is not None:
                found[name.lower()] = user
        missing = [name for name in names if name.lower() not in found]
        if missing:
            raise forms.ValidationError(f"No member has the username {', '.join(missing)}.")
        inactive = [user.username for user in found.values() if not user.is_active]
        if inactive:
            raise forms.ValidationError(f"Not an active member: {', '.join(sorted(inactive))}.")
        return list(found.values())


class CategoryModeratorsAdmin(CategoryAdmin):
    """Category moderators are set here, by administrators, through
    roles.set_category_moderators (which keeps User.is_category_moderator in step)."""

    form = CategoryModeratorsForm
    exclude = ("moderators",)

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        if not policy.can_appoint_moderators(request.user):
            form.base_fields.pop("moderator_usernames", None)
        return form

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if "moderator_usernames" in form.cleaned_data:
            roles.set_category_moderators(
                category=form.instance, members=form.cleaned_data["moderator_usernames"],
                by=request.user,
            )  # fmt: skip


admin.site.unregister(User)
admin.site.register(User, MemberRolesAdmin)
admin.site.unregister(Category)
admin.site.register(Category, CategoryModeratorsAdmin)
