# mypy: disable-error-code="union-attr"
"""A guest's private link to edit or delete what they posted, through HTTP: shown once after
posting, emailed when they gave an address, working without an account, and refusing every
link that is not exactly one it gave, or has expired."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mindwell.core.env import env_email
from mindwell.core.errors import Forbidden
from mindwell.qa import actions
from mindwell.qa.models import Comment, GuestLink, Post, Revision
from mindwell.qa.policy import GuestLinkHolder
from tests.conftest import client_for
from tests.pages.servers import cookie_value, token_in

KEEP = "Keep this link: it is the only way to edit or delete this"
NOT_WORKING = "This link does not work"
GUEST_ANSWER = "Leaving the room for a few minutes is allowed, and it does pass."


def post_guest_answer(client, question, **fields):
    """Answer as a guest; return the secret of the private link the guest was sent to."""
    data = {"body": GUEST_ANSWER, "guest_name": "Sam", **fields}
    response = client.post(reverse("qa:answer", args=[question.pk]), data)
    assert response.status_code == 302
    assert_private(response)
    found = re.fullmatch(r"/guest/([A-Za-z0-9_-]+)/posted", response["Location"])
    assert found, response["Location"]
    return found.group(1)


def assert_private(response):
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert response["Referrer-Policy"] == "same-origin"  # never sent to another site


def answer_of(question):
    return Post.objects.answers().get(question=question)


@pytest.mark.django_db
def test_a_guest_who_answers_lands_on_their_private_link_shown_to_them_only(maya, ask):
    question = ask(maya)
    guest = Client()
    secret = post_guest_answer(guest, question)
    posted = guest.get(f"/guest/{secret}/posted")
    assert posted.status_code == 200
    html = posted.content.decode()
    assert "Thank you: your answer is posted." in html
    assert KEEP in html and f"http://testserver/guest/{secret}/" in html
    assert GUEST_ANSWER in html
    assert_private(posted)
    # Only a hash of the secret is kept, and no page anyone else reads carries it.
    link = GuestLink.objects.get()
    assert link.post == answer_of(question) and link.comment is None
    assert link.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(GuestLink.objects.values().get())
    assert secret not in Client().get(question.get_absolute_url()).content.decode()
    assert secret not in guest.get(question.get_absolute_url()).content.decode()
    # The secret has 256 bits; it expires after the days the settings say.
    assert len(secret) == 43
    lifetime = link.expires_at - link.created_at
    assert lifetime == timedelta(days=settings.MINDWELL_GUEST_LINK_DAYS)


@pytest.mark.django_db
def test_the_link_edits_the_answer_without_an_account_and_records_a_revision(maya, ask):
    question = ask(maya)
    secret = post_guest_answer(Client(), question)
    reader = Client()  # the link works in any browser: no session, no cookie needed
    page = reader.get(f"/guest/{secret}/")
    assert page.status_code == 200 and "Edit your answer" in page.content.decode()
    form = reader.get(f"/guest/{secret}/edit/")
    assert form.status_code == 200 and GUEST_ANSWER in form.content.decode()
    assert_private(form)
    new_text = "I have thought better of the details; a short walk outside helps me."
    saved = reader.post(f"/guest/{secret}/edit/", {"body": new_text, "reason": "less detail"})
    assert saved.status_code == 302 and saved["Location"] == f"/guest/{secret}/"
    answer = answer_of(question)
    assert answer.body == new_text and answer.revision_count == 2
    revision = Revision.objects.get(post=answer, number=2)
    assert (revision.editor, revision.body, revision.reason) == (None, new_text, "less detail")
    html = Client().get(question.get_absolute_url()).content.decode()
    assert new_text in html and GUEST_ANSWER not in html
    assert "edited</a> by Sam" in html
    history = Client().get(reverse("qa:revisions", args=[answer.pk])).content.decode()
    assert "a former member" not in history


@pytest.mark.django_db
def test_an_edit_through_the_link_is_checked_like_a_members(maya, ask):
    secret = post_guest_answer(Client(), ask(maya))
    refused = Client().post(f"/guest/{secret}/edit/", {"body": "too short"})
    assert refused.status_code == 400
    assert "The text is too short" in refused.content.decode()
    assert Revision.objects.filter(number=2).count() == 0


@pytest.mark.django_db
def test_a_guest_edits_the_title_and_tags_of_their_question(category):
    data = {
        "title": "How do I tell my sister about my diagnosis?",
        "body": "I was diagnosed last month and I do not know where to start with her.",
        "category": str(category.pk),
        "tags": "family diagnosis",
    }
    posted = Client().post(reverse("qa:ask"), data)
    secret = posted["Location"].split("/")[2]
    question = Post.objects.get()
    edited = {**data, "title": "How do I tell my family about a diagnosis?", "tags": "family"}
    assert Client().post(f"/guest/{secret}/edit/", edited).status_code == 302
    question.refresh_from_db()
    assert (question.title, question.tag_names) == (edited["title"], "family")


@pytest.mark.django_db
def test_deleting_through_the_link_hides_the_answer_and_a_moderator_can_restore_it(
    maya, moderator, ask
):
    question = ask(maya)
    secret = post_guest_answer(Client(), question)
    answer = answer_of(question)
    assert GUEST_ANSWER in Client().get(question.get_absolute_url()).content.decode()
    deleted = Client().post(f"/guest/{secret}/delete")
    assert deleted.status_code == 302 and deleted["Location"] == f"/guest/{secret}/"
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.is_deleted and question.answer_count == 0
    assert GUEST_ANSWER not in Client().get(question.get_absolute_url()).content.decode()
    after = Client().get(f"/guest/{secret}/").content.decode()
    assert "This answer is deleted: readers no longer see it." in after
    assert "Edit your answer" not in after
    # A soft delete, as for members: a moderator can bring it back.
    restored = client_for(moderator).post(reverse("qa:restore", args=[answer.pk]))
    assert restored.status_code == 302
    assert GUEST_ANSWER in Client().get(question.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_guest_comment_has_a_link_that_deletes_it(maya, ask):
    question = ask(maya)
    posted = Client().post(
        reverse("qa:comment", args=[question.pk]), {"body": "Same here, every single night."}
    )
    assert re.fullmatch(r"/guest/[A-Za-z0-9_-]{43}/posted", posted["Location"])
    secret = posted["Location"].split("/")[2]
    page = Client().get(f"/guest/{secret}/posted").content.decode()
    assert "Your comment is posted." in page and "Edit your comment" not in page
    # Comments are not edited, by members or guests: the edit address leads back.
    assert Client().get(f"/guest/{secret}/edit/")["Location"] == f"/guest/{secret}/"
    assert Client().post(f"/guest/{secret}/delete").status_code == 302
    assert Comment.objects.get().is_deleted
    assert "every single night" not in Client().get(question.get_absolute_url()).content.decode()


def _expire_every_link():
    GuestLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))


@pytest.mark.django_db
@pytest.mark.parametrize("spoil", ["unknown", "tampered", "short", "long", "expired"])
def test_a_link_that_is_not_one_we_gave_or_has_expired_gets_the_same_clear_404(maya, ask, spoil):
    question = ask(maya)
    secret = post_guest_answer(Client(), question)
    flipped = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    bad = {
        "unknown": "x" * 43,
        "tampered": flipped,
        "short": secret[:-1],
        "long": secret + "A",
        "expired": secret,
    }[spoil]
    if spoil == "expired":
        _expire_every_link()
    pages = [
        Client().get(f"/guest/{bad}/"),
        Client().get(f"/guest/{bad}/posted"),
        Client().get(f"/guest/{bad}/edit/"),
        Client().post(f"/guest/{bad}/edit/", {"body": "Replaced by someone who guessed."}),
        Client().post(f"/guest/{bad}/delete"),
    ]
    for page in pages:
        assert page.status_code == 404
        html = page.content.decode()
        assert NOT_WORKING in html and settings.MINDWELL_MODERATORS_EMAIL in html
        assert GUEST_ANSWER not in html
        assert_private(page)
    answer = answer_of(question)
    assert not answer.is_deleted and answer.revision_count == 1


@pytest.mark.django_db
def test_without_the_link_another_guest_can_neither_edit_nor_delete_the_post(maya, ask):
    question = ask(maya)
    secret = post_guest_answer(Client(), question)
    other_guest = Client()
    post_guest_answer(other_guest, question, body="Another guest's own answer, long enough.")
    answer = Post.objects.answers().filter(question=question).order_by("pk").first()
    assert other_guest.post(reverse("qa:delete", args=[answer.pk])).status_code == 302  # log in
    assert other_guest.get(reverse("qa:edit", args=[answer.pk]))["Location"].startswith(
        reverse("accounts:login")
    )
    answer.refresh_from_db()
    assert not answer.is_deleted
    # The link opens its own post only: the actions refuse it anything else.
    second = Post.objects.answers().exclude(pk=answer.pk).get()
    holder = GuestLinkHolder(answer)
    with pytest.raises(Forbidden):
        actions.edit_post(post=second, editor=holder, body="Changed by the wrong link holder.")
    with pytest.raises(Forbidden):
        actions.delete_post(post=second, by=holder)
    assert Client().get(f"/guest/{secret}/").status_code == 200


@pytest.mark.django_db
def test_a_members_post_has_no_private_link(maya, dr_okafor, ask):
    question = ask(maya)
    response = client_for(dr_okafor).post(
        reverse("qa:answer", args=[question.pk]), {"body": "A member's answer has no link."}
    )
    assert response["Location"].endswith(f"#a{answer_of(question).pk}")
    assert not GuestLink.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_guest_who_gave_an_email_gets_the_link_there_and_it_works(
    maya, ask, django_capture_on_commit_callbacks
):
    question = ask(maya)
    with django_capture_on_commit_callbacks(execute=True):
        secret = post_guest_answer(Client(), question, guest_email="sam.private@example.org")
    [message] = [m for m in mail.outbox if m.to != [maya.email]]  # she hears of the answer
    assert message.to == ["sam.private@example.org"]
    assert message.subject == "Your private link to edit or delete your answer on Mindwell"
    assert question.title not in message.body and GUEST_ANSWER not in message.body
    link = f"{settings.SITE_URL.rstrip('/')}/guest/{secret}/"
    assert link in message.body
    page = Client().get(link.removeprefix(settings.SITE_URL.rstrip("/")))
    assert page.status_code == 200 and GUEST_ANSWER in page.content.decode()
    shown = Client().get(f"/guest/{secret}/posted").content.decode()
    assert "we have also emailed it to the address you gave" in shown


@pytest.mark.django_db
def test_a_guest_without_an_email_gets_no_mail(maya, ask, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_guest_answer(Client(), ask(maya))
    assert [m.to for m in mail.outbox] == [[maya.email]]  # only the asker, told of the answer


@pytest.mark.django_db
def test_the_link_email_reaches_a_real_smtp_server_and_its_link_works(
    smtp_server, settings, maya, ask, django_capture_on_commit_callbacks, monkeypatch
):
    controller, inbox = smtp_server
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{controller.port}")
    for key, value in env_email("EMAIL_URL", "console:").items():
        setattr(settings, key, value)
    question = ask(maya)
    with django_capture_on_commit_callbacks(execute=True):
        post_guest_answer(Client(), question, guest_email="sam.private@example.org")
    [message] = inbox.to("sam.private@example.org")
    assert message["Subject"] == "Your private link to edit or delete your answer on Mindwell"
    body = message.get_payload(decode=True).decode()
    path = re.search(r"https?://[^/\s]+(/guest/[A-Za-z0-9_-]{43}/)", body).group(1)
    deleted = Client().post(path + "delete")
    assert deleted.status_code == 302
    assert answer_of(question).is_deleted


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_deletion_through_the_link_reaches_readers_of_stored_pages_at_once(servers, maya, ask):
    a, b = servers
    question = ask(maya)
    url = question.get_absolute_url()
    got, form_html = b.request("GET", url)
    secret_cookie = cookie_value(got, "csrftoken")
    body = f"csrfmiddlewaretoken={token_in(form_html)}&body={GUEST_ANSWER.replace(' ', '+')}"
    cookie = f"csrftoken={secret_cookie}"
    posted, _ = b.request("POST", f"/q/{question.pk}/answer", cookie=cookie, body=body)
    link = posted.headers["Location"]
    shown, link_html = b.request("GET", link, cookie=cookie)
    assert shown.status == 200 and KEEP in link_html
    assert "X-Page-Cache" not in shown.headers and "no-store" in shown.headers["Cache-Control"]
    a.request("GET", url)
    stored, html = a.request("GET", url)
    assert stored.headers["X-Page-Cache"] == "hit" and GUEST_ANSWER in html
    manage = link.removesuffix("posted")
    deleted, _ = b.request(
        "POST", manage + "delete", cookie=cookie, body=f"csrfmiddlewaretoken={token_in(link_html)}"
    )
    assert deleted.status == 302
    fresh, html = a.request("GET", url)
    assert fresh.headers["X-Page-Cache"] == "miss" and GUEST_ANSWER not in html
