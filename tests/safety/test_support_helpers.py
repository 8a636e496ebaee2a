"""Making sure distress gets a human answer (issue 12): the "may need support" list for
trusted members, verified professionals and moderators; helpers who opt in are shown the
marked questions still unanswered after MINDWELL_SUPPORT_UNANSWERED_HOURS; moderators reply
from templates that they edit before sending, as a private message or as an answer."""

from datetime import timedelta
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core import events
from mindwell.moderation.models import ModeratorMessage, Queue, ReviewItem
from mindwell.qa.models import Post
from mindwell.safety import actions
from mindwell.safety.events import UnansweredSupportQuestion
from mindwell.safety.models import ReplyTemplate, SupportAlert
from tests.conftest import client_for, make_member
from tests.safety.test_crisis_flow import CALM, CRISIS

MARKED_TITLE = "I cannot see a way through this any more"


@pytest.fixture
def helper(db):
    member = make_member("ren", display_name="Ren")
    User.objects.filter(pk=member.pk).update(points=500)
    member.refresh_from_db()
    return member


@pytest.fixture
def marked(maya, ask):
    def _marked(**fields):
        return ask(maya, title=MARKED_TITLE, body=CRISIS, **fields)

    return _marked


@pytest.mark.django_db
def test_trusted_members_and_moderators_see_marked_questions_others_do_not(
    marked, ask, maya, helper, moderator, newcomer
):
    question = marked()
    ask(maya, title=CALM, body="A calm question about ending therapy well.")

    for reader in (helper, moderator):
        page = client_for(reader).get(reverse("safety:support_list"))
        html = unescape(page.content.decode())
        assert page.status_code == 200 and MARKED_TITLE in html and CALM not in html
        assert question.get_absolute_url() in html
    assert client_for(newcomer).get(reverse("safety:support_list")).status_code == 404
    # The header links to it for those who may open it, on every page.
    link = f'href="{reverse("safety:support_list")}"'
    assert link in client_for(helper).get(question.get_absolute_url()).content.decode()
    assert link not in client_for(newcomer).get(question.get_absolute_url()).content.decode()
    anonymous = Client().get(reverse("safety:support_list"))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


@pytest.mark.django_db
def test_a_marked_question_taken_out_of_view_leaves_the_list(marked, helper, moderator):
    question = marked()
    from mindwell.qa import actions as qa_actions

    qa_actions.delete_post(post=question, by=moderator)
    html = client_for(helper).get(reverse("safety:support_list")).content.decode()
    assert MARKED_TITLE not in html


@pytest.mark.django_db
def test_opted_in_helpers_are_shown_questions_left_unanswered(
    marked, helper, dr_okafor, answer, settings, django_capture_on_commit_callbacks
):
    settings.MINDWELL_SUPPORT_UNANSWERED_HOURS = 4
    heard: list[UnansweredSupportQuestion] = []
    events.on_commit(UnansweredSupportQuestion, heard.append)
    now = timezone.now()
    old = marked(now=now - timedelta(hours=5))
    recent = marked(now=now - timedelta(hours=1))
    client = client_for(helper)
    response = client.post(reverse("safety:support_helping"), {"helping": "on"})
    assert response.status_code == 302

    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert actions.alert_unanswered(now=now) == 1
            assert actions.alert_unanswered(now=now) == 0  # once per question
    finally:
        events.unsubscribe(UnansweredSupportQuestion, heard.append)

    assert heard == [UnansweredSupportQuestion(old.pk)]
    assert set(SupportAlert.objects.values_list("question_id", flat=True)) == {old.pk}
    html = client.get(reverse("safety:support_list")).content.decode()
    waiting = html[html.index("Waiting for an answer") : html.index("Recent marked questions")]
    assert old.get_absolute_url() in waiting and recent.get_absolute_url() not in waiting

    answer(old, dr_okafor, body="I am glad you wrote. I am here, and I am reading.")
    actions.alert_unanswered(now=now)
    assert SupportAlert.objects.get().answered_at is not None
    html = client.get(reverse("safety:support_list")).content.decode()
    assert "every marked question has an answer" in html

    client.post(reverse("safety:support_helping"), {})
    assert (
        "Waiting for an answer" not in client.get(reverse("safety:support_list")).content.decode()
    )


@pytest.mark.django_db
def test_a_member_who_may_not_help_cannot_opt_in(newcomer):
    response = client_for(newcomer).post(reverse("safety:support_helping"), {"helping": "on"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_moderator_replies_from_an_edited_template_by_private_message(marked, moderator, maya):
    question = marked()
    item = ReviewItem.objects.get(queue=Queue.SAFETY, post=question)
    template = ReplyTemplate.objects.filter(active=True).first()
    assert template is not None  # seeded
    client = client_for(moderator)

    item_page = unescape(client.get(reverse("moderation:item", args=[item.pk])).content.decode())
    assert "Screening (question): may need support, crisis" in item_page
    reply_url = reverse("safety:reply", args=[item.pk])
    assert reply_url in item_page
    form = unescape(client.get(reply_url, {"template": template.pk}).content.decode())
    assert template.body.splitlines()[0] in form

    body = "Maya, I read what you wrote tonight. " + template.body
    response = client.post(reply_url, {"body": body, "send_as": "message"})

    assert response.status_code == 302
    message = ModeratorMessage.objects.get()
    assert message.member == maya and message.body == body and message.moderator == moderator


@pytest.mark.django_db
def test_a_guest_is_answered_on_the_question_instead(ask, maya, moderator):
    question = ask(None, title=MARKED_TITLE, body=CRISIS, guest_name="", guest_email="")
    item = ReviewItem.objects.get(queue=Queue.SAFETY, post=question)
    client = client_for(moderator)
    reply_url = reverse("safety:reply", args=[item.pk])

    refused = client.post(reply_url, {"body": "Hello there.", "send_as": "message"})
    assert refused.status_code == 400 and "post an answer instead" in refused.content.decode()
    client.post(reply_url, {"body": "I am glad you are still here with us.", "send_as": "answer"})

    answer = Post.objects.answers().get()
    assert answer.author == moderator and answer.question_id == question.pk


@pytest.mark.django_db
def test_only_moderators_of_the_item_reply_from_templates(marked, helper, maya):
    question = marked()
    item = ReviewItem.objects.get(queue=Queue.SAFETY, post=question)
    for who in (helper, maya):
        assert client_for(who).get(reverse("safety:reply", args=[item.pk])).status_code == 404
    assert client_for(helper).get(reverse("safety:reply", args=["nope"])).status_code == 404
