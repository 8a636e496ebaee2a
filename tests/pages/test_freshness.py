# mypy: disable-error-code="union-attr"
"""Every action leaves every stored page that shows what it changed fresh at once.

Two real granian processes store each page (for anonymous readers, and shared by members)
before the change; the change is made in this process, through the action or the admin;
then every page that shows the changed thing is read again from both processes, by both
kinds of reader, and must show it. Pages declare what they show (`shows`), actions say what
changed (`topics`): this test is what holds the two together.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from mindwell.accounts import actions as account_actions
from mindwell.accounts.actions import update_profile
from mindwell.accounts.models import Credential, User
from mindwell.core.housekeeping import run_all
from mindwell.notifications import follows
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.tags.models import Category, Tag
from tests.conftest import make_member, registrar
from tests.pages.servers import token_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@dataclass
class World:
    maya: User  # asks the question
    dr_okafor: User  # answers it, and comments on the other question
    newcomer: User  # asks the other question
    moderator: User
    admin: User
    question: Post
    answer: Post
    other: Post  # a question whose page shows dr_okafor through a comment
    category: Category
    tag: Tag

    def points(self, user: User) -> str:
        user.refresh_from_db()
        return f"({user.points} points)"

    def profile_points(self, user: User) -> str:
        user.refresh_from_db()
        return f'<span title="{user.points} points">'

    def page(self, post: Post) -> str:
        post.refresh_from_db()
        return post.get_absolute_url()


@pytest.fixture
def world(maya, dr_okafor, newcomer, moderator, ask, answer) -> World:
    question = ask(maya, tags="transference attachment")
    reply = answer(question, dr_okafor, body="It is common, and worth saying to them aloud.")
    other = ask(newcomer, title="How do therapists handle the end of therapy?", tags="endings")
    actions.add_comment(post=other, author=dr_okafor, body="Most plan the ending with you.")
    admin = make_member("site_admin", is_staff=True, is_superuser=True)
    return World(
        maya, dr_okafor, newcomer, moderator, admin, question, reply, other,
        question.category, Tag.objects.get(name="attachment"),
    )  # fmt: skip


def _admin_post(w: World, url: str, data: dict[str, Any]) -> None:
    client = Client()
    client.force_login(w.admin)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def admin_edits_member(w: World) -> None:
    user = w.dr_okafor
    fields = {
        "username": user.username, "email": user.email, "first_name": "", "last_name": "",
        "display_name": "Dr A. Okafor (admin)", "about": "Clinical psychologist.",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "is_active": "on", "email_confirmed": "on",
    }  # fmt: skip
    _admin_post(w, f"/admin/accounts/user/{user.pk}/change/", fields)
    user.refresh_from_db()
    assert user.about_html == "<p>Clinical psychologist.</p>\n"


def admin_renames_category(w: World) -> None:
    c = w.category
    fields = {"name": "The therapy room", "slug": c.slug, "parent": c.parent_id or "",
              "description": c.description, "position": c.position}  # fmt: skip
    _admin_post(w, f"/admin/tags/category/{c.pk}/change/", fields)


def admin_renames_tag(w: World) -> None:
    fields = {"name": "attachment-styles", "description": ""}
    _admin_post(w, f"/admin/tags/tag/{w.tag.pk}/change/", fields)


BADGE = "Licensed clinical psychologist · Ontario · verified"
FOOTER = "general information from a verified professional"


def reapply(w: World) -> None:
    """dr_okafor withdraws his credential and applies again: pending, no badge."""
    account_actions.withdraw_credential(member=w.dr_okafor)
    account_actions.apply_as_professional(
        member=w.dr_okafor, profession="Licensed clinical psychologist", licence_number="CPO-1",
        jurisdiction="Ontario", regulator="College of Psychologists of Ontario",
        expires_on=timezone.localdate() + timedelta(days=300),
    )  # fmt: skip


def verify(w: World) -> None:
    pending = Credential.objects.get(member=w.dr_okafor, status="pending")
    account_actions.verify_credential(
        credential=pending, by=registrar(), expires_on=pending.expires_on
    )


def lapse_by_housekeeping(w: World) -> None:
    """The licence's date passes (moved back here, as a day passing would), and the next
    housekeeping lapses it."""
    yesterday = timezone.localdate() - timedelta(days=1)
    Credential.objects.filter(member=w.dr_okafor, status="verified").update(expires_on=yesterday)
    assert run_all()["expired credentials"] == 1


def badge_pages(w: World, shown: bool) -> list[tuple[str, str]]:
    mark = "" if shown else "!"
    return [
        (w.page(w.question), mark + BADGE),
        (w.page(w.question), mark + FOOTER),
        (w.page(w.other), mark + BADGE),  # beside his comment
        ("/u/dr_okafor/", mark + BADGE),
    ]


@dataclass
class Case:
    change: Callable[[World], Any]
    # (page, text it must show) after the change, or ("!" + text) for text it must not show.
    expect: Callable[[World], list[tuple[str, str]]]
    before: Callable[[World], Any] = lambda w: None


CASES = {
    "ask": Case(
        lambda w: actions.ask_question(
            author=w.newcomer,
            title="Why do I dread Sunday evenings so much?",
            body="Every Sunday evening my chest tightens.",
            category=w.category,
            tags="anxiety sundays",
        ),
        lambda w: [
            ("/", "Why do I dread Sunday evenings"),
            (f"/category/{w.category.slug}/", "Why do I dread Sunday evenings"),
            ("/tags/", "sundays"),
            ("/questions/unanswered/", "Why do I dread Sunday evenings"),
            ("/u/newcomer/", "Why do I dread Sunday evenings"),
            ("/u/newcomer/answers/", 'Questions <span class="tab-count">2</span>'),
            ("/u/newcomer/", w.profile_points(w.newcomer)),
        ],
    ),
    "answer": Case(
        lambda w: actions.post_answer(
            question=w.question, author=w.newcomer, body="I felt this too; it eased with time."
        ),
        lambda w: [
            (w.page(w.question), "I felt this too; it eased with time."),
            (w.page(w.question), 'class="answers-head">2 answers'),
            ("/u/newcomer/answers/", w.question.title),
            ("/u/newcomer/", 'Answers <span class="tab-count">1</span>'),
            # Every order of the answers is its own stored page, and fresh too.
            (w.page(w.question) + "?answers=newest", "I felt this too; it eased with time."),
            (w.page(w.question) + "?answers=oldest", '"answerCount": 2'),
        ],
    ),
    "comment": Case(
        lambda w: actions.add_comment(post=w.answer, author=w.maya, body="Thank you, truly."),
        lambda w: [(w.page(w.question), "Thank you, truly.")],
    ),
    "delete comment": Case(
        lambda w: actions.delete_comment(comment=w.other.comments.get(), by=w.dr_okafor),
        lambda w: [(w.page(w.other), "!Most plan the ending with you.")],
    ),
    "undo deleting a comment": Case(
        lambda w: actions.restore_comment(comment=w.other.comments.get(), by=w.dr_okafor),
        lambda w: [(w.page(w.other), "Most plan the ending with you.")],
        before=lambda w: actions.delete_comment(comment=w.other.comments.get(), by=w.dr_okafor),
    ),
    "edit question": Case(
        lambda w: actions.edit_post(
            post=w.question,
            editor=w.maya,
            title="Attached to my therapist after a year",
            body="I have been seeing her for a year and think of her between sessions.",
        ),
        lambda w: [
            (w.page(w.question), "Attached to my therapist after a year"),
            ("/", "Attached to my therapist after a year"),
            ("/tag/attachment/", "Attached to my therapist after a year"),
            ("/u/maya/", "Attached to my therapist after a year"),
            ("/u/dr_okafor/answers/", "Attached to my therapist after a year"),
        ],
    ),
    "roll back": Case(
        lambda w: actions.rollback_post(post=w.question, editor=w.maya, number=1),
        lambda w: [
            (w.page(w.question), "!Attached to my therapist after a year"),
            (w.page(w.question), "think of her often."),
            ("/", "Is it normal to feel attached to my therapist?"),
        ],
        before=lambda w: actions.edit_post(
            post=w.question,
            editor=w.maya,
            title="Attached to my therapist after a year",
            body="I have been seeing her for a year and think of her between sessions.",
        ),
    ),
    "edit answer": Case(
        lambda w: actions.edit_post(
            post=w.answer, editor=w.dr_okafor, body="It is common; say it to them aloud."
        ),
        lambda w: [(w.page(w.question), "It is common; say it to them aloud.")],
    ),
    "delete answer": Case(
        lambda w: actions.delete_post(post=w.answer, by=w.dr_okafor),
        lambda w: [
            (w.page(w.question), "!worth saying to them aloud"),
            (w.page(w.other), w.points(w.dr_okafor)),
            ("/u/dr_okafor/answers/", f"!{w.question.title}"),
            ("/u/dr_okafor/", 'Answers <span class="tab-count">0</span>'),
        ],
    ),
    "restore answer": Case(
        lambda w: actions.restore_post(post=w.answer, by=w.moderator),
        lambda w: [
            (w.page(w.question), "worth saying to them aloud"),
            (w.page(w.other), w.points(w.dr_okafor)),
            ("/u/dr_okafor/answers/", w.question.title),
            ("/u/dr_okafor/", 'Answers <span class="tab-count">1</span>'),
        ],
        before=lambda w: actions.delete_post(post=w.answer, by=w.dr_okafor),
    ),
    "vote": Case(
        lambda w: actions.cast_vote(user=w.newcomer, post=w.answer, value=1),
        lambda w: [
            (w.page(w.question), w.points(w.dr_okafor)),
            (w.page(w.other), w.points(w.dr_okafor)),
            ("/u/dr_okafor/", w.profile_points(w.dr_okafor)),
            ("/u/dr_okafor/answers/", "· 1 vote ·"),
        ],
    ),
    "vote on a question": Case(
        lambda w: actions.cast_vote(user=w.dr_okafor, post=w.question, value=1),
        lambda w: [
            (w.page(w.question), w.points(w.maya)),
            ("/questions/votes/", "<strong>1</strong> vote"),
            ("/u/maya/", "· 1 vote ·"),
        ],
    ),
    "accept": Case(
        lambda w: actions.accept_answer(question=w.question, answer=w.answer, by=w.maya),
        lambda w: [
            (w.page(w.question), "Best answer, chosen by the asker"),
            ("/", 'title="Has an accepted answer"'),
            (w.page(w.other), w.points(w.dr_okafor)),
            ("/u/dr_okafor/answers/", "accepted ✓"),
            ("/u/maya/", "(one accepted)"),
        ],
    ),
    "profile edit": Case(
        lambda w: update_profile(user=w.maya, display_name="Maya R.", about=""),
        lambda w: [
            (w.page(w.question), "Maya R."),
            ("/", "Maya R."),
            ("/tag/attachment/", "Maya R."),
            ("/u/maya/", "<h1>Maya R."),
        ],
    ),
    "delete a question": Case(
        lambda w: actions.delete_post(post=w.question, by=w.moderator),
        lambda w: [
            ("/u/maya/", 'Questions <span class="tab-count">0</span>'),
            ("/u/dr_okafor/answers/", f"!{w.question.title}"),
            ("/u/dr_okafor/", 'Answers <span class="tab-count">0</span>'),
        ],
    ),
    "restore a question": Case(
        lambda w: actions.restore_post(post=w.question, by=w.moderator),
        lambda w: [
            ("/u/maya/", w.question.title),
            ("/u/dr_okafor/answers/", w.question.title),
            ("/u/dr_okafor/", 'Answers <span class="tab-count">1</span>'),
        ],
        before=lambda w: actions.delete_post(post=w.question, by=w.moderator),
    ),
    "redact an answer": Case(
        lambda w: actions.redact_post(post=w.answer, by=w.moderator, passage="worth saying"),
        lambda w: [
            (w.page(w.question), "It is common, and [removed by a moderator] to them aloud."),
            (w.page(w.question) + "?answers=newest", "!worth saying"),
        ],
    ),
    "redact a title": Case(
        lambda w: actions.redact_post(post=w.question, by=w.moderator, passage="attached"),
        lambda w: [
            ("/", "Is it normal to feel [removed by a moderator] to my therapist?"),
            ("/u/maya/", "!attached to my therapist"),
            ("/u/dr_okafor/answers/", "!attached to my therapist"),
        ],
    ),
    "keep out of search engines": Case(
        lambda w: actions.edit_post(
            post=w.question, editor=w.maya, body=w.question.body, keep_out_of_search=True
        ),
        lambda w: [(w.page(w.question), '<meta name="robots" content="noindex">')],
    ),
    "admin edits a member": Case(
        admin_edits_member,
        lambda w: [
            (w.page(w.question), "Dr A. Okafor (admin)"),
            (w.page(w.other), "Dr A. Okafor (admin)"),
            ("/u/dr_okafor/answers/", "Dr A. Okafor (admin)"),
        ],
    ),
    "verify a professional": Case(verify, lambda w: badge_pages(w, True), before=reapply),
    "withdraw a credential": Case(
        lambda w: account_actions.withdraw_credential(member=w.dr_okafor),
        lambda w: badge_pages(w, False),
    ),
    "lapse a credential by housekeeping": Case(
        lapse_by_housekeeping, lambda w: badge_pages(w, False)
    ),
    "admin renames a category": Case(
        admin_renames_category,
        lambda w: [
            ("/", "The therapy room"),
            (w.page(w.question), "The therapy room"),
            ("/categories/", "The therapy room"),
        ],
    ),
    "admin renames a tag": Case(
        admin_renames_tag,
        lambda w: [
            (w.page(w.question), "attachment-styles"),
            ("/", "attachment-styles"),
            ("/tags/", "attachment-styles"),
        ],
    ),
}


def _cookie_for(user: User) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={'m' * 32}"


def _readers(w: World) -> dict[str, str]:
    return {"anonymous": "", "member": _cookie_for(make_member("reader"))}


def _state(response: Any, reader: str) -> str:
    return response.headers["X-Page-Cache" if reader == "anonymous" else "X-Member-Page"]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_page_showing_what_an_action_changed_is_fresh_at_once(servers, world, case):
    case.before(world)
    readers = _readers(world)
    pages = sorted({url for url, _ in case.expect(world)})
    # Every page is stored in both processes, for both kinds of reader.
    for server in servers:
        for reader, cookie in readers.items():
            for url in pages:
                server.request("GET", url, cookie=cookie)
                response, _ = server.request("GET", url, cookie=cookie)
                assert _state(response, reader) == "hit", (url, reader)
    case.change(world)
    for server in servers:
        for reader, cookie in readers.items():
            for url, text in case.expect(world):
                response, html = server.request("GET", url, cookie=cookie)
                assert response.status == 200
                if text.startswith("!"):
                    assert text[1:] not in html, (url, reader, text)
                else:
                    assert text in html, (url, reader, text)


def test_what_the_asker_may_delete_follows_the_votes_on_the_answers(servers, world):
    """Whether the asker may delete her question depends on the answers' votes: her stored
    page must drop the Delete control the moment someone upvotes an answer."""
    cookie, url = _cookie_for(world.maya), world.page(world.question)
    for server in servers:
        server.request("GET", url, cookie=cookie)
        response, html = server.request("GET", url, cookie=cookie)
        assert response.headers["X-Member-Page"] == "hit"
        assert "Yes, delete this question" in html
    actions.cast_vote(user=world.newcomer, post=world.answer, value=1)
    for server in servers:
        _, html = server.request("GET", url, cookie=cookie)
        assert "Yes, delete this question" not in html
        assert "This question cannot be deleted" in html


# What differs per member on stored pages: the Follow buttons and the bell ---------------------


def _follow_states(html: str) -> list[str]:
    return re.findall(r'class="follow-button" aria-pressed="(\w+)"', html)


def _bell_label(html: str) -> str:
    found = re.search(r'<a class="bell".*?<span class="visually-hidden">([^<]*)</span>', html, re.S)
    assert found, "no bell"
    return found.group(1)


def _stored_everywhere(servers, cookie: str, urls: list[str]) -> None:
    for server in servers:
        for url in urls:
            server.request("GET", url, cookie=cookie)
            response, _ = server.request("GET", url, cookie=cookie)
            assert response.headers["X-Member-Page"] == "hit", (url, response.status)


def test_follow_buttons_on_stored_pages_are_each_members_own_and_never_stale(servers, world):
    w = world
    reader, other = make_member("reader"), make_member("other")
    cookies = {"reader": _cookie_for(reader), "other": _cookie_for(other)}
    pages = {
        w.page(w.question): ("question", w.question),
        "/tag/attachment/": ("tag", w.tag),
        f"/category/{w.category.slug}/": ("category", w.category),
        "/u/dr_okafor/": ("member", w.dr_okafor),
    }
    for cookie in cookies.values():
        _stored_everywhere(servers, cookie, list(pages))
    for target, obj in pages.values():
        follows.set_following(reader, target, obj, following=True)
    for server in servers:
        for url in pages:
            response, html = server.request("GET", url, cookie=cookies["reader"])
            assert response.headers["X-Member-Page"] == "hit"
            assert _follow_states(html) == ["true"], (url, "reader")
            _, html = server.request("GET", url, cookie=cookies["other"])
            assert _follow_states(html) == ["false"], (url, "other")
            _, html = server.request("GET", url)
            assert "Log in to follow" in html and not _follow_states(html)
    # Unfollowing through the form in one process shows in the other at once.
    first, second = servers
    url = w.page(w.question)
    _, html = first.request("GET", url, cookie=cookies["reader"])
    body = urlencode(
        {"csrfmiddlewaretoken": token_in(html), "target": f"question:{w.question.pk}",
         "follow": "no", "next": url}
    )  # fmt: skip
    response, _ = first.request(
        "POST", "/notifications/follow/", cookie=cookies["reader"], body=body
    )
    assert response.status == 302
    _, html = second.request("GET", url, cookie=cookies["reader"])
    assert _follow_states(html) == ["false"]


def test_the_bell_counts_a_new_notification_at_once_on_stored_pages(servers, world):
    w = world
    cookie = _cookie_for(w.maya)
    # Pages that a mention of maya on the other question leaves as they are.
    urls = [w.page(w.question), "/tag/attachment/", "/u/dr_okafor/"]
    _stored_everywhere(servers, cookie, urls)
    w.maya.refresh_from_db()
    before = w.maya.unread_notifications
    actions.add_comment(post=w.other, author=w.dr_okafor, body="@maya wrote about this too.")
    w.maya.refresh_from_db()
    assert w.maya.unread_notifications == before + 1
    for server in servers:
        for url in urls:
            response, html = server.request("GET", url, cookie=cookie)
            assert response.headers["X-Member-Page"] == "hit", url  # the page is the same
            assert _bell_label(html) == f"Notifications, {before + 1} unread", url
    # Marked read in one process: the other shows no count at once.
    first, second = servers
    _, html = first.request("GET", "/notifications/", cookie=cookie)
    body = urlencode({"csrfmiddlewaretoken": token_in(html), "all": "1"})
    response, _ = first.request("POST", "/notifications/read/", cookie=cookie, body=body)
    assert response.status == 302
    for url in urls:
        _, html = second.request("GET", url, cookie=cookie)
        assert _bell_label(html) == "Notifications"
