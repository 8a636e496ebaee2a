"""What an author may delete: not what others' work depends on (a question holding someone
else's best or upvoted answer, the best answer itself), and they are told why. Moderators
still may. Through HTTP, as a person would."""

import pytest
from django.test import Client

from mindwell.core import pagecache
from mindwell.core.pagecache import members as memberpages
from mindwell.qa import actions, policy
from mindwell.qa.models import Post
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}
QUESTION_DELETE = "Yes, delete this question"
ANSWER_DELETE = "Yes, delete this answer"


@pytest.fixture
def thread(ask, answer, maya, dr_okafor):
    question = ask(maya)
    return question, answer(question, dr_okafor)


def page_of(user, question):
    response = client_for(user).get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def is_deleted(post):
    return Post.objects.get(pk=post.pk).is_deleted


def test_the_asker_deletes_a_question_whose_answers_nobody_valued_yet(thread, maya):
    question, _ = thread
    assert QUESTION_DELETE in page_of(maya, question)
    assert client_for(maya).post(f"/post/{question.pk}/delete").status_code == 302
    assert is_deleted(question)


@pytest.mark.parametrize("valued", ["upvoted", "accepted"])
def test_the_asker_cannot_delete_a_question_with_someone_elses_valued_answer(
    thread, maya, newcomer, valued
):
    question, reply = thread
    if valued == "upvoted":
        actions.cast_vote(user=newcomer, post=reply, value=1)
    else:
        actions.accept_answer(question=question, answer=reply, by=maya)

    html = page_of(maya, question)
    assert QUESTION_DELETE not in html and f'action="/post/{question.pk}/delete"' not in html
    assert "This question cannot be deleted: someone else&#x27;s answer" in html
    assert "ask a moderator" in html

    page = client_for(maya).post(f"/post/{question.pk}/delete")
    assert page.status_code == 403
    assert "This question cannot be deleted" in page.content.decode()
    as_json = client_for(maya).post(f"/post/{question.pk}/delete", headers=JSON)
    assert as_json.status_code == 403 and as_json.json() == {"error": policy.QUESTION_KEPT}
    assert not is_deleted(question)


def test_a_moderator_still_deletes_a_question_its_asker_may_not(thread, maya, newcomer, moderator):
    question, reply = thread
    actions.cast_vote(user=newcomer, post=reply, value=1)
    assert QUESTION_DELETE in page_of(moderator, question)
    assert client_for(moderator).post(f"/post/{question.pk}/delete").status_code == 302
    assert is_deleted(question)


def test_what_does_not_keep_a_question_from_its_asker(
    thread, ask, answer, maya, newcomer, moderator
):
    question, reply = thread
    # A downvote is not a reason to keep it, nor a valued answer that was deleted since.
    actions.cast_vote(user=newcomer, post=reply, value=-1)
    assert policy.can_delete(maya, Post.objects.get(pk=question.pk))
    second = answer(question, newcomer, body="Something that helped me, a while ago now.")
    actions.cast_vote(user=maya, post=second, value=1)
    assert not policy.can_delete(maya, Post.objects.get(pk=question.pk))
    actions.delete_post(post=second, by=moderator)
    assert policy.can_delete(maya, Post.objects.get(pk=question.pk))
    # Her own answer, upvoted and chosen, is her own work to take back.
    own = ask(maya, title="Another question about my therapist and me")
    update = answer(own, maya, body="Update: I told her, and it went well in the end.")
    actions.cast_vote(user=newcomer, post=update, value=1)
    actions.accept_answer(question=own, answer=update, by=maya)
    assert QUESTION_DELETE in page_of(maya, own)
    assert client_for(maya).post(f"/post/{own.pk}/delete").status_code == 302


def test_a_guests_valued_answer_keeps_the_question_too(ask, answer, maya, newcomer):
    question = ask(maya)
    reply = answer(question, None, guest_name="Sam", body="What helped me was writing it down.")
    actions.cast_vote(user=newcomer, post=reply, value=1)
    assert client_for(maya).post(f"/post/{question.pk}/delete").status_code == 403
    assert not is_deleted(question)


