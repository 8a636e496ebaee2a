"""Rolling a post back to an earlier revision, from the revisions page: by its author or a
moderator, as a new revision that says so, validated as any edit. Through HTTP."""

import re

import pytest

from mindwell.qa import actions
from mindwell.qa.models import Post, Revision
from mindwell.tags.models import Tag
from tests.conftest import client_for
from tests.qa.conftest import counters

pytestmark = pytest.mark.django_db

FIRST_TITLE = "Is it normal to feel attached to my therapist?"
FIRST_BODY = "I have been seeing my therapist for a year and think of her often."


@pytest.fixture
def question(ask, maya):
    question = ask(maya)
    return actions.edit_post(
        post=question, editor=maya, title="Attached to my therapist: normal or not?",
        body="A year in, and I think of her between sessions more than I expected.",
        tags="attachment boundaries", reason="Clearer",
    )  # fmt: skip


def rollback_forms(html):
    return re.findall(r'action="(/post/\d+/revisions/\d+/rollback)"', html)


def test_the_author_rolls_a_question_back_to_the_original(question, maya):
    client = client_for(maya)
    page = client.get(f"/post/{question.pk}/revisions/").content.decode()
    # Only the older revision offers it, behind a confirm step.
    assert rollback_forms(page) == [f"/post/{question.pk}/revisions/1/rollback"]
    assert "<summary>Roll back to the original</summary>" in page
    assert "Yes, roll back to the original" in page

    response = client.post(f"/post/{question.pk}/revisions/1/rollback")
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()

    post = Post.objects.get(pk=question.pk)
    assert (post.title, post.body, post.tag_names) == (
        FIRST_TITLE, FIRST_BODY, "transference attachment",
    )  # fmt: skip
    assert post.revision_count == 3 and post.last_editor_id == maya.pk
    latest = Revision.objects.get(post=post, number=3)
    assert (latest.title, latest.body, latest.reason) == (
        FIRST_TITLE, FIRST_BODY, "Rolled back to revision 1",
    )  # fmt: skip
    assert dict(Tag.objects.values_list("name", "question_count")) == {
        "transference": 1, "attachment": 1, "boundaries": 0,
    }  # fmt: skip
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Rolled back to revision 1." in page and FIRST_BODY in page
    history = client.get(f"/post/{post.pk}/revisions/").content.decode()
    assert "“Rolled back to revision 1”" in history
    assert rollback_forms(history) == [
        f"/post/{post.pk}/revisions/2/rollback", f"/post/{post.pk}/revisions/1/rollback",
    ]  # fmt: skip


def test_a_moderator_rolls_back_an_answer(ask, answer, maya, dr_okafor, moderator):
    reply = answer(ask(maya), dr_okafor, body="First thoughts: it is common and worth saying.")
    actions.edit_post(post=reply, editor=dr_okafor, body="Changed my mind entirely, sorry all.")
    response = client_for(moderator).post(f"/post/{reply.pk}/revisions/1/rollback")
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.body == "First thoughts: it is common and worth saying."
    assert reply.last_editor_id == moderator.pk and reply.revision_count == 3


def test_others_guests_and_bad_revisions_are_refused_and_change_nothing(question, maya, newcomer):
    before = counters()
    url = f"/post/{question.pk}/revisions/1/rollback"
    assert (
        "rollback"
        not in client_for(newcomer).get(f"/post/{question.pk}/revisions/").content.decode()
    )
    assert client_for(newcomer).post(url).status_code == 404
    guest = client_for(None).post(url)
    assert guest.status_code == 302 and guest["Location"].startswith("/accounts/login/")
    assert client_for(maya).get(url).status_code == 405
    for bad in ("9", "0", "99999999999999999999", "abc", "-1", "1_0"):
        response = client_for(maya).post(f"/post/{question.pk}/revisions/{bad}/rollback")
        assert response.status_code == 404, bad
    for forged, status in (("abc", 404), ("99999999", 404), ("%00", 400)):
        response = client_for(maya).post(f"/post/{forged}/revisions/1/rollback")
        assert response.status_code == status, forged
    # The current revision is what the post says already.
    as_json = client_for(maya).post(
        f"/post/{question.pk}/revisions/2/rollback", headers={"accept": "application/json"}
    )
    assert as_json.status_code == 400
    assert as_json.json() == {"error": "The question already reads as revision 2."}
    assert counters() == before


def test_tags_removed_by_an_administrator_since_stay_removed(question, maya):
    actions.delete_tag(tag=Tag.objects.get(name="transference"))
    response = client_for(maya).post(f"/post/{question.pk}/revisions/1/rollback")
    assert response.status_code == 302
    post = Post.objects.get(pk=question.pk)
    assert post.tag_names == "attachment" and post.title == FIRST_TITLE
    assert not Tag.objects.filter(name="transference").exists()


def test_a_deleted_post_cannot_be_rolled_back(question, maya, moderator):
    actions.delete_post(post=question, by=maya)
    page = client_for(moderator).get(f"/post/{question.pk}/revisions/").content.decode()
    assert rollback_forms(page) == []
    response = client_for(moderator).post(
        f"/post/{question.pk}/revisions/1/rollback", headers={"accept": "application/json"}
    )
    assert response.status_code == 404
    assert response.json() == {"error": "That post has been removed."}
    assert Post.objects.get(pk=question.pk).revision_count == 2
