"""Deleting a comment asks first, can be undone by the one who deleted it, and moderators see
deleted comments and restore them. Through HTTP, as a person would."""

import re

import pytest

from mindwell.core import events
from mindwell.qa import actions
from mindwell.qa.events import CommentDeleted, CommentRestored
from mindwell.qa.models import Comment, Post
from tests.conftest import client_for
from tests.qa.conftest import counters

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}


@pytest.fixture
def thread(ask, answer, maya, dr_okafor):
    question = ask(maya)
    return question, answer(question, dr_okafor)


@pytest.fixture
def comment(thread, newcomer):
    _, reply = thread
    return actions.add_comment(post=reply, author=newcomer, body="This helped me a lot, thanks.")


@pytest.fixture
def heard():
    got: list[object] = []
    for kind in (CommentDeleted, CommentRestored):
        events.on_commit(kind, got.append)
    yield got
    for kind in (CommentDeleted, CommentRestored):
        events.unsubscribe(kind, got.append)


def comment_count(post):
    return Post.objects.get(pk=post.pk).comment_count


def is_deleted(comment):
    return Comment.objects.get(pk=comment.pk).is_deleted


def forms_in(html):
    """The action of every POST form on a page."""
    return re.findall(r'<form method="post" action="([^"]*)"', html)


def test_without_javascript_the_author_confirms_then_undoes_a_deletion(thread, comment, newcomer):
    question, reply = thread
    client = client_for(newcomer)
    page = client.get(question.get_absolute_url()).content.decode()
    # The control is a link to a page that asks first, not a button that deletes at once.
    assert f'<a href="/comment/{comment.pk}/delete" class="comment-delete">' in page
    assert f"/comment/{comment.pk}/delete" not in forms_in(page)

    confirm = client.get(f"/comment/{comment.pk}/delete")
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert "Delete this comment?" in html and "This helped me a lot, thanks." in html
    assert "Yes, delete it" in html and not is_deleted(comment)

    deleted = client.post(f"/comment/{comment.pk}/delete")
    assert deleted.status_code == 302 and deleted["Location"] == f"/comment/{comment.pk}/restore"
    assert is_deleted(comment) and comment_count(reply) == 0
    assert "This helped me a lot" not in client.get(question.get_absolute_url()).content.decode()

    undo_page = client.get(deleted["Location"]).content.decode()
    assert "Comment deleted" in undo_page and "Undo: bring it back" in undo_page
    undone = client.post(f"/comment/{comment.pk}/restore")
    assert undone.status_code == 302 and undone["Location"].endswith(f"#c{comment.pk}")
    assert not is_deleted(comment) and comment_count(reply) == 1
    page = client.get(question.get_absolute_url()).content.decode()
    assert "This helped me a lot, thanks." in page and "The comment is back." in page


