"""The admin never removes or changes past the actions: posts, comments, members and every
moderation record are read-only there ("Delete selected" is not offered, and a forced one
changes nothing); a category with questions is refused with a message; moderators are
appointed there by administrators only, through the logged roles actions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction
from django.test import Client
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.moderation.audit import record
from mindwell.moderation.models import (
    AuditEntry,
    CloseVote,
    Flag,
    ModeratorMessage,
    Origin,
    ReviewItem,
    Suspension,
)
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member
from tests.support.recount import assert_counts_exact

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator() -> User:
    return make_member("site_admin", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(administrator) -> Client:
    return client_for(administrator)


@pytest.fixture
def records(ask, answer, maya, dr_okafor, moderator):
    """One row of every kind the admin lists, with the posts they are about."""
    question = ask(maya)
    reply = answer(question, dr_okafor)
    comment = actions.add_comment(post=reply, author=maya, body="Thank you for this answer.")
    now = timezone.now()
    with transaction.atomic():
        entry = record(actor=moderator, action="hide", post=reply, reason="kept")
    return {
        "post": question,
        "comment": comment,
        "user": maya,
        "auditentry": entry,
        "flag": Flag.objects.create(flagger=dr_okafor, post=question, reason="spam",
                                    created_at=now),
        "reviewitem": ReviewItem.objects.create(queue="flags", post=question, reason="1 flag",
                                                created_at=now),
        "closevote": CloseVote.objects.create(question=question, voter=dr_okafor, kind="close",
                                              created_at=now),
        "suspension": Suspension.objects.create(member=maya, moderator=moderator, reason="r",
                                                starts_at=now, ends_at=now),
        "moderatormessage": ModeratorMessage.objects.create(member=maya, moderator=moderator,
                                                            body="b", body_html="<p>b</p>",
                                                            created_at=now),
        "origin": Origin.objects.create(post=question, ip_hash="ab" * 32, created_at=now),
    }  # fmt: skip


ADMIN_PATHS = {
    "post": "qa/post", "comment": "qa/comment", "user": "accounts/user",
    "auditentry": "moderation/auditentry", "flag": "moderation/flag",
    "reviewitem": "moderation/reviewitem", "closevote": "moderation/closevote",
    "suspension": "moderation/suspension", "moderatormessage": "moderation/moderatormessage",
    "origin": "moderation/origin",
}  # fmt: skip


def _rows() -> dict[str, int]:
    models = [Post, Comment, User, AuditEntry, Flag, ReviewItem, CloseVote, Suspension,
              ModeratorMessage, Origin]  # fmt: skip
    return {model.__name__: model._default_manager.count() for model in models}


@pytest.mark.parametrize("kind", ADMIN_PATHS)
def test_delete_selected_is_not_offered_and_a_forced_one_removes_nothing(
    admin_client, records, kind
):
    path = f"/admin/{ADMIN_PATHS[kind]}/"
    row = records[kind]
    listing = admin_client.get(path)
    assert listing.status_code == 200
    assert 'value="delete_selected"' not in listing.content.decode()
    before = _rows()
    forced = admin_client.post(
        path, {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
    )
    assert forced.status_code in (200, 302)  # "no action selected", never a deletion
    assert admin_client.post(f"{path}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert _rows() == before
    assert_counts_exact()


@pytest.mark.parametrize("kind", [k for k in ADMIN_PATHS if k not in ("user",)])
def test_posts_comments_and_moderation_records_cannot_be_added_or_changed(
    admin_client, records, kind
):
    path = f"/admin/{ADMIN_PATHS[kind]}/"
    row = records[kind]
    assert admin_client.get(f"{path}add/").status_code == 403
    assert admin_client.get(f"{path}{row.pk}/change/").status_code == 200  # to read
    before = _rows()
    assert admin_client.post(f"{path}{row.pk}/change/", {"reason": "edited"}).status_code == 403
    assert _rows() == before
    if kind == "auditentry":
        row.refresh_from_db()
        assert row.reason == "kept"


def test_a_category_with_questions_is_refused_with_a_message_and_not_offered_in_bulk(
    admin_client, ask, maya, category
):
    ask(maya)
    page = admin_client.get(f"/admin/tags/category/{category.pk}/delete/")
    assert page.status_code == 200
    assert "Cannot delete category" in page.content.decode()
    refused = admin_client.post(f"/admin/tags/category/{category.pk}/delete/", {"post": "yes"})
    assert refused.status_code == 200 and "Cannot delete category" in refused.content.decode()
    listing = admin_client.get("/admin/tags/category/").content.decode()
    assert 'value="delete_selected"' not in listing
    assert Category.objects.filter(pk=category.pk).exists()
    assert_counts_exact()


def _category_form(category: Category, moderators: str) -> dict[str, str]:
    return {
        "name": category.name, "slug": category.slug, "parent": str(category.parent_id or ""),
        "position": str(category.position), "description": category.description,
        "moderator_usernames": moderators,
    }  # fmt: skip


def test_an_administrator_appoints_category_moderators_and_the_log_says_so(
    admin_client, administrator, category, maya, dr_okafor
):
    path = f"/admin/tags/category/{category.pk}/change/"
    assert "Moderators" in admin_client.get(path).content.decode()
    response = admin_client.post(path, _category_form(category, "maya, DR_OKAFOR"))
    assert response.status_code == 302
    assert set(category.moderators.all()) == {maya, dr_okafor}
    assert User.objects.get(pk=maya.pk).is_category_moderator
    response = admin_client.post(path, _category_form(category, "dr_okafor"))
    assert response.status_code == 302
    assert not User.objects.get(pk=maya.pk).is_category_moderator
    assert User.objects.get(pk=dr_okafor.pk).is_category_moderator
    logged = list(AuditEntry.objects.order_by("pk").values_list("action", "member_id", "actor_id"))
    assert logged == [  # appointed in id order: maya joined first
        ("appoint_category_moderator", maya.pk, administrator.pk),
        ("appoint_category_moderator", dr_okafor.pk, administrator.pk),
        ("remove_category_moderator", maya.pk, administrator.pk),
    ]


def test_an_unknown_moderator_username_is_a_form_error(admin_client, category, maya):
    path = f"/admin/tags/category/{category.pk}/change/"
    response = admin_client.post(path, _category_form(category, "maya, no_such_member"))
    assert response.status_code == 200
    assert "No member has the username no_such_member." in response.content.decode()
    assert not category.moderators.exists()


def _member_form(user: User, **changes: str) -> dict[str, str]:
    fields = {
        "username": user.username, "email": user.email, "first_name": "", "last_name": "",
        "display_name": user.display_name, "about": user.about,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"), "is_active": "on",
    }  # fmt: skip
    return {**fields, **changes}


def test_an_administrator_makes_a_site_wide_moderator_and_the_log_says_so(
    admin_client, administrator, maya
):
    response = admin_client.post(
        f"/admin/accounts/user/{maya.pk}/change/", _member_form(maya, is_moderator="on")
    )
    assert response.status_code == 302
    assert User.objects.get(pk=maya.pk).is_moderator
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.member_id, entry.actor_id) == (
        "appoint_moderator", maya.pk, administrator.pk,
    )  # fmt: skip


def test_staff_who_are_not_administrators_cannot_give_roles(maya, category):
    staff = make_member("staffer", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user", "change_category",
                                                  "view_category"])
    )  # fmt: skip
    client = client_for(staff)
    response = client.post(
        f"/admin/accounts/user/{maya.pk}/change/",
        _member_form(maya, is_moderator="on", is_staff="on", is_superuser="on"),
    )
    assert response.status_code == 302
    maya.refresh_from_db()
    assert not (maya.is_moderator or maya.is_staff or maya.is_superuser)
    page = client.get(f"/admin/tags/category/{category.pk}/change/").content.decode()
    assert "moderator_usernames" not in page
    client.post(f"/admin/tags/category/{category.pk}/change/", _category_form(category, "maya"))
    assert not category.moderators.exists() and not AuditEntry.objects.exists()
