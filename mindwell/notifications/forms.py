"""Forms parse what a member sent; the rules of email settings and follows are the actions'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from mindwell.core.forms import ActionForm, Rule
from mindwell.notifications import actions, preferences
from mindwell.notifications.models import Frequency, Kind

FREQUENCY_PREFIX = "email_"
QUOTE_HELP = (
    "Off unless you turn it on. Emails never name the topic in their subject, but a quote in "
    "the body can be read by anyone who shares your inbox, or on a lock screen's preview."
)


class EmailSettingsForm(ActionForm):
    """A choice of frequency per kind (`email_answer`, ...), the excerpts and the time zone."""

    quote_excerpts = forms.BooleanField(
        required=False, label="Quote a short excerpt of the post in emails", help_text=QUOTE_HELP
    )
    timezone = forms.ChoiceField(
        label="Your time zone",
        error_messages={
            "invalid_choice": "Choose a time zone from the list.",
            "required": "Choose a time zone from the list.",
        },
    )

    def __init__(self, *args: Any, digest_hour: int, kinds: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        for kind in kinds:
            self.fields[self.field_for(kind)] = forms.ChoiceField(
                label=Kind(kind).label,
                choices=Frequency.choices,
                error_messages={
                    "invalid_choice": "Choose at once, a daily digest, a weekly digest or never.",
                    "required": "Choose how to hear of this.",
                },
            )
        zone = self.fields["timezone"]
        assert isinstance(zone, forms.ChoiceField)
        zone.choices = preferences.time_zone_choices()
        zone.help_text = (
            f"Digests come after {digest_hour}:00 in the morning, your time; weekly ones on "
            "Mondays."
        )
        if not self.is_bound and self.initial.get("timezone", "UTC") == "UTC":
            # Still the default: site.js offers the device's own zone (Intl), to be saved.
            zone.widget.attrs["data-guess-timezone"] = ""
        # Quote and time zone after the kinds, as the page shows them.
        self.order_fields([*self.frequency_fields(), "quote_excerpts", "timezone"])

    @staticmethod
    def field_for(kind: str) -> str:
        return FREQUENCY_PREFIX + kind

    def frequency_fields(self) -> list[str]:
        return [self.field_for(kind) for kind in self.kinds]

    def frequency_bound_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.frequency_fields()]

    def rules(self) -> dict[str, Rule]:
        return {"timezone": actions.clean_timezone}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        # A kind we do not send (a tampered or outdated form): say so rather than drop it.
        unknown = [
            name
            for name in self.data
            if name.startswith(FREQUENCY_PREFIX) and name not in self.fields
        ]
        if unknown:
            self.add_error(None, "This form asks about a kind of notification we do not send.")
        return data

    def frequencies(self) -> dict[str, str]:
        """{kind: frequency}; call when valid."""
        return {
            name.removeprefix(FREQUENCY_PREFIX): self.cleaned_data[name]
            for name in self.frequency_fields()
        }


class FollowForm(forms.Form):
    """Follow (`follow=yes`) or unfollow (`no`) one target ("question:12"), then go back to
    `next` (a page of this site)."""

    target = forms.CharField(max_length=40, error_messages={"required": "Say what to follow."})
    follow = forms.ChoiceField(
        choices=[("yes", "Follow"), ("no", "Unfollow")],
        error_messages={
            "invalid_choice": "Say whether to follow or unfollow.",
            "required": "Say whether to follow or unfollow.",
        },
    )
    next = forms.CharField(max_length=500, required=False)


MOST_IDS = 200  # notifications marked read in one go by id (a page holds fewer)


class IdsField(forms.Field):
    """A list of database ids (repeated `name=12`)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        if len(values) > MOST_IDS or not all(
            isinstance(v, str) and v.isascii() and v.isdigit() and len(v) <= 18 for v in values
        ):
            raise forms.ValidationError("That is not a list of notifications.")
        return [int(v) for v in values]


class MarkReadForm(forms.Form):
    """Which of the member's notifications to mark read: some by id, a question's, or all."""

    notification = IdsField(required=False)
    question = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10**18,
        error_messages={
            key: "That is not a question." for key in ("invalid", "min_value", "max_value")
        },
    )
    all = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (
            data.get("notification") or data.get("question") or data.get("all")
        ):
            raise forms.ValidationError("Say which notifications to mark read.")
        return data
