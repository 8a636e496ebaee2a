from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def help_now(request: HttpRequest) -> HttpResponse:
    """Crisis resources. Linked from every page, so it must render for anyone, without a
    database query beyond what the site shell needs."""
    return render(request, "core/help_now.html")
