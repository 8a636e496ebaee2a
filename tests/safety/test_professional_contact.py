"""A verified professional's question, answer, comment or edit that gives a way to reach them
outside the site (a phone number, an email address, a booking link, an invitation to get in
touch privately) is held for a moderator, in the safety queue, with a note telling them why
and how to fix it. Ordinary writing is not held, and members without a badge never are."""

from datetime import timedelta
from html import unescape

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.moderation.models import AuditEntry, Queue, ReviewItem
from mindwell.moderation.queue import PRIORITY_NORMAL
from mindwell.qa import actions
from mindwell.qa.models import REMOVAL_NOTE_MAX, Comment, Post, Removal
from mindwell.safety import contact
from mindwell.safety.professionals import QUEUE_REASON, note_for
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

HOLDING = {
    "phone": "Happy to talk it through: call me on 416-555-0134 any weekday.",
    "phone, international": "My office line is +44 20 7946 0958 if that is easier.",
    "phone, in brackets": "Reach the practice at (416) 555 0199.",
    "email": "Write to n.okafor@example.org and I will send some reading.",
    "email, spelt out": "My address is nokafor [at] example [dot] com.",
    "booking service": "You can [pick a time here](https://calendly.com/dr-okafor/intro).",
    "booking service, bare": "Slots are at calendly.com/dr-okafor for anyone nearby.",
    "booking page": "There is a form at https://okaforpsychology.example/book-a-session today.",
    "appointment link": "See https://okaforpsychology.example/appointments for my hours.",
    "video call": "Join me at https://doxy.me/drokafor and we can talk.",
    "message me": "Feel free to message me if you want to go into detail.",
    "contact me privately": "This is hard to cover here, so contact me privately.",
    "dm me": "It is a long story. DM me.",
    "reach out to my practice": "If you are in Toronto, reach out to my practice.",
    "send me a message": "Send me a private message and I can say more.",
    "book with me": "Book a free consultation with me and we can look at it together.",
    "new clients": "I'm currently accepting new clients, as it happens.",
    "find me on an app": "Or find me on WhatsApp.",
}

NOT_HOLDING = {
    "years": "I trained in 2009 and have seen this pattern since 2015-2019 especially.",
    "year ranges with dashes": "Studies from 1998–2004 and 2010 - 2014 agree on this.",
    "dates": "The guideline changed on 2024-03-15, and again on 12.03.2025.",
    "doses": "Starting on 20mg and moving to 40 mg after 6 weeks is common; ask your GP.",
    "numbers": "About 1 in 5 adults, roughly 60,000,000 people, 25-30 sessions, 9.00-17.00.",
    "a crisis line": "If you are in danger now, call 988, or 1-800-273-8255, or 116 123.",
    "a freephone helpline": "In the UK, CALM is on 0800 58 58 58 every evening.",
    "dm as diabetes": "Type 2 DM often travels with depression; the DM itself needs care.",
    "dm as a game": "I was the DM for our group for years and it helped my social anxiety.",
    "dms as a noun": "My clients tell me their DMs fill up after posting online.",
    "others contacting": "Clients often email me directly between sessions, and I reply.",
    "someone else messages": "She would message me privately at night, which we discussed.",
    "a refusal": "Please don't message me privately: ask here so others learn too.",
    "reaching out in general": "Reach out to a therapist in your area, or to your GP.",
    "calling your own": "Call your GP, or contact your practice for an earlier slot.",
    "a book recommendation": "Try https://www.goodreads.com/book/show/18693771 for this.",
    "a social link": "The charity posts updates at https://facebook.com/example-charity.",
    "a public body": "See https://www.nhs.uk/nhs-services/gps/gp-appointments-and-bookings/ too.",
    "call me a name": "Call me old-fashioned, but a letter can help with grief.",
    "a research id": "The trial is PMID 31234567, and the ISBN 978-0143127741.",
    "an at in prose": "We met at home dot point, so to speak, and at example.com events.",
}


def held_item(item: Post | Comment) -> ReviewItem:
    if isinstance(item, Comment):
        return ReviewItem.objects.get(queue=Queue.SAFETY, comment=item)
    return ReviewItem.objects.get(queue=Queue.SAFETY, post=item)


def post_answer_through_the_site(question: Post, author: User, body: str) -> Post:
    response = client_for(author).post(reverse("qa:answer", args=[question.pk]), {"body": body})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Post.objects.answers().get(question=question, author=author)


