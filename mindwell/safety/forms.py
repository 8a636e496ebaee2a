"""Forms parse what a visitor sent; the rules of the reader settings are the actions'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from mindwell.core.errors import ActionError
from mindwell.core.forms import ActionForm, Rule
from mindwell.safety import actions
from mindwell.safety.models import Region
from mindwell.safety.regions import chosen_region
from mindwell.tags.models import Tag

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


# Tags that readers often want to hide, offered as boxes to tick when the site has them.
SUGGESTED_TAGS = (
    "self-harm",
    "suicide",
    "eating-disorders",
    "abuse",
    "trauma",
    "grief",
    "pregnancy-loss",
)


def suggested_tags() -> list[str]:
    """The suggested tags that exist here, in the order above."""
    existing = set(Tag.objects.filter(name__in=SUGGESTED_TAGS).values_list("name", flat=True))
    return [name for name in SUGGESTED_TAGS if name in existing]


class ReaderControlsForm(ActionForm):
    phrases = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        # Room for every line at its longest: the action says what is wrong with the rest.
        max_length=actions.MAX_PHRASES * (actions.PHRASE_MAX + 2) * 2,
        label="Muted words and phrases",
        help_text=f"One a line, up to {actions.MAX_PHRASES}, each at most "
        f"{actions.PHRASE_MAX} characters. Whole words in any letter case: “cutting” "
        "mutes “Cutting” but not “cuttings”.",
    )
    suggested = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Hide questions with these tags",
    )
    tags = forms.CharField(
        required=False,
        max_length=actions.MAX_HIDDEN_TAGS * 40,
        label="Other tags to hide",
        help_text="Tag names separated by spaces, as the tags page shows them, "
        "e.g. “insomnia breakup”.",
    )

    def __init__(self, *args: Any, suggestions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["suggested"].choices = [(name, name) for name in suggestions]  # type: ignore[attr-defined]

    def rules(self) -> dict[str, Rule]:
        return {"phrases": actions.clean_phrases}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "tags" in data and "suggested" in data:
            typed = data["tags"].replace(",", " ").split()
            try:
                data["hidden_tags"] = actions.clean_hidden_tags([*data["suggested"], *typed])
            except ActionError as error:
                self.add_error("tags", error.message)
        return data
