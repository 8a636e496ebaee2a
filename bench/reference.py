"""The reference: the same pages written plainly, the way a first Django version would be.

Django templates, the ORM with select_related and prefetch_related, no caching of any
kind, the same rows as the real pages. Mounted only by bench/settings.py.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from mindwell.qa.models import Comment, Post, Vote


def question(request, question_id):
    question = get_object_or_404(
        Post.objects.select_related("author", "category", "category__parent", "last_editor"),
        pk=question_id,
        kind="q",
        deleted_at__isnull=True,
    )
    comments = Prefetch(
        "comments",
        queryset=Comment.objects.filter(deleted_at__isnull=True).select_related("author"),
    )
    question = (
        Post.objects.prefetch_related(comments)
        .select_related("author", "category", "category__parent", "last_editor")
        .get(pk=question.pk)
    )
    answers = (
        Post.objects.filter(question=question, deleted_at__isnull=True)
        .select_related("author", "last_editor")
        .prefetch_related(comments)
        .order_by("-is_accepted", "-score", "created_at")
    )
    votes = {}
    if request.user.is_authenticated:
        votes = dict(
            Vote.objects.filter(user=request.user, post__in=[question, *answers]).values_list(
                "post_id", "value"
            )
        )
    for post in [question, *answers]:
        post.my_vote = votes.get(post.pk, 0)
    return render(
        request, "bench/reference_question.html", {"question": question, "answers": answers}
    )


def question_list(request):
    questions = (
        Post.objects.filter(kind="q", deleted_at__isnull=True)
        .select_related("author", "category")
        .order_by("-id")[:20]
    )
    return render(request, "bench/reference_list.html", {"questions": questions})
