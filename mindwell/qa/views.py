# Placeholder views; being written.
from django.http import HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponse("")


question_list = category_index = category_questions = tag_index = tag_autocomplete = _todo
tag_questions = ask = preview = question_detail = answer_create = accept = vote = _todo
comment_create = post_edit = post_delete = revisions = comment_delete = _todo
