"""The admin changes things only through the actions: nothing it does can leave a counter,
a point total, a post's tag names or a stored page wrong."""

import pytest
from django.test import Client

from mindwell.accounts.models import User
from mindwell.qa.models import Post
from mindwell.tags.models import Tag
from tests.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db) -> Client:
    client = Client()
    client.force_login(make_member("site_admin", is_staff=True, is_superuser=True))
    return client


def _member_form(user: User, **changes: str) -> dict[str, str]:
    fields = {
        "username": user.username, "email": user.email, "first_name": "", "last_name": "",
        "display_name": user.display_name, "about": user.about,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"), "is_active": "on",
    }  # fmt: skip
    return {**fields, **changes}


def test_an_admin_edit_of_about_is_rendered_like_the_members_own(admin_client, maya):
    data = _member_form(maya, about="I write about **grief**.")
    response = admin_client.post(f"/admin/accounts/user/{maya.pk}/change/", data)
    assert response.status_code == 302
    maya.refresh_from_db()
    assert maya.about_html == "<p>I write about <strong>grief</strong>.</p>\n"


@pytest.mark.parametrize(("field", "value"), [("display_name", "Admin"), ("username", "moderator")])
def test_the_admin_refuses_reserved_names(admin_client, maya, field, value):
    data = _member_form(maya, **{field: value})
    response = admin_client.post(f"/admin/accounts/user/{maya.pk}/change/", data)
    assert response.status_code == 200  # the form again, with the error
    assert "mistake" in response.content.decode() or "taken" in response.content.decode()
    maya.refresh_from_db()
    assert (maya.username, maya.display_name) == ("maya", "Maya")


def test_posts_and_members_cannot_be_deleted_or_edited_in_the_admin(admin_client, maya, ask):
    question = ask(maya)
    assert admin_client.get(f"/admin/qa/post/{question.pk}/delete/").status_code == 403
    listing = admin_client.post(
        "/admin/qa/post/", {"action": "delete_selected", "_selected_action": [question.pk]}
    )
    assert listing.status_code in (200, 302)
    assert admin_client.post(f"/admin/qa/post/{question.pk}/change/", {}).status_code == 403
    assert admin_client.get(f"/admin/accounts/user/{maya.pk}/delete/").status_code == 403
    assert Post.objects.alive().count() == 1 and User.objects.filter(pk=maya.pk).exists()


def test_renaming_a_tag_renames_it_on_every_question(admin_client, maya, ask):
    first = ask(maya, tags="attachment transference")
    second = ask(maya, title="Another question about attachment", tags="attachment")
    tag = Tag.objects.get(name="attachment")
    response = admin_client.post(
        f"/admin/tags/tag/{tag.pk}/change/", {"name": "attachment-styles", "description": ""}
    )
    assert response.status_code == 302
    assert Post.objects.get(pk=first.pk).tag_list == ["attachment-styles", "transference"]
    assert Post.objects.get(pk=second.pk).tag_list == ["attachment-styles"]
    bad = admin_client.post(f"/admin/tags/tag/{tag.pk}/change/", {"name": "Not A Tag!"})
    assert bad.status_code == 200 and "is not a valid tag" in bad.content.decode()


def test_deleting_a_tag_removes_it_from_every_question(admin_client, maya, ask):
    question = ask(maya, tags="attachment transference")
    tag = Tag.objects.get(name="attachment")
    response = admin_client.post(f"/admin/tags/tag/{tag.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    question = Post.objects.get(pk=question.pk)
    assert question.tag_list == ["transference"]
    assert list(question.tags.values_list("name", flat=True)) == ["transference"]


def test_a_category_with_questions_cannot_be_deleted(admin_client, maya, ask, category):
    ask(maya)
    response = admin_client.post(f"/admin/tags/category/{category.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200  # Django lists what protects it
    assert type(category).objects.filter(pk=category.pk).exists()
