"""The pages of a guest's private link (guest_links, decision 0011): one post or comment,
no account, and never kept by any cache. The site's referrer policy (same-origin) already
keeps their address from other sites."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_POST

from mindwell.core.errors import ActionError
from mindwell.qa import actions, guest_links, policy
from mindwell.qa.guest_links import InvalidLink, find_link, holder_of, is_removed, link_path
from mindwell.qa.models import Comment, GuestLink
from mindwell.qa.views import edit_page


def private_link_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page whose address is a secret: stored by no cache, not indexed. A link that does
    not work gets the one page that explains it (404).

    Not `Referrer-Policy: no-referrer`: with it, browsers send `Origin: null` with the
    page's forms, and Django's CSRF check refuses them."""

    @wraps(view)
    def wrapper(request: HttpRequest, secret: str) -> HttpResponse:
        try:
            response = view(request, secret)
        except InvalidLink:
            context = {
                "days": settings.MINDWELL_GUEST_LINK_DAYS,
                "moderators": settings.MINDWELL_MODERATORS_EMAIL,
            }
            response = render(request, "qa/guest_link_invalid.html", context, status=404)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


def _page(request: HttpRequest, secret: str, link: GuestLink, *, just_posted: bool) -> HttpResponse:
    item = link.item
    context = {
        "secret": secret,
        "item": item,
        "kind": guest_links.kind_of(item),
        "link": link,
        "removed": is_removed(item),
        "can_edit": not isinstance(item, Comment),
        # Why the guest may not delete it (others' best or upvoted answers), or None.
        "kept_because": policy.why_kept(item),
        "just_posted": just_posted,
        "link_url": request.build_absolute_uri(link_path(secret)),
        "moderators": settings.MINDWELL_MODERATORS_EMAIL,
    }
    return render(request, "qa/guest_link.html", context)


@require_GET
@private_link_page
def posted(request: HttpRequest, secret: str) -> HttpResponse:
    """Where a guest lands after posting: the link, shown to them once, with their item."""
    return _page(request, secret, find_link(secret), just_posted=True)


@require_GET
@private_link_page
def manage(request: HttpRequest, secret: str) -> HttpResponse:
    return _page(request, secret, find_link(secret), just_posted=False)


@private_link_page
def edit(request: HttpRequest, secret: str) -> HttpResponse:
    link = find_link(secret)
    if link.post is None or is_removed(link.post):
        return redirect(link_path(secret))
    return edit_page(request, link.post, editor=holder_of(link), done=link_path(secret))


@require_POST
@private_link_page
def delete(request: HttpRequest, secret: str) -> HttpResponse:
    link = find_link(secret)
    holder = holder_of(link)
    try:
        if link.post is not None:
            actions.delete_post(post=link.post, by=holder)
        elif link.comment is not None:
            actions.delete_comment(comment=link.comment, by=holder)
    except ActionError as error:
        messages.error(request, error.message)
    return redirect(link_path(secret))
