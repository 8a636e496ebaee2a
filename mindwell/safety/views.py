"""Safety's pages: the "may need support" list for helpers, a moderator's reply from a
template, and a member's reader settings. (The support page after posting is in support.py;
help resources in regions.)"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from mindwell.core.errors import ActionError, NotFound
from mindwell.moderation.models import ReviewItem
from mindwell.qa.models import Post
from mindwell.safety import actions, policy
from mindwell.safety.forms import ReaderControlsForm, suggested_tags
from mindwell.safety.models import ReplyTemplate, SupportAlert, SupportHelper

LIST_LENGTH = 50


@login_required
def support_list(request: HttpRequest) -> HttpResponse:
    if not policy.can_see_support_list(request.user):
        raise NotFound("There is no such page.")
    questions: Any = actions.marked_questions()
    helping = SupportHelper.objects.filter(user_id=request.user.pk or 0).exists()
    alerts = (
        SupportAlert.objects.filter(
            answered_at__isnull=True, question__deleted_at__isnull=True,
            question__answer_count=0,
        ).select_related("question").order_by("created_at")
        if helping else SupportAlert.objects.none()
    )  # fmt: skip
    context = {
        "questions": list(questions[:LIST_LENGTH]),
        "alerts": list(alerts),
        "helping": helping,
        "unanswered_hours": settings.MINDWELL_SUPPORT_UNANSWERED_HOURS,
    }
    return render(request, "safety/support_list.html", context)


@login_required
@require_POST
def support_helping(request: HttpRequest) -> HttpResponse:
    if request.POST.get("helping") == "on":
        actions.opt_in(user=request.user)  # type: ignore[arg-type]
        messages.success(request, "You will see marked questions that wait for an answer here.")
    else:
        actions.opt_out(user=request.user)  # type: ignore[arg-type]
        messages.success(request, "You will no longer be told of unanswered marked questions.")
    return redirect("safety:support_list")


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply", widget=forms.Textarea(attrs={"rows": 12}), max_length=4000,
        help_text="Make it yours: use their words, say what you noticed, keep it short.",
    )  # fmt: skip
    send_as = forms.ChoiceField(
        label="Send it as",
        choices=[
            ("message", "A private message to the author"),
            ("answer", "An answer on the question, signed with your name"),
        ],
        widget=forms.RadioSelect,
        initial="message",
    )


@login_required
def reply(request: HttpRequest, item_id: str) -> HttpResponse:
    item = ReviewItem.objects.filter(pk=int(item_id) if item_id.isdigit() else 0).first()
    target = item.target if item is not None else None
    if item is None or target is None or not policy.can_reply_from_template(request.user, target):
        raise NotFound("There is no such item.")
    templates = list(ReplyTemplate.objects.filter(active=True))
    chosen = next((t for t in templates if str(t.pk) == request.GET.get("template")), None)
    initial = {
        "body": chosen.body if chosen else "",
        "send_as": "message" if target.author_id else "answer",
    }
    form = ReplyForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            actions.reply_from_template(
                by=request.user, item=target,  # type: ignore[arg-type]
                body=form.cleaned_data["body"], send_as=form.cleaned_data["send_as"],
            )  # fmt: skip
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            status = error.status
        else:
            messages.success(request, "Your reply is sent.")
            return redirect("moderation:item", item_id=item.pk)
    if form.errors and status == 200:
        status = 400
    context = {
        "item": item, "target": target, "templates": templates, "chosen": chosen,
        "form": form, "is_question": isinstance(target, Post) and target.is_question,
    }  # fmt: skip
    return render(request, "safety/reply.html", context, status=status)


def item_page_extras(item: ReviewItem, user: Any) -> Any:
    """What the review item page shows from safety: why screening marked it, and the way to
    reply from a template."""
    from mindwell.moderation.extensions import ItemExtras
    from mindwell.safety.models import Screening

    extras = ItemExtras()
    target = item.target
    if target is None:
        return extras
    found = Screening.objects.filter(
        Q(comment_id=item.comment_id) if item.comment_id else Q(post_id=item.post_id)
    ).order_by("-pk")[:3]
    for screening in found:
        label = "may need support, " if screening.support else ""
        extras.notes.append(
            f"Screening ({screening.what}): {label}{screening.get_outcome_display().lower()}"
            f" - {'; '.join(screening.reasons) or 'no reason recorded'}"
        )
    if item.queue == "safety" and policy.can_reply_from_template(user, target):
        extras.links.append(("Reply from a template", reverse("safety:reply", args=[item.pk])))
    return extras


@login_required
@require_http_methods(["GET", "POST"])
def reader_settings(request: HttpRequest) -> HttpResponse:
    """A member's muted words and hidden tags."""
    member: Any = request.user
    suggestions = suggested_tags()
    if request.method == "POST":
        form = ReaderControlsForm(request.POST, suggestions=suggestions)
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = actions.save_reader_controls(
                    user=member, phrases=data["phrases"],
                    tags=[tag.name for tag in data["hidden_tags"]],
                )  # fmt: skip
            except ActionError as error:
                form.add_action_error(error)
            else:
                messages.success(
                    request,
                    "Your reader settings are saved."
                    if saved
                    else "Your reader settings are saved: nothing is hidden from you.",
                )
                return redirect("reader_settings")
    else:
        current = actions.current_controls(user=member)
        names = [tag.name for tag in current.tags]
        form = ReaderControlsForm(
            initial={
                "phrases": "\n".join(current.phrases),
                "suggested": [name for name in names if name in suggestions],
                "tags": " ".join(name for name in names if name not in suggestions),
            },
            suggestions=suggestions,
        )
    status = 400 if form.errors else 200
    return render(request, "safety/reader_settings.html", {"form": form}, status=status)
