"""Verified professionals' pages: a member's application and its status, and the
administrators' list of applications with the decision on each. None is ever stored by the
page cache (they are for one signed-in person)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mindwell.accounts import actions, policy
from mindwell.accounts.access import NO_SUCH_APPLICATION, access_credential
from mindwell.accounts.forms import CredentialForm, DeclineCredentialForm, VerifyCredentialForm
from mindwell.accounts.models import LIVE_STATUSES, Credential, User
from mindwell.core.errors import ActionError, NotFound
from mindwell.core.pagination import keyset_page

APPLICATIONS_PER_PAGE = 50


def _member(request: HttpRequest) -> User:
    """The logged-in member; call only behind login_required."""
    assert isinstance(request.user, User)
    return request.user


def _render_own(
    request: HttpRequest, *, form: CredentialForm | None = None, status: int = 200
) -> HttpResponse:
    member = _member(request)
    # A live credential is always the member's newest: one is made only when none is live.
    credentials = list(member.credentials.order_by("-id")[:2])
    live = next((c for c in credentials if c.status in LIVE_STATUSES), None)
    earlier = next((c for c in credentials if c is not live), None)
    may_apply = live is None or not live.has_details
    context: dict[str, Any] = {
        "member": member,
        "live": live,
        "earlier": earlier,
        "badge": policy.professional_badge(member),
        # A form that came back with problems is shown whatever the state (its message says
        # why); a fresh one only to a member who may apply.
        "form": form or (CredentialForm() if may_apply else None),
    }
    return render(request, "accounts/professional.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def professional(request: HttpRequest) -> HttpResponse:
    """A member's own application: its status, and the form to apply."""
    if request.method == "GET":
        return _render_own(request)
    form = CredentialForm(request.POST)
    if not form.is_valid():
        return _render_own(request, form=form, status=400)
    try:
        actions.apply_as_professional(member=_member(request), **form.cleaned_data)
    except ActionError as error:
        form.add_action_error(error)
        return _render_own(request, form=form, status=error.status)
    messages.success(
        request, "Thank you: your application is sent. Staff will check it against the register."
    )
    return redirect("accounts:professional")


@login_required
@require_POST
def withdraw(request: HttpRequest) -> HttpResponse:
    try:
        credential = actions.withdraw_credential(member=_member(request))
    except ActionError as error:
        messages.error(request, error.message)
        return _render_own(request, status=error.status)
    if credential.verified_at:
        messages.success(
            request, "Your credential is withdrawn: the badge is gone from your posts."
        )
    else:
        messages.success(request, "Your application is withdrawn.")
    return redirect("accounts:professional")


def _require_reviewer(request: HttpRequest) -> None:
    if not policy.may_review_credentials(request.user):
        raise NotFound(NO_SUCH_APPLICATION)


@login_required
@require_GET
def applications(request: HttpRequest) -> HttpResponse:
    """The applications waiting for an administrator, newest first."""
    _require_reviewer(request)
    waiting = Credential.objects.waiting_for_staff().select_related("member")
    page = keyset_page(waiting, request.GET, field=None, size=APPLICATIONS_PER_PAGE)
    return render(request, "accounts/applications.html", {"page": page})


def _render_application(
    request: HttpRequest,
    credential: Credential,
    *,
    verify_form: VerifyCredentialForm | None = None,
    decline_form: DeclineCredentialForm | None = None,
    status: int = 200,
) -> HttpResponse:
    history = (
        Credential.objects.filter(member_id=credential.member_id)
        .exclude(pk=credential.pk)
        .order_by("-id")
    )
    context = {
        "credential": credential,
        "history": history,
        "verify_form": verify_form
        or VerifyCredentialForm(initial={"expires_on": credential.expires_on}),
        "decline_form": decline_form or DeclineCredentialForm(),
    }
    return render(request, "accounts/application.html", context, status=status)


@login_required
@require_GET
def application(request: HttpRequest, credential_id: int) -> HttpResponse:
    return _render_application(request, access_credential(request.user, credential_id))


@login_required
@require_POST
def verify(request: HttpRequest, credential_id: int) -> HttpResponse:
    credential = access_credential(request.user, credential_id)
    form = VerifyCredentialForm(request.POST)
    if not form.is_valid():
        return _render_application(request, credential, verify_form=form, status=400)
    try:
        actions.verify_credential(
            credential=credential, by=_member(request), expires_on=form.cleaned_data["expires_on"]
        )
    except ActionError as error:
        form.add_action_error(error)
        return _render_application(request, credential, verify_form=form, status=error.status)
    messages.success(request, f"{credential.member.public_name} is verified.")
    return redirect("accounts:applications")


@login_required
@require_POST
def decline(request: HttpRequest, credential_id: int) -> HttpResponse:
    credential = access_credential(request.user, credential_id)
    form = DeclineCredentialForm(request.POST)
    if not form.is_valid():
        return _render_application(request, credential, decline_form=form, status=400)
    try:
        actions.decline_credential(
            credential=credential, by=_member(request), reason=form.cleaned_data["reason"]
        )
    except ActionError as error:
        form.add_action_error(error)
        return _render_application(request, credential, decline_form=form, status=error.status)
    messages.success(request, f"The application from {credential.member.public_name} is declined.")
    return redirect("accounts:applications")
