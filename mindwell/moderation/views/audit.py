"""Moderation pages: the audit log (moderators read it; nobody changes it) and the page that
asks an administrator to confirm a purge."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, NotFound
from mindwell.core.pagination import KeysetPage, keyset_page
from mindwell.moderation import policy
from mindwell.moderation.actions import audit as audit_actions
from mindwell.moderation.models import NOTE_MAX, AuditEntry
from mindwell.qa import policy as qa_policy
from mindwell.qa.access import parse_id
from mindwell.qa.actions import purge_scope
from mindwell.qa.models import Comment, Post

PAGE_SIZE = 50
FILTERS = ("action", "moderator", "member", "post", "since", "until")

# The actions whose inverse a moderator can reach from the log, and the state that the
# inverse undoes (so the Undo shows only while the item is still in it). Other areas name
# their actions with these words when they write the log.
POST_OR_COMMENT_REMOVALS = frozenset(
    {"hide", "delete", "hide_post", "delete_post", "hide_comment", "delete_comment"}
)
CLOSE, LOCK, SUSPEND = "close", "lock", "suspend"
# Who an entry without a moderator stands for: `details["source"]`, written by the action.
SOURCES = {"flags": "flags from trusted members"}


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(required=False, label="Action")
    moderator = forms.CharField(required=False, max_length=150, label="Done by (username)")
    member = forms.CharField(required=False, max_length=150, label="Member acted on (username)")
    post = forms.CharField(required=False, max_length=20, label="Post id")
    since = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a date as YYYY-MM-DD, like 2025-03-31."},
    )  # fmt: skip
    until = forms.DateField(
        required=False, label="Until", widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a date as YYYY-MM-DD, like 2025-03-31."},
    )  # fmt: skip

    def __init__(self, data: Any, *, known_actions: list[str]) -> None:
        super().__init__(data)
        action = self.fields["action"]
        assert isinstance(action, forms.ChoiceField)
        action.choices = [("", "Any action"), *((name, name) for name in known_actions)]
        action.error_messages["invalid_choice"] = (
            "The log has no entries of the action “%(value)s”: choose one from the list."
        )

    def _member(self, name: str) -> User | None:
        username = (self.cleaned_data.get(name) or "").strip()
        if not username:
            return None
        found = User.objects.filter(username__iexact=username).first()
        if found is None:
            raise forms.ValidationError(f"No member has the username “{username}”.")
        return found

    def clean_moderator(self) -> User | None:
        return self._member("moderator")

    def clean_member(self) -> User | None:
        return self._member("member")

    def clean_post(self) -> int | None:
        raw = (self.cleaned_data.get("post") or "").strip().lstrip("#")
        if not raw:
            return None
        try:
            return parse_id(raw)
        except NotFound:
            raise forms.ValidationError("A post id is a number, like 1234.") from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date.")
        return data

    def condition(self) -> Q:
        """The entries the valid filters ask for."""
        data = self.cleaned_data
        found = Q()
        if data.get("action"):
            found &= Q(action=data["action"])
        if data.get("moderator"):
            found &= Q(actor=data["moderator"])
        if data.get("member"):
            found &= Q(member_id=data["member"].pk)
        if data.get("post") is not None:
            # Entries about the post itself or about one of its comments.
            on_it = Comment.objects.filter(post_id=data["post"]).values("pk")
            found &= Q(post_id=data["post"]) | Q(comment_id__in=on_it)
        zone = timezone.get_current_timezone()
        if data.get("since"):
            start = datetime.datetime.combine(data["since"], datetime.time.min, tzinfo=zone)
            found &= Q(created_at__gte=start)
        if data.get("until"):
            end = datetime.datetime.combine(
                data["until"] + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
            )
            found &= Q(created_at__lt=end)
        return found

    def kept(self) -> dict[str, str]:
        """The filters as given, for the page links."""
        return {name: str(self.data[name]) for name in FILTERS if self.data.get(name)}


@dataclass
class Undo:
    label: str
    url: str
    post_form: bool  # qa:restore takes a POST only; the other inverses show a page first


@dataclass
class Row:
    entry: AuditEntry
    who: str
    item_label: str
    item_url: str | None
    member: User | None
    undo: Undo | None


def _url(name: str, *args: Any) -> str | None:
    """The address of another area's page, or None while that area is not built."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _undo(
    entry: AuditEntry, post: Post | None, comment: Comment | None, member: Any
) -> Undo | None:
    action = entry.action
    if action in POST_OR_COMMENT_REMOVALS:
        if comment is not None and comment.is_deleted:
            url = _url("qa:comment_restore", comment.pk)
            return Undo("Restore the comment", url, post_form=False) if url else None
        if entry.comment_id is None and post is not None and post.is_deleted:
            url = _url("qa:restore", post.pk)
            return Undo("Restore the post", url, post_form=True) if url else None
    if action == CLOSE and post is not None and post.is_question and post.is_closed:
        url = _url("moderation:reopen", post.pk)
        return Undo("Reopen", url, post_form=False) if url else None
    if action == LOCK and post is not None and post.is_question and post.is_locked:
        url = _url("moderation:lock", post.pk)
        return Undo("Unlock", url, post_form=False) if url else None
    suspended_until = getattr(member, "suspended_until", None)
    if action == SUSPEND and suspended_until is not None and suspended_until > timezone.now():
        url = _url("moderation:lift", member.pk)
        return Undo("Lift the suspension", url, post_form=False) if url else None
    return None


