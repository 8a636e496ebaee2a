from django.urls import path

from mindwell.qa import guest_link_views, profile, views

app_name = "qa"

urlpatterns = [
    path("", views.question_list, {"sort": "recent"}, name="home"),
    path("questions/<str:sort>/", views.question_list, name="questions"),
    path("categories/", views.category_index, name="categories"),
    path("category/<slug:slug>/", views.category_questions, name="category"),
    path("tags/", views.tag_index, name="tags"),
    path("tags/autocomplete/", views.tag_autocomplete, name="tag_autocomplete"),
    path("tag/<str:name>/", views.tag_questions, name="tag"),
    path("ask/", views.ask, name="ask"),
    path("preview/", views.preview, name="preview"),
    path("q/<str:question_id>/", views.question_detail, name="question_short"),
    path("q/<str:question_id>/<slug:slug>/", views.question_detail, name="question"),
    path("q/<str:question_id>/answer", views.answer_create, name="answer"),
    path("q/<str:question_id>/accept", views.accept, name="accept"),
    path("post/<str:post_id>/vote", views.vote, name="vote"),
    path("post/<str:post_id>/comment", views.comment_create, name="comment"),
    path("post/<str:post_id>/edit/", views.post_edit, name="edit"),
    path("post/<str:post_id>/delete", views.post_delete, name="delete"),
    path("post/<str:post_id>/restore", views.post_restore, name="restore"),
    path("post/<str:post_id>/revisions/", views.revisions, name="revisions"),
    path(
        "post/<str:post_id>/revisions/<int:number>/rollback",
        views.post_rollback,
        name="rollback",
    ),
    path("comment/<str:comment_id>/delete", views.comment_delete, name="comment_delete"),
    path("comment/<str:comment_id>/restore", views.comment_restore, name="comment_restore"),
    path("u/<str:username>/", profile.profile, name="profile"),
    path("u/<str:username>/<str:tab>/", profile.profile, name="profile_tab"),
    path("guest/<str:secret>/", guest_link_views.manage, name="guest_link"),
    path("guest/<str:secret>/posted", guest_link_views.posted, name="guest_link_posted"),
    path("guest/<str:secret>/edit/", guest_link_views.edit, name="guest_link_edit"),
    path("guest/<str:secret>/delete", guest_link_views.delete, name="guest_link_delete"),
]
