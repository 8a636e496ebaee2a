"""Forms parse what a person typed; the rules of the domain live in actions.py."""

from __future__ import annotations

from functools import partial
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from mindwell.accounts import actions, emails
from mindwell.accounts.actions import ABOUT_MAX, DISPLAY_NAME_MAX, USERNAME_MAX
from mindwell.accounts.models import User
from mindwell.core.antispam import SpamGuard
from mindwell.core.errors import ActionError
from mindwell.core.forms import ActionForm, Rule
from mindwell.core.mail import send_email_after_commit


def _text(*, autocomplete: str, **attrs: str) -> forms.TextInput:
    return forms.TextInput(attrs={"autocomplete": autocomplete, **attrs})


def _password(autocomplete: str) -> forms.PasswordInput:
    return forms.PasswordInput(attrs={"autocomplete": autocomplete})


_HANDLE_ATTRS = {"autocapitalize": "none", "spellcheck": "false"}


class SignupForm(SpamGuard, ActionForm):
    username = forms.CharField(
        max_length=USERNAME_MAX,
        help_text=(
            "3 to 30 letters, digits or underscores. It appears in your profile's web address."
        ),
        widget=_text(autocomplete="username", **_HANDLE_ATTRS),
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="Private: never shown to anyone. We send a link to confirm it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", **_HANDLE_ATTRS}),
    )
    password = forms.CharField(
        strip=False,
        help_text="At least 8 characters; a few unrelated words make a strong password.",
        widget=_password("new-password"),
    )
    password_again = forms.CharField(
        label="Password again", strip=False, widget=_password("new-password")
    )
    display_name = forms.CharField(
        required=False,
        max_length=DISPLAY_NAME_MAX,
        help_text="Shown beside your posts instead of your username. You can change it later.",
        widget=_text(autocomplete="nickname"),
    )
    agree = forms.BooleanField(
        label="I am 18 or older and I agree to the terms of use",
        error_messages={
            "required": (
                "Tick this box to join: members must be 18 or older and agree to the terms."
            )
        },
    )

    def rules(self) -> dict[str, Rule]:
        return {
            "username": actions.clean_new_username,
            "email": actions.clean_email,
            "display_name": actions.clean_display_name,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        password = data.get("password")
        if not password:
            return data
        if data.get("password_again") is not None and password != data["password_again"]:
            self.add_error("password_again", "The two passwords are not the same.")
        try:
            actions.check_new_password(
                password,
                username=data.get("username", ""),
                email=data.get("email", ""),
                display_name=data.get("display_name", ""),
            )
        except ActionError as error:
            self.add_error("password", error.message)
        return data


class LoginForm(SpamGuard, AuthenticationForm):
    """Log in with a username, in any letter case, or with the email address."""

    username = forms.CharField(
        label="Username or email address",
        max_length=254,
        widget=_text(autocomplete="username", autofocus="", **_HANDLE_ATTRS),
    )
    password = forms.CharField(strip=False, widget=_password("current-password"))

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That username or email address and password do not match an account. "
            "Passwords are case-sensitive. If you have just signed up, open the link in "
            "the email we sent you first: it creates your account."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Django sizes this field for usernames; email addresses may be longer.
        self.fields["username"].widget.attrs["maxlength"] = 254

    def clean(self) -> dict[str, Any]:
        identifier = (self.cleaned_data.get("username") or "").strip()
        if identifier:
            lookup = {"email__iexact" if "@" in identifier else "username__iexact": identifier}
            stored = User.objects.filter(**lookup).values_list("username", flat=True).first()
            # An unknown name is passed on unchanged: authentication then fails as usual.
            self.cleaned_data["username"] = stored or identifier
        return super().clean()


class ResetPasswordForm(SpamGuard, PasswordResetForm):
    """Django's reset form, sending our plain-text email through the task queue."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", **_HANDLE_ATTRS}),
    )

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject, body = emails.password_reset_email(
            user=context["user"], uidb64=context["uid"], token=context["token"]
        )
        send_email_after_commit(to=to_email, subject=subject, body=body)


class NewPasswordForm(SetPasswordForm):
    """Choosing a new password from a reset link, which also proves the address is theirs."""

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=False)
        user.email_confirmed = True
        if commit:
            user.save()
        return user


class ProfileForm(ActionForm):
    display_name = forms.CharField(
        required=False,
        max_length=DISPLAY_NAME_MAX,
        help_text=(
            "Shown beside your posts instead of your username. Leave empty to use your username."
        ),
        widget=_text(autocomplete="nickname"),
    )
    about = forms.CharField(
        label="About you",
        required=False,
        max_length=ABOUT_MAX,
        help_text=(
            "Shown on your public profile. Markdown works. "
            "Think twice before sharing details that could identify you."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def rules(self) -> dict[str, Rule]:
        return {"display_name": actions.clean_display_name, "about": actions.clean_about}


class EmailChangeForm(ActionForm):
    new_email = forms.EmailField(
        label="New email address",
        max_length=254,
        help_text=(
            "We send a link to the new address; until you open it, the address is unconfirmed."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email", **_HANDLE_ATTRS}),
    )
    password = forms.CharField(
        label="Your current password", strip=False, widget=_password("current-password")
    )

    def __init__(self, *args: Any, member: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.member = member

    def rules(self) -> dict[str, Rule]:
        return {
            "new_email": lambda value: actions.clean_new_email(self.member, value),
            "password": lambda value: actions.check_current_password(self.member, value),
        }


_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CredentialForm(ActionForm):
    """A member's application as a verified professional."""

    profession = forms.CharField(
        max_length=80,
        help_text="As your licence names it, for example “Licensed clinical psychologist”. "
        "It is shown in your badge.",
        widget=_text(autocomplete="organization-title"),
    )
    licence_number = forms.CharField(
        label="Licence or registration number",
        max_length=60,
        help_text="Only staff see it.",
        widget=_text(autocomplete="off", **_HANDLE_ATTRS),
    )
    jurisdiction = forms.CharField(
        max_length=80,
        help_text="Where the licence holds, for example “Ontario”. It is shown in your badge.",
        widget=_text(autocomplete="off"),
    )
    regulator = forms.CharField(
        max_length=120,
        help_text="The body that keeps the public register, for example “College of "
        "Psychologists of Ontario”.",
        widget=_text(autocomplete="off"),
    )
    register_url = forms.CharField(
        label="Link to your entry on the public register",
        required=False,
        max_length=500,
        help_text="Optional, and only staff see it; it helps them find you.",
        widget=forms.URLInput(attrs={"autocomplete": "url", **_HANDLE_ATTRS}),
    )
    expires_on = forms.DateField(
        label="Licence expiry date",
        help_text="Your badge lapses on this date; apply again once the licence is renewed.",
        widget=_DATE,
    )

    def rules(self) -> dict[str, Rule]:
        rules: dict[str, Rule] = {
            field: partial(actions.clean_credential_text, field=field)
            for field in actions.CREDENTIAL_FIELDS
        }
        rules["register_url"] = actions.clean_register_url
        rules["expires_on"] = actions.clean_licence_expiry
        return rules


class VerifyCredentialForm(ActionForm):
    """An administrator verifies an application, with what the public register shows."""

    expires_on = forms.DateField(
        label="Licence expiry date, as the register shows it",
        help_text="The badge lapses on this date.",
        widget=_DATE,
    )
    checked = forms.BooleanField(
        label="I found this licence, current and under this name, on the regulator's public "
        "register",
        error_messages={"required": "Verify only what you found on the public register."},
    )

    def rules(self) -> dict[str, Rule]:
        return {"expires_on": actions.clean_licence_expiry}


class DeclineCredentialForm(ActionForm):
    reason = forms.CharField(
        label="Why it is declined",
        max_length=actions.DECLINE_REASON_MAX,
        help_text="The member reads this, and can apply again.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def rules(self) -> dict[str, Rule]:
        return {"reason": actions.clean_decline_reason}
