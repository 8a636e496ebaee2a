"""Closing, reopening, locking and protecting questions, through HTTP and the actions.

Personas: Maya asks; Jo moderates the whole site; Ines, Theo and Ruth are trusted members
(enough points to vote to close); the newcomer has no points; Sam is trusted but suspended.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.moderation.actions import closing
from mindwell.moderation.models import AuditEntry, CloseVote, Queue, ReviewItem, ReviewStatus
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.tags.actions import set_category_moderators
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member
from tests.pages import conftest as pages_conftest
from tests.qa.conftest import counters

# The `servers` fixture (two real granian processes), shared with tests/pages.
real_servers = pages_conftest.servers

pytestmark = pytest.mark.django_db

OTHER_TITLE = "How do I tell my therapist I feel attached?"


@pytest.fixture
def trusted(db: None) -> list[User]:
    return [
        make_member(name, display_name=name.title(), points=150)
        for name in ("ines", "theo", "ruth")
    ]


@pytest.fixture
def question(maya: User, ask: Callable[..., Post]) -> Post:
    return ask(maya)


@pytest.fixture
def original(newcomer: User, ask: Callable[..., Post]) -> Post:
    return ask(newcomer, title=OTHER_TITLE, tags="attachment")


def close_url(question: Post) -> str:
    return reverse("moderation:close", kwargs={"question_id": question.pk})


def reopen_url(question: Post) -> str:
    return reverse("moderation:reopen", kwargs={"question_id": question.pk})


def state(question: Post) -> tuple[Any, ...]:
    """The question's row as closing may change it, and every close vote."""
    row = Post.objects.values_list(
        "closed_at", "close_reason", "close_note", "duplicate_of", "locked_at", "protected_at"
    ).get(pk=question.pk)
    votes = list(CloseVote.objects.order_by("pk").values_list("voter_id", "kind", "spent"))
    return row, votes, AuditEntry.objects.count(), ReviewItem.objects.count()


def page(question: Post, user: User | None = None) -> str:
    response = client_for(user).get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


