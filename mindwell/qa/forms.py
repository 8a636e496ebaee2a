"""Parsing of the Q&A forms. The rules of the domain live in the actions: each form runs the
action's rule for each of its fields (ActionForm.rules), and errors the action raises later
are attached back to the field they name."""

from __future__ import annotations

from typing import Any

from django import forms

from mindwell.core.antispam import SpamGuard
from mindwell.core.forms import ActionForm, ConfirmedField, Rule
from mindwell.qa import actions
from mindwell.qa.models import (
    BODY_MAX,
    COMMENT_MAX,
    CONTENT_NOTE_MAX,
    EDIT_REASON_MAX,
    GUEST_NAME_MAX,
    TITLE_MAX,
)
from mindwell.tags.actions import parse_tag_names
from mindwell.tags.models import Category

ANONYMOUS_HELP = (
    "Other members will see “Anonymous” instead of your name. It earns you no points, and "
    "votes on it cost you none, so nothing on your profile changes because of it. "
    "Moderators can still see who wrote it, so they can keep the community safe."
)
KEEP_OUT_OF_SEARCH_HELP = (
    "Search engines such as Google are asked not to list this question, so it is harder "
    "to come across from outside Mindwell. Everyone here can still read it."
)
GUEST_EMAIL_HELP = (
    "We email you a private link to edit or delete what you post and, if you tick the box "
    "below, the replies to it once you confirm the address. It is never shown to anyone."
)
NOTIFY_HELP = (
    "We first send a message asking you to confirm the address, and nothing else until you "
    "do. Every email has a link that stops them all."
)


class IdentityForm(ActionForm):
    """How the writer is shown: members may post anonymously, guests may give a name."""

    anonymous = forms.BooleanField(
        required=False, label="Post anonymously", help_text=ANONYMOUS_HELP
    )
    guest_name = forms.CharField(
        required=False,
        max_length=GUEST_NAME_MAX,
        label="Your name to display (optional)",
        help_text="Leave it empty to be shown as “Anonymous”.",
    )
    guest_email = forms.EmailField(
        required=False, label="Email address (optional)", help_text=GUEST_EMAIL_HELP
    )
    notify = forms.BooleanField(
        required=False, label="Email me when someone replies", help_text=NOTIFY_HELP
    )

    def __init__(self, *args: Any, member: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.member = member
        if member:
            del self.fields["guest_name"], self.fields["guest_email"], self.fields["notify"]
        else:
            del self.fields["anonymous"]

    def rules(self) -> dict[str, Rule]:
        return {"guest_name": actions.clean_guest_name, "guest_email": actions.clean_guest_email}

    def identity(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "anonymous": data.get("anonymous", False),
            "guest_name": data.get("guest_name", ""),
            "guest_email": data.get("guest_email", ""),
            "notify": data.get("notify", False),
        }


def content_note_field() -> forms.CharField:
    # The length is the action's rule (clean_content_note), with its message.
    return forms.CharField(
        required=False,
        max_length=CONTENT_NOTE_MAX * 2,
        label="Content note",
        help_text="If your question mentions something that some readers may want to be warned "
        "of, say it in a few words, such as “mentions self-harm”. Readers see the note first "
        "and open your question when they choose.",
    )


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.parent.name} › {obj.name}" if obj.parent_id else obj.name


def keep_out_of_search_field() -> forms.BooleanField:
    return forms.BooleanField(
        required=False, label="Keep out of search engines", help_text=KEEP_OUT_OF_SEARCH_HELP
    )


def category_field(**kwargs: Any) -> CategoryChoiceField:
    return CategoryChoiceField(
        queryset=Category.objects.select_related("parent").order_by(
            "parent__position", "parent__name", "position", "name"
        ),
        empty_label="Choose a category",
        error_messages={"invalid_choice": "Choose one of the listed categories."},
        **kwargs,
    )


class AskForm(SpamGuard, IdentityForm):
    field_order = ["title", "body", "category", "tags", "content_note"]

    title = forms.CharField(
        max_length=TITLE_MAX,
        help_text="Say what you want to know, as a question someone could answer.",
    )
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=BODY_MAX,
        label="Details",
        help_text="Markdown works: *italic*, **bold**, lists, > quotes. Leave out names and "
        "details that could identify you or others.",
    )
    category = category_field()
    tags = forms.CharField(
        required=False,
        max_length=200,
        help_text="Up to 5, separated by spaces, e.g. “anxiety sleep”.",
    )
    content_note = content_note_field()
    keep_out_of_search = keep_out_of_search_field()
    # What the asker said "post it as it is" to (core.errors.NeedsConfirmation).
    confirmed = ConfirmedField()

    def rules(self) -> dict[str, Rule]:
        return {
            "title": actions.clean_title,
            "body": actions.clean_question_body,
            "tags": parse_tag_names,
            "content_note": actions.clean_content_note,
            **super().rules(),
        }


class AnswerForm(SpamGuard, IdentityForm):
    field_order = ["body"]

    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=BODY_MAX,
        label="Your answer",
        help_text="Markdown works. Be kind; share what helped you, not a diagnosis.",
    )
    confirmed = ConfirmedField()

    def rules(self) -> dict[str, Rule]:
        return {"body": actions.clean_answer_body, **super().rules()}


class CommentForm(SpamGuard, IdentityForm):
    field_order = ["body"]

    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=COMMENT_MAX,
        label="Your comment",
    )

    def rules(self) -> dict[str, Rule]:
        return {"body": actions.clean_comment_body, **super().rules()}


class EditForm(ActionForm):
    title = forms.CharField(max_length=TITLE_MAX)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}), max_length=BODY_MAX)
    category = category_field()
    tags = forms.CharField(required=False, max_length=200)
    content_note = content_note_field()
    reason = forms.CharField(
        required=False,
        max_length=EDIT_REASON_MAX,
        label="Edit summary (optional)",
        help_text="What did you change? Shown on the revisions page.",
    )
    keep_out_of_search = keep_out_of_search_field()
    confirmed = ConfirmedField()

    def __init__(self, *args: Any, is_question: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not is_question:
            del self.fields["title"], self.fields["category"], self.fields["tags"]
            del self.fields["content_note"]
            del self.fields["keep_out_of_search"]

    def rules(self) -> dict[str, Rule]:
        return {
            "title": actions.clean_title,
            "body": actions.clean_edited_body,
            "tags": parse_tag_names,
            "content_note": actions.clean_content_note,
            "reason": actions.clean_edit_reason,
        }
