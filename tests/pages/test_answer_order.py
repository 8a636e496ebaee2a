"""The order of answers on a question page: by votes (the default), oldest or newest first,
the best answer always on top; one address per order, so the page cache keeps one stored
page per order whatever query strings are tried."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mindwell.qa import actions
from mindwell.qa.models import Post
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(maya, dr_okafor, newcomer, moderator, ask, answer):
    """A question with five answers: `first` to `fifth` by time of writing, with equal times
    for `third` and `fourth` (told apart by id); `second` is the best answer, `fifth` the
    most voted, `first` and `third` tie on votes, and one more answer is deleted."""
    question = ask(maya)
    writers = [make_member(f"helper{i}") for i in range(5)]
    posts = [
        answer(question, writer, body=f"Answer number {i}: what helped me was talking.")
        for i, writer in enumerate(writers)
    ]
    gone = answer(question, dr_okafor, body="A deleted answer that nobody should see.")
    actions.delete_post(post=gone, by=dr_okafor)
    start = timezone.now() - timedelta(days=3)
    for minutes, post in zip([0, 10, 20, 20, 30], posts, strict=True):
        Post.objects.filter(pk=post.pk).update(created_at=start + timedelta(minutes=minutes))
    first, second, third, fourth, fifth = posts
    voters = [newcomer, dr_okafor, make_member("voter")]
    for voter in voters:
        actions.cast_vote(user=voter, post=fifth, value=1)
    for post in (first, third):
        actions.cast_vote(user=newcomer, post=post, value=1)
    actions.cast_vote(user=newcomer, post=fourth, value=-1)
    actions.accept_answer(question=question, answer=second, by=maya)
    return question, posts, gone


def answer_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article class="post[^"]*" id="a(\d+)"', html)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [1, 4, 0, 2, 3]),  # votes: 3, 1, 1 (older first), -1
        ("?answers=oldest", [1, 0, 2, 3, 4]),  # third and fourth share a time: by id
        ("?answers=newest", [1, 4, 3, 2, 0]),
    ],
    ids=["votes", "oldest", "newest"],
)
def test_each_order_puts_the_best_answer_first_and_leaves_deleted_answers_out(
    thread, query, expected, newcomer
):
    question, posts, gone = thread
    for viewer in (None, newcomer):
        html = client_for(viewer).get(question.get_absolute_url() + query).content.decode()
        assert answer_ids(html) == [posts[i].pk for i in expected], viewer
        assert gone.body not in html


def test_the_chosen_order_is_marked_and_each_choice_is_a_plain_link(thread):
    question, _, _ = thread
    url = question.get_absolute_url()
    for query, label in [("", "Most votes"), ("?answers=oldest", "Oldest")]:
        html = Client().get(url + query).content.decode()
        nav = html.split('<nav aria-label="Order of answers">', 1)[1].split("</nav>", 1)[0]
        links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)
        assert [(href, text) for href, _, text in links] == [
            (f"{url}#answers", "Most votes"),
            (f"{url}?answers=oldest#answers", "Oldest"),
            (f"{url}?answers=newest#answers", "Newest"),
        ]
        assert [text for _, current, text in links if current] == [label]


def test_a_moderator_sees_deleted_answers_in_the_chosen_order(thread, moderator):
    question, posts, gone = thread
    html = client_for(moderator).get(question.get_absolute_url() + "?answers=newest")
    assert answer_ids(html.content.decode())[:2] == [posts[1].pk, gone.pk]


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("?answers=votes", ""),
        ("?answers=sideways", ""),
        ("?answers=", ""),
        ("?answers=%00", ""),
        ("?utm_source=feed", ""),
        ("?answers=oldest&", "?answers=oldest"),
        ("?answers=oldest&x=1", "?answers=oldest"),
        ("?answers=newest&answers=oldest", "?answers=oldest"),
    ],
)
def test_any_other_query_string_redirects_to_one_address_per_order(thread, query, target):
    question, _, _ = thread
    url = question.get_absolute_url()
    response = Client().get(url + query)
    assert response.status_code == 301
    assert response["Location"] == url + target
    assert Client().get(response["Location"]).status_code == 200


def test_an_old_link_keeps_its_order_on_the_way_to_the_canonical_address(thread):
    question, _, _ = thread
    response = Client().get(f"/q/{question.pk}/old-title/?answers=newest")
    assert response["Location"] == question.get_absolute_url() + "?answers=newest"


def test_with_one_answer_there_is_nothing_to_order(maya, dr_okafor, ask, answer):
    question = ask(maya)
    answer(question, dr_okafor)
    html = Client().get(question.get_absolute_url()).content.decode()
    assert "Order of answers" not in html
