"""What screening does to a post once it is written (issue 12, "Screening"): a crisis post is
published and its author sees the support page at once, then goes on; the item reaches the
top of the moderators' queue marked "may need support". Incitement and method are held for
review; a method text with first-person intent also brings the support page. Everything
through HTTP, as a member and as a guest."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from mindwell.core import events
from mindwell.core.errors import ActionError
from mindwell.moderation.models import AuditEntry, Queue, ReviewItem
from mindwell.moderation.queue import PRIORITY_HIGH, PRIORITY_URGENT, enqueue
from mindwell.qa import actions
from mindwell.qa.events import Submitted
from mindwell.qa.models import Comment, Post, Removal
from mindwell.safety.models import Outcome, Screening
from tests.conftest import client_for

CRISIS = (
    "i dont know why im writing this. i dont want to be alive anymore and i keep thinking "
    "about ending my life tonight, everyone would be better off"
)
METHOD = (
    "i have been saving up my pills for weeks and i am going to take them all tonight to "
    "end my life"
)
INCITEMENT = "honestly nobody would miss you, you should just go kill yourself"
PROFANITY = "my fucking therapist cancelled on me again and i am so damn annoyed about it"
CALM = "How do I tell my therapist that I want to end therapy after three years?"

SUPPORT_PATH = re.compile(r"/support/posted/[^/]+/")


def ask_data(category, body, title="I do not know who else to tell about this"):
    return {"title": title, "body": body, "category": str(category.pk), "tags": "depression"}


def safety_item(item):
    lookup = {"comment": item} if isinstance(item, Comment) else {"post": item}
    return ReviewItem.objects.get(queue=Queue.SAFETY, status="open", **lookup)


@pytest.mark.django_db
def test_a_crisis_question_is_published_and_its_author_sees_the_support_page(maya, category):
    client = client_for(maya)

    response = client.post(reverse("qa:ask"), ask_data(category, CRISIS))

    question = Post.objects.get()
    assert response.status_code == 302 and SUPPORT_PATH.fullmatch(response["Location"])
    assert not question.is_deleted  # published, never blocked
    page = client.get(response["Location"])
    html = unescape(page.content.decode())
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "Your question is up on the site" in html
    assert "Will they send the police?" in html
    assert f'href="{question.get_absolute_url()}"' in html  # go on to the post
    assert f'href="{reverse("qa:edit", kwargs={"post_id": question.pk})}"' in html
    assert f'href="{reverse("help_now")}"' in html
    assert "not a crisis or treatment service" in html
    assert CRISIS not in html  # the page shows nothing of the post
    # Everyone can read it; moderators have it on top of their queue, marked.
    assert CRISIS in unescape(Client().get(question.get_absolute_url()).content.decode())
    item = safety_item(question)
    assert item.priority == PRIORITY_URGENT and "May need support" in item.reason
    screening = Screening.objects.get(post=question)
    assert screening.outcome == Outcome.CRISIS and screening.support and screening.reasons


@pytest.mark.django_db
def test_the_crisis_item_goes_above_everything_else_in_the_moderators_queue(
    maya, ask, moderator, category
):
    older = ask(maya, title="A flagged question from earlier on", body=CALM)
    enqueue(queue=Queue.SAFETY, reason="Screening: method", post=older, priority=PRIORITY_HIGH)
    client_for(maya).post(reverse("qa:ask"), ask_data(category, CRISIS))
    crisis = Post.objects.get(body=CRISIS)

    page = client_for(moderator).get(reverse("moderation:queue", args=[Queue.SAFETY]))

    html = page.content.decode()
    first = html.index(reverse("moderation:item", args=[safety_item(crisis).pk]))
    assert first < html.index(reverse("moderation:item", args=[safety_item(older).pk]))


@pytest.mark.django_db
def test_intent_with_a_method_is_held_and_still_brings_the_support_page(maya, category):
    client = client_for(maya)

    response = client.post(reverse("qa:ask"), ask_data(category, METHOD))

    question = Post.objects.get()
    assert SUPPORT_PATH.fullmatch(response["Location"])
    assert question.removal == Removal.HELD and question.is_held
    html = unescape(client.get(response["Location"]).content.decode())
    assert "waiting for a moderator" in html and "only you can see it" in html
    assert Client().get(question.get_absolute_url()).status_code == 404
    item = safety_item(question)
    assert item.priority == PRIORITY_URGENT and "May need support" in item.reason
    assert "Screening: method" in item.reason
    entry = AuditEntry.objects.get(action="screening_hold")
    assert entry.actor is None and entry.post_id == question.pk
    assert Screening.objects.get(post=question).outcome == Outcome.METHOD


@pytest.mark.django_db
def test_incitement_is_held_without_a_support_page(maya, dr_okafor, ask):
    question = ask(maya, body=CALM)
    client = client_for(dr_okafor)

    response = client.post(reverse("qa:answer", args=[question.pk]), {"body": INCITEMENT})

    answer = Post.objects.answers().get()
    assert response["Location"] == answer.get_absolute_url()
    assert answer.removal == Removal.HELD
    item = safety_item(answer)
    assert item.priority == PRIORITY_HIGH and "incitement" in item.reason
    assert INCITEMENT not in Client().get(question.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_calm_text_and_swearing_alone_are_left_alone(maya, ask, category):
    client = client_for(maya)
    response = client.post(reverse("qa:ask"), ask_data(category, PROFANITY, title=CALM))

    question = Post.objects.get()
    assert response["Location"] == question.get_absolute_url() and not question.is_deleted
    assert not Screening.objects.exists() and not ReviewItem.objects.exists()


@pytest.mark.django_db
def test_a_guests_crisis_answer_brings_the_support_page_then_their_private_link(maya, ask):
    question = ask(maya, body=CALM)
    client = Client()

    response = client.post(
        reverse("qa:answer", args=[question.pk]),
        {"body": CRISIS, "guest_name": "", "guest_email": "sam@example.org"},
    )

    assert SUPPORT_PATH.fullmatch(response["Location"]), response["Location"]
    assert "no-store" in response["Cache-Control"]
    page = unescape(client.get(response["Location"]).content.decode())
    onward = re.search(r'href="(/guest/[\w-]+/posted)"', page)
    assert onward and "Edit it" not in page  # a guest edits through their private link
    assert CRISIS in unescape(client.get(onward.group(1)).content.decode())


@pytest.mark.django_db
def test_a_crisis_comment_brings_the_support_page(maya, ask, dr_okafor):
    question = ask(maya, body=CALM)
    client = client_for(dr_okafor)

    response = client.post(reverse("qa:comment", args=[question.pk]), {"body": CRISIS})

    comment = Comment.objects.get()
    assert SUPPORT_PATH.fullmatch(response["Location"])
    assert "Go to my comment" in client.get(response["Location"]).content.decode()
    assert not comment.is_deleted and safety_item(comment).priority == PRIORITY_URGENT


@pytest.mark.django_db
def test_an_edit_into_crisis_brings_the_page_once(maya, ask):
    question = ask(maya, body=CALM)
    client = client_for(maya)
    url = reverse("qa:edit", kwargs={"post_id": question.pk})
    data = {"title": question.title, "category": question.category_id, "tags": "therapy"}

    first = client.post(url, {**data, "body": CRISIS, "reason": ""})
    again = client.post(url, {**data, "body": CRISIS + " please", "reason": ""})

    assert SUPPORT_PATH.fullmatch(first["Location"]), first.content.decode()[:400]
    assert again["Location"] == question.get_absolute_url()
    assert Screening.objects.filter(post=question, support=True).count() == 2
    assert ReviewItem.objects.filter(queue=Queue.SAFETY).count() == 1


@pytest.mark.django_db
def test_a_moderator_taking_the_method_out_is_not_held_again(maya, ask, moderator):
    question = ask(maya, body=METHOD)
    assert question.removal == Removal.HELD
    actions.edit_post(
        post=question, editor=moderator, body=METHOD + " (edited)", title=question.title,
        tags="therapy", category=question.category, reason="Kept the detail off the page",
    )  # fmt: skip
    assert Screening.objects.filter(post=question).count() == 1


@pytest.mark.django_db
def test_a_tampered_or_foreign_support_link_is_not_found(maya, category):
    client = client_for(maya)
    location = client.post(reverse("qa:ask"), ask_data(category, CRISIS))["Location"]

    assert client.get(location[:-3] + "xx/").status_code == 404
    assert client.get("/support/posted/not-a-token/").status_code == 404


@pytest.mark.django_db
def test_a_failed_action_leaves_no_detour_for_the_next_request(maya, category):
    """Screening asked for the support page, then a later check refused the post: nothing
    is kept, and the next post on the same thread goes where it should."""

    def refuse(event):
        raise ActionError("Refused by a later check.", field="body")

    events.check(Submitted, refuse)
    client = client_for(maya)
    try:
        refused = client.post(reverse("qa:ask"), ask_data(category, CRISIS))
    finally:
        events.unsubscribe(Submitted, refuse)
    assert refused.status_code == 400 and not Post.objects.exists()
    assert not Screening.objects.exists()

    response = client.post(reverse("qa:ask"), ask_data(category, CALM + " thanks", title=CALM))
    assert response["Location"] == Post.objects.get().get_absolute_url()