# Closing by a moderator ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "note", "shown"),
    [
        ("off_topic", "", "Closed: Off-topic."),
        ("needs_detail", "What have you tried so far?", "What have you tried so far?"),
        ("other", "Asked and answered in the weekly thread.", "Closed: Other."),
        ("duplicate", "", "This question has an answer already:"),
    ],
)
def test_a_moderator_closes_a_question_at_once_with_each_reason(
    moderator, question, original, reason, note, shown
):
    data = {"reason": reason, "note": note}
    if reason == "duplicate":
        data["duplicate_of"] = str(original.pk)
    response = client_for(moderator).post(close_url(question), data, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The question is closed." in html
    assert shown in html and "it takes no new answers" in html
    question.refresh_from_db()
    assert question.is_closed and question.close_reason == reason
    assert question.duplicate_of_id == (original.pk if reason == "duplicate" else None)
    entry = AuditEntry.objects.get(action="close")
    assert entry.actor == moderator and entry.post_id == question.pk
    assert entry.details["reason"] == reason
    # Anyone reading it sees the notice, and no answer form.
    html = page(question)
    assert shown in html
    assert "This question is closed: it takes no new answers." in html
    assert "Post your answer" not in html


def test_the_close_form_offers_the_reasons_as_radio_buttons(moderator, question):
    html = client_for(moderator).get(close_url(question)).content.decode()
    for value in ("duplicate", "off_topic", "needs_detail", "other"):
        assert f'type="radio" name="reason" value="{value}"' in html
    assert "<legend" in html and 'name="duplicate_of"' in html and 'name="note"' in html


@pytest.mark.parametrize(
    "reference",
    [
        "{pk}",
        "/q/{pk}/",
        "/q/{pk}/{slug}/",
        "http://testserver/q/{pk}/{slug}/",
        "https://testserver/q/{pk}/{slug}/?answers=newest#a1",
        "q/{pk}/{slug}/",
    ],
)
def test_the_original_may_be_given_by_number_path_or_address(
    moderator, question, original, reference
):
    data = {
        "reason": "duplicate",
        "duplicate_of": reference.format(pk=original.pk, slug=original.slug),
    }
    response = client_for(moderator).post(close_url(question), data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.duplicate_of_id == original.pk


def test_the_duplicate_notice_links_to_the_original_and_the_original_lists_it(
    moderator, question, original, newcomer
):
    closing.close_question(
        question=question, by=moderator, reason="duplicate", duplicate_of=original
    )
    for viewer in (None, newcomer):
        html = page(question, viewer)
        assert "This question has an answer already:" in html
        assert f'<a href="{original.get_absolute_url()}">{OTHER_TITLE}</a>' in html
        html = page(original, viewer)
        assert "Questions marked as duplicates of this one" in html
        assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in html
    # A duplicate that is deleted leaves the original's list.
    actions.delete_post(post=question, by=moderator)
    assert "Questions marked as duplicates of this one" not in page(original)


# Votes ------------------------------------------------------------------------------------


def test_three_trusted_members_votes_close_a_question_and_two_do_not(question, trusted, moderator):
    ines, theo, ruth = trusted
    response = client_for(ines).post(close_url(question), {"reason": "off_topic"}, follow=True)
    assert "Your vote is counted, 1 of 3." in response.content.decode()
    item = ReviewItem.objects.get(queue=Queue.CLOSE_VOTES, post=question)
    assert item.status == ReviewStatus.OPEN
    response = client_for(theo).post(
        close_url(question), {"reason": "needs_detail", "note": "Say more"}, follow=True
    )
    assert "Your vote is counted, 2 of 3." in response.content.decode()
    question.refresh_from_db()
    assert not question.is_closed
    assert "Closed:" not in page(question)
    # The moderators see the votes so far; a voter sees their own and may take it back.
    assert "Ines: Off-topic" in client_for(moderator).get(close_url(question)).content.decode()
    assert "Take back my vote" in client_for(ines).get(close_url(question)).content.decode()

    response = client_for(ruth).post(close_url(question), {"reason": "off_topic"}, follow=True)
    assert "Your vote closed the question." in response.content.decode()
    question.refresh_from_db()
    assert question.is_closed and question.close_reason == "off_topic"
    assert not CloseVote.objects.filter(spent=False).exists()
    item.refresh_from_db()
    assert item.status == ReviewStatus.DONE and "by votes" in item.outcome
    entry = AuditEntry.objects.get(action="close")
    assert entry.actor is None
    assert entry.details["voters"] == [ines.pk, theo.pk, ruth.pk]


def test_votes_close_as_a_duplicate_of_the_original_most_of_them_named(
    question, trusted, original, ask, newcomer
):
    elsewhere = ask(newcomer, title="Is attachment to a counsellor a problem?")
    ines, theo, ruth = trusted
    closing.vote_to_close(question=question, voter=ines, reason="duplicate", duplicate_of=elsewhere)
    closing.vote_to_close(question=question, voter=theo, reason="duplicate", duplicate_of=original)
    outcome = closing.vote_to_close(
        question=question, voter=ruth, reason="duplicate", duplicate_of=original
    )
    assert outcome.decided
    question.refresh_from_db()
    assert question.close_reason == "duplicate" and question.duplicate_of_id == original.pk


def test_a_member_votes_once_per_round_and_may_take_the_vote_back(question, trusted):
    ines = trusted[0]
    closing.vote_to_close(question=question, voter=ines, reason="off_topic")
    with pytest.raises(ActionError, match="already"):
        closing.vote_to_close(question=question, voter=ines, reason="off_topic")
    response = client_for(ines).post(
        reverse("moderation:retract_close_vote", kwargs={"question_id": question.pk}),
        follow=True,
    )
    assert "Your vote to close is taken back." in response.content.decode()
    assert not CloseVote.objects.exists()
    assert ReviewItem.objects.get(post=question).status == ReviewStatus.DONE
    response = client_for(ines).post(
        reverse("moderation:retract_close_vote", kwargs={"question_id": question.pk}),
        follow=True,
    )
    assert "You have no vote on this question to take back." in response.content.decode()


@pytest.fixture
def suspended(db: None) -> User:
    return make_member("sam", points=500, suspended_until=timezone.now() + timedelta(days=3))


@pytest.mark.parametrize("who", ["guest", "newcomer", "suspended", "asker"])
def test_members_who_may_not_vote_are_refused_and_nothing_changes(
    question, newcomer, suspended, maya, who
):
    maya.points = 500  # trusted, but it is her own question
    maya.save(update_fields=["points"])
    user = {"guest": None, "newcomer": newcomer, "suspended": suspended, "asker": maya}[who]
    before = state(question), counters()
    client = client_for(user)
    assert client.get(close_url(question)).status_code == 403
    response = client.post(close_url(question), {"reason": "off_topic"})
    assert response.status_code == 403
    assert response.content.decode()  # says why
    for name in ("moderation:lock", "moderation:protect"):
        url = reverse(name, kwargs={"question_id": question.pk})
        assert client.post(url, {"locked": "on", "protected": "on"}).status_code == 404
    assert (state(question), counters()) == before


def test_a_category_moderator_closes_in_their_category_only(question, category):
    cat_mod = make_member("cat_mod", display_name="Cat")
    elsewhere = Category.objects.exclude(pk__in=[category.pk, category.parent_id]).first()
    assert elsewhere is not None
    set_category_moderators(category=elsewhere, moderator_ids=[cat_mod.pk])
    cat_mod.refresh_from_db()
    assert client_for(cat_mod).post(close_url(question), {"reason": "off_topic"}).status_code == 403
    set_category_moderators(category=category, moderator_ids=[cat_mod.pk])
    cat_mod.refresh_from_db()
    assert client_for(cat_mod).post(close_url(question), {"reason": "off_topic"}).status_code == 302
    question.refresh_from_db()
    assert question.is_closed


# Reopening --------------------------------------------------------------------------------


def test_a_moderator_reopens_a_closed_question(moderator, question, original):
    closing.close_question(
        question=question, by=moderator, reason="duplicate", duplicate_of=original
    )
    response = client_for(moderator).post(reopen_url(question), {"note": "Not the same"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.is_closed and question.duplicate_of_id is None
    assert question.close_reason == ""
    assert AuditEntry.objects.get(action="reopen").actor == moderator
    assert "Post your answer" in page(question)
    assert "Questions marked as duplicates" not in page(original)


def test_three_votes_reopen_a_closed_question(moderator, question, trusted):
    closing.close_question(question=question, by=moderator, reason="off_topic")
    ines, theo, ruth = trusted
    for voter, said in ((ines, "1 of 3"), (theo, "2 of 3")):
        response = client_for(voter).post(reopen_url(question), follow=True)
        assert f"Your vote is counted, {said}." in response.content.decode()
    question.refresh_from_db()
    assert question.is_closed
    response = client_for(ruth).post(reopen_url(question), follow=True)
    assert "Your vote reopened it." in response.content.decode()
    question.refresh_from_db()
    assert not question.is_closed
    entry = AuditEntry.objects.get(action="reopen")
    assert entry.actor is None and entry.details["voters"] == [ines.pk, theo.pk, ruth.pk]


# Locking and protecting -------------------------------------------------------------------


def test_a_locked_thread_refuses_answers_comments_and_votes(
    moderator, question, dr_okafor, newcomer, answer
):
    reply = answer(question, dr_okafor)
    url = reverse("moderation:lock", kwargs={"question_id": question.pk})
    response = client_for(moderator).post(url, {"locked": "on"}, follow=True)
    assert "The thread is locked." in response.content.decode()
    assert AuditEntry.objects.get(action="lock").actor == moderator
    html = page(question, newcomer)
    assert "This question is locked:" in html
    assert "Post your answer" not in html and "Add a comment" not in html

    before = counters()
    client = client_for(newcomer)
    response = client.post(
        reverse("qa:answer", kwargs={"question_id": question.pk}),
        {"body": "I went through the same thing last year, and it passed."},
    )
    assert response.status_code == 403
    assert "it takes no new answers, comments or votes" in response.content.decode()
    response = client.post(
        reverse("qa:comment", kwargs={"post_id": reply.pk}), {"body": "Thank you for this."}
    )
    assert response.status_code == 403
    assert "it takes no new comments" in response.content.decode()
    response = client.post(
        reverse("qa:vote", kwargs={"post_id": reply.pk}),
        {"value": "up"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 403
    assert "locked" in response.json()["error"]
    assert counters() == before

    client_for(moderator).post(url, {"locked": "off"})
    question.refresh_from_db()
    assert not question.is_locked
    assert "Post your answer" in page(question, newcomer)


def test_a_protected_question_takes_answers_only_from_members_with_some_points(
    moderator, question, newcomer
):
    url = reverse("moderation:protect", kwargs={"question_id": question.pk})
    assert client_for(moderator).post(url, {"protected": "on"}).status_code == 302
    seasoned = make_member("seasoned", points=20)
    answer_url = reverse("qa:answer", kwargs={"question_id": question.pk})
    body = {"body": "Talking about it with them helped me more than I expected."}
    before = counters()
    for person in (None, newcomer):
        html = page(question, person)
        assert "only members with at least 10 points may answer it" in html
        assert "Post your answer" not in html
        response = client_for(person).post(answer_url, body)
        assert response.status_code == 403
        assert "answering it takes at least 10 points" in response.content.decode()
    assert counters() == before
    assert "Post your answer" in page(question, seasoned)
    assert client_for(seasoned).post(answer_url, body).status_code == 302
    assert Post.objects.filter(question=question, author=seasoned).exists()
    assert AuditEntry.objects.filter(action="protect", actor=moderator).exists()


def test_moderators_and_trusted_members_see_their_controls_and_others_none(
    moderator, question, trusted, newcomer
):
    html = page(question, moderator)
    assert f'href="{close_url(question)}">Close</a>' in html
    assert ">Lock<" in html and ">Protect<" in html
    html = page(question, trusted[0])
    assert f'href="{close_url(question)}">Vote to close</a>' in html and ">Lock<" not in html
    for person in (None, newcomer):
        html = page(question, person)
        assert close_url(question) not in html


# Lists ------------------------------------------------------------------------------------


def test_list_rows_show_closed_duplicate_and_locked_badges(
    moderator, question, original, ask, maya
):
    third = ask(maya, title="Why do I miss my therapist between sessions?")
    closing.close_question(
        question=question, by=moderator, reason="duplicate", duplicate_of=original
    )
    closing.close_question(question=original, by=moderator, reason="off_topic")
    closing.lock_thread(question=third, by=moderator)
    html = Client().get("/").content.decode()
    assert '<span class="badge state-badge">duplicate</span>' in html
    assert '<span class="badge state-badge">closed</span>' in html
    assert '<span class="badge state-badge">locked</span>' in html


# Bad input --------------------------------------------------------------------------------


def _hidden(post: Post, moderator: User) -> Post:
    from django.db import transaction

    with transaction.atomic():
        return actions.hide_post(post=post, by=moderator, note="Under review")


BAD_CLOSES: dict[str, tuple[Callable[..., dict[str, str]], str]] = {
    "no reason": (lambda w: {"reason": ""}, "This field is required."),
    "an unknown reason": (lambda w: {"reason": "boring"}, "Select a valid choice."),
    "other without a note": (lambda w: {"reason": "other"}, "Say in a few words why"),
    "a note too long": (lambda w: {"reason": "other", "note": "x" * 400}, "at most 300"),
    "a duplicate without an original": (
        lambda w: {"reason": "duplicate"},
        "Say which question this one duplicates.",
    ),
    "a duplicate of itself": (
        lambda w: {"reason": "duplicate", "duplicate_of": str(w["question"].pk)},
        "A question cannot be a duplicate of itself.",
    ),
    "a duplicate of a deleted question": (
        lambda w: {"reason": "duplicate", "duplicate_of": str(w["deleted"].pk)},
        "removed",
    ),
    "a duplicate of a hidden question": (
        lambda w: {"reason": "duplicate", "duplicate_of": str(w["hidden"].pk)},
        "removed",
    ),
    "a duplicate of an answer": (
        lambda w: {"reason": "duplicate", "duplicate_of": str(w["answer"].pk)},
        "That is an answer",
    ),
    "a cycle of duplicates": (
        lambda w: {"reason": "duplicate", "duplicate_of": str(w["cycle"].pk)},
        "is marked as a duplicate of this one",
    ),
    "a question that does not exist": (
        lambda w: {"reason": "duplicate", "duplicate_of": "99999999"},
        "There is no question at that address",
    ),
    "an address on another site": (
        lambda w: {"reason": "duplicate", "duplicate_of": "https://example.com/q/1/x/"},
        "Give the address of a question on this site",
    ),
    "an address of no question": (
        lambda w: {"reason": "duplicate", "duplicate_of": "/tags/"},
        "Give the address of a question on this site",
    ),
    "words": (
        lambda w: {"reason": "duplicate", "duplicate_of": "the one about attachment"},
        "Give the address of a question on this site",
    ),
}


@pytest.fixture
def bad_world(moderator, question, original, ask, answer, newcomer, dr_okafor) -> dict[str, Any]:
    deleted = ask(newcomer, title="A question that was deleted by its asker")
    actions.delete_post(post=deleted, by=newcomer)
    hidden = _hidden(ask(newcomer, title="A question hidden while it is reviewed"), moderator)
    cycle = ask(newcomer, title="A question already closed as a duplicate of this")
    closing.close_question(question=cycle, by=moderator, reason="duplicate", duplicate_of=question)
    return {
        "question": question, "deleted": deleted, "hidden": hidden, "cycle": cycle,
        "answer": answer(original, dr_okafor),
    }  # fmt: skip


@pytest.mark.parametrize("as_voter", [False, True], ids=["moderator", "voter"])
@pytest.mark.parametrize("case", BAD_CLOSES.values(), ids=BAD_CLOSES.keys())
def test_bad_close_requests_get_a_clear_message_and_change_nothing(
    bad_world, moderator, trusted, case, as_voter
):
    make_data, message = case
    question = bad_world["question"]
    before = state(question)
    response = client_for(trusted[0] if as_voter else moderator).post(
        close_url(question), make_data(bad_world)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert state(question) == before


def test_closing_a_closed_question_or_reopening_an_open_one_is_refused(
    moderator, question, trusted
):
    closing.close_question(question=question, by=moderator, reason="off_topic")
    before = state(question)
    for user in (moderator, trusted[0]):
        response = client_for(user).post(close_url(question), {"reason": "off_topic"})
        assert response.status_code == 400
        assert "This question is closed already." in response.content.decode()
    assert state(question) == before
    closing.reopen_question(question=question, by=moderator)
    before = state(question)
    for user in (moderator, trusted[0]):
        response = client_for(user).post(reopen_url(question))
        assert response.status_code == 400
        assert "This question is open already." in response.content.decode()
    assert state(question) == before
    with pytest.raises(ActionError, match="open already"):
        closing.reopen_question(question=question, by=moderator)


@pytest.mark.parametrize("name", ["close", "reopen", "lock", "protect", "retract_close_vote"])
@pytest.mark.parametrize("forged", ["99999999", "12abc", "٣", "-1"])
def test_forged_question_ids_are_404(moderator, question, name, forged):
    url = reverse(f"moderation:{name}", kwargs={"question_id": forged})
    assert (
        client_for(moderator).post(url, {"reason": "off_topic", "locked": "on"}).status_code == 404
    )


def test_an_answer_id_in_place_of_a_question_is_404(moderator, question, dr_okafor, answer):
    reply = answer(question, dr_okafor)
    assert client_for(moderator).get(close_url(reply)).status_code == 404


def test_locking_twice_or_without_saying_how_is_a_clear_message(moderator, question):
    url = reverse("moderation:lock", kwargs={"question_id": question.pk})
    client = client_for(moderator)
    assert client.post(url, {"locked": "on"}).status_code == 302
    response = client.post(url, {"locked": "on"}, follow=True)
    assert "This question is locked already." in response.content.decode()
    response = client.post(url, {"locked": "sideways"})
    assert response.status_code == 400
    assert AuditEntry.objects.filter(action="lock").count() == 1


# Stored pages -----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_pages_show_a_close_and_a_lock_at_once_in_every_process(
    real_servers, moderator, question, original
):
    """Two real granian processes store the pages for guests and members; closing and
    locking in this process change every one of them at once."""
    member = Client()
    member.force_login(make_member("reader"))
    readers = {
        "X-Page-Cache": "",
        "X-Member-Page": f"sessionid={member.cookies['sessionid'].value}; csrftoken={'m' * 32}",
    }
    pages = [question.get_absolute_url(), original.get_absolute_url(), "/"]
    for server in real_servers:
        for header, cookie in readers.items():
            for url in pages:
                server.request("GET", url, cookie=cookie)
                response, _ = server.request("GET", url, cookie=cookie)
                assert response.headers[header] == "hit", (url, header)
    closing.close_question(
        question=question, by=moderator, reason="duplicate", duplicate_of=original
    )
    closing.lock_thread(question=question, by=moderator)
    expected = [
        (question.get_absolute_url(), "This question has an answer already:"),
        (question.get_absolute_url(), "!Post your answer"),
        (original.get_absolute_url(), "Questions marked as duplicates of this one"),
        (question.get_absolute_url(), "This question is locked:"),
        ("/", 'state-badge">duplicate</span>'),
        ("/", 'state-badge">locked</span>'),
    ]
    for server in real_servers:
        for cookie in readers.values():
            for url, text in expected:
                response, html = server.request("GET", url, cookie=cookie)
                assert response.status == 200
                if text.startswith("!"):
                    assert text[1:] not in html, (url, cookie, text)
                else:
                    assert text in html, (url, cookie, text)
