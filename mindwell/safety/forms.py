"""Forms parse what a visitor sent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from mindwell.safety.models import Region
from mindwell.safety.regions import chosen_region

FROM_BROWSER = "browser"  # forget the choice, decide from the languages again


class RegionChoiceForm(forms.Form):
    """The country picker of "Need help now?"."""

    region = forms.ChoiceField(
        label="Your country",
        error_messages={
            "invalid_choice": "Choose a country from the list.",
            "required": "Choose a country from the list.",
        },
    )

    def __init__(self, *args: Any, regions: Sequence[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regions = regions
        field = self.fields["region"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (FROM_BROWSER, "Decide from my browser's language"),
            *((region.code, region.name) for region in regions),
        ]

    def chosen(self) -> Region | None:
        """The region chosen, or None to decide from the browser again. Call when valid."""
        code = self.cleaned_data["region"]
        return None if code == FROM_BROWSER else chosen_region(code, self.regions)
