"""One policy: the actions enforce it whoever calls them, and its errors become the right
response for pages and for JSON alike."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse

from mindwell.core.errors import Forbidden
from mindwell.qa import actions, policy
from mindwell.qa.models import Comment, Post
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(ask, answer, maya, dr_okafor):
    question = ask(maya)
    return question, answer(question, dr_okafor)


def test_the_actions_refuse_what_the_policy_refuses_whoever_calls_them(
    thread, maya, dr_okafor, newcomer
):
    question, reply = thread
    comment = actions.add_comment(post=reply, author=dr_okafor, body="My own comment here.")
    with pytest.raises(Forbidden):
        actions.edit_post(post=reply, editor=newcomer, body="Someone else's words, edited.")
    with pytest.raises(Forbidden):
        actions.delete_post(post=question, by=dr_okafor)
    with pytest.raises(Forbidden):
        actions.accept_answer(question=question, answer=reply, by=dr_okafor)
    with pytest.raises(Forbidden):
        actions.delete_comment(comment=comment, by=maya)
    with pytest.raises(Forbidden, match="your own post"):
        actions.cast_vote(user=dr_okafor, post=reply, value=1)
    with pytest.raises(Forbidden):
        actions.restore_post(post=question, by=maya)
    assert Post.objects.alive().count() == 2 and not Post.objects.get(pk=reply.pk).is_accepted


def test_capabilities_by_role(thread, maya, dr_okafor, newcomer, moderator):
    question, reply = thread
    guest = AnonymousUser()
    assert [policy.can_edit(u, reply) for u in (dr_okafor, maya, newcomer, moderator, guest)] == [
        True, False, False, True, False,
    ]  # fmt: skip
    assert [policy.can_accept(u, question) for u in (maya, dr_okafor, moderator)] == [
        True, False, True,
    ]  # fmt: skip
    assert [policy.can_vote(u, reply) for u in (maya, dr_okafor, guest)] == [True, False, False]
    assert policy.can_restore(moderator, reply) and not policy.can_restore(dr_okafor, reply)
    dr_okafor.is_active = False
    assert not policy.can_edit(dr_okafor, reply) and not policy.can_post(dr_okafor)


def test_a_guests_private_link_opens_its_own_item_to_edit_or_delete_and_nothing_more(
    ask, answer, maya
):
    question = ask(maya)
    mine, other = answer(question, None), answer(question, None)
    comment = actions.add_comment(post=question, author=None, body="A guest's comment.")
    # A comment and a post may share an id; the link of one never opens the other.
    same_id_comment = Comment(pk=mine.pk, post=question, author=None)
    holder = policy.GuestLinkHolder(mine)
    assert policy.can_edit(holder, mine) and policy.can_delete(holder, mine)
    for item in (other, question, comment, same_id_comment):
        assert not policy.can_edit(holder, item) and not policy.can_delete(holder, item)
    assert not policy.can_restore(holder, mine) and not policy.can_vote(holder, mine)
    assert not policy.can_accept(policy.GuestLinkHolder(question), question)
    comment_holder = policy.GuestLinkHolder(comment)
    assert policy.can_delete(comment_holder, comment)
    assert not policy.can_delete(comment_holder, mine) and not policy.can_edit(comment_holder, mine)
    # Any other guest, without the link, may do none of it.
    assert not policy.can_edit(AnonymousUser(), mine)
    assert not policy.can_delete(AnonymousUser(), mine)


def test_not_found_is_a_page_for_browsers_and_json_for_scripts(thread, newcomer):
    question, reply = thread
    client = client_for(newcomer)
    page = client.post(f"/post/{question.pk}/delete")
    assert page.status_code == 404 and "We could not find that page" in page.content.decode()
    as_json = client.post(
        f"/q/{question.pk}/accept", {"answer": reply.pk}, headers={"accept": "application/json"}
    )
    assert as_json.status_code == 404
    assert as_json.json() == {"error": "That post does not exist or has been removed."}
    assert client.get("/q/99999999/", headers={"accept": "application/json"}).status_code == 404
    assert client.get("/u/nobody-here/").status_code == 404


def test_a_moderator_restores_a_deleted_answer_with_its_counts_and_points(
    thread, maya, dr_okafor, moderator
):
    question, reply = thread
    actions.cast_vote(user=maya, post=reply, value=1)
    dr_okafor.refresh_from_db()
    points = dr_okafor.points
    actions.delete_post(post=reply, by=dr_okafor)
    dr_okafor.refresh_from_db()
    assert dr_okafor.points < points
    page = client_for(moderator).get(question.get_absolute_url()).content.decode()
    assert f'action="/post/{reply.pk}/restore"' in page
    response = client_for(moderator).post(f"/post/{reply.pk}/restore")
    assert response.status_code == 302
    dr_okafor.refresh_from_db()
    question.refresh_from_db()
    assert dr_okafor.points == points and question.answer_count == 1
    assert not Post.objects.get(pk=reply.pk).is_deleted


def test_restoring_a_question_brings_back_its_counts_and_its_askers_points(thread, maya, moderator):
    question, _ = thread
    category = Category.objects.get(pk=question.category_id)
    counts = (category.question_count, list(Tag.objects.values_list("question_count", flat=True)))
    lines = list(PointEvent.objects.filter(user=maya).values_list("reason", "amount"))
    actions.delete_post(post=question, by=maya)
    actions.restore_post(post=question, by=moderator)
    category.refresh_from_db()
    assert (
        category.question_count,
        list(Tag.objects.values_list("question_count", flat=True)),
    ) == counts
    assert list(PointEvent.objects.filter(user=maya).values_list("reason", "amount")) == lines


def test_an_answer_cannot_come_back_before_its_question(thread, maya, dr_okafor, moderator):
    question, reply = thread
    actions.delete_post(post=reply, by=dr_okafor)
    actions.delete_post(post=question, by=maya)
    with pytest.raises(actions.ActionError, match="Restore the question first"):
        actions.restore_post(post=reply, by=moderator)


def test_an_uncaught_rule_error_shows_its_message(rf, maya):
    from mindwell.core.errors import ActionError
    from mindwell.core.middleware import ErrorResponses

    middleware = ErrorResponses(lambda request: HttpResponse())
    request = rf.post("/somewhere")
    request.user = maya
    page = middleware.process_exception(request, ActionError("Already counted.", status=409))
    assert page is not None and page.status_code == 409
    assert "Already counted." in page.content.decode()
    request = rf.post("/somewhere", headers={"accept": "application/json"})
    as_json = middleware.process_exception(request, ActionError("Too short.", field="body"))
    assert as_json is not None
    assert (as_json.status_code, as_json.content) == (400, b'{"error": "Too short."}')
    assert middleware.process_exception(request, ValueError("not ours")) is None


def test_restore_answers_ugly_requests_clearly(thread, maya, dr_okafor, moderator):
    question, reply = thread
    actions.delete_post(post=reply, by=dr_okafor)
    assert client_for(None).post(f"/post/{reply.pk}/restore").status_code == 302  # log in first
    assert client_for(dr_okafor).post(f"/post/{reply.pk}/restore").status_code == 404
    assert client_for(moderator).get(f"/post/{reply.pk}/restore").status_code == 405
    for forged in ("abc", "1_0", "99999999", "%00"):
        assert client_for(moderator).post(f"/post/{forged}/restore").status_code == 404
    assert (
        client_for(moderator).post(f"/post/{question.pk}/restore").status_code == 302
    )  # live: no-op
    assert Post.objects.get(pk=reply.pk).is_deleted
