"""The site generator cannot drift from the actions: the same plan, loaded in bulk and
replayed through the real actions, gives the same rows, table by table and column by column.

Every concrete column of each table is compared, so a column added to a model is compared
too (and the bulk writer refuses to run until it writes it). Only what cannot match is left
out: database ids (mapped back to the plan's), the times that cast_vote and the points
ledger stamp with the real clock, and salted password hashes. The generator writes no
notifications (a generated site's inboxes are empty), so the unread counts are left out too.
"""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import models

from bench.sitegen.database import Counts, load_site, plan_site
from bench.sitegen.plan import FirstIds, SitePlan
from bench.sitegen.replay import Replayed, replay_site
from mindwell.accounts.models import User
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category, Tag

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 1, 15, tzinfo=UTC)
QUESTIONS, SEED = 40, 11  # a seed whose plan has all of the cases below
PostTag = Post.tags.through

# Per table: the columns that identify a row, and the columns that cannot match.
TABLES: list[tuple[type[models.Model], tuple[str, ...], set[str]]] = [
    (Post, ("id",), set()),
    (Comment, ("id",), set()),
    (Vote, ("user_id", "post_id"), {"id", "created_at"}),
    (Revision, ("post_id", "number"), {"id"}),
    (PostTag, ("post_id", "tag_id"), {"id"}),
    (PointEvent, ("user_id", "reason", "post_id"), {"id", "created_at", "updated_at"}),
    (Tag, ("id",), set()),
    (Category, ("id",), set()),
    (User, ("id",), {"password", "unread_notifications"}),
]


def make_plan() -> SitePlan:
    return plan_site(questions=QUESTIONS, seed=SEED, now=NOW)


def snapshot(ids: Replayed | None = None) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Every row of every table, keyed and with post and comment ids given as the plan's
    (`ids` maps the plan's to the database's; None when they are the same)."""
    post = {db: planned for planned, db in ids.posts.items()} if ids else None
    comment = {db: planned for planned, db in ids.comments.items()} if ids else None

    def plan_id(model: type[models.Model], column: str, value: Any) -> Any:
        if value is None:
            return None
        if model is Comment and column == "id":
            return comment[value] if comment else value
        if (model is Post and column in ("id", "question_id")) or (
            model is not Post and column == "post_id"
        ):
            return post[value] if post else value
        return value

    tables = {}
    for model, key, ignored in TABLES:
        columns = [f.attname for f in model._meta.concrete_fields if f.attname not in ignored]
        rows = {}
        for values in model._default_manager.values(*columns, *key):
            row = {c: plan_id(model, c, values[c]) for c in (*columns, *key)}
            rows[tuple(row[c] for c in key)] = row
        tables[model._meta.db_table] = rows
    return tables


def wipe() -> None:
    PointEvent.objects.all().delete()
    Post.objects.all().delete()
    User.objects.all().delete()
    Tag.objects.all().delete()
    Category.objects.update(question_count=0)


def differences(bulk: dict, replayed: dict) -> list[str]:
    found = []
    for table, rows in bulk.items():
        other = replayed[table]
        for key in sorted(rows.keys() ^ other.keys(), key=repr):
            where = "only in bulk" if key in rows else "only replayed"
            found.append(f"{table} {key}: {where}")
        for key in sorted(rows.keys() & other.keys(), key=repr):
            for column, value in rows[key].items():
                if other[key][column] != value:
                    found.append(
                        f"{table} {key} {column}: bulk {value!r}, actions {other[key][column]!r}"
                    )
    return found


def test_the_plan_has_everything_the_comparison_needs():
    questions = list(make_plan().questions())
    posts = [p for q in questions for p in (q, *q.answers)]
    comments = [c for p in posts for c in p.comments]
    bylines = [p.by for p in posts] + [c.by for c in comments]
    assert sum(len(q.answers) for q in questions) >= QUESTIONS
    assert len(comments) >= QUESTIONS
    assert any(v.value == 1 for p in posts for v in p.votes)
    assert any(v.value == -1 for p in posts for v in p.votes)
    assert any(q.edit for q in questions) and any(a.edit for q in questions for a in q.answers)
    assert sum(q.accepted_id is not None for q in questions) >= 3
    accepted = [(q, a) for q in questions for a in q.answers if a.id == q.accepted_id]
    assert any(a.by.author_id == q.by.author_id for q, a in accepted), "own answer: no points"
    assert any(a.by.author_id is None for q, a in accepted), "a guest's answer"
    assert any(a.by.anonymous for q, a in accepted), "an anonymous answer chosen: no points"
    assert any(q.by.anonymous and a.by.author_id for q, a in accepted), "an anonymous asker"
    assert any(p.votes and p.by.anonymous for p in posts), "votes on anonymous posts"
    assert any(p.edit and p.by.anonymous for p in posts), "an anonymous member's edit"
    assert any(b.author_id is None for b in bylines), "guests"
    assert any(b.author_id is None and b.guest_name for b in bylines), "named guests"
    assert any(b.anonymous for b in bylines), "members posting anonymously"
    assert any(q.by.author_id is None and q.answers for q in questions), "a guest's question"


def test_bulk_rows_are_what_the_actions_write(settings):
    # Views are counted in memory and written once, as on the site between two flushes.
    settings.MINDWELL_VIEW_FLUSH_SECONDS = 3600
    settings.MINDWELL_VIEW_FLUSH_COUNT = 10**9
    load_site(make_plan(), batch=7, progress=False, counts=Counts())
    bulk = snapshot()
    assert len(bulk["qa_post"]) > QUESTIONS and bulk["reputation_pointevent"]
    wipe()
    replayed = snapshot(replay_site(make_plan()))
    found = differences(bulk, replayed)
    assert not found, f"{len(found)} differences:\n" + "\n".join(found[:40])


def test_every_planned_edit_changes_the_text():
    """edit_post refuses an edit that changes nothing."""
    plan = SitePlan(
        questions=3000, seed=1, now=NOW, categories=[(1, None), (2, 1)], first=FirstIds()
    )
    edited = [(p.edit, p.text) for q in plan.questions() for p in (q, *q.answers) if p.edit]
    assert len(edited) > 500
    assert all(edit.original_body != text.body for edit, text in edited)
