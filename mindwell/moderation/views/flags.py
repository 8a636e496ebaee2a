"""Moderation pages: flags. Flag a post or comment (a page with the form, or JSON for the
in-place form of site.js), the member's own flags with their outcomes, and an author's
request for a second look at what was hidden."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mindwell.accounts.models import User
from mindwell.core import ratelimit
from mindwell.core.errors import ActionError, NotFound
from mindwell.core.middleware import wants_json
from mindwell.core.pagination import keyset_page
from mindwell.moderation import policy
from mindwell.moderation.actions import flags as actions
from mindwell.moderation.forms.flags import FlagForm, ReviewRequestForm
from mindwell.moderation.models import Flag, FlagStatus
from mindwell.qa import policy as qa_policy
from mindwell.qa.access import access_comment, access_post, parse_id
from mindwell.qa.models import Comment, Post


def _member(request: HttpRequest) -> User:
    """The signed-in member of a view behind login_required."""
    assert isinstance(request.user, User)
    return request.user


def _item(user: Any, kind: str, item_id: str, *, held: bool = False) -> Post | Comment:
    """The post or comment `user` may see (with `held`, a hidden comment of their own)."""
    if kind == "post":
        return access_post(user, item_id)
    if kind == "comment":
        return access_comment(user, item_id, deleted=held)
    raise NotFound(qa_policy.NOT_FOUND)


def _item_kwargs(item: Post | Comment) -> dict[str, Any]:
    return {"comment": item} if isinstance(item, Comment) else {"post": item}


def _noun(item: Post | Comment) -> str:
    if isinstance(item, Comment):
        return "comment"
    return "question" if item.is_question else "answer"


def _where_to_go(user: Any, item: Post | Comment) -> str:
    """Back to the item, or, if the flag hid it from this member, to its question or (if that
    went) the member's flags."""
    item.refresh_from_db(fields=["deleted_at", "removal"])
    if not item.is_deleted or policy.moderates(user, item):
        return item.get_absolute_url()
    if isinstance(item, Comment) or not item.is_question:
        return qa_policy.thread_of(item).get_absolute_url()
    return reverse("moderation:my_flags")


def _form_error(request: HttpRequest, form: Any, error: ActionError) -> JsonResponse | None:
    if wants_json(request):
        return JsonResponse({"error": error.message, "field": error.field}, status=error.status)
    form.add_action_error(error)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def flag(request: HttpRequest, kind: str, item_id: str) -> HttpResponse:
    user = _member(request)
    item = _item(user, kind, item_id)
    qa_policy.require(actions.in_public_view(item))
    qa_policy.require(
        policy.can_flag(user, item), message=policy.why_not_flag(user, item), hide=False
    )
    back = item.get_absolute_url()
    form = FlagForm(request.POST or None, item=item, auto_id=f"flag-{kind}-{item.pk}-%s")
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            ratelimit.hit("flag", request=request)  # over the limit: the 429 page, or JSON
            try:
                actions.flag_item(
                    flagger=user,
                    reason=data["reason"],
                    note=data["note"],
                    **_item_kwargs(item),
                )
            except ActionError as error:
                status = error.status
                if (response := _form_error(request, form, error)) is not None:
                    return response
            else:
                done = "Thank you for flagging this: a moderator will look at it."
                if wants_json(request):
                    item.refresh_from_db(fields=["deleted_at", "removal"])
                    return JsonResponse({"message": done, "hidden": item.is_deleted})
                messages.success(request, done)
                return redirect(_where_to_go(user, item))
        elif wants_json(request):
            problems = [str(error) for errors in form.errors.values() for error in errors]
            return JsonResponse({"error": " ".join(problems)}, status=400)
    context = {"form": form, "item": item, "kind": kind, "noun": _noun(item), "back": back}
    return render(request, "moderation/flag.html", context, status=status)


@login_required
@require_POST
def retract_flag(request: HttpRequest, flag_id: str) -> HttpResponse:
    mine = Flag.objects.filter(pk=parse_id(flag_id), flagger_id=request.user.pk).first()
    if mine is None:
        raise NotFound("That flag does not exist.")
    back = reverse("moderation:my_flags")
    try:
        actions.retract_flag(flag=mine, by=_member(request))
    except NotFound:
        raise
    except ActionError as error:
        if wants_json(request):
            return JsonResponse({"error": error.message}, status=error.status)
        messages.error(request, error.message)
        return redirect(back)
    if wants_json(request):
        return JsonResponse({"retracted": mine.pk})
    messages.success(request, "Your flag is retracted.")
    return redirect(back)


@dataclass
class FlagRow:
    """One of the member's flags as their page shows it."""

    flag: Flag
    noun: str
    title: str  # empty when the item is no longer shown to them
    url: str


def _row(user: Any, flag: Flag) -> FlagRow:
    item: Post | Comment | None = flag.post or flag.comment
    assert item is not None
    if isinstance(item, Comment):
        shown = (not item.is_deleted or policy.moderates(user, item)) and qa_policy.can_see(
            user, item.post
        )
    else:
        shown = qa_policy.can_see(user, item)
    if not shown:
        return FlagRow(flag, _noun(item), "", "")
    return FlagRow(flag, _noun(item), qa_policy.thread_of(item).title, item.get_absolute_url())


@login_required
@require_GET
def my_flags(request: HttpRequest) -> HttpResponse:
    flags = Flag.objects.filter(flagger_id=request.user.pk).select_related(
        "post__question", "comment__post__question"
    )
    page = keyset_page(flags, request.GET, field=None, size=settings.MINDWELL_PAGE_SIZE)
    rows = [_row(request.user, flag) for flag in page.items]
    context = {"page": page, "rows": rows, "pending": FlagStatus.PENDING}
    return render(request, "moderation/my_flags.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_review(request: HttpRequest, kind: str, item_id: str) -> HttpResponse:
    user = _member(request)
    item = _item(user, kind, item_id, held=True)
    qa_policy.require(policy.can_request_review(user, item))
    form = ReviewRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                actions.request_review(
                    author=user,
                    note=form.cleaned_data["note"],
                    **_item_kwargs(item),
                )
            except ActionError as error:
                status = error.status
                form.add_action_error(error)
            else:
                messages.success(request, "Thank you: a moderator will look at it again.")
                return redirect(item.get_absolute_url())
    context = {"form": form, "item": item, "kind": kind, "noun": _noun(item)}
    return render(request, "moderation/request_review.html", context, status=status)


urlpatterns = [
    path("flag/<str:kind>/<str:item_id>/", flag, name="flag"),
    path("flags/<str:flag_id>/retract", retract_flag, name="retract_flag"),
    path("flags/mine/", my_flags, name="my_flags"),
    path("review-request/<str:kind>/<str:item_id>/", request_review, name="request_review"),
]
