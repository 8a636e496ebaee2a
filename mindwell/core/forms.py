from django import forms

from mindwell.core.errors import ActionError


class ActionForm(forms.Form):
    """A form whose input goes on to an action; the action's refusals land on the right field."""

    def add_action_error(self, error: ActionError) -> None:
        field = error.field if error.field in self.fields else None
        self.add_error(field, error.message)
