"""Who may do what in moderation, as a table: every role against every moderation action
reachable over HTTP, one test per cell, each in a world of its own.

A cell is allowed (the action's effect happened; for a trusted member's close or reopen,
their vote is counted) or refused: 403, 404, or for a guest on a members' page a redirect
to log in. A refused cell changes nothing: every row count of the moderation, Q&A,
reputation, tags and accounts tables, every denormalised counter and every moderation state
is the same before and after. Then the bad inputs of the issue (forged ids, flags on deleted
items, double flags, closing a closed question, a duplicate of itself or of a deleted
question, an empty bulk selection): each gets a clear message, never a 500, and changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.moderation.actions import closing
from mindwell.moderation.actions.members import suspend_member
from mindwell.moderation.models import (
    CloseVote,
    Flag,
    FlagReason,
    FlagStatus,
    ModeratorMessage,
    Queue,
    ReviewItem,
    ReviewStatus,
    Rules,
    Suspension,
    WatchedWord,
)
from mindwell.moderation.queue import enqueue
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post
from mindwell.tags.actions import set_category_moderators
from mindwell.tags.models import Category, Tag
from tests.conftest import client_for, make_member
from tests.moderation.review_helpers import flagged, hide_by_flags

pytestmark = pytest.mark.django_db

ROLES = (
    "guest", "member", "suspended", "trusted", "category_moderator_inside",
    "category_moderator_outside", "moderator", "administrator",
)  # fmt: skip

# What a cell expects.
OK = "allowed"
VOTE = "allowed, as a vote"  # a trusted member's close or reopen counts towards the votes
LOGIN = "refused: redirected to log in"
E403 = "refused with 403"
E404 = "refused with 404"
REFUSALS = {LOGIN: 302, E403: 403, E404: 404}

# The apps whose tables a refused action must leave as they were.
APPS = ("qa", "moderation", "reputation", "tags", "accounts")


@dataclass
class World:
    """The personas, and a question in a subcategory with an answer and a comment on it.
    The inside category moderator moderates the subcategory's parent; the outside one
    another category."""

    people: dict[str, User | None]
    maya: User  # asked the question
    okafor: User  # answered it; the member whom member actions are about
    newcomer: User  # commented on the answer
    flaggers: list[User]
    question: Post
    answer: Post
    comment: Comment
    extra: dict[str, Any] = field(default_factory=dict)

    def fresh(self, item: Any) -> Any:
        return type(item).objects.get(pk=item.pk)


@pytest.fixture
def world(db: None) -> World:
    parent = Category.objects.get(slug="therapists")
    subcategory = Category.objects.get(slug="therapy-relationship")
    elsewhere = Category.objects.get(slug="relationships")
    assert subcategory.parent_id == parent.pk
    maya = make_member("maya", display_name="Maya")
    okafor = make_member("dr_okafor", display_name="Dr Okafor")
    newcomer = make_member("newcomer")
    inside = make_member("cam_inside", display_name="Cam")
    outside = make_member("cal_outside", display_name="Cal")
    set_category_moderators(category=parent, moderator_ids=[inside.pk])
    set_category_moderators(category=elsewhere, moderator_ids=[outside.pk])
    people: dict[str, User | None] = {
        "guest": None,
        "member": make_member("sam"),
        "suspended": make_member("sue", suspended_until=timezone.now() + timedelta(days=3)),
        "trusted": make_member("tam", points=150),
        "category_moderator_inside": User.objects.get(pk=inside.pk),
        "category_moderator_outside": User.objects.get(pk=outside.pk),
        "moderator": make_member("mod_jo", display_name="Jo", is_moderator=True),
        "administrator": make_member("root", is_superuser=True, is_staff=True),
    }
    question = actions.ask_question(
        author=maya, title="Is it normal to feel attached to my therapist?",
        body="I have been seeing my therapist for a year and think of her often.",
        category=subcategory, tags="transference attachment",
    )  # fmt: skip
    answer = actions.post_answer(
        question=question, author=okafor,
        body="Yes, it is common and worth bringing up in a session with them.",
    )  # fmt: skip
    comment = actions.add_comment(post=answer, author=newcomer, body="This helped me, thanks.")
    flaggers = [make_member("flagger_ana"), make_member("flagger_ben")]
    return World(people, maya, okafor, newcomer, flaggers, question, answer, comment)


def snapshot() -> dict[str, Any]:
    """Everything a moderation action may write: row counts, counters and states."""
    counts = {
        model._meta.label: model._base_manager.count()
        for app in APPS
        for model in apps.get_app_config(app).get_models()
    }
    return {
        "counts": counts,
        "posts": list(
            Post._base_manager.order_by("pk").values_list(
                "pk",
                "answer_count",
                "comment_count",
                "score",
                "removal",
                "removal_note",
                "deleted_at",
                "closed_at",
                "locked_at",
                "protected_at",
                "body",
                "last_edited_at",
            )
        ),
        "comments": list(
            Comment._base_manager.order_by("pk").values_list("pk", "removal", "deleted_at", "body")
        ),
        "categories": dict(Category.objects.values_list("slug", "question_count")),
        "tags": dict(Tag.objects.values_list("name", "question_count")),
        "members": list(
            User.objects.order_by("pk").values_list(
                "username",
                "points",
                "posts_held",
                "suspended_until",
                "is_active",
                "unread_moderator_messages",
            )
        ),
        "review_items": list(
            ReviewItem.objects.order_by("pk").values_list(
                "pk", "status", "claimed_by", "claimed_until", "resolved_by"
            )
        ),
        "flags": list(Flag.objects.order_by("pk").values_list("pk", "status", "outcome_note")),
        "rules": list(Rules.objects.values()),
    }


def actor(w: World, role: str) -> User | None:
    return w.people[role]


def moderates_thread(role: str) -> bool:
    return role in ("category_moderator_inside", "moderator", "administrator")


# The actions ------------------------------------------------------------------------------


@dataclass
class Action:
    """One moderation action: what must be true first, the request, and its effect."""

    prepare: Callable[[World], None]
    send: Callable[[Client, World], Any]
    happened: Callable[[World, str], bool]
    expected: tuple[str, ...]  # one outcome per role, in ROLES' order


def nothing(w: World) -> None:
    pass


def flags_item(w: World) -> None:
    w.extra["item"] = flagged(w.answer, *w.flaggers, note="Looks like an advert")


def hidden_flags_item(w: World) -> None:
    flags_item(w)
    hide_by_flags(w.answer)


def deleted_flags_item(w: World) -> None:
    flags_item(w)
    actions.delete_post(post=w.answer, by=w.people["moderator"])  # type: ignore[arg-type]


def items_in_every_queue(w: World) -> None:
    flags_item(w)
    enqueue(queue=Queue.FIRST_POSTS, reason="A first post", post=w.question)
    enqueue(queue=Queue.CLOSE_VOTES, reason="1 vote to close", post=w.question)
    enqueue(queue=Queue.SAFETY, reason="may need support", post=w.question)


def closed_question(w: World) -> None:
    closing.close_question(question=w.question, by=w.people["moderator"], reason="off_topic")  # type: ignore[arg-type]


def suspended_okafor(w: World) -> None:
    suspend_member(member=w.okafor, by=w.people["moderator"], days=3, reason="Spam links.")  # type: ignore[arg-type]


def deleted_answer(w: World) -> None:
    actions.delete_post(post=w.answer, by=w.people["moderator"])  # type: ignore[arg-type]


def deleted_comment(w: World) -> None:
    actions.delete_comment(comment=w.comment, by=w.people["moderator"])  # type: ignore[arg-type]


def item_url(w: World, suffix: str = "") -> str:
    return f"/moderation/review/item/{w.extra['item'].pk}/{suffix}"


def decision(name: str) -> Callable[[Client, World], Any]:
    return lambda c, w: c.post(item_url(w, name), {"reason": "Checked against the rules"})


def resolved_as(removal: str) -> Callable[[World, str], bool]:
    def check(w: World, role: str) -> bool:
        item = w.fresh(w.extra["item"])
        return item.status == ReviewStatus.DONE and w.fresh(w.answer).removal == removal

    return check


def queue_lists_item(queue: str) -> Callable[[World, str], bool]:
    """The queue page opens; it lists the flagged answer to those who moderate it."""

    def check(w: World, role: str) -> bool:
        html = w.extra["response"].content.decode()
        listed = f"/moderation/review/item/{w.extra['item'].pk}/" in html
        return w.extra["response"].status_code == 200 and (
            listed == moderates_thread(role) or queue != Queue.FLAGS
        )

    return check


def claimed_by_actor(w: World, role: str) -> bool:
    person = actor(w, role)
    return person is not None and w.fresh(w.extra["item"]).claimed_by_id == person.pk


def page_opens(w: World, role: str) -> bool:
    return bool(w.extra["response"].status_code == 200)


def closed_or_voted(w: World, role: str) -> bool:
    question = w.fresh(w.question)
    if moderates_thread(role):
        return question.is_closed
    return not question.is_closed and CloseVote.objects.filter(voter=actor(w, role)).exists()


def reopened_or_voted(w: World, role: str) -> bool:
    question = w.fresh(w.question)
    if moderates_thread(role):
        return not question.is_closed
    return (
        question.is_closed
        and CloseVote.objects.filter(voter=actor(w, role), kind="reopen").exists()
    )


def okafor(w: World) -> User:
    return w.fresh(w.okafor)


def member_url(w: World, what: str) -> str:
    return f"/moderation/member/{w.okafor.pk}/{what}"


def own_flag(w: World) -> None:
    """A pending flag on the answer by whoever acts (by a flagger, for a guest)."""
    flagger: User = w.extra.get("actor") or w.flaggers[0]
    w.extra["flag"] = Flag.objects.create(
        flagger=flagger, post=w.answer, reason=FlagReason.SPAM, created_at=timezone.now()
    )


def someone_elses_flag(w: World) -> None:
    w.extra["flag"] = Flag.objects.create(
        flagger=w.flaggers[0], post=w.answer, reason=FlagReason.SPAM, created_at=timezone.now()
    )


def flag_by(w: World, role: str) -> Flag | None:
    return Flag.objects.filter(flagger=actor(w, role), post=w.answer).first()


def flagged_by_actor(w: World, role: str) -> bool:
    """The flag is counted; a moderator's own flag hides the answer at once."""
    flag = flag_by(w, role)
    return flag is not None and w.fresh(w.answer).is_deleted == moderates_thread(role)


