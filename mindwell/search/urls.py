from django.urls import path

from mindwell.search import views

app_name = "search"

urlpatterns = [
    path("search/", views.search_results, name="results"),
    path("search/help/", views.search_help, name="help"),
]
