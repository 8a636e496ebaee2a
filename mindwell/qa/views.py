from django.http import HttpRequest, HttpResponse


def question_list(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