def retract_url(w: World) -> str:
    return f"/moderation/flags/{w.extra['flag'].pk}/retract"


def opened(url: Callable[[World], str]) -> Callable[[Client, World], Any]:
    """GET the page; the response is kept for the effect's check."""

    def send(client: Client, w: World) -> Any:
        w.extra["response"] = client.get(url(w))
        return w.extra["response"]

    return send


def queue_url(queue: str) -> Callable[[World], str]:
    return lambda w: f"/moderation/review/{queue}/"


RULES_FORM = {
    "premoderate_guests": "on", "premoderate_first_posts": "on", "link_limit": "1",
    "link_limit_points": "20",
}  # fmt: skip

ACTIONS: dict[str, Action] = {
    # guest, member, suspended, trusted, category moderator inside, outside, moderator, admin
    "flag an answer": Action(
        nothing,
        lambda c, w: c.post(f"/moderation/flag/post/{w.answer.pk}/", {"reason": "rude"}),
        flagged_by_actor,
        (LOGIN, OK, E403, OK, OK, OK, OK, OK),
    ),
    "flag a comment": Action(
        nothing,
        lambda c, w: c.post(f"/moderation/flag/comment/{w.comment.pk}/", {"reason": "rude"}),
        lambda w, role: Flag.objects.filter(flagger=actor(w, role), comment=w.comment).exists(),
        (LOGIN, OK, E403, OK, OK, OK, OK, OK),
    ),
    "retract one's own flag": Action(
        own_flag,
        lambda c, w: c.post(retract_url(w)),
        lambda w, role: w.fresh(w.extra["flag"]).status == FlagStatus.RETRACTED,
        (LOGIN, OK, OK, OK, OK, OK, OK, OK),
    ),
    "retract someone else's flag": Action(
        someone_elses_flag,
        lambda c, w: c.post(retract_url(w)),
        lambda w, role: False,
        (LOGIN, E404, E404, E404, E404, E404, E404, E404),
    ),
    "ask for a review of someone else's hidden answer": Action(
        hidden_flags_item,
        lambda c, w: c.post(
            f"/moderation/review-request/post/{w.answer.pk}/", {"note": "It is general advice."}
        ),
        lambda w, role: False,
        (LOGIN, E404, E404, E404, E404, E404, E404, E404),
    ),
    "open the queues index": Action(
        items_in_every_queue,
        opened(lambda w: "/moderation/review/"),
        page_opens,
        (LOGIN, E404, E404, OK, OK, OK, OK, OK),
    ),
    **{
        f"open the {queue} queue": Action(
            items_in_every_queue,
            opened(queue_url(queue)),
            queue_lists_item(queue),
            (LOGIN, E404, E404, OK if queue == Queue.CLOSE_VOTES else E404, OK, OK, OK, OK),
        )
        for queue in Queue.values
    },
    "open a flagged item": Action(
        flags_item,
        opened(item_url),
        page_opens,
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "claim": Action(
        flags_item,
        lambda c, w: c.post(item_url(w, "claim")),
        claimed_by_actor,
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "approve": Action(
        hidden_flags_item,
        decision("approve"),
        resolved_as(""),
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "dismiss": Action(
        flags_item,
        decision("dismiss"),
        resolved_as(""),
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "hide": Action(
        flags_item,
        decision("hide"),
        resolved_as("hidden"),
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "delete": Action(
        flags_item,
        decision("delete"),
        resolved_as("deleted"),
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "restore": Action(
        deleted_flags_item,
        decision("restore"),
        resolved_as(""),
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "bulk hide": Action(
        flags_item,
        lambda c, w: c.post(
            "/moderation/review/flags/bulk",
            {"item": [w.extra["item"].pk], "decision": "hide", "reason": "Spam", "confirm": "yes"},
        ),
        resolved_as("hidden"),
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "remove an account": Action(
        nothing,
        lambda c, w: c.post(member_url(w, "remove"), {"reason": "A spammer"}),
        lambda w, role: not okafor(w).is_active and w.fresh(w.answer).removal == "deleted",
        (LOGIN, E404, E404, E404, E404, E404, OK, OK),
    ),
    "close, or vote to close": Action(
        nothing,
        lambda c, w: c.post(f"/moderation/question/{w.question.pk}/close", {"reason": "off_topic"}),
        closed_or_voted,
        (E403, E403, E403, VOTE, OK, E403, OK, OK),
    ),
    "reopen, or vote to reopen": Action(
        closed_question,
        lambda c, w: c.post(f"/moderation/question/{w.question.pk}/reopen", {"note": "Fixed"}),
        reopened_or_voted,
        (E403, E403, E403, VOTE, OK, E403, OK, OK),
    ),
    "lock": Action(
        nothing,
        lambda c, w: c.post(f"/moderation/question/{w.question.pk}/lock", {"locked": "on"}),
        lambda w, role: w.fresh(w.question).is_locked,
        (E404, E404, E404, E404, OK, E404, OK, OK),
    ),
    "protect": Action(
        nothing,
        lambda c, w: c.post(f"/moderation/question/{w.question.pk}/protect", {"protected": "on"}),
        lambda w, role: w.fresh(w.question).is_protected,
        (E404, E404, E404, E404, OK, E404, OK, OK),
    ),
    "open a member's record": Action(
        nothing,
        opened(lambda w: member_url(w, "")),
        page_opens,
        (LOGIN, E404, E404, E404, OK, OK, OK, OK),
    ),
    "suspend": Action(
        nothing,
        lambda c, w: c.post(member_url(w, "suspend/"), {"duration": "7", "reason": "Spam."}),
        lambda w, role: Suspension.objects.filter(member=w.okafor, lifted_at=None).exists()
        and okafor(w).suspended_until is not None,
        (LOGIN, E404, E404, E404, E403, E403, OK, OK),
    ),
    "lift a suspension": Action(
        suspended_okafor,
        lambda c, w: c.post(member_url(w, "lift/"), {"reason": "Talked it through."}),
        lambda w, role: Suspension.objects.filter(member=w.okafor, lifted_at=None).count() == 0,
        (LOGIN, E404, E404, E404, E403, E403, OK, OK),
    ),
    "message a member": Action(
        nothing,
        lambda c, w: c.post(member_url(w, "message/"), {"body": "Please keep links out."}),
        lambda w, role: ModeratorMessage.objects.filter(member=w.okafor).exists(),
        (LOGIN, E404, E404, E404, OK, OK, OK, OK),
    ),
    "block an address range": Action(
        nothing,
        lambda c, w: c.post(
            "/moderation/blocked/", {"network": "203.0.113.0/24", "reason": "A spam wave"}
        ),
        lambda w, role: apps.get_model("moderation", "BlockedRange").objects.exists(),
        (LOGIN, E404, E404, E404, E404, E404, OK, OK),
    ),
    "change the rules": Action(
        nothing,
        lambda c, w: c.post("/moderation/rules/", RULES_FORM),
        lambda w, role: Rules.objects.filter(link_limit=1, premoderate_guests=True).exists(),
        (E404, E404, E404, E404, E404, E404, OK, OK),
    ),
    "add a watched word": Action(
        nothing,
        lambda c, w: c.post("/moderation/rules/watched-words/", {"phrase": "cheap followers"}),
        lambda w, role: WatchedWord.objects.filter(phrase="cheap followers").exists(),
        (E404, E404, E404, E404, E404, E404, OK, OK),
    ),
    "read the audit log": Action(
        closed_question,
        opened(lambda w: "/moderation/audit/"),
        page_opens,
        (E404, E404, E404, E404, OK, OK, OK, OK),
    ),
    "purge": Action(
        nothing,
        lambda c, w: c.post(f"/moderation/purge/post/{w.answer.pk}/", {"reason": "Legal"}),
        lambda w, role: not Post._base_manager.filter(pk=w.answer.pk).exists(),
        (E404, E404, E404, E404, E404, E404, E404, OK),
    ),
    "edit someone else's answer": Action(
        nothing,
        lambda c, w: c.post(
            f"/post/{w.answer.pk}/edit/",
            {"body": "It is common; bring it up with them.", "reason": "Trimmed"},
        ),
        lambda w, role: w.fresh(w.answer).body == "It is common; bring it up with them.",
        (LOGIN, E404, E403, E404, OK, E404, OK, OK),
    ),
    "delete someone else's answer": Action(
        nothing,
        lambda c, w: c.post(f"/post/{w.answer.pk}/delete"),
        lambda w, role: w.fresh(w.answer).removal == "deleted",
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "restore a deleted answer": Action(
        deleted_answer,
        lambda c, w: c.post(f"/post/{w.answer.pk}/restore"),
        lambda w, role: not w.fresh(w.answer).is_deleted,
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "delete someone else's comment": Action(
        nothing,
        lambda c, w: c.post(f"/comment/{w.comment.pk}/delete"),
        lambda w, role: w.fresh(w.comment).removal == "deleted",
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
    "restore a deleted comment": Action(
        deleted_comment,
        lambda c, w: c.post(f"/comment/{w.comment.pk}/restore"),
        lambda w, role: not w.fresh(w.comment).is_deleted,
        (LOGIN, E404, E404, E404, OK, E404, OK, OK),
    ),
}

CELLS = [
    pytest.param(name, role, ACTIONS[name].expected[n], id=f"{name} | {role}")
    for name in ACTIONS
    for n, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("action", "role", "outcome"), CELLS)
def test_each_role_is_allowed_or_refused_each_action_and_a_refusal_changes_nothing(
    world: World, action: str, role: str, outcome: str
) -> None:
    how = ACTIONS[action]
    world.extra["actor"] = actor(world, role)
    how.prepare(world)
    before = snapshot()
    response = how.send(client_for(actor(world, role)), world)
    if outcome in REFUSALS:
        assert response.status_code == REFUSALS[outcome], response.content.decode()[:2000]
        if outcome == LOGIN:
            assert response.url.startswith("/accounts/login/")
        assert snapshot() == before
    else:
        assert response.status_code in (200, 302), response.content.decode()[:2000]
        assert how.happened(world, role), f"{action} by {role} did not happen"


# Bad input --------------------------------------------------------------------------------


@dataclass
class BadInput:
    """A request a moderator (or another role) may make by mistake or by forging it: it is
    answered with `status` and a page that says `message`, and changes nothing. A refusal
    told on the next page (a redirect with a message) is followed to read it."""

    role: str
    prepare: Callable[[World], None]
    send: Callable[[Client, World], Any]
    status: int
    message: str


NOT_THERE = "We could not find that page"  # the 404 page, whatever was not found
NO_QUESTION = "There is no question at that address, or it has been removed."


def deleted_other_question(w: World) -> None:
    other = actions.ask_question(
        author=w.maya, title="How do I tell my therapist I want to stop?",
        body="I have been going for two years and feel ready to end it.",
        category=Category.objects.get(slug="ending-therapy"), tags="ending",
    )  # fmt: skip
    actions.delete_post(post=other, by=w.maya)
    w.extra["deleted"] = other


def resolved_flags_item(w: World) -> None:
    flags_item(w)
    w.extra["item"].status = ReviewStatus.DONE
    w.extra["item"].save(update_fields=["status"])


def decided_own_flag(w: World) -> None:
    own_flag(w)
    Flag.objects.filter(pk=w.extra["flag"].pk).update(status=FlagStatus.DECLINED)


def close_url(w: World) -> str:
    return f"/moderation/question/{w.question.pk}/close"


BAD_INPUTS: dict[str, BadInput] = {
    "a forged review item id": BadInput(
        "moderator", nothing, lambda c, w: c.post("/moderation/review/item/999999/claim"),
        404, NOT_THERE,
    ),
    "a review item id that is not a number": BadInput(
        "moderator", nothing, lambda c, w: c.post("/moderation/review/item/1e3/hide"),
        404, NOT_THERE,
    ),
    "a decision that does not exist": BadInput(
        "moderator", flags_item, lambda c, w: c.post(item_url(w, "explode")), 404,
        NOT_THERE,
    ),
    "a forged member id to suspend": BadInput(
        "moderator", nothing,
        lambda c, w: c.post("/moderation/member/999999/suspend/", {"duration": "7", "reason": "x"}),
        404, NOT_THERE,
    ),
    "a forged question id to close": BadInput(
        "moderator", nothing,
        lambda c, w: c.post("/moderation/question/99999999/close", {"reason": "off_topic"}),
        404, NOT_THERE,
    ),
    "an answer's id in place of a question's": BadInput(
        "moderator", nothing,
        lambda c, w: c.post(f"/moderation/question/{w.answer.pk}/close", {"reason": "off_topic"}),
        404, NOT_THERE,
    ),
    "a forged id to purge": BadInput(
        "administrator", nothing,
        lambda c, w: c.post("/moderation/purge/post/99999999/", {"reason": "x"}), 404, NOT_THERE,
    ),
    "a forged post id to edit": BadInput(
        "moderator", nothing, lambda c, w: c.post("/post/99999999/edit/", {"body": "x" * 40}),
        404, NOT_THERE,
    ),
    "closing a closed question": BadInput(
        "moderator", closed_question,
        lambda c, w: c.post(close_url(w), {"reason": "off_topic"}),
        400, "This question is closed already.",
    ),
    "voting to close a closed question": BadInput(
        "trusted", closed_question,
        lambda c, w: c.post(close_url(w), {"reason": "off_topic"}),
        400, "This question is closed already.",
    ),
    "a duplicate of itself": BadInput(
        "moderator", nothing,
        lambda c, w: c.post(
            close_url(w), {"reason": "duplicate", "duplicate_of": str(w.question.pk)}
        ),
        400, "A question cannot be a duplicate of itself.",
    ),
    "a duplicate of a deleted question": BadInput(
        "moderator", deleted_other_question,
        lambda c, w: c.post(
            close_url(w), {"reason": "duplicate", "duplicate_of": str(w.extra["deleted"].pk)}
        ),
        400, "That question has been removed; choose an original that is still up.",
    ),
    "a duplicate of a deleted question, as a voter": BadInput(
        "trusted", deleted_other_question,
        lambda c, w: c.post(
            close_url(w), {"reason": "duplicate", "duplicate_of": str(w.extra["deleted"].pk)}
        ),
        400, NO_QUESTION,
    ),
    "reopening an open question": BadInput(
        "moderator", nothing,
        lambda c, w: c.post(f"/moderation/question/{w.question.pk}/reopen"),
        400, "This question is open already.",
    ),
    "locking without saying on or off": BadInput(
        "moderator", nothing,
        lambda c, w: c.post(f"/moderation/question/{w.question.pk}/lock", {"locked": "maybe"}),
        400, "Say whether to turn locked on or off.",
    ),
    "a bulk action on an empty selection": BadInput(
        "moderator", flags_item,
        lambda c, w: c.post("/moderation/review/flags/bulk", {"decision": "hide"}),
        200, "Select at least one item first: nothing was changed.",
    ),
    "a bulk action on a forged id": BadInput(
        "moderator", flags_item,
        lambda c, w: c.post(
            "/moderation/review/flags/bulk",
            {"item": [w.extra["item"].pk, 999999], "decision": "hide", "confirm": "yes"},
        ),
        404, NOT_THERE,
    ),
    "a bulk decision other than hide or delete": BadInput(
        "moderator", flags_item,
        lambda c, w: c.post(
            "/moderation/review/flags/bulk",
            {"item": [w.extra["item"].pk], "decision": "approve", "confirm": "yes"},
        ),
        200, "Choose whether to hide or delete the selected items.",
    ),
    "deciding an item resolved already": BadInput(
        "moderator", resolved_flags_item, decision("delete"), 200, "already resolved",
    ),
    "a suspension without a reason": BadInput(
        "moderator", nothing,
        lambda c, w: c.post(member_url(w, "suspend/"), {"duration": "7", "reason": " "}),
        400, "Give a reason",
    ),
    "an empty message to a member": BadInput(
        "moderator", nothing, lambda c, w: c.post(member_url(w, "message/"), {"body": ""}),
        400, "Write the message.",
    ),
    "an address range that is not one": BadInput(
        "moderator", nothing,
        lambda c, w: c.post("/moderation/blocked/", {"network": "not a network", "reason": "x"}),
        400, "is not an IP address or a CIDR range",
    ),
    "a flag on a deleted answer": BadInput(
        "member", deleted_answer,
        lambda c, w: c.post(f"/moderation/flag/post/{w.answer.pk}/", {"reason": "spam"}),
        404, NOT_THERE,
    ),
    "a moderator's flag on a deleted answer": BadInput(
        "moderator", deleted_answer,
        lambda c, w: c.post(f"/moderation/flag/post/{w.answer.pk}/", {"reason": "spam"}),
        404, NOT_THERE,
    ),
    "a flag on a comment whose answer is deleted": BadInput(
        "trusted", deleted_answer,
        lambda c, w: c.post(f"/moderation/flag/comment/{w.comment.pk}/", {"reason": "spam"}),
        404, NOT_THERE,
    ),
    "a second flag on the same answer": BadInput(
        "member", own_flag,
        lambda c, w: c.post(f"/moderation/flag/post/{w.answer.pk}/", {"reason": "rude"}),
        409, "You have already flagged this.",
    ),
    "a flag on one's own answer": BadInput(
        "dr_okafor", nothing,
        lambda c, w: c.post(f"/moderation/flag/post/{w.answer.pk}/", {"reason": "spam"}),
        403, "You cannot flag what you wrote yourself.",
    ),
    "a flag with a reason that is not one": BadInput(
        "member", nothing,
        lambda c, w: c.post(f"/moderation/flag/post/{w.answer.pk}/", {"reason": "boring"}),
        400, "Choose what is wrong with it.",
    ),
    "a flag on a forged id": BadInput(
        "member", nothing,
        lambda c, w: c.post("/moderation/flag/post/99999999/", {"reason": "spam"}), 404, NOT_THERE,
    ),
    "a flag on a kind of thing that is not flagged": BadInput(
        "member", nothing,
        lambda c, w: c.post(f"/moderation/flag/user/{w.okafor.pk}/", {"reason": "spam"}),
        404, NOT_THERE,
    ),
    "retracting a forged flag id": BadInput(
        "member", nothing, lambda c, w: c.post("/moderation/flags/99999999/retract"),
        404, NOT_THERE,
    ),
    "retracting a flag a moderator decided already": BadInput(
        "member", decided_own_flag, lambda c, w: c.post(retract_url(w)), 200,
        "A moderator has already decided on this flag: it cannot be retracted.",
    ),
    "asking for a review of a forged id": BadInput(
        "dr_okafor", nothing,
        lambda c, w: c.post("/moderation/review-request/post/99999999/", {"note": "Please"}),
        404, NOT_THERE,
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gets_a_clear_message_never_a_500_and_changes_nothing(
    world: World, case: BadInput
) -> None:
    person = world.people.get(case.role) or User.objects.get(username=case.role)
    world.extra["actor"] = person
    case.prepare(world)
    before = snapshot()
    client = client_for(person)
    response = case.send(client, world)
    if response.status_code == 302:
        response = client.get(response.url)  # the message is on the next page
    assert response.status_code == case.status, response.content.decode()[:2000]
    assert case.message in response.content.decode()
    assert snapshot() == before
