"""The reference: the same pages written plainly, the way a first Django version would be.

Django templates (the site's own, so the page has the same markup and size), the ORM with
select_related and prefetch_related, Django's Paginator, no caching of any kind, the same
rows as the real pages. Mounted only by bench/settings.py.
"""

from types import SimpleNamespace

from django.conf import settings
from django.db.models import Prefetch, Sum
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from mindwell.qa.forms import AnswerForm, CommentForm
from mindwell.qa.models import Comment, Post, Vote
from mindwell.qa.presenters import preview_text
from mindwell.qa.structured_data import qa_page
from mindwell.tags.models import Category, Tag

PAGE_SIZE = settings.MINDWELL_PAGE_SIZE
TABS = [("recent", "Recent"), ("hot", "Hot"), ("votes", "Most votes"), ("unanswered", "Unanswered")]


def question(request, question_id):
    comments = Prefetch(
        "comments",
        queryset=Comment.objects.filter(deleted_at__isnull=True)
        .select_related("author")
        .order_by("pk"),
        to_attr="comment_list",
    )
    question = get_object_or_404(
        Post.objects.select_related(
            "author", "category", "category__parent", "last_editor"
        ).prefetch_related(comments),
        pk=question_id,
        kind="q",
        deleted_at__isnull=True,
    )
    answers = list(
        Post.objects.filter(question=question, deleted_at__isnull=True)
        .select_related("author", "last_editor")
        .prefetch_related(comments)
        .order_by("-is_accepted", "-score", "created_at", "pk")
    )
    votes = {}
    if request.user.is_authenticated:
        votes = dict(
            Vote.objects.filter(user=request.user, post__in=[question, *answers]).values_list(
                "post_id", "value"
            )
        )
    member = request.user.is_authenticated
    address = question.get_absolute_url()
    canonical_url = request.build_absolute_uri(address)
    context = {
        "question": question,
        "answers": answers,
        "answer_order": "votes",
        "answer_orders": [
            ("votes", "Most votes", address),
            ("oldest", "Oldest", f"{address}?answers=oldest"),
            ("newest", "Newest", f"{address}?answers=newest"),
        ],
        "canonical_url": canonical_url,
        "description": preview_text(question),
        "structured_data": qa_page(question, answers, viewer=request.user, address=canonical_url),
        "my_votes": votes,
        "answer_form": AnswerForm(member=member),
        "comment_form": CommentForm(member=member, auto_id="id_comment_%s"),
    }
    return render(request, "qa/question_detail.html", context)


def question_list(request):
    """The first page of recent questions. The total comes from the categories' counters, as
    on the real page: a COUNT over every question would make the reference slow in a way no
    one would ship."""
    questions = Post.objects.filter(kind="q", deleted_at__isnull=True)
    total = Category.objects.aggregate(total=Sum("question_count"))["total"] or 0
    tabs = [
        (key, name, reverse("qa:home") if key == "recent" else reverse("qa:questions", args=[key]))
        for key, name in TABS
    ]
    return _first_page(request, questions, total, "Questions", tabs)


def tag(request, name):
    """The first page of a tag's recent questions; the total from the tag's counter."""
    tag = get_object_or_404(Tag, name=name)
    questions = Post.objects.filter(kind="q", deleted_at__isnull=True, tags=tag)
    base = reverse("qa:tag", args=[tag.name])
    tabs = [(key, name, base if key == "recent" else f"{base}?sort={key}") for key, name in TABS]
    heading = f"Questions tagged “{tag.name}”"
    return _first_page(request, questions, tag.question_count, heading, tabs, {"tag": tag})


def _first_page(request, questions, total, heading, tabs, extra=None):
    questions = list(questions.select_related("author", "category").order_by("-id")[:PAGE_SIZE])
    context = {
        "heading": heading,
        "sort": "recent",
        "tabs": tabs,
        "page": SimpleNamespace(
            items=questions,
            number=1,
            page_count=-(-total // PAGE_SIZE),
            total=total,
            first_index=1 if questions else 0,
            last_index=len(questions),
            previous_query=None,
            next_query=f"?after={questions[-1].pk}" if len(questions) == PAGE_SIZE else None,
        ),
        **(extra or {}),
    }
    return render(request, "qa/question_list.html", context)
