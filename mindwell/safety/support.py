"""The support page an author sees at once when what they posted reads as crisis (checks):
calm, dismissible, with two or three crisis options for their region, an honest answer to
"will they send the police?", and the way on: to their post, to edit it, or to every
resource. Its address is signed and names the item and where the author was going, so it
works for guests as for members and shows nothing of the post itself."""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from mindwell.qa.models import Comment, Post, Removal
from mindwell.safety.regions import crisis_options, region_for

SALT = "mindwell.safety.support"
VALID_FOR = 7 * 24 * 3600  # a week: the author may come back to it from their history


def support_page_url(item: Post | Comment, *, next_url: str) -> str:
    kind = "c" if isinstance(item, Comment) else "p"
    token = signing.dumps({"k": kind, "i": item.pk, "n": next_url}, salt=SALT, compress=True)
    return reverse("safety:support_after_posting", kwargs={"token": token})


def support_after_posting(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data: dict[str, Any] = signing.loads(token, salt=SALT, max_age=VALID_FOR)
        kind, pk, next_url = data["k"], int(data["i"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise Http404("This link is not valid any more.") from error
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts=None):
        raise Http404("This link is not valid any more.")
    item: Post | Comment | None = (
        Comment.objects.filter(pk=pk).first() if kind == "c" else Post.objects.filter(pk=pk).first()
    )
    if item is None:
        raise Http404("This post is no longer here.")
    region = region_for(request)
    edit_url = None
    if (
        isinstance(item, Post)
        and request.user.is_authenticated
        and item.author_id == request.user.pk
    ):
        edit_url = reverse("qa:edit", kwargs={"post_id": item.pk})
    context = {
        "item_kind": _kind_name(item),
        "held": item.removal == Removal.HELD,
        "waiting": item.removal == Removal.WAITING,
        "next_url": next_url,
        "edit_url": edit_url,
        "region": region,
        "options": crisis_options(region, limit=3),
    }
    response = render(request, "safety/support_after_posting.html", context)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def _kind_name(item: Post | Comment) -> str:
    if isinstance(item, Comment):
        return "comment"
    return "question" if item.is_question else "answer"
