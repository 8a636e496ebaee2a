"""Moderation pages: closing, reopening, locking and protecting questions.

Moderators of a question act at once; trusted members vote. Each page is a plain form
(POST, then a redirect to the question with a message), so none needs JavaScript."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, URLPattern, path, resolve
from django.views.decorators.http import require_http_methods, require_POST

from mindwell.core.errors import ActionError, Forbidden, NotFound
from mindwell.core.forms import ActionForm, Rule
from mindwell.moderation import policy
from mindwell.moderation.actions import closing
from mindwell.moderation.models import CloseVoteKind
from mindwell.qa.access import access_post, access_question, parse_id
from mindwell.qa.models import REMOVAL_NOTE_MAX, CloseReason, Post

QUESTION_VIEWS = ("qa:question", "qa:question_short")
NOT_A_QUESTION = "Give the address of a question on this site, or its number."


def question_reference(raw: str, *, host: str) -> int:
    """The id of the question `raw` names: its number, its address on this site (a path, or a
    full URL on this host), an answer's link included (it names the question)."""
    text = raw.strip()
    if text.isascii() and text.isdigit():
        return parse_id(text)
    parts = urlsplit(text if "://" in text or text.startswith("/") else f"/{text}")
    elsewhere = parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower()
    if (parts.scheme or parts.netloc) and elsewhere:
        raise ActionError(NOT_A_QUESTION, field="duplicate_of")
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        raise ActionError(NOT_A_QUESTION, field="duplicate_of") from None
    if match.view_name not in QUESTION_VIEWS:
        raise ActionError(NOT_A_QUESTION, field="duplicate_of")
    return parse_id(match.kwargs["question_id"])


def find_original(user: Any, raw: str, *, host: str) -> Post:
    """The question a member names as the original of a duplicate, if they may see it. A
    missing one is a problem with the form (400), not a missing page."""
    try:
        return access_post(user, question_reference(raw, host=host))
    except NotFound:
        raise ActionError(
            "There is no question at that address, or it has been removed.", field="duplicate_of"
        ) from None


