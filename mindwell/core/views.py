from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def help_now(request: HttpRequest) -> HttpResponse:
    return render(request, "core/help_now.html")
