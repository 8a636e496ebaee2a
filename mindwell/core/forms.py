from collections.abc import Callable
from typing import Any

from django import forms

from mindwell.core.errors import ActionError

Rule = Callable[[Any], Any]


class ActionForm(forms.Form):
    """A form whose input goes on to an action; the action's refusals land on the right field.

    `rules()` maps a field to the action's own check of it (a function that returns the
    clean value or raises ActionError). Each runs as part of the form's validation, beside
    the field's own, so a person sees every problem at once rather than one per try; the
    action still enforces the same rules for every caller."""

    def rules(self) -> dict[str, Rule]:
        return {}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, rule in self.rules().items():
            if name in data:  # present on this form, and parsed
                try:
                    data[name] = rule(data[name])
                except ActionError as error:
                    self.add_error(name, error.message)
        return data

    def add_action_error(self, error: ActionError) -> None:
        field = error.field if error.field in self.fields else None
        self.add_error(field, error.message)


# At most this many confirmed keys, each at most this long, are read from a form.
CONFIRMED_MAX, CONFIRMED_KEY_MAX = 10, 100


class ConfirmedField(forms.Field):
    """The keys of what the person said "go ahead" to (core.errors.NeedsConfirmation), kept
    in hidden fields from one sending of the form to the next; the button that confirms
    adds its key. Cleans to a frozenset, empty when nothing was confirmed."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def to_python(self, value: Any) -> frozenset[str]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return frozenset(str(key)[:CONFIRMED_KEY_MAX] for key in values[:CONFIRMED_MAX] if key)