class CloseForm(ActionForm):
    reason = forms.ChoiceField(
        choices=CloseReason.choices, widget=forms.RadioSelect, label="Why close it?"
    )
    duplicate_of = forms.CharField(
        required=False,
        max_length=500,
        label="The original question (for a duplicate)",
        help_text="Paste its address, or type its number.",
    )
    note = forms.CharField(
        required=False,
        max_length=REMOVAL_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="A note for the asker and readers",
        help_text="Needed for “Other”; shown on the question.",
    )

    def __init__(self, *args: Any, user: Any, host: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.host = user, host
        self.original: Post | None = None

    def rules(self) -> dict[str, Rule]:
        return {"reason": closing.clean_reason}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        reason = data.get("reason")
        try:
            data["note"] = closing.clean_note(data.get("note", ""), reason=reason or "")
        except ActionError as error:
            self.add_action_error(error)
        if reason == CloseReason.DUPLICATE:
            raw = data.get("duplicate_of", "")
            if not raw:
                self.add_error("duplicate_of", "Say which question this one duplicates.")
            else:
                try:
                    self.original = find_original(self.user, raw, host=self.host)
                except ActionError as error:
                    self.add_action_error(error)
        return data


class ReopenForm(ActionForm):
    note = forms.CharField(
        required=False,
        max_length=REMOVAL_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why reopen it? (optional)",
    )


def _may_close_or_vote(user: Any, question: Post) -> bool:
    """Moderators act, trusted members vote; others are told why not (403)."""
    if policy.can_close(user, question):
        return True
    if not policy.can_vote_to_close(user, question):
        raise Forbidden(policy.why_not_vote_to_close(user, question))
    return False


def _my_vote(user: Any, votes: list[Any]) -> Any:
    return next((vote for vote in votes if vote.voter_id == user.pk), None)


def _vote_message(outcome: closing.VoteOutcome, *, kind: str) -> str:
    if outcome.decided:
        return "Your vote closed the question." if kind == "close" else "Your vote reopened it."
    return f"Your vote is counted, {outcome.votes} of {outcome.needed}."


@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, question_id: str) -> HttpResponse:
    question = access_question(request.user, question_id)
    acts_at_once = _may_close_or_vote(request.user, question)
    user: Any = request.user
    posted = request.POST if request.method == "POST" else None  # an empty POST is still one
    form = CloseForm(posted, user=user, host=request.get_host())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        arguments = {
            "question": question, "reason": data["reason"], "duplicate_of": form.original,
            "note": data["note"],
        }  # fmt: skip
        try:
            if acts_at_once:
                closing.close_question(by=user, **arguments)
                message = "The question is closed."
            else:
                outcome = closing.vote_to_close(voter=user, **arguments)
                message = _vote_message(outcome, kind="close")
        except ActionError as error:
            if error.status in (403, 404):
                raise
            form.add_action_error(error)
        else:
            messages.success(request, message)
            return redirect(question)
    votes = closing.live_votes(question, CloseVoteKind.CLOSE)
    reasons = dict(CloseReason.choices)
    context = {
        "question": question, "form": form, "acts_at_once": acts_at_once, "votes": votes,
        "vote_reasons": [(vote, reasons.get(vote.reason, vote.reason)) for vote in votes],
        "my_vote": _my_vote(user, votes), "needed": closing.votes_needed(),
    }  # fmt: skip
    return render(request, "moderation/close.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def reopen(request: HttpRequest, question_id: str) -> HttpResponse:
    question = access_question(request.user, question_id)
    acts_at_once = _may_close_or_vote(request.user, question)
    user: Any = request.user
    form = ReopenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if acts_at_once:
                closing.reopen_question(question=question, by=user, note=form.cleaned_data["note"])
                message = "The question is open again."
            else:
                outcome = closing.vote_to_reopen(question=question, voter=user)
                message = _vote_message(outcome, kind="reopen")
        except ActionError as error:
            if error.status in (403, 404):
                raise
            form.add_action_error(error)
        else:
            messages.success(request, message)
            return redirect(question)
    votes = closing.live_votes(question, CloseVoteKind.REOPEN)
    context = {
        "question": question, "form": form, "acts_at_once": acts_at_once, "votes": votes,
        "my_vote": _my_vote(user, votes), "needed": closing.votes_needed(),
    }  # fmt: skip
    return render(request, "moderation/reopen.html", context, status=400 if form.errors else 200)


def _on_off(request: HttpRequest, name: str) -> bool:
    value = request.POST.get(name, "")
    if value not in ("on", "off"):
        raise ActionError(f"Say whether to turn {name} on or off.")
    return value == "on"


# (state, turned on) -> the action, and what to tell the moderator.
STATE_CHANGES: dict[tuple[str, bool], tuple[Callable[..., Post], str]] = {
    ("locked", True): (closing.lock_thread, "The thread is locked."),
    ("locked", False): (closing.unlock_thread, "The thread is unlocked."),
    ("protected", True): (closing.protect_question, "The question is protected."),
    ("protected", False): (closing.unprotect_question, "The question is no longer protected."),
}


def _state_change(request: HttpRequest, question_id: str, *, name: str) -> HttpResponse:
    question = access_question(request.user, question_id, may=policy.can_close)
    user: Any = request.user
    turn_on = _on_off(request, name)
    action, message = STATE_CHANGES[(name, turn_on)]
    try:
        action(question=question, by=user)
    except ActionError as error:
        if error.status in (403, 404):
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect(question)


@require_POST
def lock(request: HttpRequest, question_id: str) -> HttpResponse:
    """Lock (locked=on) or unlock (locked=off) a thread."""
    return _state_change(request, question_id, name="locked")


@require_POST
def protect(request: HttpRequest, question_id: str) -> HttpResponse:
    """Protect (protected=on) a question, or lift its protection (protected=off)."""
    return _state_change(request, question_id, name="protected")


@require_POST
def retract_close_vote(request: HttpRequest, question_id: str) -> HttpResponse:
    question = access_question(request.user, question_id)
    user: Any = request.user
    if not user.is_authenticated:
        raise Forbidden("Log in to take back a vote.")
    try:
        kind = closing.retract_close_vote(question=question, voter=user)
    except ActionError as error:
        if error.status in (403, 404):
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, f"Your vote to {kind} is taken back.")
    return redirect(question)


urlpatterns: list[URLPattern] = [
    path("question/<str:question_id>/close", close, name="close"),
    path("question/<str:question_id>/reopen", reopen, name="reopen"),
    path("question/<str:question_id>/lock", lock, name="lock"),
    path("question/<str:question_id>/protect", protect, name="protect"),
    path("question/<str:question_id>/retract-vote", retract_close_vote, name="retract_close_vote"),
]
