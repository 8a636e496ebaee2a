# mypy: disable-error-code="union-attr"
"""A form sent twice makes one post: a retry after a dropped connection, a double click, or
two copies of the request in flight at once all get what the first one made."""

import re
import threading
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mindwell.qa.guest_links import find_link
from mindwell.qa.models import Comment, Post, Submission
from mindwell.tags.models import Category
from tests.conftest import client_for
from tests.pages.servers import cookie_value, token_in


def ask_data():
    return {
        "title": "How do I get through a panic attack at work?",
        "body": "It started in a meeting last week and I had to leave the room.",
        "category": str(Category.objects.get(slug="panic-attacks").pk),
        "tags": "panic work",
    }


def form_client(user):
    """A browser: it keeps its cookies and sends the CSRF token of the page it was given."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def form_tokens(html):
    """What a browser sends of a form besides what was typed: its CSRF token, and the token
    naming this rendering of it."""
    submission = re.search(r'name="submission" value="([^"]+)"', html).group(1)
    return {"csrfmiddlewaretoken": token_in(html), "submission": submission}


def landing(location):
    """Where a sending's answer leads: the item itself, for a guest through the private link
    page they are sent to first (each sending gets a working link of its own)."""
    found = re.fullmatch(r"/guest/([^/]+)/posted", location)
    return find_link(found.group(1)).item.get_absolute_url() if found else location


def send_twice(client, page_url, action_url, data):
    tokens = form_tokens(client.get(page_url).content.decode())
    first = client.post(action_url, {**data, **tokens})
    again = client.post(action_url, {**data, **tokens})
    return first, again


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["guest", "member"])
def test_an_ask_form_sent_twice_makes_one_question(who, maya):
    client = form_client(maya if who == "member" else None)
    first, again = send_twice(client, reverse("qa:ask"), reverse("qa:ask"), ask_data())

    question = Post.objects.questions().get()
    assert first.status_code == again.status_code == 302
    assert landing(first["Location"]) == landing(again["Location"]) == question.get_absolute_url()
    assert question.revisions.count() == 1
    assert Category.objects.get(slug="panic-attacks").question_count == 1


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["guest", "member"])
def test_an_answer_form_sent_twice_makes_one_answer(who, maya, dr_okafor, ask):
    question = ask(maya)
    client = form_client(dr_okafor if who == "member" else None)
    first, again = send_twice(
        client, question.get_absolute_url(), reverse("qa:answer", args=[question.pk]),
        {"body": "Talking to them about it helped me a great deal."},
    )  # fmt: skip

    answer = Post.objects.answers().get()
    assert landing(first["Location"]) == landing(again["Location"]) == answer.get_absolute_url()
    question.refresh_from_db()
    assert question.answer_count == 1


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["guest", "member"])
def test_a_comment_form_sent_twice_makes_one_comment(who, maya, dr_okafor, ask):
    question = ask(maya)
    client = form_client(dr_okafor if who == "member" else None)
    first, again = send_twice(
        client, question.get_absolute_url(), reverse("qa:comment", args=[question.pk]),
        {"body": "Could you say how long ago this started?"},
    )  # fmt: skip

    comment = Comment.objects.get()
    assert landing(first["Location"]) == landing(again["Location"]) == comment.get_absolute_url()
    question.refresh_from_db()
    assert question.comment_count == 1


@pytest.mark.django_db
def test_the_same_form_sent_again_with_other_words_is_a_new_post(maya, ask):
    question = ask(maya)
    client = form_client(None)
    tokens = form_tokens(client.get(question.get_absolute_url()).content.decode())
    url = reverse("qa:answer", args=[question.pk])
    for body in ("My first thought on this question.", "And a second, different thought."):
        client.post(url, {"body": body, **tokens})

    assert Post.objects.answers().count() == 2


@pytest.mark.django_db
def test_each_page_gives_a_new_form_so_a_second_question_is_not_taken_for_a_repeat(maya):
    client = form_client(maya)
    for _ in range(2):
        tokens = form_tokens(client.get(reverse("qa:ask")).content.decode())
        client.post(reverse("qa:ask"), {**ask_data(), **tokens})

    assert Post.objects.questions().count() == 2


@pytest.mark.django_db
def test_two_members_sending_the_same_words_from_one_token_each_get_their_own(
    maya, dr_okafor, newcomer, ask
):
    question = ask(maya)
    url = reverse("qa:answer", args=[question.pk])
    for member in (dr_okafor, newcomer):
        client_for(member).post(
            url, {"body": "The same words from two people.", "submission": "a" * 64}
        )

    assert set(Post.objects.answers().values_list("author__username", flat=True)) == {
        "dr_okafor",
        "newcomer",
    }


@pytest.mark.django_db
def test_a_page_made_before_the_submission_field_is_known_by_its_csrf_token(maya, ask):
    question = ask(maya)
    client = form_client(None)
    token = token_in(client.get(question.get_absolute_url()).content.decode())
    for _ in range(2):
        client.post(
            reverse("qa:answer", args=[question.pk]),
            {"body": "Sent from a page without the field.", "csrfmiddlewaretoken": token},
        )

    assert Post.objects.answers().count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("token", [None, "", "short", "!" * 64])
def test_a_form_without_a_usable_token_is_still_posted(maya, ask, token):
    question = ask(maya)
    data = {"body": "Posted from a page made before the tokens counted."}
    if token is not None:
        data["submission"] = data["csrfmiddlewaretoken"] = token
    for _ in range(2):
        response = client_for(None).post(reverse("qa:answer", args=[question.pk]), data)
        assert response.status_code == 302

    assert Post.objects.answers().count() == 2


@pytest.mark.django_db
def test_forget_submissions_removes_only_old_records(maya):
    client = form_client(maya)
    send_twice(client, reverse("qa:ask"), reverse("qa:ask"), ask_data())
    old = Submission.objects.get()
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    send_twice(
        client, reverse("qa:ask"), reverse("qa:ask"),
        {**ask_data(), "title": "A second question about panic at work"},
    )  # fmt: skip

    call_command("forget_submissions", days=7)

    assert list(Submission.objects.values_list("post__title", flat=True)) == [
        "A second question about panic at work"
    ]
    assert Post.objects.count() == 2


# Two copies of one request in flight at once, each through its own web process.


def at_once(*calls):
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait(timeout=30)
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def member_cookie(user, csrf_secret):
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf_secret}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("who", ["guest", "member"])
@pytest.mark.parametrize("kind", ["question", "answer", "comment"])
def test_two_copies_of_one_submission_in_flight_at_once_make_one_post(
    servers, maya, dr_okafor, ask, who, kind
):
    a, b = servers
    question = ask(maya)
    page_url, action_url, data = {
        "question": (reverse("qa:ask"), reverse("qa:ask"), ask_data()),
        "answer": (
            question.get_absolute_url(),
            reverse("qa:answer", args=[question.pk]),
            {"body": "Talking to them about it helped me a great deal."},
        ),
        "comment": (
            question.get_absolute_url(),
            reverse("qa:comment", args=[question.pk]),
            {"body": "Could you say how long ago this started?"},
        ),
    }[kind]
    if who == "member":
        cookie = member_cookie(dr_okafor, "m" * 32)
        _, html = a.request("GET", page_url, cookie=cookie)
    else:
        got, html = a.request("GET", page_url)
        cookie = f"csrftoken={cookie_value(got, 'csrftoken')}"
    body = urlencode({**data, **form_tokens(html)})

    results = at_once(
        lambda: a.request("POST", action_url, cookie=cookie, body=body)[0],
        lambda: b.request("POST", action_url, cookie=cookie, body=body)[0],
    )

    made = Comment.objects.all() if kind == "comment" else Post.objects.exclude(pk=question.pk)
    assert made.count() == 1
    assert [response.status for response in results] == [302, 302]
    locations = {landing(response.headers["Location"]) for response in results}
    assert locations == {made.get().get_absolute_url()}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_stored_page_gives_every_response_its_own_form(servers, maya, ask):
    a, _ = servers
    question = ask(maya)
    first, html = a.request("GET", question.get_absolute_url())
    cookie = f"csrftoken={cookie_value(first, 'csrftoken')}"
    again, again_html = a.request("GET", question.get_absolute_url(), cookie=cookie)

    assert again.headers["X-Page-Cache"] == "hit"
    tokens, again_tokens = form_tokens(html), form_tokens(again_html)
    assert tokens["submission"] == tokens["csrfmiddlewaretoken"]
    assert again_tokens["submission"] != tokens["submission"]
    # Every form on the page (the answer form, each comment form) names this response.
    assert set(re.findall(r'name="submission" value="([^"]+)"', again_html)) == {
        again_tokens["submission"]
    }
