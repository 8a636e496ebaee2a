from django.urls import URLPattern, path

from mindwell.search import views

app_name = "search"

urlpatterns: list[URLPattern] = [
    path("questions/similar/", views.similar_questions, name="similar"),
]
