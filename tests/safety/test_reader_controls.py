"""Reader controls: a member's muted words and hidden tags leave questions out of every list,
hide a question's page behind a notice with "Show it this once", fold answers and comments;
stored member pages never carry hidden content to such a member, and members without
controls keep the shared pages at their cost. Content notes fold a question's text."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core import pagecache
from mindwell.core.pagecache import members as memberpages
from mindwell.qa import actions as qa_actions
from mindwell.qa.models import Post, Revision
from mindwell.safety import reader
from mindwell.safety.actions import MAX_PHRASES, save_reader_controls
from mindwell.safety.models import ReaderRule
from mindwell.safety.redaction import redact
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

SETTINGS_URL = "/accounts/settings/reading/"
HIDDEN_TITLE = "How do I stop hurting myself when things get bad?"
MUTED_TITLE = "My sister keeps talking about her diet and it upsets me"
PLAIN_TITLE = "Is it normal to feel attached to my therapist?"


@pytest.fixture
def reader_member(db):
    """A member who hides self-harm and mutes "diet"."""
    member = make_member("quinn", display_name="Quinn")
    Tag.objects.get_or_create(name="self-harm")
    save_reader_controls(user=member, phrases="Diet", tags="self-harm")
    return User.objects.get(pk=member.pk)


@pytest.fixture
def three_questions(ask, maya):
    """One question tagged self-harm, one with a muted word in its text, one plain."""
    hidden = ask(maya, title=HIDDEN_TITLE, tags="self-harm coping")
    muted = ask(
        maya,
        title=MUTED_TITLE,
        body="She talks about her DIET at every meal and I do not know what to say.",
        tags="family",
    )
    plain = ask(maya, title=PLAIN_TITLE)
    return hidden, muted, plain


def article(html, post):
    """The HTML of one answer on a question page."""
    found = re.search(rf'id="a{post.pk}".*?</article>', html, re.S)
    assert found is not None
    return found.group(0)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


# The settings page --------------------------------------------------------------------------


def test_a_guest_is_sent_to_log_in(client):
    response = client.get(SETTINGS_URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_member_saves_muted_words_and_hidden_tags_and_sees_them_again(maya):
    for name in ("self-harm", "eating-disorders", "insomnia"):
        Tag.objects.create(name=name)
    client = client_for(maya)
    html = page(client, SETTINGS_URL)
    # The sensitive tags that exist are offered as boxes; the others are typed.
    assert 'value="self-harm"' in html and 'value="eating-disorders"' in html
    assert 'value="suicide"' not in html
    response = client.post(
        SETTINGS_URL,
        {
            "phrases": "  Cutting \nbinge   eating\ncutting\n\n",
            "suggested": ["self-harm"],
            "tags": "insomnia",
        },
    )
    assert response.status_code == 302 and response["Location"] == SETTINGS_URL
    maya.refresh_from_db()
    assert maya.has_reader_controls
    rules = reader.load_rules(maya.pk)
    assert rules.phrases == ("binge eating", "cutting")
    assert sorted(rules.hidden_tags.values()) == ["insomnia", "self-harm"]
    html = page(client, SETTINGS_URL)
    assert "Your reader settings are saved." in html
    assert re.search(r'value="self-harm"[^>]*checked', html)
    assert not re.search(r'value="eating-disorders"[^>]*checked', html)
    assert "cutting\nbinge eating</textarea>" in html
    assert 'value="insomnia"' in html
    # Emptied, the member has no controls again.
    client.post(SETTINGS_URL, {"phrases": "", "tags": ""})
    maya.refresh_from_db()
    assert not maya.has_reader_controls and not ReaderRule.objects.filter(user=maya).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"phrases": "\n".join(f"word{i}" for i in range(MAX_PHRASES + 1))},
            f"Mute at most {MAX_PHRASES} words or phrases; you gave {MAX_PHRASES + 1}.",
        ),
        ({"phrases": "a" * 41}, "is too long: a muted word or phrase has at most 40 characters"),
        ({"phrases": "ok\n!"}, "“!” is too short to mute"),
        ({"tags": "no-such-tag"}, "There is no tag “no-such-tag” here."),
        ({"tags": "nope other-nope"}, "There are no tags “nope”, “other-nope” here."),
        ({"suggested": ["self-harm", "made-up"]}, "Select a valid choice."),
    ],
)
def test_bad_settings_are_refused_with_a_clear_message_and_nothing_saved(maya, data, message):
    Tag.objects.create(name="self-harm")
    save_reader_controls(user=maya, phrases="diet", tags="")
    client = client_for(maya)
    response = client.post(SETTINGS_URL, {"phrases": "", "tags": "self-harm", **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert reader.load_rules(maya.pk).phrases == ("diet",)
    assert not reader.load_rules(maya.pk).hidden_tags


# Lists ------------------------------------------------------------------------------------------


LISTS = ["/", "/questions/hot/", "/questions/votes/", "/questions/unanswered/"]


@pytest.mark.parametrize("url", [*LISTS, "/category/therapy-relationship/", "/u/maya/"])
def test_lists_leave_out_what_a_member_hides_and_only_for_them(
    url, three_questions, reader_member, dr_okafor
):
    html = page(client_for(reader_member), url)
    assert PLAIN_TITLE in html
    assert HIDDEN_TITLE not in html and MUTED_TITLE not in html
    for other in (None, dr_okafor):
        html = page(client_for(other), url)
        assert PLAIN_TITLE in html and HIDDEN_TITLE in html and MUTED_TITLE in html


def test_a_tag_list_leaves_out_the_hidden_questions_and_a_hidden_tag_lists_none(
    three_questions, reader_member
):
    client = client_for(reader_member)
    html = page(client, "/tag/coping/")
    assert "Questions hidden by your reader settings are left out." in html
    assert HIDDEN_TITLE not in html
    html = page(client, "/tag/self-harm/")
    assert "You hide questions tagged “self-harm”, so none are listed here." in html
    assert HIDDEN_TITLE not in html
    assert HIDDEN_TITLE in page(client_for(None), "/tag/self-harm/")


def test_the_answers_tab_of_a_profile_leaves_out_answers_to_hidden_questions(
    three_questions, reader_member, dr_okafor, answer
):
    for question in three_questions:
        answer(question, dr_okafor)
    html = page(client_for(reader_member), "/u/dr_okafor/answers/")
    assert PLAIN_TITLE in html and HIDDEN_TITLE not in html and MUTED_TITLE not in html
    html = page(client_for(None), "/u/dr_okafor/answers/")
    assert HIDDEN_TITLE in html and MUTED_TITLE in html


def test_whole_words_in_any_case_are_muted_and_the_members_own_posts_never(
    ask, maya, reader_member
):
    ask(maya, title="Tips for a DIET that helps my mood?")
    ask(maya, title="Dieting made me anxious, is that common?")
    ask(reader_member, title="How do I talk about my diet with my therapist?")
    html = page(client_for(reader_member), "/")
    assert "Tips for a DIET" not in html
    assert "Dieting made me anxious" in html  # not the whole word
    assert "How do I talk about my diet" in html  # their own


def test_a_list_is_filled_to_its_size_and_pages_on_past_the_hidden_rows(ask, maya, settings):
    settings.MINDWELL_PAGE_SIZE = 3
    member = make_member("quinn")
    save_reader_controls(user=member, phrases="diet", tags="")
    now = timezone.now() - timedelta(days=1)
    shown = []
    for i in range(12):
        muted = i % 3 != 0  # two of every three are muted
        question = ask(
            maya,
            title=f"Question {i:02d} about {'diet' if muted else 'sleep'} and how I feel",
            now=now + timedelta(minutes=i),
        )
        if not muted:
            shown.append(question.title)
    shown.reverse()  # newest first: 4 shown, 8 hidden
    client = client_for(member)
    first = client.get("/")
    assert [q.title for q in first.context["page"].items] == shown[:3]
    next_query = first.context["page"].next_query
    second = client.get(f"/{next_query}")
    assert [q.title for q in second.context["page"].items] == shown[3:]
    assert second.context["page"].next_query is None
    back = client.get(f"/{second.context['page'].previous_query}")
    assert [q.title for q in back.context["page"].items] == shown[:3]
    assert first.context["page"].total is None  # no "of N": some are not shown


@pytest.mark.parametrize("url", ["/", "/questions/unanswered/", "/tag/attachment/"])
def test_a_list_costs_the_same_queries_for_3_or_30_questions_for_a_member_with_controls(
    url, ask, maya, settings, reader_member
):
    settings.MINDWELL_PAGE_SIZE = 50
    client = client_for(reader_member)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries.captured_queries)

    for i in range(3):
        ask(maya, title=f"A question about sleep, number {i:02d}")
    small = count()
    for i in range(27):
        ask(maya, title=f"A question about my diet, number {i:02d}")
    assert count() == small <= 7  # the member's rules: one query more than a member's


# The question page ------------------------------------------------------------------------------


def test_a_hidden_question_shows_why_and_can_be_shown_once(three_questions, reader_member):
    hidden, muted, _ = three_questions
    client = client_for(reader_member)
    html = page(client, hidden.get_absolute_url())
    assert "This question is hidden by your reader settings" in html
    assert "It is tagged “self-harm”." in html
    assert HIDDEN_TITLE not in html and hidden.body not in html
    show_once = f"{hidden.get_absolute_url()}?show=once"
    assert f'href="{show_once}"' in html and f'href="{SETTINGS_URL}"' in html
    html = page(client, show_once)
    assert HIDDEN_TITLE in html and hidden.body in html
    assert "hidden by your reader settings" not in html
    # Once: the next visit hides it again.
    assert HIDDEN_TITLE not in page(client, hidden.get_absolute_url())
    html = page(client, muted.get_absolute_url())
    assert "It contains a word or phrase you muted." in html and MUTED_TITLE not in html
    # The order of answers keeps "show once".
    response = client.get(f"{muted.get_absolute_url()}?show=once&answers=oldest")
    assert response.status_code == 302
    assert response["Location"] == f"{muted.get_absolute_url()}?answers=oldest&show=once"


def test_show_once_is_nothing_to_those_who_hide_nothing(three_questions, dr_okafor):
    hidden, _, _ = three_questions
    for viewer in (None, dr_okafor):
        response = client_for(viewer).get(f"{hidden.get_absolute_url()}?show=once")
        assert response.status_code == 302 and response["Location"] == hidden.get_absolute_url()
        assert HIDDEN_TITLE in page(client_for(viewer), hidden.get_absolute_url())


def test_answers_and_comments_with_a_muted_word_are_folded_for_that_member_only(
    ask, answer, maya, dr_okafor, reader_member
):
    question = ask(maya)
    folded = answer(question, dr_okafor, body="A strict diet made it worse for me, gently.")
    kept = answer(question, dr_okafor, body="Talking it through with her helped me a lot.")
    own = answer(question, reader_member, body="My diet is something I talk about in therapy.")
    comment = qa_actions.add_comment(post=kept, author=maya, body="Was it about the diet?")
    html = page(client_for(reader_member), question.get_absolute_url())
    answer_html = article(html, folded)
    assert re.search(
        r'<details class="reader-muted"><summary>This answer contains a word you muted.*?'
        r"A strict diet made it worse",
        answer_html,
        re.S,
    )
    for other in (kept, own):
        other_html = article(html, other)
        assert 'class="reader-muted"' not in other_html.split('class="comments"')[0]
    assert re.search(
        rf'<li id="c{comment.pk}"><details class="reader-muted"><summary>This comment contains '
        r"a word you muted.*?Was it about the diet",
        html,
        re.S,
    )
    assert "reader-muted" not in page(client_for(dr_okafor), question.get_absolute_url())


def test_hides_and_visible_questions_give_later_apps_the_same_rules(
    three_questions, reader_member, dr_okafor, answer
):
    hidden, muted, plain = three_questions
    answers = {question: answer(question, dr_okafor) for question in three_questions}
    own = qa_actions.ask_question(
        author=reader_member, title="My own question, tagged self-harm, stays mine",
        body="I wrote it myself and I still want to find it in the lists.",
        category=hidden.category, tags="self-harm",
    )  # fmt: skip
    assert reader.hides(reader_member, hidden) == "it is tagged “self-harm”"
    assert reader.hides(reader_member, muted) == "it contains a word or phrase you muted"
    assert reader.hides(reader_member, plain) is None
    assert reader.hides(dr_okafor, hidden) is None
    assert reader.hides(reader_member, own) is None
    # In the query: hidden tags only (muted words need the rows), the member's own kept.
    questions = Post.objects.questions()
    assert set(reader.visible_questions(reader_member, questions)) == {muted, plain, own}
    assert set(reader.visible_questions(dr_okafor, questions)) == {hidden, muted, plain, own}
    replies = Post.objects.answers()
    assert set(reader.visible_questions(reader_member, replies, via="question__")) == {
        answers[muted],
        answers[plain],
    }
    assert set(reader.visible_questions(AnonymousUser(), replies, via="question__")) == set(
        answers.values()
    )


# Stored member pages ----------------------------------------------------------------------------


@pytest.fixture
def stored_pages(settings, tmp_path):
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(tmp_path / "versions.bin")
    pagecache.reset_stores()
    memberpages.clear()
    yield
    memberpages.clear()
    pagecache.reset_stores()


def fetch(user, url):
    client = client_for(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.get("X-Member-Page"), response.content.decode(), len(queries.captured_queries)


@pytest.mark.parametrize("first", ["plain", "with controls"])
def test_no_stored_page_carries_hidden_questions_and_plain_members_keep_the_shared_one(
    stored_pages, first, three_questions, reader_member, dr_okafor, newcomer
):
    hidden, _, _ = three_questions
    for url in ("/", hidden.get_absolute_url()):
        if first == "plain":
            assert fetch(dr_okafor, url)[0] == "miss"  # the shared page, stored
        cached, html, _ = fetch(reader_member, url)
        assert cached == "miss"  # their own, never the shared one
        assert HIDDEN_TITLE not in html
        cached, html, _ = fetch(reader_member, url)
        assert cached == "hit" and HIDDEN_TITLE not in html  # their own, stored apart
        if first == "with controls":
            assert fetch(dr_okafor, url)[0] == "miss"  # theirs was not shared
        cached, html, queries = fetch(newcomer, url)
        assert cached == "hit" and HIDDEN_TITLE in html
        # The session, the member, their votes on the page and whether they follow the
        # question: what a shared page costs.
        assert queries == (4 if url != "/" else 2)


def test_a_member_sees_their_changed_settings_at_once(
    stored_pages, three_questions, reader_member, django_capture_on_commit_callbacks
):
    fetch(reader_member, "/")
    assert fetch(reader_member, "/")[0] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        save_reader_controls(user=reader_member, phrases="diet", tags="")
    cached, html, _ = fetch(reader_member, "/")
    assert cached == "miss" and HIDDEN_TITLE in html and MUTED_TITLE not in html
    with django_capture_on_commit_callbacks(execute=True):
        save_reader_controls(user=reader_member, phrases="", tags="")
    cached, html, _ = fetch(User.objects.get(pk=reader_member.pk), "/")
    assert MUTED_TITLE in html  # no controls: the shared page again


# Content notes ----------------------------------------------------------------------------------


def ask_form(**fields):
    category = Category.objects.get(slug="therapy-relationship")
    return {
        "title": "How do I support a friend who told me she self-harms?",
        "body": "She showed me her arms last week and I froze. What should I say next time?",
        "category": str(category.pk),
        "tags": "friendship",
        **fields,
    }


def test_a_content_note_folds_the_question_under_it_for_everyone(maya, dr_okafor):
    client = client_for(maya)
    response = client.post("/ask/", ask_form(content_note="Content note:  mentions self-harm"))
    assert response.status_code == 302
    question = Post.objects.get(title__startswith="How do I support a friend")
    assert question.content_note == "mentions self-harm"
    for viewer in (None, maya, dr_okafor):
        html = page(client_for(viewer), question.get_absolute_url())
        assert re.search(
            r'<details class="content-note"><summary><span class="content-note-label">'
            r"Content note:</span> mentions self-harm .*?</summary>\s*"
            r'<div class="post-body"><p>She showed me her arms',
            html,
            re.S,
        )
        assert '<meta name="description" content="Content note: mentions self-harm">' in html


def test_a_content_note_that_is_too_long_is_refused_with_the_form_kept(maya):
    response = client_for(maya).post("/ask/", ask_form(content_note="mentions " + "x" * 100))
    assert response.status_code == 400
    html = response.content.decode()
    assert "The content note is too long: 109 characters, at most 100." in html
    assert "She showed me her arms" in html
    assert not Post.objects.filter(title__startswith="How do I support").exists()


def test_a_content_note_is_edited_kept_in_the_revisions_and_rolled_back(maya, ask):
    question = ask(maya, content_note="mentions self-harm")
    client = client_for(maya)
    edit_url = f"/post/{question.pk}/edit/"
    assert 'value="mentions self-harm"' in page(client, edit_url)
    response = client.post(
        edit_url,
        {
            "title": question.title,
            "body": question.body,
            "category": str(question.category_id),
            "tags": question.tag_names,
            "content_note": "mentions self-harm and a hospital stay",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.content_note == "mentions self-harm and a hospital stay"
    assert list(Revision.objects.filter(post=question).values_list("content_note", flat=True)) == [
        "mentions self-harm",
        "mentions self-harm and a hospital stay",
    ]
    html = page(client, f"/post/{question.pk}/revisions/")
    assert "<ins>and a hospital stay</ins>" in html.replace("<ins> ", "<ins>")
    qa_actions.rollback_post(post=question, editor=maya, number=1)
    question.refresh_from_db()
    assert question.content_note == "mentions self-harm"


def test_only_questions_have_a_content_note(maya, dr_okafor, ask, answer):
    reply = answer(ask(maya), dr_okafor)
    html = page(client_for(dr_okafor), f"/post/{reply.pk}/edit/")
    assert "content_note" not in html


def test_a_redacted_passage_leaves_the_content_note_and_its_revisions(maya, moderator, ask):
    question = ask(maya, content_note="mentions Dr Amelia Patel and self-harm")
    qa_actions.edit_post(
        post=question, editor=maya, body=question.body + " It still worries me.",
        content_note="mentions Dr Amelia Patel",
    )  # fmt: skip
    redact(post=question, by=moderator, passage="amelia patel")
    question.refresh_from_db()
    assert question.content_note == "mentions Dr [removed by a moderator]"
    notes = Revision.objects.filter(post=question).values_list("content_note", flat=True)
    assert all("Patel" not in note for note in notes) and len(notes) == 2
