"""Following: the Follow buttons of question, tag, category and profile pages (a form that
works without JavaScript, and in place with it), and the page of what a member follows."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from mindwell.accounts.policy import is_member
from mindwell.core.errors import ActionError
from mindwell.core.middleware import wants_json
from mindwell.core.pagination import keyset_page
from mindwell.notifications import follows
from mindwell.notifications.access import access_follow_target
from mindwell.notifications.forms import FollowForm
from mindwell.notifications.views import local_url
from mindwell.qa import policy

PAGE_SIZE = 30


def _page_of(target: str, obj: Any) -> str:
    """Where a follow button for `obj` lives: where a member goes back to."""
    if target == "question":
        return str(obj.get_absolute_url())
    if target == "tag":
        return reverse("qa:tag", kwargs={"name": obj.name})
    if target == "category":
        return reverse("qa:category", kwargs={"slug": obj.slug})
    return reverse("qa:profile", kwargs={"username": obj.username})


@require_POST
def follow(request: HttpRequest) -> HttpResponse:
    form = FollowForm(request.POST)
    back = request.POST.get("next", "")
    if not is_member(request.user):
        error = ActionError("Log in to follow.", status=401)
        if wants_json(request):
            return JsonResponse({"error": error.message}, status=error.status)
        query = urlencode({"next": local_url(request, back, fallback=reverse("qa:home"))})
        return redirect(f"{reverse('accounts:login')}?{query}")
    if not form.is_valid():
        problem = next(str(e) for errors in form.errors.values() for e in errors)
        raise ActionError(problem)
    target, obj = access_follow_target(request.user, form.cleaned_data["target"])
    following = form.cleaned_data["follow"] == "yes"
    back = local_url(request, form.cleaned_data["next"], fallback=_page_of(target, obj))
    try:
        follows.set_following(request.user, target, obj, following=following)
    except ActionError as error:
        if wants_json(request):
            return JsonResponse({"error": error.message}, status=error.status)
        messages.error(request, error.message)
        return redirect(back)
    said = follows.said(target, obj, following=following)
    if wants_json(request):
        return JsonResponse({"following": following, "message": said})
    messages.success(request, said)
    return redirect(back)


@login_required
@require_GET
def following_page(request: HttpRequest, tab: str = "questions") -> HttpResponse:
    """What the member follows, a tab per kind, with a button to unfollow each."""
    if tab not in follows.LISTS:
        raise Http404("There is no such list.")
    member: Any = request.user
    label, target = follows.LISTS[tab]
    counts = follows.counts(member)
    page = keyset_page(
        follows.followed_by(member, target), request.GET, field=None, size=PAGE_SIZE,
        total=counts[tab],
    )  # fmt: skip
    for row in page.items:
        row.shown = getattr(row, target)
        # A question since hidden or deleted is listed without its title.
        row.seen = target != "question" or policy.can_see(member, row.question)
    tabs = [(key, name, counts[key], _tab_url(key)) for key, (name, _) in follows.LISTS.items()]
    context = {
        "page": page, "tab": tab, "tab_label": label, "target": target, "tabs": tabs,
        "here": "following",
    }  # fmt: skip
    return render(request, "notifications/following.html", context)


def _tab_url(tab: str) -> str:
    if tab == "questions":
        return reverse("notifications:following")
    return reverse("notifications:following_tab", kwargs={"tab": tab})
