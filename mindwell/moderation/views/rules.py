"""Moderation pages: rules. The spam and pre-moderation rules (the switches, the link
limit) and the watched words, on one page for moderators."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from mindwell.core.errors import ActionError, NotFound
from mindwell.core.forms import ActionForm
from mindwell.moderation import policy, rules
from mindwell.moderation.actions import rules as actions
from mindwell.moderation.models import WatchedWord
from mindwell.qa.access import parse_id


class RulesForm(ActionForm):
    premoderate_guests = forms.BooleanField(
        required=False, label="Guests' posts and comments wait for a moderator's approval"
    )
    premoderate_first_posts = forms.BooleanField(
        required=False, label="A member's first post or comment waits for approval"
    )
    premoderate_watched_words = forms.BooleanField(
        required=False, label="Posts and comments containing a watched word wait for approval"
    )
    link_limit = forms.IntegerField(
        min_value=0, max_value=actions.LINK_LIMIT_MAX, label="Links allowed in one post",
        help_text="For guests and for members with fewer points than below; more is refused.",
    )  # fmt: skip
    link_limit_points = forms.IntegerField(
        min_value=0, max_value=actions.LINK_POINTS_MAX, label="Points that lift the link limit",
        help_text="Members with at least this many points, and moderators, are not limited.",
    )  # fmt: skip


class WatchedWordForm(ActionForm):
    phrase = forms.CharField(
        max_length=actions.PHRASE_MAX, label="Word or phrase to watch",
        help_text="Matched as whole words, in any letter case, in titles and text.",
    )  # fmt: skip


def _moderator(request: HttpRequest) -> Any:
    if not policy.can_edit_watched_words(request.user):
        raise NotFound("That page does not exist.")
    return request.user


def _page(
    request: HttpRequest,
    *,
    rules_form: RulesForm | None = None,
    word_form: WatchedWordForm | None = None,
    status: int = 200,
) -> HttpResponse:
    current = rules.current()
    initial = {field: getattr(current, field) for field in RulesForm.base_fields}
    context = {
        "rules_form": rules_form or RulesForm(initial=initial),
        "word_form": word_form or WatchedWordForm(),
        "words": WatchedWord.objects.select_related("created_by").order_by("phrase"),
    }
    return render(request, "moderation/rules.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def rules_page(request: HttpRequest) -> HttpResponse:
    moderator = _moderator(request)
    if request.method == "GET":
        return _page(request)
    form = RulesForm(request.POST)
    if form.is_valid():
        try:
            actions.change_rules(by=moderator, **form.cleaned_data)
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, "The rules are saved: they apply to the next post.")
            return redirect("moderation:rules")
    return _page(request, rules_form=form, status=400)


@never_cache
@require_POST
def add_watched_word(request: HttpRequest) -> HttpResponse:
    moderator = _moderator(request)
    form = WatchedWordForm(request.POST)
    if form.is_valid():
        try:
            word = actions.add_watched_word(by=moderator, phrase=form.cleaned_data["phrase"])
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, f"“{word.phrase}” is watched now.")
            return redirect("moderation:rules")
    return _page(request, word_form=form, status=400)


@never_cache
@require_POST
def remove_watched_word(request: HttpRequest, word_id: str) -> HttpResponse:
    moderator = _moderator(request)
    actions.remove_watched_word(by=moderator, word_id=parse_id(word_id))
    messages.success(request, "The word is no longer watched.")
    return redirect("moderation:rules")


urlpatterns = [
    path("rules/", rules_page, name="rules"),
    path("rules/watched-words/", add_watched_word, name="add_watched_word"),
    path(
        "rules/watched-words/<str:word_id>/remove", remove_watched_word, name="remove_watched_word"
    ),
]
