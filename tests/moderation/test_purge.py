"""Purging through the site: administrators only, from a deleted post or comment, after a
page that says what will go; every counter stays exact and the audit log keeps an account
of what went."""

from __future__ import annotations

import pytest

from mindwell.moderation.models import AuditEntry
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post, Revision
from tests.conftest import client_for, make_member
from tests.support.recount import assert_counts_exact

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return make_member("site_admin", is_staff=True, is_superuser=True)


@pytest.fixture
def thread(ask, answer, maya, dr_okafor, newcomer):
    question = ask(maya)
    first = answer(question, dr_okafor)
    answer(question, newcomer, body="Another answer, from someone who has been there.")
    actions.add_comment(post=first, author=maya, body="Thank you for this answer.")
    return question, first


def purge_url(kind: str, item_id: int | str) -> str:
    return f"/moderation/purge/{kind}/{item_id}/"


def test_an_administrator_finds_remove_for_good_on_a_deleted_post_and_comment(
    thread, moderator, administrator, maya
):
    question, first = thread
    comment = Comment.objects.get(post=first)
    actions.delete_post(post=first, by=moderator)
    actions.delete_comment(comment=comment, by=moderator)
    page = client_for(administrator).get(question.get_absolute_url()).content.decode()
    assert f'href="{purge_url("post", first.pk)}"' in page
    assert f'href="{purge_url("comment", comment.pk)}"' in page
    page = client_for(moderator).get(question.get_absolute_url()).content.decode()
    assert "/moderation/purge/" not in page


def test_the_confirm_page_says_what_will_go(thread, administrator):
    question, _ = thread
    page = client_for(administrator).get(purge_url("post", question.pk))
    assert page.status_code == 200
    assert (
        "This will remove 1 question, 2 answers, 1 comment, 3 revisions." in page.content.decode()
    )


def test_a_purge_removes_the_rows_writes_the_log_and_keeps_counts_exact(
    thread, administrator, moderator
):
    question, first = thread
    actions.delete_post(post=first, by=moderator)
    response = client_for(administrator).post(
        purge_url("post", first.pk), {"reason": "Names a real therapist"}
    )
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()
    assert not Post.objects.filter(pk=first.pk).exists()
    assert not Revision.objects.filter(post_id=first.pk).exists()
    entry = AuditEntry.objects.get(action="purge")
    assert entry.post_id == first.pk and entry.reason == "Names a real therapist"
    assert (
        entry.details["kind"] == "answer"
        and entry.details["removed"] == "1 answer, 1 comment, 1 revision"
    )
    assert_counts_exact()
    log = client_for(moderator).get("/moderation/audit/").content.decode()
    assert "Names a real therapist" in log and "(removed for good)" in log


def test_a_purged_question_sends_the_administrator_to_the_log(thread, administrator):
    question, _ = thread
    response = client_for(administrator).post(purge_url("post", question.pk), {"reason": ""})
    assert response.status_code == 302 and response["Location"] == "/moderation/audit/"
    assert not Post.objects.exists() and not Comment.objects.exists()
    assert_counts_exact()


def test_a_comment_is_purged_alone(thread, administrator):
    _, first = thread
    comment = Comment.objects.get(post=first)
    response = client_for(administrator).post(purge_url("comment", comment.pk))
    assert response.status_code == 302
    assert not Comment.objects.exists() and Post.objects.count() == 3
    assert_counts_exact()


@pytest.mark.parametrize("who", ["guest", "maya", "moderator", "category_moderator"])
def test_nobody_but_an_administrator_reaches_a_purge(thread, who, maya, moderator):
    question, first = thread
    keeper = make_member("keeper", is_category_moderator=True)
    question.category.moderators.add(keeper)
    user = {"guest": None, "maya": maya, "moderator": moderator, "category_moderator": keeper}[who]
    client = client_for(user)
    assert client.get(purge_url("post", question.pk)).status_code == 404
    assert client.post(purge_url("post", first.pk)).status_code in (403, 404)
    assert Post.objects.count() == 3 and not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "address",
    [purge_url("post", "12abc"), purge_url("post", 999999), purge_url("question", 1),
     purge_url("comment", 999999), purge_url("post", "١٢")],
)  # fmt: skip
def test_forged_purge_addresses_are_not_found(thread, administrator, address):
    client = client_for(administrator)
    assert client.get(address).status_code == 404
    assert client.post(address).status_code == 404
    assert Post.objects.count() == 3


def test_an_over_long_reason_is_refused_with_the_page_again(thread, administrator):
    question, _ = thread
    response = client_for(administrator).post(purge_url("post", question.pk), {"reason": "x" * 501})
    assert response.status_code == 400
    assert "The reason is too long" in response.content.decode()
    assert Post.objects.count() == 3 and not AuditEntry.objects.exists()
