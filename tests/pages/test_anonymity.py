"""Anonymity holds (decision 0010): nothing anyone else can see about a member moves when they
post anonymously, or when anything is done to what they posted anonymously.

The pages that show the member (their profile's tabs, and question pages showing their name
and points) are read by a guest and by another member before and after a run of anonymous
posts, votes, best answers, edits, deletions and restorations, and compared byte for byte.
Only the CSRF token differs between two renders of the same page (it is masked afresh for
each response), so only it is normalised."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from mindwell.accounts.actions import update_profile
from mindwell.qa import actions
from mindwell.qa.models import Post
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

# Each response's own masked CSRF token, in the CSRF and the form-submission fields, and
# its forms' fill-time stamp.
CSRF_TOKEN = re.compile(r'(name="(?:csrfmiddlewaretoken|submission|form_stamp)" value=")[^"]+(")')


def normalised(html: str) -> str:
    return CSRF_TOKEN.sub(r"\1(token)\2", html)


def snapshot(readers: dict[str, Client], urls: list[str]) -> dict[tuple[str, str], str]:
    pages = {}
    for name, client in readers.items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (name, url)
            pages[name, url] = normalised(response.content.decode())
    return pages


def first_difference(before: str, after: str) -> str:
    at = next(i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b)
    return f"before: {before[at - 80 : at + 80]!r}\nafter:  {after[at - 80 : at + 80]!r}"


def test_nothing_shown_of_a_member_moves_with_what_they_do_anonymously(
    maya, dr_okafor, newcomer, moderator, ask, answer, settings
):
    # Views would move the question pages' counters; they are not what is compared here.
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_VIEW_FLUSH_COUNT = 10**9
    earlier = timezone.now() - timedelta(days=3)
    asker = make_member("sam", display_name="Sam")
    # What maya wrote under her name, and where it shows her name and points.
    public = ask(maya, title="How do I ask my partner for more time alone?", now=earlier)
    theirs = ask(dr_okafor, title="What helps before a first therapy session?", now=earlier)
    reply = answer(theirs, maya, now=earlier)
    actions.cast_vote(user=newcomer, post=reply, value=1)
    actions.cast_vote(user=dr_okafor, post=public, value=1)
    readers = {"guest": Client(), "another member": client_for(make_member("reader"))}
    urls = [
        "/u/maya/", "/u/maya/answers/", public.get_absolute_url(), theirs.get_absolute_url(),
    ]  # fmt: skip
    before = snapshot(readers, urls)

    # Asking and answering anonymously, and others voting on both.
    secret = ask(maya, title="Something I cannot say under my own name", anonymous=True)
    elsewhere = ask(asker, title="How did you cope after a breakup with a friend?")
    hidden = answer(elsewhere, maya, anonymous=True)
    for voter in (dr_okafor, newcomer, asker):
        actions.cast_vote(user=voter, post=secret, value=1)
        actions.cast_vote(user=voter, post=hidden, value=1)
    actions.cast_vote(user=newcomer, post=hidden, value=-1)
    # Her anonymous answer chosen as best; as an anonymous asker, her choosing another's.
    actions.accept_answer(question=elsewhere, answer=hidden, by=asker)
    chosen = answer(secret, newcomer, body="You are not alone in this; a journal helped me.")
    actions.accept_answer(question=secret, answer=chosen, by=maya)
    # Her own answer, under her anonymous question, chosen: it earns as anyone's would, so
    # only what it shows under her name (the answers tab) may move; checked separately below.
    # Comments, edits, deletions and restorations of what she wrote anonymously.
    actions.add_comment(post=elsewhere, author=maya, body="Same here, thank you.", anonymous=True)
    actions.edit_post(post=secret, editor=maya, body="Edited: the same worry, said more clearly.")
    actions.delete_post(post=hidden, by=moderator)  # the best answer: not its author's to delete
    actions.restore_post(post=hidden, by=moderator)
    actions.delete_post(post=secret, by=moderator)
    actions.restore_post(post=secret, by=moderator)
    after = snapshot(readers, urls)

    for key, html in before.items():
        assert after[key] == html, f"{key} changed:\n{first_difference(html, after[key])}"
    # The run did happen: the anonymous posts are live, and others earned from them.
    assert Post.objects.filter(pk__in=[secret.pk, hidden.pk], deleted_at=None).count() == 2
    newcomer.refresh_from_db()
    assert newcomer.points > 0


def test_an_anonymous_asker_choosing_their_own_answer_looks_like_anyone_choosing_it(
    maya, dr_okafor, ask, answer, settings
):
    """Her answer gains "accepted" and the points for it, exactly as if another member had
    asked: nothing shows the two posts are hers."""
    secret = ask(maya, title="Something I cannot say under my own name", anonymous=True)
    own = answer(secret, maya, body="Update: what worked for me in the end was a routine.")
    other = ask(dr_okafor, title="What helps before a first therapy session?")
    theirs = answer(other, dr_okafor, body="Update: what worked for me in the end was a routine.")
    gained = []
    for question, reply, author in ((secret, own, maya), (other, theirs, dr_okafor)):
        author.refresh_from_db()
        before = author.points
        actions.accept_answer(question=question, answer=reply, by=question.author)
        author.refresh_from_db()
        gained.append(author.points - before)

    # dr_okafor chose his own answer openly: that earns nothing, as everyone can see.
    assert gained == [settings.MINDWELL_POINTS["answer_accepted"], 0]
    html = Client().get("/u/maya/answers/").content.decode()
    assert "accepted ✓" in html and secret.title in html


def test_the_anonymous_choice_says_plainly_that_it_earns_nothing(maya, ask):
    client = client_for(maya)
    question = ask(maya)
    for url in ("/ask/", question.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Post anonymously" in html
        assert "It earns you no points, and votes on it cost you none" in html


def _readers() -> dict[str, str]:
    client = client_for(make_member("reader"))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"guest": "", "member": f"sessionid={session}; csrftoken={'m' * 32}"}


def _cache_state(response: Any, reader: str) -> str:
    return response.headers["X-Page-Cache" if reader == "guest" else "X-Member-Page"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_profiles_are_neither_stale_nor_touched_by_anonymous_posts(
    servers, maya, dr_okafor, newcomer, moderator, ask, answer
):
    """A stored profile that went stale when its member posted anonymously would tell anyone
    watching it (a cache miss, a slower answer) who wrote the post: the profile declares only
    what it shows, and anonymous posts change none of it. What the member posts under their
    name shows at once."""
    ask(maya, title="How do I ask my partner for more time alone?")
    answer(ask(dr_okafor, title="What helps before a first therapy session?"), maya)
    asker = make_member("sam", display_name="Sam")
    readers = _readers()
    urls = ["/u/maya/", "/u/maya/answers/"]
    stored = {}
    for n, server in enumerate(servers):
        for reader, cookie in readers.items():
            for url in urls:
                server.request("GET", url, cookie=cookie)
                response, html = server.request("GET", url, cookie=cookie)
                assert _cache_state(response, reader) == "hit", (url, reader)
                stored[n, reader, url] = normalised(html)

    secret = ask(maya, title="Something I cannot say under my own name", anonymous=True)
    elsewhere = ask(asker, title="How did you cope after a breakup with a friend?")
    hidden = answer(elsewhere, maya, anonymous=True)
    actions.cast_vote(user=dr_okafor, post=secret, value=1)
    actions.cast_vote(user=newcomer, post=hidden, value=1)
    actions.accept_answer(question=elsewhere, answer=hidden, by=asker)
    actions.accept_answer(question=secret, answer=answer(secret, newcomer), by=maya)
    actions.edit_post(post=secret, editor=maya, body="Edited: the same worry, said more clearly.")
    actions.delete_post(post=hidden, by=moderator)  # the best answer: not its author's to delete
    actions.restore_post(post=hidden, by=moderator)

    for n, server in enumerate(servers):
        for reader, cookie in readers.items():
            for url in urls:
                response, html = server.request("GET", url, cookie=cookie)
                assert _cache_state(response, reader) == "hit", (url, reader)
                assert normalised(html) == stored[n, reader, url], (url, reader)

    ask(maya, title="A question maya asks openly, later on")
    for server in servers:
        for reader, cookie in readers.items():
            response, html = server.request("GET", "/u/maya/", cookie=cookie)
            assert "A question maya asks openly, later on" in html, reader
            assert secret.title not in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_stored_anonymous_post_does_not_go_stale_with_its_authors_name_or_points(
    servers, maya, dr_okafor, ask
):
    """The other way round: a page showing an anonymous post must not depend on its author,
    or it would go stale each time the author's points or name changed."""
    # On another topic: a related question beside it would rightly make it stale.
    public = ask(
        maya, title="How do I ask my partner for more time alone?",
        body="We live together and I never get an evening to myself.", tags="partners",
    )  # fmt: skip
    secret = ask(maya, title="Something I cannot say under my own name", anonymous=True)
    actions.edit_post(post=secret, editor=maya, body="Edited: the same worry, said more clearly.")
    url = secret.get_absolute_url()
    readers = _readers()
    for server in servers:
        for cookie in readers.values():
            server.request("GET", url, cookie=cookie)

    actions.cast_vote(user=dr_okafor, post=public, value=1)
    update_profile(user=maya, display_name="Maya R.", about="")

    for server in servers:
        for reader, cookie in readers.items():
            response, html = server.request("GET", url, cookie=cookie)
            assert _cache_state(response, reader) == "hit", reader
            assert "Maya" not in html and "/u/maya/" not in html
