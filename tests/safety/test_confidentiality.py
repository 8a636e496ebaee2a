# mypy: disable-error-code="union-attr"
"""Confidentiality prompts: a question, answer or edit that seems to name someone is not
posted until its writer has seen the names and chosen; without JavaScript, through the
forms. Nothing asks when no person is there to answer (the demo loader, actions called
without a form)."""

import re
from html import unescape

import pytest
from django.test import Client

from mindwell.core.errors import NeedsConfirmation
from mindwell.qa import actions
from mindwell.qa.models import Post, Revision
from mindwell.safety.confidentiality import confirmation_key
from mindwell.tags.models import Category
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TITLE = "My therapist Dr Patel seemed bored last week"
BODY = "I have been going to Riverside Counselling for a year and it felt different."


def ask_data(**changes):
    data = {
        "title": TITLE,
        "body": BODY,
        "category": str(Category.objects.get(slug="therapy-relationship").pk),
        "tags": "therapist-fit",
    }
    return {**data, **changes}


def confirm_button(html):
    """The "Post it as it is" button: its name and value, as a browser sends them."""
    found = re.search(r'<button type="submit" name="confirmed" value="([^"]+)">([^<]+)<', html)
    return found.group(1), unescape(found.group(2))


def kept_confirmations(html):
    return re.findall(r'<input type="hidden" name="confirmed" value="([^"]+)"', html)


@pytest.mark.parametrize("who", ["member", "guest"])
def test_asking_with_names_shows_them_keeps_the_text_and_posts_nothing(maya, who):
    client = client_for(maya if who == "member" else None)
    response = client.post("/ask/", ask_data())
    html = response.content.decode()
    assert response.status_code == 409
    assert not Post.objects.exists()
    # The names found, the two choices, and the text as it was written.
    assert "“Dr Patel”, “Riverside Counselling”" in unescape(html)
    key, label = confirm_button(html)
    assert label == "Post it as it is"
    assert key == confirmation_key(["Dr Patel", "Riverside Counselling"])
    assert '<a href="#id_body">Edit the text</a>' in html
    assert TITLE in unescape(html) and BODY in unescape(html)
    assert 'class="confirm-summary" role="alert"' in html
    # The question is no error: the form's error summary is not shown.
    assert "error-summary" not in html


def test_post_it_as_it_is_posts_the_question_with_the_names(maya):
    client = client_for(maya)
    key, _ = confirm_button(client.post("/ask/", ask_data()).content.decode())
    response = client.post("/ask/", ask_data(confirmed=key))
    question = Post.objects.questions().get()
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()
    assert question.title == TITLE and question.body == BODY


def test_taking_the_names_out_posts_without_asking_again(maya):
    client = client_for(maya)
    client.post("/ask/", ask_data())
    response = client.post(
        "/ask/",
        ask_data(
            title="My therapist seemed bored last week",
            body="I have been going to a counselling service for a year and it felt different.",
        ),
    )
    assert response.status_code == 302
    assert Post.objects.questions().get().title == "My therapist seemed bored last week"


def test_a_name_added_after_confirming_is_asked_about_again(maya):
    client = client_for(maya)
    key, _ = confirm_button(client.post("/ask/", ask_data()).content.decode())
    more = BODY + " Dr Kim, her colleague, agreed with her."
    response = client.post("/ask/", ask_data(body=more, confirmed=key))
    html = unescape(response.content.decode())
    assert response.status_code == 409 and not Post.objects.exists()
    assert "“Dr Kim”" in html
    # What was confirmed before is carried on; the button confirms the new set.
    assert kept_confirmations(response.content.decode()) == [key]
    new_key, _ = confirm_button(response.content.decode())
    assert new_key != key
    assert client.post("/ask/", ask_data(body=more, confirmed=[key, new_key])).status_code == 302


def test_a_question_without_names_is_posted_at_once(maya):
    response = client_for(maya).post(
        "/ask/",
        ask_data(
            title="Is it normal to feel attached to my therapist?",
            body="I have been seeing my therapist for a year and think of her often.",
        ),
    )
    assert response.status_code == 302 and Post.objects.questions().count() == 1


def test_other_problems_come_first_and_the_names_after(maya):
    client = client_for(maya)
    response = client.post("/ask/", ask_data(title="Too short"))
    assert response.status_code == 400 and "confirm-summary" not in response.content.decode()


