from django.urls import include, path

from bench import reference

urlpatterns = [
    path("reference/q/<int:question_id>/", reference.question),
    path("reference/", reference.question_list),
    path("", include("config.urls")),
]
