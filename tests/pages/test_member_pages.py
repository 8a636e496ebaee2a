# mypy: disable-error-code="union-attr"
"""Pages shared by members: stored once, personalised per member, never stale, never leaking
one member's parts to another (mindwell/core/memberpages.py)."""

import re

import pytest
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext

from mindwell.core import pagecache
from mindwell.core.pagecache import members as memberpages
from mindwell.qa import actions
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def stored_pages(settings, tmp_path):
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600  # views are written in batches, not here
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(tmp_path / "versions.bin")
    pagecache.reset_stores()
    memberpages.clear()
    yield
    memberpages.clear()
    pagecache.reset_stores()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change's after-commit work (the version bumps), as a real commit would."""

    def run(change, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(**kwargs)

    return run


def vote_states(html, post_id):
    """(up pressed, down pressed) in the vote box of one post."""
    box = re.search(rf'id="[qa]{post_id}".*?<div class="vote-box">(.*?)</div>', html, re.S)
    pressed = re.findall(r'aria-pressed="(true|false)"', box.group(1))
    return tuple(p == "true" for p in pressed)


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode(), len(queries.captured_queries)


def test_each_member_gets_their_own_votes_controls_and_name_from_one_stored_page(
    maya, dr_okafor, ask, answer, committed
):
    quinn = make_member("quinn", display_name="Quinn Reader")
    riley = make_member("riley", display_name="Riley Reader")
    question = ask(maya)
    reply = answer(question, dr_okafor)
    committed(actions.cast_vote, user=quinn, post=reply, value=1)
    committed(actions.cast_vote, user=riley, post=reply, value=-1)
    url = question.get_absolute_url()

    first, quinn_html, misses = get(client_for(quinn), url)
    assert first["X-Member-Page"] == "miss"
    second, riley_html, hits = get(client_for(riley), url)
    assert second["X-Member-Page"] == "hit"
    # The session, the member, their votes on the page's posts, and whether they follow
    # the question (its Follow button).
    assert hits == 4
    assert hits < misses

    assert vote_states(quinn_html, reply.pk) == (True, False)
    assert vote_states(riley_html, reply.pk) == (False, True)
    assert "Quinn Reader" in quinn_html and "Quinn Reader" not in riley_html
    assert "Riley Reader" in riley_html and "Riley Reader" not in quinn_html
    # Neither wrote anything here: no edit, delete or best-answer controls.
    for html in (quinn_html, riley_html):
        assert "Edit<span" not in html and "Select as best answer" not in html

    _, maya_html, _ = get(client_for(maya), url)
    assert f'href="/post/{question.pk}/edit/"' in maya_html  # her question
    assert f'href="/post/{reply.pk}/edit/"' not in maya_html  # not dr_okafor's answer
    assert "Select as best answer" in maya_html  # she asked
    _, okafor_html, _ = get(client_for(dr_okafor), url)
    assert f'href="/post/{reply.pk}/edit/"' in okafor_html
    assert f'href="/post/{question.pk}/edit/"' not in okafor_html
    assert "Select as best answer" not in okafor_html


def test_each_member_gets_their_own_csrf_token_and_no_marker_or_placeholder(maya, dr_okafor, ask):
    url = ask(maya).get_absolute_url()
    one = client_for(maya)
    two = client_for(dr_okafor)
    _, html_one, _ = get(one, url)
    _, html_two, _ = get(two, url)
    for client, html in ((one, html_one), (two, html_two)):
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
        assert len(tokens) == 1
        secret = client.cookies["csrftoken"].value
        assert _unmask_cipher_token(tokens.pop()) == secret
        assert pagecache.placeholder() not in html
        assert "\x00" not in html


def test_a_committed_change_is_shown_at_once(maya, dr_okafor, newcomer, ask, answer, committed):
    question = ask(maya)
    client = client_for(newcomer)
    url = question.get_absolute_url()
    get(client, url)
    hit, _, _ = get(client, url)
    assert hit["X-Member-Page"] == "hit"
    committed(answer, question=question, author=dr_okafor, body="What helped me was a walk.")
    fresh, html, _ = get(client, url)
    assert fresh["X-Member-Page"] == "miss" and "What helped me was a walk." in html
    # A vote by the member changes their own page (the score, and their pressed button).
    reply = question.answer_set.get()
    committed(actions.cast_vote, user=newcomer, post=reply, value=1)
    _, html, _ = get(client, url)
    assert vote_states(html, reply.pk) == (True, False)
    assert '<span class="score" title="Score: helpful votes minus unhelpful ones">1</span>' in html
    # The lists, for members too.
    get(client, "/")
    listed, _, _ = get(client, "/")
    assert listed["X-Member-Page"] == "hit"
    committed(ask, author=newcomer, title="A fresh question about sleeping badly")
    relisted, html, _ = get(client, "/")
    assert relisted["X-Member-Page"] == "miss" and "A fresh question about sleeping" in html


def test_a_flash_message_is_shown_once_to_its_member_only(maya, dr_okafor, ask):
    question = ask(maya)
    url = question.get_absolute_url()
    writer = client_for(dr_okafor)
    get(writer, url)
    posted = writer.post(f"/q/{question.pk}/answer", {"body": "It is common; say it aloud."})
    assert posted.status_code == 302
    _, html, _ = get(writer, url)
    assert "Thank you: your answer is posted." in html
    _, html, _ = get(writer, url)
    assert "Thank you" not in html
    _, html, _ = get(client_for(maya), url)
    assert "Thank you" not in html


def test_moderators_get_their_own_render_and_it_is_never_shared(
    maya, moderator, newcomer, ask, answer, committed
):
    question = ask(maya)
    hidden = answer(question, newcomer, body="An answer that a moderator will delete.")
    committed(actions.delete_post, post=hidden, by=moderator)
    shy = answer(question, newcomer, body="Posted anonymously by newcomer.", anonymous=True)
    url = question.get_absolute_url()
    mod = client_for(moderator)
    response, html, _ = get(mod, url)
    assert "X-Member-Page" not in response
    assert "An answer that a moderator will delete." in html
    assert "moderators see:" in html and f'href="/post/{shy.pk}/edit/"' in html
    response, html, _ = get(client_for(maya), url)
    assert response["X-Member-Page"] == "miss"
    assert "An answer that a moderator will delete." not in html
    assert "moderators see:" not in html


def test_a_page_that_fails_is_an_ordinary_error_page(maya, newcomer, ask, committed):
    question = ask(maya)
    committed(actions.delete_post, post=question, by=maya)
    response = client_for(newcomer).get(question.get_absolute_url())
    assert response.status_code == 404
    html = response.content.decode()
    assert "\x00" not in html and pagecache.placeholder() not in html
    assert "Log out" in html  # the account links of the real member, not "some member"


def test_with_the_cache_off_members_still_get_their_own_page(
    settings, maya, newcomer, ask, answer, committed
):
    settings.MINDWELL_PAGE_CACHE = False
    question = ask(maya)
    reply = answer(question, newcomer)
    actions.cast_vote(user=maya, post=reply, value=1)
    client = client_for(maya)
    for _ in range(2):
        response, html, _ = get(client, question.get_absolute_url())
        assert "X-Member-Page" not in response
        assert vote_states(html, reply.pk) == (True, False)
        assert "Select as best answer" in html


def test_personal_blocks_refuse_unknown_kinds_and_nesting(rf, maya, ask):
    post = ask(maya)
    with pytest.raises(TemplateSyntaxError, match=r"KIND one of vote, .*can_edit"):
        Template("{% load mindwell %}{% personal mood 1 %}x{% endpersonal %}")
    nested = Template(
        "{% load mindwell %}{% personal can_edit post %}{% personal vote 2 %}"
        "{{ my_vote }}{% endpersonal %}{% endpersonal %}"
    )
    request = rf.get("/")
    recorder = memberpages.Recorder(started_seq=0)
    setattr(request, memberpages.REQUEST_ATTRIBUTE, recorder)
    with pytest.raises(TemplateSyntaxError, match="cannot hold another"):
        nested.render(Context({"request": request, "user": maya, "post": post}))
    # Rendered normally (no recorder), a block reads its variable directly.
    plain = Template(
        "{% load mindwell %}{% personal can_edit post %}{{ allowed }}{% endpersonal %}"
        "{% personal vote 7 %}{{ my_vote }}{% endpersonal %}"
    )
    context = {"user": maya, "my_votes": {7: -1}}
    assert plain.render(Context({**context, "post": post})) == "True-1"
    assert plain.render(Context({**context, "post": ask(None)})) == "False-1"
