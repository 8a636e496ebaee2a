"""Pre-moderation and the link limit (issue 11, "Spam and abuse defences"): guests' posts,
first posts and posts with watched words wait for a moderator's approval, seen only by
their author, marked, and counted nowhere until approved; too many links from a guest or a
new member are refused with nothing written. The rules page is for moderators only."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, NotFound
from mindwell.moderation.actions import premoderation
from mindwell.moderation.actions import rules as rule_actions
from mindwell.moderation.models import AuditEntry, Queue, ReviewItem, Rules, WatchedWord
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post, Removal
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for, make_member
from tests.qa.conftest import counters

ANSWER = "Leaving the room for a few minutes is allowed, and it does pass."
THREE_LINKS = (
    "These helped me: [a guide](https://example.org/guide), <https://example.org/b> "
    "and also https://example.net/c for later."
)


@pytest.fixture
def set_rules(moderator):
    """Change the rules as a moderator would, keeping what is not named."""

    def _set(**changes):
        current = Rules.objects.filter(pk=1).first() or Rules()
        values = {
            field: getattr(current, field)
            for field in (*rule_actions.SWITCHES, *rule_actions.NUMBERS)
        }
        return rule_actions.change_rules(by=moderator, **{**values, **changes})

    return _set


@pytest.fixture
def watch(moderator):
    def _watch(*phrases):
        for phrase in phrases:
            rule_actions.add_watched_word(by=moderator, phrase=phrase)

    return _watch


@pytest.fixture
def trusted(db):
    """A member with enough points to post links freely."""
    member = make_member("ren", display_name="Ren")
    User.objects.filter(pk=member.pk).update(points=150)
    member.refresh_from_db()
    return member


def guest_answer(question, body=ANSWER):
    """Answer as a guest through the site; return the response (a redirect when posted)."""
    return Client().post(
        reverse("qa:answer", args=[question.pk]), {"body": body, "guest_name": "Sam"}
    )


def waiting_item(item):
    return ReviewItem.objects.get(queue=Queue.FIRST_POSTS, **{item._meta.model_name: item})


def live_counts(question):
    question.refresh_from_db()
    category = Category.objects.get(pk=question.category_id)
    return {
        "answers": question.answer_count,
        "comments": question.comment_count,
        "category": category.question_count,
        "tags": dict(
            Tag.objects.filter(name__in=question.tag_list).values_list("name", "question_count")
        ),
    }


def ledger_matches(member):
    member.refresh_from_db()
    lines = PointEvent.objects.filter(user=member).values_list("amount", flat=True)
    return member.points == sum(lines)


# Guests --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_guest_answer_waits_for_approval_when_guests_are_premoderated(maya, ask, set_rules):
    set_rules(premoderate_guests=True)
    question = ask(maya)
    before = live_counts(question)

    response = guest_answer(question)

    assert response.status_code == 302 and re.fullmatch(
        r"/guest/[\w-]+/posted", response["Location"]
    )
    answer = Post.objects.answers().get(question=question)
    assert answer.removal == Removal.WAITING and answer.is_held
    assert answer.removal_note == premoderation.WAITING_GUEST
    assert live_counts(question) == before  # answer_count never moved
    assert "A guest's post" in waiting_item(answer).reason
    entry = AuditEntry.objects.get(action="hold_for_approval")
    assert entry.actor is None and entry.post_id == answer.pk

    # The guest lands on their private link's page and sees it there, marked as waiting.
    landed = Client().get(response["Location"])
    html = unescape(landed.content.decode())
    assert landed.status_code == 200 and ANSWER in html
    assert "waits for a moderator's approval" in html and premoderation.WAITING_GUEST in html
    assert "See it on the site" not in html
    # Nobody else sees it: not guests, not other members.
    for reader in (Client(), client_for(make_member("other"))):
        assert ANSWER not in reader.get(question.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_guest_answer_is_published_when_guests_are_not_premoderated(maya, ask):
    question = ask(maya)
    assert guest_answer(question).status_code == 302
    answer = Post.objects.answers().get(question=question)
    assert not answer.is_deleted
    assert ANSWER in Client().get(question.get_absolute_url()).content.decode()
    assert not ReviewItem.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_a_guest_edits_and_deletes_their_waiting_answer_through_its_private_link(
    maya, ask, set_rules
):
    set_rules(premoderate_guests=True)
    question = ask(maya)
    secret = guest_answer(question)["Location"].split("/")[2]
    guest = Client()

    edited = "Leaving the room is allowed; breathe slowly and it does pass, I promise."
    assert guest.post(f"/guest/{secret}/edit/", {"body": edited, "reason": ""}).status_code == 302
    answer = Post.objects.answers().get(question=question)
    assert answer.body == edited and answer.removal == Removal.WAITING
    page = guest.get(f"/guest/{secret}/").content.decode()
    assert edited in page and "waiting for approval" in page and "does not work" not in page
    assert live_counts(question)["answers"] == 0

    assert guest.post(f"/guest/{secret}/delete").status_code == 302
    answer.refresh_from_db()
    assert answer.removal == Removal.DELETED
    assert live_counts(question)["answers"] == 0


@pytest.mark.django_db
def test_a_guest_comment_waits_too(maya, ask, set_rules):
    set_rules(premoderate_guests=True)
    question = ask(maya)
    response = Client().post(
        reverse("qa:comment", args=[question.pk]), {"body": "Sending you strength today."}
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.removal == Removal.WAITING
    assert live_counts(question)["comments"] == 0
    assert waiting_item(comment)
    assert "Sending you strength" not in Client().get(question.get_absolute_url()).content.decode()


# First posts ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_members_first_question_waits_and_they_land_on_it_marked(newcomer, category, set_rules):
    set_rules(premoderate_first_posts=True)
    tag_before = dict(Tag.objects.values_list("name", "question_count"))
    category_before = Category.objects.get(pk=category.pk).question_count
    client = client_for(newcomer)
    data = {
        "title": "How do I get through a panic attack at work?",
        "body": "It started in a meeting last week and I had to leave the room.",
        "category": str(category.pk),
        "tags": "panic work",
    }

    response = client.post(reverse("qa:ask"), data, follow=True)

    question = Post.objects.get()
    assert response.redirect_chain[-1][0] == question.get_absolute_url()
    html = unescape(response.content.decode())
    assert data["body"] in html and "is-held" in html
    assert premoderation.WAITING_FIRST in html
    assert question.removal == Removal.WAITING
    # Counted nowhere: category, tags, lists, points.
    assert Category.objects.get(pk=category.pk).question_count == category_before
    assert {n: c for n, c in Tag.objects.values_list("name", "question_count") if c} == {
        n: c for n, c in tag_before.items() if c
    }
    newcomer.refresh_from_db()
    assert newcomer.points == 0 and ledger_matches(newcomer)
    for reader in (Client(), client_for(make_member("other"))):
        assert reader.get(question.get_absolute_url()).status_code == 404
        assert data["title"] not in reader.get(reverse("qa:home")).content.decode()
        assert (
            data["title"]
            not in reader.get(reverse("qa:category", args=[category.slug])).content.decode()
        )
    assert data["title"] not in client.get(reverse("qa:home")).content.decode()
    # Their own profile lists it, marked; the public one does not.
    own = unescape(client.get(reverse("qa:profile", args=[newcomer.username])).content.decode())
    assert data["title"] in own and "waiting for a moderator's approval" in own
    public = Client().get(reverse("qa:profile", args=[newcomer.username])).content.decode()
    assert data["title"] not in public


@pytest.mark.django_db
def test_approving_a_first_post_publishes_it_and_the_next_post_is_not_held(
    newcomer, maya, moderator, ask, answer, set_rules
):
    set_rules(premoderate_first_posts=True)
    question = ask(maya)  # maya's first post: held too
    actions.restore_post(post=question, by=moderator)
    before = live_counts(question)

    first = answer(question, newcomer)
    assert first.removal == Removal.WAITING
    second = answer(
        question, newcomer, body="And write down what helps, so you can try it again next time."
    )
    assert second.removal == Removal.WAITING  # nothing of theirs is live yet
    assert live_counts(question) == before
    newcomer.refresh_from_db()
    assert newcomer.points == 0

    actions.restore_post(post=first, by=moderator)
    actions.restore_post(post=second, by=moderator)
    third = answer(question, newcomer, body="One more thing: a glass of cold water helps me a lot.")

    assert third.removal == "" and not third.is_deleted
    assert live_counts(question)["answers"] == before["answers"] + 3
    newcomer.refresh_from_db()
    assert newcomer.points == 3 * 4 and ledger_matches(newcomer)
    assert newcomer.posts_held == 0


@pytest.mark.django_db
def test_approving_a_waiting_question_counts_it_in_its_category_and_tags(
    newcomer, moderator, ask, set_rules
):
    set_rules(premoderate_first_posts=True)
    question = ask(newcomer)
    held = live_counts(question)
    assert question.is_held

    actions.restore_post(post=question, by=moderator)

    shown = live_counts(question)
    assert shown["category"] == held["category"] + 1
    assert all(shown["tags"][name] == held["tags"][name] + 1 for name in question.tag_list)
    assert ledger_matches(newcomer) and newcomer.points == 2
    assert question.title in Client().get(reverse("qa:home")).content.decode()


# Watched words -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_post_with_a_watched_word_waits_whatever_its_letter_case_and_markdown(
    maya, dr_okafor, ask, answer, watch
):
    watch("cheap pills")
    question = ask(maya)

    held = answer(
        question, dr_okafor, body="You can order **Cheap\n   PILLS** here if that helps you at all."
    )

    assert held.removal == Removal.WAITING and held.removal_note == premoderation.WAITING_WORDS
    assert "cheap pills" in waiting_item(held).reason
    assert "cheap pills" not in held.removal_note.lower()  # the author is not told the word


@pytest.mark.django_db
def test_a_watched_word_inside_another_word_does_not_hold(maya, dr_okafor, ask, answer, watch):
    watch("pill")
    question = ask(maya)
    kept = answer(
        question, dr_okafor, body="Spilling everything at once is hard; try one thing a day."
    )
    assert not kept.is_deleted and not ReviewItem.objects.exists()


@pytest.mark.django_db
def test_a_watched_word_in_a_title_holds_the_question(maya, ask, watch):
    watch("casino")
    question = ask(maya, title="Is the casino making my anxiety worse?")
    assert question.removal == Removal.WAITING


@pytest.mark.django_db
def test_watched_words_do_not_hold_when_that_rule_is_off(
    maya, dr_okafor, ask, answer, watch, set_rules
):
    watch("casino")
    set_rules(premoderate_watched_words=False)
    question = ask(maya)
    assert not answer(
        question, dr_okafor, body="The casino near me is where I go to unwind."
    ).is_deleted


@pytest.mark.django_db
def test_a_moderators_post_is_never_held(maya, moderator, ask, answer, watch, set_rules):
    watch("casino")
    set_rules(premoderate_first_posts=True)
    question = actions.restore_post(post=ask(maya), by=moderator)
    body = "A casino is not the answer; see https://a.example https://b.example https://c.example"
    assert not answer(question, moderator, body=body).is_deleted


@pytest.mark.django_db
def test_an_edit_that_brings_in_a_watched_word_holds_a_live_post(
    maya, dr_okafor, ask, answer, watch
):
    question = ask(maya)
    post = answer(question, dr_okafor)
    watch("casino")
    before = live_counts(question)

    edited = actions.edit_post(post=post, editor=dr_okafor, body=ANSWER + " The casino helps.")

    assert edited.removal == Removal.WAITING
    assert live_counts(question)["answers"] == before["answers"] - 1
    assert "casino" in waiting_item(post).reason


@pytest.mark.django_db
def test_an_edit_of_an_approved_post_that_keeps_its_watched_word_is_not_held_again(
    maya, dr_okafor, moderator, ask, answer, watch
):
    watch("casino")
    question = ask(maya)
    post = answer(question, dr_okafor, body="The casino near me is where I go to unwind, sadly.")
    actions.restore_post(post=post, by=moderator)

    edited = actions.edit_post(post=post, editor=dr_okafor, body=post.body + " Not any more.")

    assert not edited.is_deleted


# Links -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_member_with_three_links_is_refused_and_nothing_is_written(maya, newcomer, ask):
    question = ask(maya)
    before = counters()
    entries = AuditEntry.objects.count()

    response = client_for(newcomer).post(
        reverse("qa:answer", args=[question.pk]), {"body": THREE_LINKS}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 2 links in a post; this has 3" in html
    assert counters() == before
    assert AuditEntry.objects.count() == entries and not ReviewItem.objects.exists()


@pytest.mark.django_db
def test_a_guest_with_three_links_is_refused(maya, ask):
    question = ask(maya)
    before = counters()
    response = guest_answer(question, body=THREE_LINKS)
    assert (
        response.status_code == 400
        and "Guests can include at most 2 links" in response.content.decode()
    )
    assert counters() == before


@pytest.mark.django_db
def test_a_trusted_member_may_post_three_links(maya, trusted, ask, answer):
    question = ask(maya)
    posted = answer(question, trusted, body=THREE_LINKS)
    assert not posted.is_deleted


@pytest.mark.django_db
def test_two_links_and_links_within_the_site_are_allowed(maya, newcomer, ask, answer):
    question = ask(maya)
    body = "See [this one](/q/1/) and [that one](/q/2/), https://example.org/a and www.example.net."
    assert not answer(question, newcomer, body=body).is_deleted


@pytest.mark.django_db
def test_an_edit_over_the_link_limit_is_refused(maya, newcomer, ask, answer):
    question = ask(maya)
    post = answer(question, newcomer, body=ANSWER)
    with pytest.raises(ActionError) as refused:
        actions.edit_post(post=post, editor=newcomer, body=THREE_LINKS)
    assert refused.value.field == "body" and refused.value.status == 400
    post.refresh_from_db()
    assert post.body == ANSWER and post.revision_count == 1


@pytest.mark.django_db
def test_comments_have_the_link_limit_too(maya, newcomer, ask):
    question = ask(maya)
    with pytest.raises(ActionError):
        actions.add_comment(
            post=question, author=newcomer,
            body="https://a.example https://b.example https://c.example",
        )  # fmt: skip
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_the_link_limit_follows_the_rules(maya, newcomer, ask, answer, set_rules):
    set_rules(link_limit=3)
    question = ask(maya)
    assert not answer(question, newcomer, body=THREE_LINKS).is_deleted
    set_rules(link_limit=0)
    with pytest.raises(ActionError):
        answer(question, newcomer, body="Only one: https://example.org/help for you.")


# The rules page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_rules_page_is_refused_to_everyone_but_moderators(maya, trusted):
    for client in (Client(), client_for(maya), client_for(trusted)):
        assert client.get(reverse("moderation:rules")).status_code == 404
        assert (
            client.post(reverse("moderation:add_watched_word"), {"phrase": "x"}).status_code == 404
        )
    assert not WatchedWord.objects.exists()
    with pytest.raises(NotFound):
        rule_actions.add_watched_word(by=maya, phrase="casino")


@pytest.mark.django_db
def test_a_moderator_changes_the_switches_and_the_link_limit_on_the_rules_page(moderator):
    client = client_for(moderator)
    page = client.get(reverse("moderation:rules"))
    assert page.status_code == 200 and "Watched words" in page.content.decode()

    response = client.post(
        reverse("moderation:rules"),
        {"premoderate_guests": "on", "premoderate_watched_words": "on", "link_limit": "1",
         "link_limit_points": "50"},
    )  # fmt: skip

    assert response.status_code == 302
    rules = Rules.objects.get()
    assert (rules.premoderate_guests, rules.premoderate_first_posts, rules.link_limit) == (
        True,
        False,
        1,
    )
    entry = AuditEntry.objects.get(action="change_rules")
    assert entry.actor == moderator
    assert entry.details == {"premoderate_guests": [False, True], "link_limit": [2, 1],
                             "link_limit_points": [10, 50]}  # fmt: skip


@pytest.mark.django_db
def test_a_bad_link_limit_is_refused_with_a_message(moderator):
    response = client_for(moderator).post(
        reverse("moderation:rules"), {"link_limit": "-1", "link_limit_points": "lots"}
    )
    assert response.status_code == 400
    assert not Rules.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_a_moderator_adds_and_removes_watched_words_with_audit_entries(moderator):
    client = client_for(moderator)
    assert (
        client.post(
            reverse("moderation:add_watched_word"), {"phrase": "  Cheap   Pills "}
        ).status_code
        == 302
    )
    word = WatchedWord.objects.get()
    assert word.phrase == "cheap pills" and word.created_by == moderator
    assert "cheap pills" in client.get(reverse("moderation:rules")).content.decode()

    again = client.post(reverse("moderation:add_watched_word"), {"phrase": "cheap pills"})
    assert again.status_code == 400 and "watched already" in again.content.decode()

    removed = client.post(reverse("moderation:remove_watched_word", args=[word.pk]))
    assert removed.status_code == 302 and not WatchedWord.objects.exists()
    assert client.post(reverse("moderation:remove_watched_word", args=[word.pk])).status_code == 404
    assert client.post(reverse("moderation:remove_watched_word", args=["1x"])).status_code == 404
    actions_logged = list(
        AuditEntry.objects.order_by("id").values_list("action", "actor", "details")
    )
    assert actions_logged == [
        ("add_watched_word", moderator.pk, {"phrase": "cheap pills"}),
        ("remove_watched_word", moderator.pk, {"phrase": "cheap pills"}),
    ]


@pytest.mark.django_db
def test_a_removed_word_no_longer_holds_posts(maya, dr_okafor, moderator, ask, answer, watch):
    watch("casino")
    rule_actions.remove_watched_word(by=moderator, word_id=WatchedWord.objects.get().pk)
    question = ask(maya, title="Is the casino making my anxiety worse?")
    assert not question.is_deleted


@pytest.mark.django_db
def test_a_members_first_comment_waits_and_they_see_it_marked_in_place(
    maya, newcomer, ask, set_rules
):
    question = ask(maya)
    set_rules(premoderate_first_posts=True)
    client = client_for(newcomer)
    body = "Sending you strength, you are not alone in this."

    response = client.post(reverse("qa:comment", args=[question.pk]), {"body": body}, follow=True)

    html = unescape(response.content.decode())
    assert body in html and "comment-held" in html and premoderation.WAITING_FIRST in html
    assert body not in Client().get(question.get_absolute_url()).content.decode()
    assert body not in client_for(maya).get(question.get_absolute_url()).content.decode()
    assert live_counts(question)["comments"] == 0


@pytest.mark.django_db
def test_a_member_with_a_live_comment_is_past_their_first_post(
    maya, newcomer, ask, answer, set_rules
):
    question = ask(maya)
    actions.add_comment(post=question, author=newcomer, body="Thinking of you today.")
    set_rules(premoderate_first_posts=True)
    assert not answer(question, newcomer).is_deleted


@pytest.mark.django_db
def test_a_guests_waiting_question_lands_them_on_its_private_link(category, set_rules):
    set_rules(premoderate_guests=True)
    data = {
        "title": "How do I tell my sister about my diagnosis?",
        "body": "I was diagnosed last month and I do not know where to start with her.",
        "category": str(category.pk),
        "tags": "family diagnosis",
    }
    guest = Client()
    response = guest.post(reverse("qa:ask"), data, follow=True)

    assert re.fullmatch(r"/guest/[\w-]+/posted", response.redirect_chain[-1][0])
    html = unescape(response.content.decode())
    assert data["title"] in html and "waiting for approval" in html
    question = Post.objects.get()
    assert question.removal == Removal.WAITING
    assert Client().get(question.get_absolute_url()).status_code == 404
    assert data["title"] not in Client().get(reverse("qa:home")).content.decode()
