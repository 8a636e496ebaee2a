from django.urls import include, path

from bench import reference

# Named as the real pages, so that the header marks them as the current page too.
urlpatterns = [
    path("reference/q/<int:question_id>/", reference.question),
    path("reference/tag/<str:name>/", reference.tag, name="tag"),
    path("reference/", reference.question_list, name="home"),
    path("", include("config.urls")),
]
