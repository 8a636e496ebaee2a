"""The Q&A pages, through HTTP, as guests and members use them."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from mindwell.qa import actions
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db


def ask_form(**overrides):
    category = Category.objects.get(slug="panic-attacks")
    data = {
        "title": "How do I get through a panic attack at work?",
        "body": "It started in a meeting last week and I had to leave the room.",
        "category": str(category.pk),
        "tags": "panic work",
    }
    data.update(overrides)
    return data


def test_a_guest_asks_with_a_display_name_and_a_private_email():
    response = Client().post(
        reverse("qa:ask"),
        ask_form(guest_name="Sam", guest_email="sam.private@example.org", notify="on"),
    )
    question = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith("/guest/")  # its private link, shown once
    assert question.author is None
    assert (question.guest_name, question.guest_email, question.notify) == (
        "Sam",
        "sam.private@example.org",
        True,
    )
    page = Client().get(question.get_absolute_url()).content.decode()
    assert "How do I get through a panic attack at work?" in page
    assert "Sam" in page and "guest" in page
    assert "sam.private@example.org" not in page


def test_a_member_posting_anonymously_is_hidden_from_members_but_not_from_moderators(
    maya, newcomer, moderator
):
    Client().force_login(maya)
    client = client_for(maya)
    client.post(reverse("qa:ask"), ask_form(anonymous="on"))
    question = Post.objects.get()
    assert question.author == maya and question.anonymous
    for viewer in (None, newcomer):
        page = client_for(viewer).get(question.get_absolute_url()).content.decode()
        assert "Anonymous" in page
        assert "Maya" not in page and "/u/maya/" not in page
    page = client_for(moderator).get(question.get_absolute_url()).content.decode()
    assert "moderators see" in page and "Maya" in page


def test_the_ask_form_says_that_moderators_can_see_anonymous_authors(maya):
    page = client_for(maya).get(reverse("qa:ask")).content.decode()
    assert "Post anonymously" in page and "Moderators can still see who" in page
    guest_page = Client().get(reverse("qa:ask")).content.decode()
    assert "Your name to display (optional)" in guest_page
    assert "Used only for sending notifications" in guest_page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "Help"}, "The title is too short"),
        ({"title": "x" * 151}, "at most 150 characters"),
        ({"body": "short"}, "The question is too short"),
        ({"body": "y" * 30_001}, "at most 30000 characters"),
        ({"category": "99999"}, "Choose one of the listed categories."),
        ({"category": "not-a-number"}, "Choose one of the listed categories."),
        ({"tags": "one two three four five six"}, "Use at most 5 tags; you gave 6."),
        ({"tags": "Bad_Tag!"}, "is not a valid tag"),
        ({"guest_email": "not-an-email"}, "Enter a valid email address."),
    ],
)
def test_bad_questions_are_refused_with_a_message_and_keep_what_was_typed(overrides, message):
    data = ask_form(**overrides)
    response = Client().post(reverse("qa:ask"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'role="alert"' in page
    assert Post.objects.count() == 0 and Revision.objects.count() == 0
    assert not Tag.objects.exists()
    if overrides.get("title", "x") and len(data["body"]) < 100:
        assert data["body"] in page  # nothing the person wrote is lost


def test_the_preview_button_renders_markdown_without_posting():
    response = Client().post(
        reverse("qa:ask"), ask_form(body="Some **bold** words to preview.", preview="1")
    )
    assert response.status_code == 200
    assert "<strong>bold</strong>" in response.content.decode()
    assert Post.objects.count() == 0


def test_the_preview_endpoint_sanitises():
    response = Client().post(reverse("qa:preview"), {"body": "<script>alert(1)</script> *hi*"})
    html = response.json()["html"]
    assert "<script>" not in html and "<em>hi</em>" in html


def test_posts_are_rendered_inert(maya, ask):
    question = ask(
        maya,
        body="<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))",
    )
    page = Client().get(question.get_absolute_url()).content.decode()
    body = page.split('class="post-body">', 1)[1].split("</div>", 1)[0]
    assert "<script" not in body and "<img" not in body and 'href="javascript' not in body
    assert "&lt;script&gt;" in body  # shown as text, not run


def test_forged_posts_without_a_csrf_token_are_refused(maya):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maya)
    response = client.post(reverse("qa:ask"), ask_form())
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert Post.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    ["/q/abc/", "/q/99999/", "/post/abc/vote", "/post/1.5/comment", "/post/x/revisions/"],
)
def test_bad_ids_are_not_found(url):
    response = Client().post(url) if not url.endswith("/") else Client().get(url)
    assert response.status_code == 404


def test_an_answer_and_a_comment_from_a_guest_and_a_member(maya, dr_okafor, ask):
    question = ask(maya)
    response = client_for(dr_okafor).post(
        reverse("qa:answer", args=[question.pk]),
        {"body": "It is very common, and a good thing to talk about in a session."},
    )
    answer = Post.objects.get(kind="a")
    assert response.status_code == 302 and response["Location"].endswith(f"#a{answer.pk}")
    Client().post(
        reverse("qa:comment", args=[answer.pk]),
        {"body": "This helped me too, thank you.", "guest_name": "Rob"},
    )
    comment = Comment.objects.get()
    assert comment.author is None and comment.guest_name == "Rob"
    page = Client().get(question.get_absolute_url()).content.decode()
    assert "a good thing to talk about" in page and "This helped me too" in page
    assert "1 answer" in page


def test_an_empty_answer_is_refused_and_the_question_page_explains(maya, ask):
    question = ask(maya)
    response = Client().post(reverse("qa:answer", args=[question.pk]), {"body": "too short"})
    assert response.status_code == 400
    assert "The answer is too short" in response.content.decode()
    assert Post.objects.filter(kind="a").count() == 0


def test_voting_needs_an_account_and_never_your_own_post(maya, newcomer, ask):
    question = ask(maya)
    url = reverse("qa:vote", args=[question.pk])
    guest = Client().post(url, {"value": "up"}, headers={"accept": "application/json"})
    assert guest.status_code == 401
    own = client_for(maya).post(url, {"value": "up"}, headers={"accept": "application/json"})
    assert own.status_code == 403 and "your own post" in own.json()["error"]
    bad = client_for(newcomer).post(
        url, {"value": "sideways"}, headers={"accept": "application/json"}
    )
    assert bad.status_code == 400
    assert Vote.objects.count() == 0


def test_a_vote_without_javascript_redirects_and_the_page_shows_it_pressed(maya, newcomer, ask):
    question = ask(maya)
    client = client_for(newcomer)
    response = client.post(reverse("qa:vote", args=[question.pk]), {"value": "up"})
    assert response.status_code == 302
    page = client.get(question.get_absolute_url()).content.decode()
    assert 'aria-pressed="true" aria-label="Vote up (your vote; press to undo)"' in page
    assert re.search(r'<span class="score"[^>]*>1</span>', page)
    # Another member does not see newcomer's vote as theirs.
    other = client_for(make_member("other")).get(question.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' not in other


def test_a_vote_with_javascript_returns_the_new_score_and_can_be_undone(maya, newcomer, ask):
    question = ask(maya)
    client = client_for(newcomer)
    url = reverse("qa:vote", args=[question.pk])
    json_headers = {"accept": "application/json"}
    down = client.post(url, {"value": "down"}, headers=json_headers).json()
    assert (down["score"], down["my_vote"]) == (-1, -1)
    none = client.post(url, {"value": "none"}, headers=json_headers).json()
    assert (none["score"], none["my_vote"]) == (0, 0)


def test_a_vote_on_a_deleted_post_is_not_found(maya, newcomer, ask):
    question = ask(maya)
    actions.delete_post(post=question, by=maya)
    response = client_for(newcomer).post(reverse("qa:vote", args=[question.pk]), {"value": "up"})
    assert response.status_code == 404
    assert Client().get(question.get_absolute_url()).status_code == 404


def test_the_asker_selects_and_changes_the_best_answer(maya, dr_okafor, newcomer, ask, answer):
    question = ask(maya)
    first = answer(question, dr_okafor)
    second = answer(question, newcomer, body="Another view: it can also fade on its own in time.")
    client = client_for(maya)
    client.post(reverse("qa:accept", args=[question.pk]), {"answer": first.pk})
    client.post(reverse("qa:accept", args=[question.pk]), {"answer": second.pk})
    accepted = list(Post.objects.filter(is_accepted=True).values_list("pk", flat=True))
    assert accepted == [second.pk]
    page = Client().get(question.get_absolute_url()).content.decode()
    # The accepted answer is shown first.
    assert page.index(f'id="a{second.pk}"') < page.index(f'id="a{first.pk}"')
    assert "Best answer" in page


def test_only_the_asker_may_select_the_best_answer(maya, dr_okafor, newcomer, ask, answer):
    question = ask(maya)
    reply = answer(question, dr_okafor)
    response = client_for(newcomer).post(
        reverse("qa:accept", args=[question.pk]), {"answer": reply.pk}
    )
    assert response.status_code == 404
    assert not Post.objects.filter(is_accepted=True).exists()


def test_an_answer_from_another_question_cannot_be_accepted(maya, dr_okafor, ask, answer):
    question = ask(maya)
    other = ask(maya, title="How do therapists handle the end of therapy?")
    foreign = answer(other, dr_okafor)
    response = client_for(maya).post(
        reverse("qa:accept", args=[question.pk]),
        {"answer": foreign.pk},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 404
    assert not Post.objects.filter(is_accepted=True).exists()


def test_editing_keeps_revisions_and_shows_who_edited(maya, dr_okafor, ask, answer):
    question = ask(maya)
    reply = answer(question, dr_okafor, body="Attachment to a therapist is common and normal.")
    client = client_for(dr_okafor)
    assert client.get(reverse("qa:edit", args=[reply.pk])).status_code == 200
    response = client.post(
        reverse("qa:edit", args=[reply.pk]),
        {
            "body": "Attachment to a therapist is common, normal and worth discussing.",
            "reason": "clearer",
        },
    )
    assert response.status_code == 302
    page = Client().get(question.get_absolute_url()).content.decode()
    assert "edited</a> by Dr Okafor" in page
    history = Client().get(reverse("qa:revisions", args=[reply.pk])).content.decode()
    assert "<del>common</del><ins>common, normal</ins>" in history
    assert "<del>normal.</del><ins>worth discussing.</ins>" in history
    assert "“clearer”" in history


def test_nobody_else_can_edit_a_post(maya, newcomer, ask):
    question = ask(maya)
    assert client_for(newcomer).get(reverse("qa:edit", args=[question.pk])).status_code == 404
    assert Client().get(reverse("qa:edit", args=[question.pk])).status_code == 302  # to log in


def test_the_email_address_never_appears_on_a_page(maya, dr_okafor, ask, answer):
    question = ask(maya)
    answer(question, dr_okafor)
    for url in [
        reverse("qa:home"),
        question.get_absolute_url(),
        reverse("qa:revisions", args=[question.pk]),
        reverse("qa:tag", args=["attachment"]),
    ]:
        for viewer in (None, maya, dr_okafor):
            page = client_for(viewer).get(url).content.decode()
            assert "@example.org" not in page, url


def test_short_and_outdated_links_redirect_to_the_canonical_address(maya, dr_okafor, ask, answer):
    question = ask(maya)
    reply = answer(question, dr_okafor)
    for url in [f"/q/{question.pk}/", f"/q/{question.pk}/old-title/", f"/q/{reply.pk}/"]:
        response = Client().get(url)
        assert response.status_code == 301, url
    assert Client().get(f"/q/{question.pk}/")["Location"] == question.get_absolute_url()
    assert (
        Client().get(f"/q/{reply.pk}/")["Location"] == question.get_absolute_url() + f"#a{reply.pk}"
    )


def points_after(client, url, data):
    return client.post(url, data, headers={"accept": "application/json"}).json()["points"]


def test_a_vote_in_place_returns_the_points_now_beside_the_writers_name(
    maya, newcomer, ask, answer, dr_okafor
):
    question = ask(maya)
    reply = answer(question, dr_okafor)
    points = points_after(
        client_for(newcomer), reverse("qa:vote", args=[reply.pk]), {"value": "up"}
    )
    dr_okafor.refresh_from_db()
    newcomer.refresh_from_db()
    assert points == {
        "dr_okafor": {"count": dr_okafor.points, "compact": str(dr_okafor.points)},
        "newcomer": {"count": newcomer.points, "compact": str(newcomer.points)},
    }


def test_choosing_the_best_answer_in_place_returns_the_points_of_those_it_moved(
    maya, dr_okafor, newcomer, ask, answer
):
    question = ask(maya)
    first = answer(question, dr_okafor)
    second = answer(question, newcomer, body="Another view: it can also fade on its own in time.")
    client, url = client_for(maya), reverse("qa:accept", args=[question.pk])
    points_after(client, url, {"answer": first.pk})
    points = points_after(client, url, {"answer": second.pk})
    for member in (maya, dr_okafor, newcomer):
        member.refresh_from_db()
    assert {name: shown["count"] for name, shown in points.items()} == {
        "maya": maya.points, "dr_okafor": dr_okafor.points, "newcomer": newcomer.points,
    }  # fmt: skip
    assert (
        points_after(client, url, {"answer": "none"})["newcomer"]["count"] == newcomer.points - 30
    )


def test_the_points_of_an_anonymous_writer_are_never_returned(
    maya, dr_okafor, newcomer, ask, answer
):
    question = ask(maya)
    hidden = answer(question, dr_okafor, anonymous=True)
    accepted = points_after(
        client_for(maya), reverse("qa:accept", args=[question.pk]), {"answer": hidden.pk}
    )
    voted = points_after(
        client_for(newcomer), reverse("qa:vote", args=[hidden.pk]), {"value": "up"}
    )
    assert list(accepted) == ["maya"] and list(voted) == ["newcomer"]
    unchosen = points_after(
        client_for(maya), reverse("qa:accept", args=[question.pk]), {"answer": "none"}
    )
    assert list(unchosen) == ["maya"]
