from django.urls import URLPattern, path

from mindwell.search import feeds, views

app_name = "search"

urlpatterns: list[URLPattern] = [
    path("questions/similar/", views.similar_questions, name="similar"),
    path("search/", views.search_results, name="results"),
    path("search/help/", views.search_help, name="help"),
    # Atom feeds (feeds.py): the newest questions, of a category, of a tag; a question's answers.
    path("feeds/questions/", feeds.recent_questions, name="recent_feed"),
    path("feeds/category/<slug:slug>/", feeds.category_questions, name="category_feed"),
    path("feeds/tag/<str:name>/", feeds.tag_questions, name="tag_feed"),
    path("feeds/question/<str:question_id>/", feeds.question_answers, name="question_feed"),
]