def _item(
    user: Any, entry: AuditEntry, post: Post | None, comment: Comment | None
) -> tuple[str, str | None]:
    """What the entry was about, linked if it still exists and `user` may see it."""
    details = entry.details if isinstance(entry.details, dict) else {}
    if entry.comment_id is not None:
        if comment is None:
            on = f" on “{details['title']}”" if details.get("title") else f" {entry.comment_id}"
            return f"Comment{on} (removed for good)", None
        seen = qa_policy.can_see(user, comment.post) and (
            not comment.is_deleted or qa_policy.moderates(user, comment)
        )
        label = f"Comment on “{comment.post.thread.title}”"
        return label, comment.get_absolute_url() if seen else None
    if entry.post_id is not None:
        if post is None:
            title = details.get("title")
            gone = f"“{title}”" if title else f"Post {entry.post_id}"
            return f"{gone} (removed for good)", None
        label = f"“{post.thread.title}”" if post.is_question else f"Answer to “{post.thread.title}”"
        return label, post.get_absolute_url() if qa_policy.can_see(user, post) else None
    return "", None


def _who(entry: AuditEntry) -> str:
    if entry.actor is not None:
        return entry.actor.username
    details = entry.details if isinstance(entry.details, dict) else {}
    return SOURCES.get(str(details.get("source", "")), "the site")


def _rows(user: Any, entries: list[AuditEntry]) -> list[Row]:
    """The page's entries with what they name, read in one query per kind of thing."""
    post_ids = {e.post_id for e in entries if e.post_id is not None}
    comment_ids = {e.comment_id for e in entries if e.comment_id is not None}
    member_ids = {e.member_id for e in entries if e.member_id is not None}
    posts = Post.objects.select_related("question").in_bulk(post_ids)
    comments = Comment.objects.select_related("post", "post__question").in_bulk(comment_ids)
    members = User.objects.only("username", "display_name", "suspended_until").in_bulk(member_ids)
    rows = []
    for entry in entries:
        post = posts.get(entry.post_id) if entry.post_id is not None else None
        comment = comments.get(entry.comment_id) if entry.comment_id is not None else None
        member = members.get(entry.member_id) if entry.member_id is not None else None
        label, url = _item(user, entry, post, comment)
        rows.append(
            Row(entry, _who(entry), label, url, member, _undo(entry, post, comment, member))
        )
    return rows


@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    if not policy.can_read_audit_log(request.user):
        raise NotFound("There is no such page.")
    known = list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())
    form = AuditFilterForm(request.GET, known_actions=known)
    page: KeysetPage[AuditEntry] | None = None
    rows: list[Row] = []
    if form.is_valid():
        entries = AuditEntry.objects.filter(form.condition()).select_related("actor")
        page = keyset_page(entries, request.GET, field=None, size=PAGE_SIZE, keep=form.kept())
        rows = _rows(request.user, page.items)
    context = {"form": form, "page": page, "rows": rows, "filtered": bool(form.kept())}
    return render(request, "moderation/audit_log.html", context, status=200 if page else 400)


# Purging -------------------------------------------------------------------------------------


def _purgeable(user: Any, kind: str, item_id: str) -> Post | Comment:
    """The post or comment an administrator asks to purge; for anyone else, no such page."""
    if not policy.can_purge(user) or kind not in ("post", "comment"):
        raise NotFound("There is no such page.")
    pk = parse_id(item_id)
    item: Post | Comment | None
    if kind == "post":
        item = Post.objects.select_related("question", "author").filter(pk=pk).first()
    else:
        item = (
            Comment.objects.select_related("post", "post__question", "author").filter(pk=pk).first()
        )
    if item is None:
        raise NotFound("That post or comment does not exist, or was removed for good already.")
    return item


@require_http_methods(["GET", "POST"])
def purge(request: HttpRequest, kind: str, item_id: str) -> HttpResponse:
    """GET shows what would go and asks to confirm; POST removes it for good."""
    item = _purgeable(request.user, kind, item_id)
    post = item if isinstance(item, Post) else None
    comment = item if isinstance(item, Comment) else None
    question = (post or item.post).thread  # type: ignore[union-attr]
    error = ""
    if request.method == "POST":
        try:
            scope = audit_actions.purge(
                by=request.user,  # type: ignore[arg-type]
                reason=request.POST.get("reason", ""), post=post, comment=comment,
            )  # fmt: skip
        except NotFound:
            raise
        except ActionError as refused:
            error = refused.message
        else:
            messages.success(request, f"Removed for good: {scope.describe()}.")
            if post is not None and post.is_question:
                return redirect("moderation:audit_log")
            return redirect(question.get_absolute_url())
    context = {
        "item": item, "post": post, "comment": comment, "question": question,
        "scope": purge_scope(post=post, comment=comment), "error": error,
        "reason": request.POST.get("reason", ""), "reason_max": NOTE_MAX,
    }  # fmt: skip
    return render(request, "moderation/purge.html", context, status=400 if error else 200)


urlpatterns: list[URLPattern] = [
    path("audit/", audit_log, name="audit_log"),
    path("purge/<str:kind>/<str:item_id>/", purge, name="purge"),
]
