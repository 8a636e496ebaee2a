# Placeholder; being written.
from django.http import HttpRequest, HttpResponse


def profile(request: HttpRequest, username: str) -> HttpResponse:
    return HttpResponse("")
