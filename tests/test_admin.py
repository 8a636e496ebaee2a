import pytest

from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/accounts/user/",
        "/admin/tags/category/",
        "/admin/tags/tag/",
        "/admin/qa/post/",
        "/admin/qa/comment/",
    ],
)
def test_a_superuser_can_manage_members_categories_and_posts_in_the_admin(url, maya, ask):
    ask(maya)
    admin = make_member("site_admin", is_staff=True, is_superuser=True)
    assert client_for(admin).get(url).status_code == 200


def test_a_superuser_can_mark_a_member_as_a_verified_professional(maya):
    admin = make_member("site_admin", is_staff=True, is_superuser=True)
    page = client_for(admin).get(f"/admin/accounts/user/{maya.pk}/change/").content.decode()
    assert 'name="is_professional"' in page and 'name="is_moderator"' in page


def test_members_cannot_open_the_admin(maya):
    assert client_for(maya).get("/admin/qa/post/").status_code == 302
