# mypy: disable-error-code="union-attr"
"""The anonymous page cache, through two real granian processes sharing one database.

A change made in one process (or by an action in this one) is seen at once by a reader of
the other; members and visitors with messages always get Django; every visitor gets their
own CSRF token; hits still count views.
"""

import struct

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.test import Client

from mindwell.core import pagecache
from mindwell.qa import actions
from mindwell.qa.models import Post
from tests.pages.servers import cookie_value, token_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("servers", ["file", "redis"], indirect=True)
def test_a_change_in_one_process_is_seen_at_once_by_a_reader_of_another(
    servers, maya, dr_okafor, newcomer, ask, answer
):
    a, b = servers
    question = ask(maya)
    answer(question, dr_okafor, body="Talking to them about it helped me a great deal.")
    url = question.get_absolute_url()
    first, _ = a.request("GET", url)
    assert first.status == 200 and first.headers["X-Page-Cache"] == "miss"
    second, html = a.request("GET", url)
    assert second.headers["X-Page-Cache"] == "hit"
    assert "Talking to them" in html
    # A guest answers through the other process, with the token that process gave them.
    got, form_html = b.request("GET", url)
    secret = cookie_value(got, "csrftoken")
    assert secret
    body = (
        f"csrfmiddlewaretoken={token_in(form_html)}&body=A+guest+answer+written+through+B."
        "&guest_name=Sam"
    )
    posted, _ = b.request(
        "POST", f"/q/{question.pk}/answer", cookie=f"csrftoken={secret}", body=body
    )
    assert posted.status == 302
    after, html = a.request("GET", url)
    assert after.headers["X-Page-Cache"] == "miss"
    assert "A guest answer written through B." in html
    # An action in this process: a vote changes the score shown, and dr_okafor's points.
    _, html = a.request("GET", url)
    reply = Post.objects.answers().get(author=dr_okafor)
    actions.cast_vote(user=newcomer, post=reply, value=1)
    dr_okafor.refresh_from_db()
    fresh, html = a.request("GET", url)
    assert fresh.headers["X-Page-Cache"] == "miss"
    assert f"({dr_okafor.points} points)" in html
    # The lists too.
    a.request("GET", "/")
    listed, html = a.request("GET", "/")
    assert listed.headers["X-Page-Cache"] == "hit"
    actions.ask_question(
        author=newcomer, title="A brand new question about sleep", body="I wake at 4am every day.",
        category=question.category, tags="sleep",
    )  # fmt: skip
    relisted, html = a.request("GET", "/")
    assert relisted.headers["X-Page-Cache"] == "miss" and "A brand new question" in html
    # A change to a member's name shows on a page of another question they answered.
    other = ask(newcomer, title="Another question that dr okafor answers")
    answer(other, dr_okafor)
    a.request("GET", other.get_absolute_url())
    from mindwell.accounts.actions import update_profile

    update_profile(user=dr_okafor, display_name="Dr Ada Okafor", about="")
    renamed, html = a.request("GET", other.get_absolute_url())
    assert renamed.headers["X-Page-Cache"] == "miss" and "Dr Ada Okafor" in html


def test_each_visitor_gets_their_own_token_and_no_cookie_is_stored(servers, maya, ask):
    a, _ = servers
    url = ask(maya).get_absolute_url()
    a.request("GET", url)
    one, html_one = a.request("GET", url)
    two, html_two = a.request("GET", url)
    assert one.headers["X-Page-Cache"] == two.headers["X-Page-Cache"] == "hit"
    secret_one, secret_two = cookie_value(one, "csrftoken"), cookie_value(two, "csrftoken")
    assert secret_one and secret_two and secret_one != secret_two
    assert _unmask_cipher_token(token_in(html_one)) == secret_one
    assert _unmask_cipher_token(token_in(html_two)) == secret_two
    assert pagecache.placeholder() not in html_one
    assert "Cookie" in one.headers["Vary"]
    # A returning visitor keeps their cookie: no new one, and the page carries their secret.
    mine = "A" * 32
    back, html = a.request("GET", url, cookie=f"csrftoken={mine}")
    assert back.headers["X-Page-Cache"] == "hit" and cookie_value(back, "csrftoken") is None
    assert _unmask_cipher_token(token_in(html)) == mine
    assert len({token_in(html), token_in(html_one), token_in(html_two)}) == 3


def test_members_and_visitors_with_messages_are_never_served_from_the_cache(
    servers, maya, dr_okafor, ask
):
    a, _ = servers
    url = ask(maya).get_absolute_url()
    client = Client()
    client.force_login(dr_okafor)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    a.request("GET", url)
    a.request("GET", url)
    member, html = a.request("GET", url, cookie=f"sessionid={session}")
    assert "X-Page-Cache" not in member.headers
    assert "Log out" in html and "Dr Okafor" in html
    anonymous, html = a.request("GET", url)
    assert anonymous.headers["X-Page-Cache"] == "hit" and "Log out" not in html
    with_message, _ = a.request("GET", url, cookie="messages=abc")
    assert "X-Page-Cache" not in with_message.headers
    # Pages that are not declared cacheable (here the log-in form) are never stored.
    login, _ = a.request("GET", "/accounts/login/")
    assert login.status == 200 and "X-Page-Cache" not in login.headers


def test_views_are_still_counted_on_cache_hits(servers, maya, ask):
    a, _ = servers
    question = ask(maya)
    for _ in range(4):
        a.request("GET", question.get_absolute_url())
    question.refresh_from_db()
    assert question.view_count == 4


def test_readers_recover_when_a_writer_died_half_way(tmp_path):
    versions = pagecache.FileVersions(tmp_path / "versions.bin", slots=64)
    versions.bump(["q:1"])
    before = versions.get(["q:1", "site"])
    struct.pack_into("<q", versions.map, 0, 1)  # as if a bump stopped after making it odd
    after = versions.get(["q:1", "site"])
    assert after[1] > before[1]  # every page moved on
    versions.bump(["q:1"])
    assert versions.get(["q:1"])[0] > after[0]


def test_a_member_page_stored_in_one_process_is_refreshed_by_a_change_in_another(
    servers, maya, dr_okafor, newcomer, ask
):
    a, b = servers
    question = ask(maya)
    url = question.get_absolute_url()

    def cookie_for(user, csrf_secret):
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        return f"sessionid={session}; csrftoken={csrf_secret}"

    reader = cookie_for(newcomer, "r" * 32)
    first, _ = a.request("GET", url, cookie=reader)
    second, html = a.request("GET", url, cookie=reader)
    assert first.headers["X-Member-Page"] == "miss" and second.headers["X-Member-Page"] == "hit"
    assert 'href="/u/newcomer/"' in html and _unmask_cipher_token(token_in(html)) == "r" * 32
    # dr_okafor answers through the other process, with the form that process gave them.
    writer = cookie_for(dr_okafor, "w" * 32)
    _, form_html = b.request("GET", url, cookie=writer)
    assert 'href="/u/dr_okafor/"' in form_html and 'href="/u/newcomer/"' not in form_html
    body = f"csrfmiddlewaretoken={token_in(form_html)}&body=Answered+through+process+B."
    posted, _ = b.request("POST", f"/q/{question.pk}/answer", cookie=writer, body=body)
    assert posted.status == 302
    after, html = a.request("GET", url, cookie=reader)
    assert after.headers["X-Member-Page"] == "miss"
    assert "Answered through process B." in html
