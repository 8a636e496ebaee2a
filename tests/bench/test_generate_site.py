# mypy: disable-error-code="attr-defined,union-attr"
"""The site generator: its counters, ledger and choices agree with the rows it writes."""

from datetime import UTC, datetime

import pytest
from django.db.models import Count, F, Q, Sum

from bench import generate_site as command
from bench.sitegen.database import generate_site
from mindwell.accounts.models import User
from mindwell.qa.models import Comment, Post, Revision, Vote
from mindwell.reputation.actions import rebuild_point_totals, vote_points
from mindwell.reputation.models import PointEvent, PointReason
from mindwell.tags.models import Category, Tag

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 1, 15, tzinfo=UTC)


def fingerprint():
    """The generated content, without the ids the database chose."""
    questions = list(
        Post.objects.questions()
        .order_by("pk")
        .values_list("title", "body", "score", "answer_count", "comment_count", "tag_names",
                     "created_at", "has_accepted_answer", "view_count")
    )  # fmt: skip
    points = list(User.objects.order_by("pk").values_list("points", flat=True))
    votes = list(Vote.objects.order_by("pk").values_list("value", flat=True))
    return questions, points, votes


def test_the_generated_site_is_consistent_and_the_same_for_a_seed(settings):
    counts = generate_site(questions=200, seed=7, now=NOW)
    questions = Post.objects.questions()
    answers = Post.objects.answers()
    assert questions.count() == counts.questions == 200
    assert answers.count() == counts.answers
    assert 1.8 <= counts.answers / 200 <= 3.2
    assert 2.0 <= counts.comments / 200 <= 4.0
    assert User.objects.count() == 20
    # Counters match rows.
    for q in questions.annotate(n=Count("answer_set")):
        assert q.answer_count == q.n
    for post in Post.objects.annotate(
        n=Count("comments", distinct=True),
        up=Count("votes", filter=Q(votes__value=1), distinct=True),
        down=Count("votes", filter=Q(votes__value=-1), distinct=True),
        revs=Count("revisions", distinct=True),
    ):
        assert post.comment_count == post.n
        assert (post.upvotes, post.downvotes) == (post.up, post.down)
        assert post.score == post.up - post.down
        assert post.revision_count == post.revs >= 1
        assert Revision.objects.get(post=post, number=post.revision_count).body == post.body
    assert Revision.objects.filter(number=2).exists()
    # One accepted answer at most, and the flag on the question agrees.
    for q in questions.annotate(n=Count("answer_set", filter=Q(answer_set__is_accepted=True))):
        assert q.n <= 1 and q.has_accepted_answer == (q.n == 1)
    assert questions.filter(has_accepted_answer=True).exists()
    # Tag and category counts.
    for tag in Tag.objects.annotate(n=Count("questions")):
        assert tag.question_count == tag.n
    assert Tag.objects.filter(question_count__gt=0).count() > 10
    top = Tag.objects.order_by("-question_count").first()
    assert top.question_count >= 4 * Tag.objects.order_by("-question_count")[20].question_count
    assert Category.objects.aggregate(n=Sum("question_count"))["n"] == 200
    # The ledger: totals are exact, and vote lines match the votes.
    assert rebuild_point_totals() == 0
    posts = Post.objects.in_bulk()
    for line in PointEvent.objects.filter(reason=PointReason.VOTES_RECEIVED):
        post = posts[line.post_id]
        assert line.amount == vote_points(
            is_question=post.is_question, upvotes=post.upvotes, downvotes=post.downvotes
        )
    assert not Vote.objects.filter(post__author=F("user")).exists()
    first = fingerprint()
    # The same seed gives the same site.
    Post.objects.all().delete()
    User.objects.all().delete()
    Tag.objects.all().delete()
    Category.objects.update(question_count=0)
    generate_site(questions=200, seed=7, now=NOW)
    assert fingerprint() == first
    Post.objects.all().delete()
    User.objects.all().delete()
    Tag.objects.all().delete()
    Category.objects.update(question_count=0)
    generate_site(questions=200, seed=8, now=NOW)
    assert fingerprint() != first


def test_the_command_generates_and_pages_render(client, capsys):
    assert command.main(["--questions", "50", "--seed", "3", "--verbosity", "0"]) == 0
    assert capsys.readouterr().out.startswith("Generated 50 questions, ")
    assert Post.objects.questions().count() == 50
    question = Post.objects.questions().order_by("-answer_count").first()
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert question.title.encode() in response.content or b"&#x27;" in response.content
    assert client.get("/").status_code == 200
    assert Comment.objects.exists()


def test_the_command_refuses_a_site_with_posts(capsys):
    assert command.main(["--questions", "5", "--verbosity", "0"]) == 0
    assert command.main(["--questions", "5", "--verbosity", "0"]) == 1
    assert "already has posts" in capsys.readouterr().err
