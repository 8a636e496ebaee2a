from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mindwell.core.pagecache import stored_page


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