def test_an_answer_that_names_someone_is_asked_about_on_the_question_page(maya, dr_okafor, ask):
    question = ask(maya)
    client = client_for(dr_okafor)
    text = "Sarah Jones at Harbour Psychology runs a group that helped me a lot with this."
    response = client.post(f"/q/{question.pk}/answer", {"body": text})
    html = response.content.decode()
    assert response.status_code == 409 and not Post.objects.answers().exists()
    assert "“Sarah Jones”, “Harbour Psychology”" in unescape(html)
    assert text in unescape(html)  # the answer form keeps what they wrote
    key, _ = confirm_button(html)
    posted = client.post(f"/q/{question.pk}/answer", {"body": text, "confirmed": key})
    assert posted.status_code == 302 and Post.objects.answers().get().body == text


def test_an_edit_is_asked_about_only_the_names_it_brings_in(maya, ask):
    question = ask(maya, title=TITLE, body=BODY)  # through the action: nobody asked
    client = client_for(maya)
    url = f"/post/{question.pk}/edit/"
    form = {
        "title": TITLE,
        "body": BODY + " It still bothers me.",
        "category": question.category_id,
        "tags": question.tag_names,
    }
    assert client.post(url, form).status_code == 302  # the same names as before
    form["body"] += " My friend Michael Brennan thinks I should leave."
    response = client.post(url, form)
    html = response.content.decode()
    assert response.status_code == 409
    assert "“Michael Brennan”" in unescape(html) and "“Dr Patel”" not in unescape(html)
    key, label = confirm_button(html)
    assert label == "Save it as it is"
    question.refresh_from_db()
    assert question.revision_count == 2 and "Michael" not in question.body
    assert client.post(url, {**form, "confirmed": key}).status_code == 302
    question.refresh_from_db()
    assert question.revision_count == 3 and "Michael Brennan" in question.body


def test_a_guest_editing_through_their_private_link_is_asked_too(category):
    client = Client()
    location = client.post(
        "/ask/",
        ask_data(
            title="Is it normal to feel attached to my therapist?",
            body="I have been seeing my therapist for a year and think of her often.",
        ),
    ).headers["Location"]
    secret = re.fullmatch(r"/guest/([^/]+)/posted", location).group(1)
    question = Post.objects.questions().get()
    data = {
        "title": question.title,
        "body": question.body + " Dr Kim agreed.",
        "category": question.category_id,
        "tags": question.tag_names,
    }
    response = client.post(f"/guest/{secret}/edit/", data)
    assert response.status_code == 409 and "“Dr Kim”" in unescape(response.content.decode())
    key, _ = confirm_button(response.content.decode())
    assert client.post(f"/guest/{secret}/edit/", {**data, "confirmed": key}).status_code == 302


def test_comments_are_not_asked_about(maya, dr_okafor, ask):
    question = ask(maya)
    response = client_for(dr_okafor).post(
        f"/post/{question.pk}/comment", {"body": "Dr Patel at Riverside Counselling is great."}
    )
    assert response.status_code == 302


def test_actions_called_with_no_one_to_ask_never_ask(maya, category):
    """The demo loader, commands and tests call the actions without `confirmed`."""
    question = actions.ask_question(
        author=maya, title=TITLE, body=BODY, category=category, tags="therapist-fit"
    )
    assert question.body == BODY
    with pytest.raises(NeedsConfirmation) as asked:
        actions.ask_question(
            author=maya, title=TITLE, body=BODY + " Again.", category=category, tags="x",
            confirmed=frozenset(),
        )  # fmt: skip
    assert asked.value.found == ("Dr Patel", "Riverside Counselling")
    assert asked.value.status == 409 and asked.value.field == "body"
    assert Post.objects.questions().count() == 1  # nothing half-written
    assert Revision.objects.count() == 1


def test_category_names_and_tags_are_not_taken_for_names(maya, category):
    Category.objects.filter(pk=category.pk).update(name="Harbour Psychology")
    actions.ask_question(
        author=maya, title="Which kind of therapy suits grief best?",
        body="I read the Harbour Psychology section and still wonder which kind helps.",
        category=category, tags="grief", confirmed=frozenset(),
    )  # fmt: skip
    assert Post.objects.questions().count() == 1
