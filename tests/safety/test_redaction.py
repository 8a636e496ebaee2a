# mypy: disable-error-code="union-attr"
"""Redaction: a moderator removes a passage from a post, its title and every revision, for
good; the audit log says who and when, never what; nobody else can."""

from html import unescape

import pytest
from django.test import Client

from mindwell.moderation.models import AuditEntry
from mindwell.qa import actions
from mindwell.qa.actions import REDACTED
from mindwell.qa.models import Post, Revision
from mindwell.tags.actions import set_category_moderators
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member
from tests.moderation.review_helpers import flagged

pytestmark = pytest.mark.django_db

NAME = "Dr Amelia Patel"


@pytest.fixture
def named(maya, ask):
    """A question that named the therapist in its first version, in its title, and again in
    an edit, as several revisions."""
    question = ask(
        maya,
        title=f"Is it normal that {NAME} yawned twice?",
        body=f"I see {NAME} at Riverside Counselling every week.",
    )
    actions.edit_post(
        post=question, editor=maya, title=question.title,
        body=f"I see {NAME} at Riverside Counselling every week.\n\nEdit: dr amelia\n  patel "
        "has been my therapist for a year.",
        reason=f"added that {NAME} is my therapist",
    )  # fmt: skip
    actions.edit_post(
        post=question, editor=maya, title="Is it normal that my therapist yawned twice?",
        body="I see my therapist every week.", reason="took the names out",
    )  # fmt: skip
    return question


def texts(post: Post) -> str:
    """Everything stored of a post's words: its text, title, and every revision's."""
    post.refresh_from_db()
    parts = [post.title, post.body, post.body_html]
    for revision in Revision.objects.filter(post=post):
        parts += [revision.title, revision.body, revision.reason]
    return "\n".join(parts)


def test_a_moderator_redacts_a_name_from_the_post_and_every_revision(named, moderator):
    client = client_for(moderator)
    page = client.get(f"/support/redact/{named.pk}/")
    assert page.status_code == 200 and "Redact a passage" in page.content.decode()
    response = client.post(
        f"/support/redact/{named.pk}/", {"passage": NAME, "reason": "names a therapist"}
    )
    assert response.status_code == 302
    stored = texts(named)
    assert "amelia" not in stored.lower() and "patel" not in stored.lower()
    # In any letter case and across a line break, in every revision and edit summary.
    revisions = list(Revision.objects.filter(post=named).order_by("number"))
    assert revisions[0].title == f"Is it normal that {REDACTED} yawned twice?"
    assert revisions[0].body == f"I see {REDACTED} at Riverside Counselling every week."
    assert f"Edit: {REDACTED} has been" in revisions[1].body
    assert revisions[1].reason == f"added that {REDACTED} is my therapist"
    # Not an edit: no revision added, nobody marked as having edited it since.
    assert len(revisions) == 3 and named.revision_count == 3
    # The history page and the question page show none of it.
    history = unescape(Client().get(f"/post/{named.pk}/revisions/").content.decode())
    assert "Patel" not in history and "Amelia" not in history and REDACTED in history
    assert "Patel" not in Client().get(named.get_absolute_url()).content.decode()
    # The audit log has who and when, and no word of what.
    entry = AuditEntry.objects.get(action="redact")
    assert entry.actor == moderator and entry.post_id == named.pk
    assert entry.member_id == named.author_id and entry.reason == "names a therapist"
    assert entry.details == {"revisions": 2, "title": False}
    assert "Patel" not in str(entry.details) + entry.reason


def test_rolling_back_cannot_bring_a_redacted_passage_back(named, moderator, maya):
    client_for(moderator).post(f"/support/redact/{named.pk}/", {"passage": NAME})
    response = client_for(maya).post(f"/post/{named.pk}/revisions/1/rollback")
    assert response.status_code == 302
    named.refresh_from_db()
    assert named.title == f"Is it normal that {REDACTED} yawned twice?"
    assert "Patel" not in texts(named)


def test_a_redacted_title_changes_the_address_and_the_lists(maya, moderator, ask):
    question = ask(maya, title="Should I complain about Dr Kim Nakamura to the board?")
    old_url = question.get_absolute_url()
    client_for(moderator).post(f"/support/redact/{question.pk}/", {"passage": "Kim Nakamura"})
    question.refresh_from_db()
    assert question.title == f"Should I complain about Dr {REDACTED} to the board?"
    assert "nakamura" not in question.slug
    assert Client().get(old_url).headers["Location"] == question.get_absolute_url()
    assert "Nakamura" not in Client().get("/").content.decode()
    assert AuditEntry.objects.get(action="redact").details["title"] is True


def test_an_answer_is_redacted_from_its_own_revisions(maya, dr_okafor, moderator, ask, answer):
    reply = answer(ask(maya), dr_okafor, body="Ask for Sarah Jones at the front desk, she helps.")
    client_for(moderator).post(f"/support/redact/{reply.pk}/", {"passage": "Sarah Jones"})
    reply.refresh_from_db()
    assert reply.body == f"Ask for {REDACTED} at the front desk, she helps."
    assert REDACTED in reply.body_html
    assert "Sarah" not in Revision.objects.get(post=reply).body


def test_a_passage_that_is_not_there_is_refused_with_the_form(named, moderator):
    response = client_for(moderator).post(
        f"/support/redact/{named.pk}/", {"passage": "Someone Else Entirely"}
    )
    assert response.status_code == 400
    assert "not in this post or in any of its revisions" in unescape(response.content.decode())
    assert not AuditEntry.objects.filter(action="redact").exists()
    empty = client_for(moderator).post(f"/support/redact/{named.pk}/", {"passage": " "})
    assert empty.status_code == 400


def test_only_moderators_of_the_post_may_redact(named, maya, dr_okafor):
    url = f"/support/redact/{named.pk}/"
    assert Client().get(url).status_code == 302  # a guest is sent to log in
    assert Client().post(url, {"passage": NAME}).status_code == 302
    # Its author and other members: as if there were no such page.
    for member in (maya, dr_okafor):
        assert client_for(member).get(url).status_code == 404
        assert client_for(member).post(url, {"passage": NAME}).status_code == 404
    # A moderator of another category neither.
    elsewhere = make_member("cat_mod")
    own = named.category.parent_id or named.category_id
    other = Category.objects.filter(parent__isnull=True).exclude(pk=own).first()
    assert other is not None
    set_category_moderators(category=other, moderator_ids=[elsewhere.pk])
    assert client_for(elsewhere).get(url).status_code == 404
    assert "Patel" in texts(named) and not AuditEntry.objects.filter(action="redact").exists()


def test_moderators_see_the_way_to_it_on_the_post_and_members_do_not(named, moderator, maya):
    named.refresh_from_db()
    link = f'href="/support/redact/{named.pk}/"'
    assert link in client_for(moderator).get(named.get_absolute_url()).content.decode()
    assert link not in client_for(maya).get(named.get_absolute_url()).content.decode()
    assert link not in Client().get(named.get_absolute_url()).content.decode()
    # And on the review item page, for a flagged post.
    item = flagged(named, maya)
    review = client_for(moderator).get(f"/moderation/review/item/{item.pk}/").content.decode()
    assert link in review and "Redact a passage of this question" in review