@pytest.mark.parametrize("body", HOLDING.values(), ids=HOLDING.keys())
def test_a_professionals_answer_with_contact_details_is_held(dr_okafor, maya, ask, body):
    question = ask(maya)

    answer = post_answer_through_the_site(question, dr_okafor, body)

    assert answer.removal == Removal.HELD and answer.is_held
    assert answer.removal_note.startswith("Held for a moderator: it contains ")
    item = held_item(answer)
    assert item.reason == QUEUE_REASON and item.priority == PRIORITY_NORMAL
    entry = AuditEntry.objects.get(action="contact_hold", post_id=answer.pk)
    assert entry.actor is None and entry.member_id == dr_okafor.pk
    question.refresh_from_db()
    assert question.answer_count == 0
    assert body not in unescape(Client().get(question.get_absolute_url()).content.decode())


@pytest.mark.parametrize("body", NOT_HOLDING.values(), ids=NOT_HOLDING.keys())
def test_a_professionals_ordinary_answer_is_published(dr_okafor, maya, ask, body):
    question = ask(maya)

    answer = post_answer_through_the_site(question, dr_okafor, body)

    assert not answer.is_deleted, answer.removal_note
    assert not ReviewItem.objects.exists()
    assert body in unescape(Client().get(question.get_absolute_url()).content.decode())


def test_the_author_sees_the_held_answer_with_why_and_how_to_fix_it(dr_okafor, maya, ask):
    question = ask(maya)
    post_answer_through_the_site(question, dr_okafor, HOLDING["phone"] + " " + HOLDING["email"])

    html = unescape(client_for(dr_okafor).get(question.get_absolute_url()).content.decode())

    assert HOLDING["phone"] in html
    assert "it contains a phone number and an email address" in html
    assert "Edit it to remove them" in html
    for reader in (Client(), client_for(make_member("reader"))):
        assert HOLDING["phone"] not in unescape(
            reader.get(question.get_absolute_url()).content.decode()
        )


def test_every_note_fits_the_items_note():
    findings = [contact.Finding(kind, "x") for kind in (
        contact.PHONE, contact.EMAIL, contact.BOOKING, contact.INVITATION
    )]  # fmt: skip

    assert len(note_for(findings)) <= REMOVAL_NOTE_MAX


def test_a_professionals_question_and_comment_are_held_too(dr_okafor, maya, ask, answer):
    question = ask(dr_okafor, body="Colleagues, email me at n.okafor@example.org about this.")
    other = ask(maya)
    reply = answer(other, maya)
    comment = actions.add_comment(post=reply, author=dr_okafor, body="DM me about it.")

    assert question.removal == Removal.HELD and held_item(question)
    comment.refresh_from_db()
    assert comment.removal == Removal.HELD and held_item(comment).reason == QUEUE_REASON
    reply.refresh_from_db()
    assert reply.comment_count == 0


def test_members_without_a_badge_are_not_held_for_contact_details(maya, newcomer, ask):
    question = ask(maya)

    answer = post_answer_through_the_site(question, newcomer, HOLDING["phone"])
    comment = actions.add_comment(post=question, author=maya, body=HOLDING["email"])

    assert not answer.is_deleted and not comment.is_deleted
    assert not ReviewItem.objects.exists()


def test_a_professional_whose_licence_date_passed_is_no_longer_checked(dr_okafor, maya, ask):
    User.objects.filter(pk=dr_okafor.pk).update(
        professional_until=timezone.localdate() - timedelta(days=1)
    )
    question = ask(maya)

    answer = post_answer_through_the_site(question, dr_okafor, HOLDING["phone"])

    assert not answer.is_deleted


def test_an_edit_is_held_for_contact_details_it_brings_in_only(dr_okafor, maya, moderator, ask):
    question = ask(maya)
    answer = post_answer_through_the_site(question, dr_okafor, "Grief comes in waves.")

    # An edit that brings a phone number in is held.
    actions.edit_post(post=answer, editor=dr_okafor, body=HOLDING["phone"])
    answer.refresh_from_db()
    assert answer.removal == Removal.HELD

    # A moderator approves it (it was a helpline, say); a later edit keeping the number and
    # adding nothing new stays published.
    actions.restore_post(post=answer, by=moderator)
    actions.edit_post(post=answer, editor=dr_okafor, body=HOLDING["phone"] + " Take care.")
    answer.refresh_from_db()
    assert not answer.is_deleted

    # One adding a booking link is held again.
    actions.edit_post(
        post=answer, editor=dr_okafor, body=HOLDING["phone"] + " " + HOLDING["booking service"]
    )
    answer.refresh_from_db()
    assert answer.removal == Removal.HELD


def test_links_within_the_site_are_not_booking_links(dr_okafor, maya, ask):
    earlier = ask(maya, title="How do I book an appointment with a therapist?")
    link = f"{settings.SITE_URL}{earlier.get_absolute_url()}"
    assert "book-an-appointment" in link
    question = ask(maya)

    answer = post_answer_through_the_site(question, dr_okafor, f"This was answered at {link}.")

    assert not answer.is_deleted
    assert contact.booking_links(link, own_host="elsewhere.example")  # from elsewhere it is one
