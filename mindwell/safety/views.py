"""Safety's pages: a member's reader settings (what they do: reader.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from mindwell.core.errors import ActionError
from mindwell.safety import actions
from mindwell.safety.forms import ReaderControlsForm, suggested_tags


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