def test_the_best_answer_cannot_be_deleted_by_its_author_until_it_is_unselected(
    thread, maya, dr_okafor, moderator
):
    question, reply = thread
    actions.accept_answer(question=question, answer=reply, by=maya)
    html = page_of(dr_okafor, question)
    assert ANSWER_DELETE not in html and f'action="/post/{reply.pk}/delete"' not in html
    assert "This answer cannot be deleted: it was chosen as the best answer" in html
    as_json = client_for(dr_okafor).post(f"/post/{reply.pk}/delete", headers=JSON)
    assert as_json.status_code == 403 and as_json.json() == {"error": policy.ANSWER_KEPT}
    assert not is_deleted(reply)
    # Others see neither the control nor the explanation.
    assert "cannot be deleted" not in page_of(maya, question).split(f'id="a{reply.pk}"')[1]

    actions.accept_answer(question=question, answer=None, by=maya)
    assert ANSWER_DELETE in page_of(dr_okafor, question)
    assert client_for(dr_okafor).post(f"/post/{reply.pk}/delete").status_code == 302
    assert is_deleted(reply)


def test_a_moderator_deletes_the_best_answer(thread, maya, moderator):
    question, reply = thread
    actions.accept_answer(question=question, answer=reply, by=maya)
    assert client_for(moderator).post(f"/post/{reply.pk}/delete").status_code == 302
    assert is_deleted(reply) and not Post.objects.get(pk=question.pk).has_accepted_answer


def test_someone_without_a_say_still_finds_nothing_to_delete(thread, newcomer):
    question, reply = thread
    for post in (question, reply):
        response = client_for(newcomer).post(f"/post/{post.pk}/delete", headers=JSON)
        assert response.status_code == 404
        assert not is_deleted(post)


@pytest.fixture
def stored_pages(settings, tmp_path):
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(tmp_path / "versions.bin")
    pagecache.reset_stores()
    memberpages.clear()
    yield
    memberpages.clear()
    pagecache.reset_stores()


def test_the_askers_stored_page_stops_offering_delete_once_an_answer_is_upvoted(
    stored_pages, thread, maya, newcomer, django_capture_on_commit_callbacks
):
    question, reply = thread
    client, url = client_for(maya), question.get_absolute_url()
    client.get(url)
    hit = client.get(url)
    assert hit["X-Member-Page"] == "hit" and QUESTION_DELETE in hit.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        actions.cast_vote(user=newcomer, post=reply, value=1)
    html = client.get(url).content.decode()
    assert QUESTION_DELETE not in html and "This question cannot be deleted" in html

    with django_capture_on_commit_callbacks(execute=True):
        actions.cast_vote(user=newcomer, post=reply, value=0)
    assert QUESTION_DELETE in client.get(url).content.decode()


def test_a_moderator_sees_a_deleted_question_and_restores_it_from_its_page(
    thread, maya, newcomer, moderator
):
    question, _ = thread
    client_for(maya).post(f"/post/{question.pk}/delete")
    assert client_for(newcomer).get(question.get_absolute_url()).status_code == 404
    html = page_of(moderator, question)
    assert "only moderators see this" in html
    assert f'action="/post/{question.pk}/restore"' in html and "Restore<span" in html
    assert client_for(moderator).post(f"/post/{question.pk}/restore").status_code == 302
    assert not is_deleted(question)
    assert client_for(newcomer).get(question.get_absolute_url()).status_code == 200


def test_a_guest_through_their_private_link_is_held_to_the_same_rule(
    category, answer, dr_okafor, newcomer
):
    guest = Client()
    posted = guest.post(
        "/ask/",
        {
            "title": "How do I tell my sister about my diagnosis?",
            "body": "I was diagnosed last month and I do not know where to start with her.",
            "category": str(category.pk),
            "tags": "family",
        },
    )
    secret = posted["Location"].split("/")[2]
    question = Post.objects.get()
    link_page = f"/guest/{secret}/"
    assert "Yes, delete my question" in guest.get(link_page).content.decode()
    actions.cast_vote(user=newcomer, post=answer(question, dr_okafor), value=1)

    # The link page says why instead of offering the button; a forced request is refused.
    page = guest.get(link_page).content.decode()
    assert "This question cannot be deleted" in page and "Yes, delete my question" not in page
    refused = guest.post(f"/guest/{secret}/delete", follow=True)
    assert "This question cannot be deleted" in refused.content.decode()
    assert not is_deleted(question)
