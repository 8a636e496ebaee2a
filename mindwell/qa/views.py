"""Q&A pages. Each view parses, fetches through access_*, calls one action, and responds."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import IntegerField, Q, Sum, Value
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mindwell.core import ratelimit
from mindwell.core.detour import detour_from
from mindwell.core.errors import ActionError, NeedsConfirmation, NotFound
from mindwell.core.markdown import render_markdown
from mindwell.core.middleware import wants_json
from mindwell.core.pagecache import on_every_hit, shows, stored_page
from mindwell.core.pagination import keyset_page
from mindwell.core.submissions import form_submission
from mindwell.qa import actions, guest_links, policy, reading, suggestions
from mindwell.qa.access import access_comment, access_post, access_question
from mindwell.qa.diff import word_diff
from mindwell.qa.forms import AnswerForm, AskForm, CommentForm, EditForm
from mindwell.qa.models import BODY_MAX, Comment, Post, PostKind, Vote
from mindwell.qa.personal import my_votes
from mindwell.qa.presenters import points_now, preview_text
from mindwell.qa.structured_data import qa_page
from mindwell.qa.topics import QUESTION, QUESTION_LISTS
from mindwell.tags.models import Category, Tag

SORTS = {
    "recent": ("Recent", None, int),
    "hot": ("Hot", "hot_score", float),
    "votes": ("Most votes", "score", int),
    "unanswered": ("Unanswered", None, int),
}


def _member(request: HttpRequest) -> Any:
    return request.user if request.user.is_authenticated else None


def _error_response(request: HttpRequest, error: ActionError, back: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"error": error.message}, status=error.status)
    messages.error(request, error.message)
    return redirect(back)


def _say_posted(request: HttpRequest, item: Post | Comment, posted: str | None) -> None:
    """Tell the writer their item is posted or, when a check held it (waiting for a
    moderator's approval), why only they see it for now."""
    if item.is_held:
        messages.info(request, f"{item.removal_note} Until then only you can see it.")
    elif posted:
        messages.success(request, posted)


def _guest_posted(item: Post | Comment) -> HttpResponse:
    """A guest's new post or comment: they land on the page of its private link, which
    they see there once (guest_links). The redirect carries the secret: no cache keeps it."""
    posted = reverse("qa:guest_link_posted", kwargs={"secret": guest_links.issue_link(item=item)})
    response = redirect(detour_from(posted))
    patch_cache_control(response, private=True, no_store=True)
    return response


# Lists ------------------------------------------------------------------------------------


def _listing(
    request: HttpRequest,
    *,
    queryset: Any,
    sort: str,
    total: int | None,
    heading: str,
    tab_url: Any,
    extra: dict[str, Any] | None = None,
    sort_in_query: bool = False,
) -> HttpResponse:
    """One page of a question list. `sort_in_query`: the sort comes from `?sort=` (category
    and tag lists), so the pager's links carry it."""
    if sort not in SORTS:
        raise Http404("There is no such list.")
    label, field, cast = SORTS[sort]
    # A member's reader controls leave questions out: by tag in the query, by muted words
    # on the rows (the page fills up from the rows that follow). No total then.
    choices = reading.choices_of(request.user)
    queryset = queryset.questions().alive().for_listing(text=bool(choices and choices.reads_text))
    if choices is not None:
        queryset, total = choices.questions(queryset), None
    if sort == "unanswered":
        queryset, total = queryset.filter(answer_count=0), None
    page = keyset_page(
        queryset, request.GET, field=field, cast=cast, size=settings.MINDWELL_PAGE_SIZE,
        total=total, accept=choices.keeps if choices else None,
        keep={"sort": sort} if sort_in_query and sort != "recent" else None,
    )  # fmt: skip
    tabs = [(key, name, tab_url(key)) for key, (name, _, _) in SORTS.items()]
    context = {
        "page": page, "sort": sort, "sort_label": label, "heading": heading, "tabs": tabs,
        "reader_choices": choices,
    }  # fmt: skip
    shows(QUESTION_LISTS())
    return render(request, "qa/question_list.html", {**context, **(extra or {})})


@require_GET
@stored_page
def question_list(request: HttpRequest, sort: str) -> HttpResponse:
    total = Category.objects.aggregate(total=Sum("question_count"))["total"] or 0

    def tab_url(key: str) -> str:
        return reverse("qa:home") if key == "recent" else reverse("qa:questions", args=[key])

    heading = "Questions" if sort == "recent" else f"{SORTS.get(sort, ('',))[0]} questions"
    return _listing(
        request, queryset=Post.objects.all(), sort=sort, total=total, heading=heading,
        tab_url=tab_url,
    )  # fmt: skip


@require_GET
@stored_page
def category_questions(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    children = list(category.children.all())
    ids = [category.pk, *(child.pk for child in children)]
    total = category.question_count + sum(child.question_count for child in children)
    sort = request.GET.get("sort", "recent")
    base = reverse("qa:category", args=[slug])
    return _listing(
        request,
        queryset=Post.objects.in_categories(ids, count=total),
        sort=sort,
        total=total,
        heading=category.name,
        tab_url=lambda key: base if key == "recent" else f"{base}?sort={key}",
        extra={"category": category, "children": children},
        sort_in_query=True,
    )


@require_GET
@stored_page
def tag_questions(request: HttpRequest, name: str) -> HttpResponse:
    tag = get_object_or_404(Tag, name=name.lower())
    sort = request.GET.get("sort", "recent")
    base = reverse("qa:tag", args=[tag.name])
    choices = reading.choices_of(request.user)
    # A tag the member hides: nothing to read through, however long its list.
    hidden = choices is not None and choices.hides_tag(tag.name)
    return _listing(
        request,
        queryset=Post.objects.none() if hidden else Post.objects.tagged(tag),
        sort=sort,
        total=tag.question_count,
        heading=f"Questions tagged “{tag.name}”",
        tab_url=lambda key: base if key == "recent" else f"{base}?sort={key}",
        extra={"tag": tag, "tag_hidden": hidden},
        sort_in_query=True,
    )


@require_GET
@stored_page
def category_index(request: HttpRequest) -> HttpResponse:
    categories = list(Category.objects.all())
    top = [c for c in categories if c.parent_id is None]
    for parent in top:
        parent.child_list = [c for c in categories if c.parent_id == parent.pk]  # type: ignore[attr-defined]
        parent.total = parent.question_count + sum(c.question_count for c in parent.child_list)  # type: ignore[attr-defined]
    shows(QUESTION_LISTS())
    return render(request, "qa/category_index.html", {"categories": top})


@require_GET
@stored_page
def tag_index(request: HttpRequest) -> HttpResponse:
    page = keyset_page(
        Tag.objects.filter(question_count__gt=0), request.GET, field="question_count",
        size=60,
    )  # fmt: skip
    shows(QUESTION_LISTS())
    return render(request, "qa/tag_index.html", {"page": page})


@require_GET
def tag_autocomplete(request: HttpRequest) -> JsonResponse:
    prefix = request.GET.get("q", "").strip().lower()[:32]
    tags = (
        Tag.objects.filter(name__startswith=prefix, question_count__gt=0)
        .order_by("-question_count", "name")
        .values("name", "question_count")[:10]
        if prefix
        else []
    )
    return JsonResponse({"tags": list(tags)})


# Asking and the question page -------------------------------------------------------------


def ask(request: HttpRequest) -> HttpResponse:
    policy.refuse_suspended(request.user)
    member = _member(request)
    form = AskForm(request.POST or None, member=member is not None)
    preview_html = None
    similar: list[suggestions.Suggestion] = []
    refusal: ActionError | None = None
    confirmation: NeedsConfirmation | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            preview_html = render_markdown(data["body"])
            # Already asked? The questions that look alike, to read before posting.
            similar = suggestions.for_draft(
                title=data["title"], body=data["body"], tags=str(data["tags"]).split()
            )
        else:
            try:
                ratelimit.hit("ask", request=request)
                question = actions.ask_question(
                    author=member, title=data["title"], body=data["body"],
                    category=data["category"], tags=data["tags"],
                    content_note=data["content_note"],
                    keep_out_of_search=data["keep_out_of_search"],
                    submission=form_submission(request), confirmed=data["confirmed"],
                    **form.identity(),
                )  # fmt: skip
            except NeedsConfirmation as asked:
                refusal = confirmation = asked  # the form comes back with what to confirm
            except ActionError as error:
                form.add_action_error(error)
                refusal = error
            else:
                if member is None:
                    return _guest_posted(question)
                _say_posted(request, question, "Your question is posted.")
                return redirect(detour_from(question.get_absolute_url()))
    status = refusal.status if refusal else 400 if form.errors else 200
    context = {
        "form": form,
        "preview_html": preview_html,
        "confirmation": confirmation,
        "similar": similar,
        "similar_url": suggestions.draft_url(),
    }
    # Over a rate limit, the form comes back with its text: 429, and when to try again.
    return ratelimit.with_retry_after(
        render(request, "qa/ask.html", context, status=status), refusal
    )


@require_POST
def preview(request: HttpRequest) -> JsonResponse:
    body = request.POST.get("body", "")[:BODY_MAX]
    return JsonResponse({"html": render_markdown(body)})


# How answers may be ordered on a question page: the best answer always comes first. The
# first is the default and has no query string, so each order has exactly one address.
ANSWER_ORDERS = {
    "votes": ("Most votes", ("-score", "created_at", "pk")),
    "oldest": ("Oldest", ("created_at", "pk")),
    "newest": ("Newest", ("-created_at", "-pk")),
}
DEFAULT_ANSWER_ORDER = "votes"


# A question that a member's reader controls hide is shown to them at this address.
SHOW_ONCE = "show=once"


def _answer_order_query(order: str, *, shown_once: bool = False) -> str:
    parts = [] if order == DEFAULT_ANSWER_ORDER else [f"answers={order}"]
    return "&".join([*parts, SHOW_ONCE] if shown_once else parts)


def _answer_order_address(address: str, order: str, *, shown_once: bool = False) -> str:
    query = _answer_order_query(order, shown_once=shown_once)
    return f"{address}?{query}" if query else address


def _question_page(
    request: HttpRequest,
    question: Post,
    *,
    order: str = DEFAULT_ANSWER_ORDER,
    answer_form: AnswerForm | None = None,
    confirmation: NeedsConfirmation | None = None,
    failed_comment: tuple[int, CommentForm] | None = None,
    status: int = 200,
    shown_once: bool = False,
) -> HttpResponse:
    user = request.user
    member = _member(request)
    choices = reading.choices_of(user)
    # The questions closed as duplicates of this one come in the answers' query: the page
    # lists them, and its number of queries stays the same.
    duplicate_of_this = Q(duplicate_of=question, kind=PostKind.QUESTION, deleted_at__isnull=True)
    # So do its related questions, when an app suggests them (qa.suggestions), ranked.
    related_rows = suggestions.related_rows(question.pk)
    rows = list(
        Post.objects.visible_to(user)
        .filter(
            Q(question=question)
            | duplicate_of_this
            | (related_rows.where if related_rows else Q(pk__in=[]))
        )
        .annotate(related_rank=related_rows.rank if related_rows else Value(None, IntegerField()))
        .select_related("author", "last_editor")
        .order_by("-is_accepted", *ANSWER_ORDERS[order][1])
    )
    answers = [row for row in rows if row.question_id == question.pk]
    kept = [row for row in rows if row.is_question and (choices is None or choices.keeps(row))]
    duplicates = sorted(
        (row for row in kept if row.duplicate_of_id == question.pk), key=lambda row: row.pk
    )
    related = sorted(
        # Not the question this one duplicates: the closed notice links it already.
        (
            row
            for row in kept
            if getattr(row, "related_rank", None)
            and row.pk not in (question.pk, question.duplicate_of_id)
        ),
        key=lambda row: int(getattr(row, "related_rank", 0)),
    )
    for answer in answers:
        answer.question = question  # the policy reads the thread's state: no query each
    posts = [question, *answers]
    by_id = {post.pk: post for post in posts}
    comments: dict[int, list[Comment]] = {post.pk: [] for post in posts}
    for comment in (
        Comment.objects.visible_to(user)
        .filter(post__in=posts)
        .select_related("author")
        .order_by("pk")
    ):
        comment.post = by_id[comment.post_id]
        comments[comment.post_id].append(comment)
    # A comment sent back with its problems is shown again, open, under its post.
    failed_post_id, failed_form = failed_comment or (None, None)
    for post in posts:
        post.comment_list = comments[post.pk]  # type: ignore[attr-defined]
        post.failed_comment_form = failed_form if post.pk == failed_post_id else None  # type: ignore[attr-defined]
    if choices is not None:  # answers and comments with a word the reader muted are folded
        for answer in answers:
            answer.muted = choices.mutes(answer)
        for comment_list in comments.values():
            for comment in comment_list:
                comment.muted = choices.mutes(comment)
    # The members it shows are declared by the writer presenter as it renders them.
    # Its notice names the original, and its list the duplicates: their titles show here.
    originals = [question.duplicate_of_id] if question.duplicate_of_id else []
    shows(*(QUESTION(pk) for pk in [question.pk, *originals, *(d.pk for d in duplicates)]))
    if related_rows:
        shows(*(related_rows.shows(row.pk) for row in related))
    identity = {"member": member is not None}
    address = question.get_absolute_url()
    canonical_url = request.build_absolute_uri(address)
    orders = [
        (key, label, _answer_order_address(address, key, shown_once=shown_once))
        for key, (label, _) in ANSWER_ORDERS.items()
    ]
    context = {
        "question": question,
        "answers": answers,
        "duplicates": duplicates,
        "related": related,
        "protected_answer_points": settings.MINDWELL_PROTECTED_ANSWER_POINTS,
        "answer_order": order,
        "answer_orders": orders,
        "canonical_url": canonical_url,
        "description": preview_text(question),
        "structured_data": qa_page(question, answers, viewer=user, address=canonical_url),
        "answer_form": answer_form or AnswerForm(**identity),
        "confirmation": confirmation,
        "comment_form": CommentForm(**identity, auto_id="id_comment_%s"),
        # Read only if a vote block is rendered for this member: a shared page being
        # recorded keeps every variant, and personalising it reads the votes itself.
        "my_votes": SimpleLazyObject(
            lambda: my_votes(member, [post.pk for post in posts]) if member else {}
        ),
    }
    return render(request, "qa/question_detail.html", context, status=status)


@require_GET
@stored_page
def question_detail(
    request: HttpRequest, question_id: str, slug: str | None = None
) -> HttpResponse:
    question = access_post(request.user, question_id)
    order = request.GET.get("answers", DEFAULT_ANSWER_ORDER)
    if order not in ANSWER_ORDERS:
        order = DEFAULT_ANSWER_ORDER
    # Why the member's reader controls hide it, if they do; "show once" is its own address.
    choices = reading.choices_of(request.user)
    hidden = choices.hides(question) if choices and question.is_question else None
    shown_once = hidden is not None and request.GET.get("show") == "once"
    canonical_query = _answer_order_query(order, shown_once=shown_once)
    if (
        slug != question.slug
        or not question.is_question
        or request.META.get("QUERY_STRING", "") != canonical_query
    ):
        # Old or shortened links, links to an answer, and any query string but a known
        # order of answers go to the canonical address: pages are stored per address, so
        # there is one stored page per order however many addresses are tried.
        if not question.is_question:
            return redirect(question.get_absolute_url(), permanent=True)
        address = _answer_order_address(question.get_absolute_url(), order, shown_once=shown_once)
        # Whether "show once" applies depends on the member's settings: never a lasting 301.
        return redirect(address, permanent="show" not in request.GET)
    if hidden is not None and choices is not None and not shown_once:
        return _hidden_question(request, question, reason=hidden, choices=choices, order=order)
    actions.record_view(question=question)
    on_every_hit("question_view", question.pk)  # the stored page still counts each view
    return _question_page(request, question, order=order, shown_once=shown_once)


def _hidden_question(
    request: HttpRequest, question: Post, *, reason: str, choices: reading.Choices, order: str
) -> HttpResponse:
    """What a member sees of a question their reader controls hide: why, and a way to read it
    this once. Nothing of its content, not even its title."""
    shows(QUESTION(question.pk))  # its tags or text may change, and it may be shown again
    context = {
        "reason": reason,
        "settings_url": choices.settings_url,
        "show_once_url": _answer_order_address(question.get_absolute_url(), order, shown_once=True),
    }
    return render(request, "qa/question_hidden.html", context)


@require_POST
def answer_create(request: HttpRequest, question_id: str) -> HttpResponse:
    policy.refuse_suspended(request.user)
    question = access_question(request.user, question_id)
    member = _member(request)
    form = AnswerForm(request.POST, member=member is not None)
    refusal: ActionError | None = None
    confirmation: NeedsConfirmation | None = None
    if form.is_valid():
        try:
            ratelimit.hit("answer", request=request)
            answer = actions.post_answer(
                question=question, author=member, body=form.cleaned_data["body"],
                submission=form_submission(request), confirmed=form.cleaned_data["confirmed"],
                **form.identity(),
            )  # fmt: skip
        except NeedsConfirmation as asked:
            refusal = confirmation = asked
        except ActionError as error:
            form.add_action_error(error)
            refusal = error
        else:
            if member is None:
                return _guest_posted(answer)
            _say_posted(request, answer, "Thank you: your answer is posted.")
            return redirect(detour_from(answer.get_absolute_url()))
    status = refusal.status if refusal else 400
    page = _question_page(
        request, question, answer_form=form, confirmation=confirmation, status=status
    )
    return ratelimit.with_retry_after(page, refusal)


@require_POST
def comment_create(request: HttpRequest, post_id: str) -> HttpResponse:
    policy.refuse_suspended(request.user)
    post = access_post(request.user, post_id)
    member = _member(request)
    form = CommentForm(request.POST, member=member is not None, auto_id=f"comment-%s-{post.pk}")
    status, refusal = 400, None
    if form.is_valid():
        try:
            ratelimit.hit("comment", request=request)
            comment = actions.add_comment(
                post=post, author=member, body=form.cleaned_data["body"],
                submission=form_submission(request), **form.identity(),
            )  # fmt: skip
        except ActionError as error:
            form.add_action_error(error)
            status, refusal = error.status, error
        else:
            if member is None:
                return _guest_posted(comment)
            _say_posted(request, comment, None)
            return redirect(detour_from(comment.get_absolute_url()))
    if wants_json(request):
        problems = [str(error) for errors in form.errors.values() for error in errors]
        response: HttpResponse = JsonResponse({"error": " ".join(problems)}, status=status)
    else:
        response = _question_page(
            request, post.thread, failed_comment=(post.pk, form), status=status
        )
    return ratelimit.with_retry_after(response, refusal)


@require_POST
def vote(request: HttpRequest, post_id: str) -> HttpResponse:
    post = access_post(request.user, post_id)
    back = post.get_absolute_url()
    if not request.user.is_authenticated:  # a guest is sent to log in, and back
        return _error_response(
            request,
            ActionError("Log in to vote.", status=401),
            f"{reverse('accounts:login')}?next={back}",
        )
    policy.refuse_suspended(request.user)
    value = {"up": Vote.UP, "down": Vote.DOWN, "none": 0}.get(request.POST.get("value", ""))
    if value is None:
        return _error_response(request, ActionError("A vote is up, down or none."), back)
    ratelimit.hit("vote", request=request)  # over the limit: the 429 page, or JSON
    try:
        post = actions.cast_vote(user=request.user, post=post, value=value)
    except ActionError as error:
        return _error_response(request, error, back)
    if wants_json(request):
        points = points_now([post], request.user)
        return JsonResponse({"score": post.score, "my_vote": value, "points": points})
    return redirect(back)


@require_POST
def accept(request: HttpRequest, question_id: str) -> HttpResponse:
    question = access_question(request.user, question_id, may=policy.can_accept)
    raw = request.POST.get("answer", "")
    answer = None if raw == "none" else access_post(request.user, raw)
    # The choice moves the points of the writers of the earlier and the new best answer.
    earlier = (
        list(Post.objects.filter(question=question, is_accepted=True))
        if wants_json(request)
        else []
    )
    try:
        result = actions.accept_answer(question=question, answer=answer, by=request.user)  # type: ignore[arg-type]
    except ActionError as error:
        return _error_response(request, error, question.get_absolute_url())
    if wants_json(request):
        points = points_now([*earlier, result], request.user)
        return JsonResponse({"accepted": None if answer is None else result.pk, "points": points})
    return redirect(question.get_absolute_url() if answer is None else answer.get_absolute_url())


# Editing, deleting and history ------------------------------------------------------------


@login_required
def post_edit(request: HttpRequest, post_id: str) -> HttpResponse:
    policy.refuse_suspended(request.user)
    post = access_post(request.user, post_id, may=policy.can_edit)
    return edit_page(request, post, editor=request.user, done=post.get_absolute_url())


def edit_page(request: HttpRequest, post: Post, *, editor: Any, done: str) -> HttpResponse:
    """The edit form of a post `editor` may edit, and its handling; `done` is where a saved
    edit, or Cancel, goes. Members and guests with their private link share it."""
    initial = {
        "title": post.title, "body": post.body, "category": post.category_id,
        "tags": post.tag_names, "content_note": post.content_note,
        "keep_out_of_search": post.keep_out_of_search,
    }  # fmt: skip
    form = EditForm(request.POST or None, initial=initial, is_question=post.is_question)
    status = 200
    confirmation = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = actions.edit_post(
                post=post, editor=editor, body=data["body"],
                title=data.get("title"), tags=data.get("tags"), category=data.get("category"),
                content_note=data.get("content_note"),
                keep_out_of_search=data.get("keep_out_of_search"), reason=data["reason"],
                confirmed=data["confirmed"],
            )  # fmt: skip
        except NeedsConfirmation as asked:
            confirmation, status = asked, asked.status
        except ActionError as error:
            form.add_action_error(error)
            status = error.status
        else:
            _say_posted(request, post, "Your edit is saved.")
            return redirect(detour_from(done))
    if form.errors and status == 200:
        status = 400
    context = {"form": form, "post": post, "done": done, "confirmation": confirmation}
    return render(request, "qa/edit.html", context, status=status)


@require_POST
@login_required
def post_delete(request: HttpRequest, post_id: str) -> HttpResponse:
    post = access_post(request.user, post_id, may=policy.is_author_or_moderator)
    # An author whose post others' work depends on is refused with the reason (403).
    actions.delete_post(post=post, by=request.user)  # type: ignore[arg-type]
    messages.success(request, "The post is deleted.")
    return redirect(reverse("qa:home") if post.is_question else post.thread.get_absolute_url())


@require_POST
@login_required
def post_restore(request: HttpRequest, post_id: str) -> HttpResponse:
    post = access_post(request.user, post_id, may=policy.can_restore)
    try:
        actions.restore_post(post=post, by=request.user)  # type: ignore[arg-type]
    except ActionError as error:
        return _error_response(request, error, post.get_absolute_url())
    messages.success(request, "The post is restored.")
    return redirect(post.get_absolute_url())


@require_http_methods(["GET", "POST"])
@login_required
def comment_delete(request: HttpRequest, comment_id: str) -> HttpResponse:
    """GET asks to confirm (the page without JavaScript); POST deletes, then offers the undo."""
    comment = access_comment(request.user, comment_id, may=policy.can_delete)
    if request.method == "GET":
        return render(request, "qa/comment_confirm.html", {"comment": comment, "deleting": True})
    actions.delete_comment(comment=comment, by=request.user)  # type: ignore[arg-type]
    undo = reverse("qa:comment_restore", args=[comment.pk])
    if wants_json(request):
        return JsonResponse({"deleted": comment.pk, "undo": undo})
    return redirect(undo)


@require_http_methods(["GET", "POST"])
@login_required
def comment_restore(request: HttpRequest, comment_id: str) -> HttpResponse:
    """GET shows the deleted comment with its Undo (or Restore) button; POST brings it back."""
    comment = access_comment(request.user, comment_id, may=policy.can_restore, deleted=True)
    if request.method == "GET":
        return render(request, "qa/comment_confirm.html", {"comment": comment, "deleting": False})
    back = comment.get_absolute_url()
    try:
        actions.restore_comment(comment=comment, by=request.user)  # type: ignore[arg-type]
    except ActionError as error:
        return _error_response(request, error, back)
    if wants_json(request):
        return JsonResponse({"restored": comment.pk})
    messages.success(request, "The comment is back.")
    return redirect(back)


@require_POST
@login_required
def post_rollback(request: HttpRequest, post_id: str, number: int) -> HttpResponse:
    policy.refuse_suspended(request.user)
    post = access_post(request.user, post_id, may=policy.can_edit)
    try:
        actions.rollback_post(post=post, editor=request.user, number=number)  # type: ignore[arg-type]
    except NotFound:
        raise  # no such revision, or the post is gone: the 404 page
    except ActionError as error:
        return _error_response(request, error, reverse("qa:revisions", args=[post.pk]))
    messages.success(request, f"Rolled back to revision {number}.")
    return redirect(post.get_absolute_url())


@require_GET
def revisions(request: HttpRequest, post_id: str) -> HttpResponse:
    post = access_post(request.user, post_id)
    history = list(post.revisions.select_related("editor").order_by("number"))
    rows = []
    previous = None
    for revision in history:
        rows.append(
            {
                "revision": revision,
                "title_diff": word_diff(previous.title if previous else "", revision.title),
                "body_diff": word_diff(previous.body if previous else "", revision.body),
                "tags_diff": word_diff(previous.tag_names if previous else "", revision.tag_names),
                "note_diff": word_diff(
                    previous.content_note if previous else "", revision.content_note
                ),
            }
        )
        previous = revision
    rows.reverse()
    return render(request, "qa/revisions.html", {"post": post, "rows": rows})
