"""Parsing of the forms for moderating members; the rules are the actions' own."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from mindwell.core.forms import ActionForm, Rule
from mindwell.moderation.actions import members as actions
from mindwell.moderation.addresses import NO_NETWORK, clean_network
from mindwell.moderation.models import NOTE_MAX

DURATIONS = [
    ("1", "1 day"),
    ("3", "3 days"),
    ("7", "1 week"),
    ("30", "30 days"),
    ("365", "1 year"),
    ("date", "Until a date"),
]


class SuspendForm(ActionForm):
    duration = forms.ChoiceField(
        choices=DURATIONS, initial="7", widget=forms.RadioSelect, label="How long"
    )
    until = forms.DateField(
        required=False,
        label="End date (for “Until a date”)",
        help_text="The suspension ends at the start of this day (UTC).",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(
        max_length=actions.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason",
        error_messages={"required": actions.NO_REASON},
        help_text="The member sees it on every page until the suspension ends.",
    )

    def rules(self) -> dict[str, Rule]:
        return {"reason": actions.clean_reason}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("duration") == "date" and not data.get("until"):
            self.add_error("until", "Choose the end date.")
        return data

    def length(self) -> dict[str, Any]:
        """`days` or `until`, as suspend_member takes them."""
        data = self.cleaned_data
        if data["duration"] != "date":
            return {"days": int(data["duration"])}
        start = datetime.combine(data["until"], time.min)
        return {"until": timezone.make_aware(start, timezone.get_current_timezone())}


class LiftForm(ActionForm):
    reason = forms.CharField(
        max_length=actions.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why lift it now",
        error_messages={"required": actions.NO_REASON},
        help_text="For the audit log and the other moderators.",
    )

    def rules(self) -> dict[str, Rule]:
        return {"reason": actions.clean_reason}


class MessageForm(ActionForm):
    body = forms.CharField(
        max_length=actions.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        label="Message",
        error_messages={"required": actions.NO_MESSAGE},
        help_text="Markdown works. Only this member and the moderators can read it; the "
        "email we send them says only that there is a message.",
    )

    def rules(self) -> dict[str, Rule]:
        return {"body": actions.clean_message_body}


class BlockRangeForm(ActionForm):
    network = forms.CharField(
        max_length=50,
        label="Address or range",
        error_messages={"required": NO_NETWORK},
        help_text="One address (192.0.2.7) or a CIDR range (192.0.2.0/24, 2001:db8::/48); "
        "at most a /16 of IPv4 or a /48 of IPv6.",
    )
    reason = forms.CharField(
        max_length=NOTE_MAX, label="Reason", error_messages={"required": actions.NO_REASON}
    )
    days = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=actions.MAX_DAYS,
        label="For how many days",
        help_text="Leave it empty to block until someone unblocks it.",
    )

    def rules(self) -> dict[str, Rule]:
        return {"network": clean_network, "reason": actions.clean_reason}