def test_with_javascript_delete_and_undo_answer_json(
    thread, comment, newcomer, heard, django_capture_on_commit_callbacks
):
    _, reply = thread
    client = client_for(newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        deleted = client.post(f"/comment/{comment.pk}/delete", headers=JSON)
    assert deleted.json() == {"deleted": comment.pk, "undo": f"/comment/{comment.pk}/restore"}
    with django_capture_on_commit_callbacks(execute=True):
        undone = client.post(f"/comment/{comment.pk}/restore", headers=JSON)
    assert undone.json() == {"restored": comment.pk}
    assert not is_deleted(comment) and comment_count(reply) == 1
    assert heard == [
        CommentDeleted(comment.pk, reply.pk, reply.question_id, newcomer.pk),
        CommentRestored(comment.pk, reply.pk, reply.question_id, newcomer.pk),
    ]


def test_moderators_see_deleted_comments_marked_and_restore_them(
    thread, comment, newcomer, moderator, maya
):
    question, reply = thread
    client = client_for(moderator)
    assert "The comment on" in client.get(f"/comment/{comment.pk}/delete").content.decode()
    assert client.post(f"/comment/{comment.pk}/delete").status_code == 302
    assert comment_count(reply) == 0

    page = client.get(question.get_absolute_url()).content.decode()
    item = re.search(rf'<li id="c{comment.pk}" class="comment-deleted">(.*?)</li>', page, re.S)
    assert item is not None, "a moderator sees the deleted comment, marked"
    assert "This helped me a lot, thanks." in item.group(1)
    assert "only moderators see this" in item.group(1)
    assert f"/comment/{comment.pk}/restore" in forms_in(item.group(1))
    # Members never see it, nor its author, who cannot undo a moderator's deletion.
    for member in (maya, newcomer):
        assert (
            "This helped me a lot"
            not in client_for(member).get(question.get_absolute_url()).content.decode()
        )
    assert client_for(newcomer).get(f"/comment/{comment.pk}/restore").status_code == 404
    assert client_for(newcomer).post(f"/comment/{comment.pk}/restore").status_code == 404
    assert is_deleted(comment)

    assert "Undo: bring it back" in client.get(f"/comment/{comment.pk}/restore").content.decode()
    assert client.post(f"/comment/{comment.pk}/restore").status_code == 302
    assert not is_deleted(comment) and comment_count(reply) == 1


def test_a_moderator_restores_a_comment_its_author_deleted(thread, comment, newcomer, moderator):
    _, reply = thread
    actions.delete_comment(comment=comment, by=newcomer)
    page = client_for(moderator).get(f"/comment/{comment.pk}/restore").content.decode()
    assert "A deleted comment" in page and "Restore it" in page
    assert client_for(moderator).post(f"/comment/{comment.pk}/restore").status_code == 302
    assert not is_deleted(comment) and comment_count(reply) == 1


def test_others_and_guests_can_neither_delete_nor_restore(thread, comment, newcomer, maya):
    before = counters()
    for method in ("get", "post"):
        for url in (f"/comment/{comment.pk}/delete", f"/comment/{comment.pk}/restore"):
            assert getattr(client_for(maya), method)(url).status_code == 404
            guest = getattr(client_for(None), method)(url)
            assert guest.status_code == 302 and guest["Location"].startswith("/accounts/login/")
    assert counters() == before

    actions.delete_comment(comment=comment, by=newcomer)
    before = counters()
    for client in (client_for(maya), client_for(None)):
        response = client.post(f"/comment/{comment.pk}/restore", headers=JSON)
        assert response.status_code in (302, 404)
    assert client_for(maya).get(f"/comment/{comment.pk}/restore").status_code == 404
    assert counters() == before and is_deleted(comment)


def test_forged_ids_and_wrong_methods_are_refused_clearly(comment, newcomer, moderator):
    client = client_for(moderator)
    for forged in ("abc", "1_0", "99999999", "%00", "-1"):
        for action in ("delete", "restore"):
            # A control character is the boundary's 400; the rest are not comments.
            expected = 400 if forged == "%00" else 404
            assert client.post(f"/comment/{forged}/{action}").status_code == expected
    assert client.put(f"/comment/{comment.pk}/delete").status_code == 405
    # A live comment has nothing to restore.
    before = counters()
    for user in (newcomer, moderator):
        assert client_for(user).get(f"/comment/{comment.pk}/restore").status_code == 404
        assert client_for(user).post(f"/comment/{comment.pk}/restore").status_code == 404
    assert counters() == before


def test_deleting_or_restoring_twice_keeps_the_count_exact(thread, comment, newcomer, moderator):
    _, reply = thread
    actions.delete_comment(comment=comment, by=newcomer)
    actions.delete_comment(comment=comment, by=newcomer)
    assert comment_count(reply) == 0
    actions.restore_comment(comment=comment, by=moderator)
    actions.restore_comment(comment=comment, by=moderator)
    assert comment_count(reply) == 1


def test_a_comment_under_a_deleted_answer_waits_for_the_answer(
    thread, comment, newcomer, dr_okafor, moderator
):
    _, reply = thread
    actions.delete_comment(comment=comment, by=newcomer)
    actions.delete_post(post=reply, by=dr_okafor)
    response = client_for(moderator).post(f"/comment/{comment.pk}/restore", headers=JSON)
    assert response.status_code == 400
    assert response.json() == {"error": "Restore the post first: this comment belongs to it."}
    assert is_deleted(comment)
    # The author cannot even reach it: the answer is gone for them.
    assert client_for(newcomer).post(f"/comment/{comment.pk}/restore").status_code == 404
