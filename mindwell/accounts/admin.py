from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.core.exceptions import ValidationError
from django.db import transaction

from mindwell.accounts import actions, policy
from mindwell.accounts.models import Credential, CredentialStatus, User
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
    list_display = ("username", "display_name", "points", "professional_badge", "is_moderator")
    list_filter = ("is_moderator", "is_staff", "is_active", "email_confirmed")
    search_fields = ("username", "display_name", "email")
    # The badge is kept by the credential actions (the Credentials admin, the site's page).
    readonly_fields = ("points", "professional_badge", "professional_until")
    fieldsets = (
        *UserAdmin.fieldsets,  # type: ignore[misc]
        (
            "Mindwell",
            {
                "fields": (
                    "display_name", "about", "points", "email_confirmed", "professional_badge",
                    "professional_until", "is_moderator",
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


DECISIONS = [("", "No decision yet"), ("verify", "Verify"), ("decline", "Decline")]


class CredentialDecisionForm(forms.ModelForm[Credential]):
    """An administrator's decision on a pending application, as on the site's page: verify
    with the expiry date the public register shows, or decline with a reason. The checks
    are the actions' own; the action then decides again, with the rows locked."""

    decision = forms.ChoiceField(choices=DECISIONS, required=False)
    confirmed_expiry = forms.DateField(
        label="Licence expiry date, as the public register shows it",
        required=False,
        widget=AdminDateWidget,
    )
    reason = forms.CharField(
        label="Why it is declined (the member reads this)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reviewer: Any = None  # set per request by CredentialAdmin.get_form

    class Meta:
        model = Credential
        fields: list[str] = []

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision = data.get("decision")
        if not decision:
            return data
        credential = self.instance
        if credential.status != CredentialStatus.PENDING:
            raise forms.ValidationError("This credential is no longer waiting for a decision.")
        try:
            if decision == "verify":
                if credential.member_id == getattr(self.reviewer, "pk", None):
                    raise forms.ValidationError(
                        "Another administrator must verify your own credential."
                    )
                if not credential.has_details:
                    raise forms.ValidationError(
                        "The member has not given their licence details yet: nothing to verify."
                    )
                data["confirmed_expiry"] = actions.clean_licence_expiry(
                    data.get("confirmed_expiry")
                )
            else:
                data["reason"] = actions.clean_decline_reason(data.get("reason", ""))
        except ActionError as error:
            field = "confirmed_expiry" if error.field == "expires_on" else error.field
            self.add_error(field if field in self.fields else None, error.message)
        return data


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin[Credential]):
    """Professionals' credentials, for administrators (policy.may_review_credentials).
    Members apply on the site; here an administrator reads an application and decides,
    through the same actions as the site's page. Nothing is added or deleted here."""

    form = CredentialDecisionForm
    list_display = (
        "member", "profession", "jurisdiction", "status", "applied_at", "expires_on",
        "verified_by",
    )  # fmt: skip
    list_filter = ("status", "carried_over")
    search_fields = ("member__username", "profession", "licence_number", "regulator")
    list_select_related = ("member", "verified_by")
    readonly_fields = (
        "member", "status", "carried_over", "profession", "licence_number", "jurisdiction",
        "regulator", "register_url", "expires_on", "applied_at", "verified_at", "verified_by",
        "declined_at", "declined_by", "decline_reason", "ended_at",
    )  # fmt: skip

    def get_fieldsets(self, request: Any, obj: Any = None) -> Any:
        sets: list[Any] = [(None, {"fields": self.readonly_fields})]
        if obj is not None and obj.status == CredentialStatus.PENDING:
            sets.append(("Decision", {"fields": ("decision", "confirmed_expiry", "reason")}))
        return sets

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"reviewer": request.user})

    def save_model(self, request: Any, obj: Credential, form: Any, change: bool) -> None:
        decision = form.cleaned_data.get("decision")
        try:
            if decision == "verify":
                actions.verify_credential(
                    credential=obj,
                    by=request.user,
                    expires_on=form.cleaned_data["confirmed_expiry"],
                )
            elif decision == "decline":
                actions.decline_credential(
                    credential=obj, by=request.user, reason=form.cleaned_data["reason"]
                )
        except ActionError as error:  # decided meanwhile by someone else: the form checked
            self.message_user(request, error.message, level=messages.ERROR)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return policy.may_review_credentials(request.user)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return policy.may_review_credentials(request.user)

    def has_module_permission(self, request: Any) -> bool:
        return policy.may_review_credentials(request.user)
