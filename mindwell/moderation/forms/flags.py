"""Parsing of the flag and review-request forms; the rules are the actions' own."""

from __future__ import annotations

from typing import Any

from django import forms

from mindwell.core.errors import ActionError
from mindwell.core.forms import ActionForm, Rule
from mindwell.moderation.actions import flags as actions
from mindwell.moderation.models import NOTE_MAX


class FlagForm(ActionForm):
    reason = forms.ChoiceField(
        label="What is wrong with it?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what is wrong with it.",
            "invalid_choice": "Choose what is wrong with it.",
        },
    )
    note = forms.CharField(
        required=False,
        max_length=NOTE_MAX,
        label="A note for the moderators",
        help_text="Only moderators read it. Required for “Needs a moderator”.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, item: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item = item
        reason = self.fields["reason"]
        assert isinstance(reason, forms.ChoiceField)
        reason.choices = [(r.value, r.label) for r in actions.reasons_for(item)]

    def choices(self) -> list[dict[str, Any]]:
        """Each kind of flag with what it means, for the radio buttons."""
        chosen = self["reason"].value()
        return [
            {"value": r.value, "label": r.label, "help": actions.REASON_HELP[r],
             "checked": chosen == r.value}
            for r in actions.reasons_for(self.item)
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "reason" in data:
            try:
                data["note"] = actions.clean_note(data["reason"], data.get("note", ""))
            except ActionError as error:
                self.add_error("note", error.message)
        return data


class ReviewRequestForm(ActionForm):
    note = forms.CharField(
        max_length=actions.REVIEW_NOTE_MAX,
        label="Why should it be shown again?",
        help_text="A moderator reads this with your post. Be brief.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def rules(self) -> dict[str, Rule]:
        return {"note": actions.clean_review_note}
