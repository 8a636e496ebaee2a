"""Account pages. Each view parses its input, calls one action, then renders or redirects."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mindwell.accounts import actions, policy
from mindwell.accounts.access import access_confirmation, access_pending_signup
from mindwell.accounts.forms import (
    EmailChangeForm,
    LoginForm,
    ProfileForm,
    ResetPasswordForm,
    SignupForm,
)
from mindwell.accounts.models import User
from mindwell.core import ratelimit
from mindwell.core.antispam import refused_as_automated
from mindwell.core.errors import ActionError

_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _member(request: HttpRequest) -> User:
    """The logged-in member; call only behind login_required."""
    assert isinstance(request.user, User)
    return request.user


def _next_url(request: HttpRequest) -> str:
    """Where a member who opens the sign-up page goes: a local `next`, else the landing page."""
    candidate = request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_next_url(request))
    form = SignupForm(request.POST or None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ratelimit.hit("signup", request=request)
            # None when the address already has an account: its owner is emailed, and
            # this visitor is answered exactly as a new member is.
            actions.sign_up(
                username=data["username"],
                email=data["email"],
                password=data["password"],
                display_name=data["display_name"],
            )
        except ActionError as error:
            form.add_action_error(error)
            refusal = error
        else:
            return redirect("accounts:signup_done")
    status = refusal.status if refusal else 400 if refused_as_automated(form) else 200
    page = render(request, "accounts/signup.html", {"form": form}, status=status)
    return ratelimit.with_retry_after(page, refusal)


@require_GET
def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


def _link_not_working(request: HttpRequest, error: ActionError) -> HttpResponse:
    """An emailed link (sign-up, address confirmation) that is malformed, expired or used."""
    return render(
        request,
        "accounts/confirm_email_invalid.html",
        {"message": error.message},
        status=error.status,
    )


@require_http_methods(["GET", "POST"])
def complete_signup(request: HttpRequest, token: str) -> HttpResponse:
    # GET only shows a button: mail scanners that open links must not create accounts.
    try:
        if request.method == "POST":
            member = actions.complete_sign_up(token=token)
        else:
            pending = access_pending_signup(token)
    except ActionError as error:
        return _link_not_working(request, error)
    if request.method == "GET":
        return render(
            request, "accounts/complete_signup.html", {"pending": pending, "token": token}
        )
    login(request, member, backend=_MODEL_BACKEND)
    messages.success(
        request, f"Welcome to {settings.SITE_NAME}, {member.public_name}: your account is ready."
    )
    return redirect("qa:home")


@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    # GET only shows a button: mail scanners that open links must not confirm anything.
    try:
        if request.method == "POST":
            actions.confirm_email(token=token)
        else:
            confirmation = access_confirmation(token)
    except ActionError as error:
        return _link_not_working(request, error)
    if request.method == "GET":
        return render(
            request,
            "accounts/confirm_email.html",
            {"confirmation": confirmation, "token": token},
        )
    messages.success(request, "Thank you: your email address is confirmed.")
    if request.user.is_authenticated:
        return redirect("accounts:settings")
    return redirect("accounts:login")


def _render_settings(
    request: HttpRequest,
    *,
    profile_form: ProfileForm | None = None,
    email_form: EmailChangeForm | None = None,
) -> HttpResponse:
    member = _member(request)
    if profile_form is None:
        profile_form = ProfileForm(
            initial={"display_name": member.display_name, "about": member.about}
        )
    context: dict[str, Any] = {
        "member": member,
        "profile_form": profile_form,
        "email_form": email_form or EmailChangeForm(member=member),
        "badge": policy.professional_badge(member),
        "reviews_credentials": policy.may_review_credentials(member),
    }
    return render(request, "accounts/settings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _render_settings(request)
    form = ProfileForm(request.POST)
    if form.is_valid():
        try:
            actions.update_profile(
                user=_member(request),
                display_name=form.cleaned_data["display_name"],
                about=form.cleaned_data["about"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:settings")
    return _render_settings(request, profile_form=form)


@login_required
@require_POST
def change_email(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST, member=_member(request))
    if form.is_valid():
        try:
            actions.change_email(
                user=_member(request),
                new_email=form.cleaned_data["new_email"],
                password=form.cleaned_data["password"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(
                request,
                "We have sent a link to the new address. Your address changes when you open it.",
            )
            return redirect("accounts:settings")
    return _render_settings(request, email_form=form)


@login_required
@require_POST
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    try:
        actions.resend_confirmation(user=_member(request))
    except ActionError as error:
        messages.info(request, error.message)
    else:
        messages.success(request, "We have sent you a new confirmation link.")
    return redirect("accounts:settings")


class LoginView(auth_views.LoginView):
    """Django's log-in, with failed tries limited (the "login" rate limit): per name tried
    from one address, and per address. Only failures count; once a window is full every
    try is refused with 429, the right password too, until the window passes. A name is
    counted whether or not it has an account, so the refusal tells nothing about which
    names exist."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        ratelimit.check("login", request=request, key=self._name_tried())
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        if form.has_error(NON_FIELD_ERRORS, "invalid_login"):
            ratelimit.hit("login", request=self.request, key=self._name_tried())
        response = super().form_invalid(form)
        if refused_as_automated(form):
            response.status_code = 400
        return response

    def _name_tried(self) -> str:
        return self.request.POST.get("username", "").strip().casefold()


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited (the "password_reset" rate limit) per address asked
    for and per asking address, before any email is sent. The address is counted whether or
    not it has an account, so the answer is the same either way."""

    form_class = ResetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"].strip().casefold()
        ratelimit.hit("password_reset", request=self.request, key=email)
        return super().form_valid(form)

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        if refused_as_automated(form):
            response.status_code = 400
        return response


@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    # GET only asks: a link (or a prefetch) must not log anyone out.
    if request.method == "GET":
        return render(request, "registration/logout.html")
    was_member = request.user.is_authenticated
    logout(request)
    if was_member:
        # Kept in the visitor's own messages cookie, so the page they land on is rendered
        # for them (the page cache passes any visitor with such a cookie to Django).
        messages.success(request, "You have logged out.")
    return redirect(settings.LOGOUT_REDIRECT_URL)


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accounts:settings")
    success_message = "Your password is changed."
