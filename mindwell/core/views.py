from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mindwell.core.pagecache import stored_page


@require_safe
def help_now(request: HttpRequest) -> HttpResponse:
    """Crisis resources. Linked from every page, so it must render for anyone, without a
    database query beyond what the site shell needs."""
    return render(request, "core/help_now.html")


@require_safe
@stored_page
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


@require_safe
@stored_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@require_safe
@stored_page
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/terms.html")
