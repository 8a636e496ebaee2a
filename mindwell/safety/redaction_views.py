"""The moderators' redaction page: remove a passage from a post and its revisions for good."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from mindwell.core.errors import ActionError, NotFound
from mindwell.core.forms import ActionForm, Rule
from mindwell.moderation.extensions import ItemExtras
from mindwell.moderation.models import NOTE_MAX, ReviewItem
from mindwell.qa import actions as qa_actions
from mindwell.qa import policy as qa_policy
from mindwell.qa.access import access_post
from mindwell.qa.models import Post
from mindwell.safety.redaction import redact as redact_action


class RedactForm(ActionForm):
    passage = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=qa_actions.PASSAGE_MAX,
        label="Words to remove",
        help_text="Copy them from the text. Every place they appear, in any letter case, "
        f"becomes “{qa_actions.REDACTED}”: in the text, the title and every earlier revision.",
    )
    reason = forms.CharField(
        required=False,
        max_length=NOTE_MAX,
        label="Why",
        help_text="Written in the audit log. The words removed are written nowhere.",
    )

    def rules(self) -> dict[str, Rule]:
        return {"passage": qa_actions.clean_passage}


@require_http_methods(["GET", "POST"])
@login_required
def redact(request: HttpRequest, post_id: str) -> HttpResponse:
    post = access_post(request.user, post_id, may=qa_policy.can_redact)
    form = RedactForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            done = redact_action(
                post=post, by=request.user,  # type: ignore[arg-type]
                passage=form.cleaned_data["passage"], reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except NotFound:
            raise
        except ActionError as error:
            form.add_action_error(error)
            status = error.status
        else:
            revisions = f"{done.revisions} revision{'s' if done.revisions != 1 else ''}"
            messages.success(request, f"Removed from the post and from {revisions}.")
            return redirect(done.post.get_absolute_url())
    if form.errors and status == 200:
        status = 400
    context = {"form": form, "post": post, "revisions": post.revision_count}
    return render(request, "safety/redact.html", context, status=status)


def item_page_link(item: ReviewItem, user: Any) -> ItemExtras:
    """The review item page's way to redact the post under review, for its moderators."""
    extras = ItemExtras()
    target = item.target
    if isinstance(target, Post) and qa_policy.can_redact(user, target):
        kind = "question" if target.is_question else "answer"
        address = reverse("safety:redact", args=[target.pk])
        extras.links.append((f"Redact a passage of this {kind}", address))
    return extras
