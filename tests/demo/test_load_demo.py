"""The demo content loads through the real actions and gives a believable, consistent site."""

import shutil
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.test import Client, TestCase
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.demo.loader import CONTENT_FOLDER, read_content
from mindwell.qa import policy as qa_policy
from mindwell.qa.models import Comment, Post, Vote
from mindwell.qa.presenters import Writer, writer
from mindwell.qa.ranking import hot_score
from mindwell.reputation.actions import rebuild_point_totals
from mindwell.reputation.models import PointEvent
from mindwell.tags.models import Category
from tests.conftest import make_member

CONTENT = read_content()
MEMBERS, QUESTIONS = CONTENT.members, CONTENT.questions
ANSWERS = sum(len(q.answers) for q in QUESTIONS)
COMMENTS = sum(len(q.comments) + sum(len(a.comments) for a in q.answers) for q in QUESTIONS)
VOTES = sum(
    len(q.up) + len(q.down) + sum(len(a.up) + len(a.down) for a in q.answers) for q in QUESTIONS
)


def load_demo(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


class TheDemoSite(TestCase):
    """Loading takes a few seconds (every vote goes through cast_vote), so it happens once
    for the class; each test runs in a transaction rolled back to the loaded state."""

    output: str

    @classmethod
    def setUpTestData(cls) -> None:
        cls.output = load_demo()

    def test_it_loads_every_question_answer_comment_and_vote(self) -> None:
        assert Post.objects.questions().count() == len(QUESTIONS)
        assert Post.objects.answers().count() == ANSWERS
        assert Comment.objects.count() == COMMENTS
        assert Vote.objects.count() == VOTES
        assert User.objects.count() == len(MEMBERS) + 1  # and the moderator
        assert f"{len(QUESTIONS)} questions" in self.output
        assert "mindwell-demo" in self.output

    def test_every_category_without_subcategories_has_questions(self) -> None:
        leaves = Category.objects.filter(children__isnull=True)
        assert leaves.exists()
        for category in leaves:
            assert category.question_count > 0, category.slug
            assert category.question_count == category.questions.count()

    def test_each_duplicate_is_closed_as_a_duplicate_of_its_original(self) -> None:
        titles = {q.path.stem: q.title for q in QUESTIONS}
        duplicates = [q for q in QUESTIONS if q.duplicate_of]
        assert len(duplicates) >= 40
        closed = Post.objects.questions().filter(duplicate_of__isnull=False)
        assert sorted(closed.values_list("title", "duplicate_of__title")) == sorted(
            (q.title, titles[q.duplicate_of]) for q in duplicates
        )
        assert all(question.close_reason == "duplicate" for question in closed)

    def test_the_home_pages_first_page_is_mostly_open_questions(self) -> None:
        page = Client().get("/").context["page"].items
        assert len(page) == settings.MINDWELL_PAGE_SIZE
        duplicates = [question for question in page if question.duplicate_of_id]
        assert len(duplicates) <= len(page) // 4, [q.title for q in duplicates]

    def test_duplicates_are_older_and_closed_once_their_original_was_asked(self) -> None:
        now = timezone.now()
        closed = Post.objects.questions().filter(duplicate_of__isnull=False)
        for question in closed.select_related("duplicate_of"):
            assert timedelta(days=60) <= now - question.created_at <= timedelta(days=400)
            original, closed_at = question.duplicate_of, question.closed_at
            assert original is not None and closed_at is not None
            assert max(question.created_at, original.created_at) < closed_at <= now

    def test_the_hot_and_unanswered_lists_are_plausible(self) -> None:
        questions = Post.objects.questions()

        # Duplicates are closed before anyone answers them: the rest must look lively.
        open_questions = [q for q in QUESTIONS if not q.duplicate_of]
        unanswered = questions.filter(answer_count=0, duplicate_of__isnull=True).count()
        assert unanswered == sum(1 for q in open_questions if not q.answers)
        assert 0 < unanswered < len(open_questions) / 2
        for question in questions:
            assert question.view_count > 0
            assert question.hot_score == pytest.approx(
                hot_score(
                    created_at=question.created_at,
                    views=question.view_count,
                    answers=question.answer_count,
                    score=question.score,
                )
            )
        hot = list(questions.order_by("-hot_score", "-id").values_list("id", flat=True))
        recent = list(questions.order_by("-id").values_list("id", flat=True))
        assert hot != recent, "views, answers and votes should move questions in the hot list"

    def test_history_is_in_the_past_and_in_order(self) -> None:
        now = timezone.now()
        by_id = list(Post.objects.questions().order_by("id"))
        assert by_id == sorted(by_id, key=lambda q: q.created_at), "newest question, highest id"
        for question in by_id:
            answers = list(question.answer_set.all())
            comments = list(Comment.objects.filter(post__in=[question, *answers]))
            assert question.created_at <= now
            assert all(question.created_at <= a.created_at <= now for a in answers)
            assert all(c.post.created_at <= c.created_at <= now for c in comments)
            latest = max(p.created_at for p in [question, *answers, *comments])
            assert question.last_activity_at == latest

    def test_accepted_answers_are_marked_on_answer_and_question(self) -> None:
        accepted = sum(1 for q in QUESTIONS if any(a.accepted for a in q.answers))
        assert accepted > 0
        assert Post.objects.filter(is_accepted=True).count() == accepted
        assert Post.objects.questions().filter(has_accepted_answer=True).count() == accepted

    def test_points_totals_match_the_ledger(self) -> None:
        assert rebuild_point_totals() == 0
        ledger = dict(
            PointEvent.objects.values_list("user_id").annotate(total=Sum("amount")).order_by()
        )
        for user in User.objects.all():
            assert user.points == (ledger.get(user.pk) or 0), user.username
        members = User.objects.filter(username__in=[m.username for m in MEMBERS])
        points = [member.points for member in members]
        assert max(points) > 100
        assert min(points) < 30

    def test_guest_and_anonymous_posts_are_shown_without_a_member_name(self) -> None:
        questions = Post.objects.questions()
        named_guest = questions.filter(author__isnull=True).exclude(guest_name="").first()
        assert named_guest is not None
        reader = AnonymousUser()
        assert writer(named_guest, reader).name == named_guest.guest_name
        nameless_guest = questions.filter(author__isnull=True, guest_name="").first()
        assert nameless_guest is not None
        assert writer(nameless_guest, reader).name == "Anonymous"
        assert Post.objects.answers().filter(author__isnull=True).exists()
        anonymous = Post.objects.filter(anonymous=True, author__isnull=False)
        assert anonymous.exists()
        assert all(
            writer(p, reader) == Writer("Anonymous", None, is_anonymous=True) for p in anonymous
        )
        assert Comment.objects.filter(anonymous=True).exists()

    def test_members_professionals_and_the_moderator_can_log_in(self) -> None:
        maya = User.objects.get(username="maya")
        assert maya.email == "maya@example.invalid"
        assert maya.email_confirmed
        assert maya.professional_badge == ""
        moderator = User.objects.get(username="moderator")
        dr_okafor = User.objects.get(username="dr_okafor")
        assert dr_okafor.professional_badge.startswith("Licensed clinical psychologist · Ontario")
        credential = dr_okafor.credentials.get()
        assert credential.status == "verified" and credential.verified_by == moderator
        assert credential.expires_on is not None and credential.expires_on > timezone.localdate()
        assert moderator.is_moderator and moderator.is_staff and moderator.is_superuser
        assert Client().login(username="maya", password="mindwell-demo")
        assert Client().login(username="moderator", password="mindwell-demo")

    def test_a_grief_counsellor_moderates_the_grief_categories_only(self) -> None:
        hannah = User.objects.get(username="hannah_grief")
        assert hannah.is_category_moderator and not hannah.is_moderator
        in_grief = Post.objects.questions().filter(category__parent__slug="grief").first()
        elsewhere = Post.objects.questions().exclude(category__parent__slug="grief").first()
        assert in_grief is not None and elsewhere is not None
        assert qa_policy.moderates(hannah, in_grief)
        assert not qa_policy.moderates(hannah, elsewhere)

    def test_screening_leaves_the_communitys_ordinary_posts_alone(self) -> None:
        """The demo is what a day on the site looks like: screening holds none of its posts
        and reads at most one (a hopeless, low question) as may-need-support."""
        from mindwell.safety.models import Screening

        self.assertFalse(Post.objects.filter(removal="held").exists())
        self.assertFalse(Comment.objects.filter(removal="held").exists())
        marked = Screening.objects.values_list("question__title", "outcome")
        self.assertLessEqual(len(marked), 1, list(marked))

    def test_a_second_run_changes_nothing(self) -> None:
        counts = (Post.objects.count(), Comment.objects.count(), User.objects.count())

        output = load_demo()

        assert "already has questions" in output
        assert (Post.objects.count(), Comment.objects.count(), User.objects.count()) == counts


@pytest.mark.django_db
def test_it_leaves_a_site_alone_when_a_demo_username_is_taken() -> None:
    make_member("maya")

    output = load_demo()

    assert "not loaded" in output
    assert User.objects.count() == 1
    assert not Post.objects.exists()


def first_question_only(folder: Path) -> Path:
    """The demo's members with only its first question: enough to show an option quickly."""
    (folder / "questions").mkdir()
    shutil.copy(CONTENT_FOLDER / "members.toml", folder)
    shutil.copy(QUESTIONS[0].path, folder / "questions")
    return folder


@pytest.mark.django_db
def test_the_password_can_be_chosen(tmp_path: Path) -> None:
    content = first_question_only(tmp_path)

    load_demo("--password", "another demo phrase", "--content", str(content))

    assert Client().login(username="rosie", password="another demo phrase")
    assert not Client().login(username="rosie", password="mindwell-demo")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            'up = ["asker"]', 'up = ["nobody"]',
            "the answer at line 22, field 'up': 'nobody' is not a member in members.toml",
            id="read-from-the-file",
        ),
        pytest.param(
            '"family"', '"famliy"',
            "the question at line 1, field 'category': no category has the slug 'famliy'",
            id="checked-against-the-site",
        ),
    ],
)  # fmt: skip
@pytest.mark.django_db
def test_a_malformed_content_file_is_named_and_nothing_is_loaded(
    content_folder: Path, old: str, new: str, expected: str
) -> None:
    question = content_folder / "questions" / "01-hard-conversation.md"
    question.write_text(question.read_text().replace(old, new))

    with pytest.raises(CommandError) as error:
        load_demo("--content", str(content_folder))

    assert str(error.value) == f"The demo content is malformed: {question}, {expected}"
    assert not User.objects.exists()


@pytest.mark.django_db
def test_content_breaking_a_rule_of_the_site_names_the_post_and_nothing_is_loaded(
    content_folder: Path,
) -> None:
    question = content_folder / "questions" / "01-hard-conversation.md"
    question.write_text(question.read_text().replace('up = ["asker"]', 'up = ["helper"]'))

    with pytest.raises(CommandError) as error:
        load_demo("--content", str(content_folder))

    assert str(error.value).startswith(
        f"The demo content broke a rule at the votes on the answer at line 22 of {question}: "
    )
    assert not User.objects.exists()


@pytest.mark.django_db
def test_another_content_folder_loads_with_its_guest_and_anonymous_comments(
    content_folder: Path,
) -> None:
    output = load_demo("--content", str(content_folder))

    assert "Loaded the demo: 2 members, 1 questions, 1 answers, 2 comments." in output
    question = Post.objects.questions().get()
    assert question.has_accepted_answer
    assert question.comments.get().guest_name == "Kim"
    answer_comment = Comment.objects.get(post__kind="a")
    assert answer_comment.anonymous
    assert answer_comment.author == User.objects.get(username="asker")
    helper = User.objects.get(username="helper")
    assert helper.professional_badge.startswith("Registered psychotherapist · Ontario · verified")
