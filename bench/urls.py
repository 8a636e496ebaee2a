from django.urls import include, path

from bench import reference

urlpatterns = [
    path("reference/q/<int:question_id>/", reference.question),
    # Named as the real home page, so that the header marks it as the current page too.
    path("reference/", reference.question_list, name="home"),
    path("", include("config.urls")),
]
