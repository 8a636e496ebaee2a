"""Counters and points stay exact through hide, delete, restore and purge, in any order:
after every step each denormalised counter equals a recount from the rows
(tests/support/recount.py), and the points ledger is what the posts and votes call for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from mindwell.accounts.models import User
from mindwell.core.errors import Forbidden
from mindwell.moderation.actions.audit import purge
from mindwell.moderation.models import AuditEntry
from mindwell.qa import actions
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category
from tests.conftest import make_member
from tests.support.recount import assert_counts_exact, mismatches

pytestmark = pytest.mark.django_db


@dataclass
class Site:
    """A small site built with the actions; items by name: Q questions, A answers, C comments."""

    moderator: User
    administrator: User
    items: dict[str, Post | Comment] = field(default_factory=dict)

    def post(self, name: str) -> Post:
        return Post.objects.get(pk=self.items[name].pk)

    def comment(self, name: str) -> Comment:
        return Comment.objects.get(pk=self.items[name].pk)


@pytest.fixture
def site(ask, answer, maya, dr_okafor, newcomer, moderator) -> Site:
    voters = [make_member(f"voter{i}") for i in range(3)]
    administrator = make_member("site_admin", is_staff=True, is_superuser=True)
    other = Category.objects.exclude(slug="therapy-relationship").first()
    assert other is not None
    made = Site(moderator=moderator, administrator=administrator)
    q1 = ask(maya, tags="transference attachment")
    a1 = answer(q1, dr_okafor)
    a2 = answer(q1, newcomer, body="Talk about it with her; that is what sessions are for.")
    a3 = answer(q1, newcomer, body="An anonymous answer: it happened to me too, for months.",
                anonymous=True)  # fmt: skip
    for voter in voters:
        actions.cast_vote(user=voter, post=a1, value=Vote.UP)
        actions.cast_vote(user=voter, post=q1, value=Vote.UP)
    actions.cast_vote(user=voters[0], post=a2, value=Vote.DOWN)
    actions.cast_vote(user=voters[1], post=a3, value=Vote.UP)
    actions.accept_answer(question=q1, answer=a1, by=maya)
    q2 = ask(maya, title="How do I grieve a friendship that ended?", category=other,
             tags="grief friendship", anonymous=True)  # fmt: skip
    a4 = answer(q2, dr_okafor, body="Grief for a friendship is real grief; give it time.")
    actions.cast_vote(user=voters[2], post=q2, value=Vote.UP)
    actions.cast_vote(user=maya, post=a4, value=Vote.UP)
    actions.accept_answer(question=q2, answer=a4, by=maya)
    q3 = ask(None, title="A guest asks about couples therapy", tags="couples",
             guest_name="Sam")  # fmt: skip
    a5 = answer(q3, maya, body="Couples therapy helped us talk without fighting, slowly.")
    actions.cast_vote(user=dr_okafor, post=a5, value=Vote.UP)
    c1 = actions.add_comment(post=q1, author=dr_okafor, body="How long have you been seeing her?")
    c2 = actions.add_comment(post=a1, author=newcomer, body="This helped me, thank you.")
    c3 = actions.add_comment(post=a1, author=None, body="A guest agrees with this.")
    c4 = actions.add_comment(post=a2, author=maya, body="Thank you, I will.", anonymous=True)
    actions.edit_post(post=a1, editor=dr_okafor, body=a1.body + " Many people feel this.")
    made.items = {"Q1": q1, "A1": a1, "A2": a2, "A3": a3, "Q2": q2, "A4": a4, "Q3": q3,
                  "A5": a5, "C1": c1, "C2": c2, "C3": c3, "C4": c4}  # fmt: skip
    assert_counts_exact()
    return made


def run(site: Site, step: str, name: str) -> None:
    by = site.moderator
    if name.startswith("C"):
        comment = site.comment(name)
        if step == "hide":
            actions.hide_comment(comment=comment, by=by, note="Under review.")
        elif step == "delete":
            actions.delete_comment(comment=comment, by=by)
        elif step == "restore":
            actions.restore_comment(comment=comment, by=by)
        else:
            purge(comment=comment, by=site.administrator, reason="Test purge")
        return
    post = site.post(name)
    if step == "hide":
        actions.hide_post(post=post, by=by, note="Under review.")
    elif step == "delete":
        actions.delete_post(post=post, by=by)
    elif step == "restore":
        actions.restore_post(post=post, by=by)
    else:
        purge(post=post, by=site.administrator, reason="Test purge")


SEQUENCES: dict[str, list[tuple[str, str]]] = {
    "hide, delete, restore a best answer": [("hide", "A1"), ("delete", "A1"), ("restore", "A1")],
    "hide, delete, restore a question": [("hide", "Q1"), ("delete", "Q1"), ("restore", "Q1")],
    "delete the question of a hidden answer, then restore both": [
        ("hide", "A2"), ("delete", "Q1"), ("restore", "Q1"), ("restore", "A2"),
    ],
    "hide a best answer under a deleted question, then restore both": [
        ("delete", "Q1"), ("hide", "A1"), ("restore", "Q1"), ("restore", "A1"),
    ],
    "an anonymous question hidden and restored, then purged": [
        ("hide", "Q2"), ("restore", "Q2"), ("purge", "Q2"),
    ],
    "purge a hidden answer": [("hide", "A2"), ("purge", "A2")],
    "purge a live best answer": [("purge", "A1")],
    "purge a question with answers, hidden ones and comments": [
        ("hide", "A2"), ("hide", "C2"), ("delete", "C1"), ("purge", "Q1"),
    ],
    "purge a deleted question": [("delete", "Q1"), ("purge", "Q1")],
    "purge an answer under a deleted question, then restore the question": [
        ("delete", "Q1"), ("purge", "A1"), ("restore", "Q1"),
    ],
    "a guest's question with a member's answer": [("hide", "Q3"), ("restore", "Q3"),
                                                  ("purge", "A5"), ("purge", "Q3")],
    "comments hidden, deleted, restored, purged": [
        ("hide", "C4"), ("delete", "C4"), ("restore", "C4"), ("hide", "C2"), ("purge", "C2"),
        ("delete", "C3"), ("purge", "C3"), ("purge", "C4"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("steps", SEQUENCES.values(), ids=SEQUENCES.keys())
def test_every_counter_equals_its_recount_after_each_step(site, steps):
    for number, (step, name) in enumerate(steps, 1):
        run(site, step, name)
        assert mismatches() == {}, f"after step {number}: {step} {name}"
    assert_counts_exact()


def test_a_purged_question_takes_everything_of_it_and_its_answers(site, maya, dr_okafor):
    question = site.post("Q1")
    ids = [question.pk, *Post.objects.filter(question=question).values_list("pk", flat=True)]
    scope = purge(post=question, by=site.administrator, reason="Names a real therapist")
    assert scope.describe() == "1 question, 3 answers, 4 comments, 5 revisions"
    assert not Post.objects.filter(pk__in=ids).exists()
    assert not Revision.objects.filter(post_id__in=ids).exists()
    assert not Vote.objects.filter(post_id__in=ids).exists()
    assert not Comment.objects.filter(post_id__in=ids).exists()
    assert not PointEvent.objects.filter(post_id__in=ids).exists()
    entry = AuditEntry.objects.get(action="purge")
    assert (entry.actor, entry.post_id, entry.member_id) == (
        site.administrator,
        question.pk,
        maya.pk,
    )
    assert entry.details["title"] == question.title and entry.details["kind"] == "question"
    assert entry.reason == "Names a real therapist"
    assert_counts_exact()


def _state() -> dict[str, Any]:
    return {
        "posts": Post.objects.count(), "comments": Comment.objects.count(),
        "audit": AuditEntry.objects.count(),
        "points": dict(User.objects.values_list("pk", "points")),
    }  # fmt: skip


def test_only_an_administrator_can_purge_and_a_refusal_changes_nothing(site):
    before = _state()
    with pytest.raises(Forbidden):
        purge(post=site.post("Q1"), by=site.moderator)
    with pytest.raises(Forbidden):
        purge(comment=site.comment("C1"), by=site.moderator)
    assert _state() == before


def test_the_recount_notices_a_question_removed_past_the_actions(site):
    """What the admin's "Delete selected" used to do: the recount must catch it."""
    Post.objects.filter(pk=site.post("Q2").pk).delete()
    wrong = mismatches()
    assert "ledger" in wrong and any(key.startswith("category") for key in wrong)
