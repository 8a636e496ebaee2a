from django.urls import path

from mindwell.notifications import follow_views, link_views, views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox_page, name="inbox"),
    path("read/", views.mark_read, name="mark_read"),
    path("<str:notification_id>/open", views.open_notification, name="open"),
    path("settings/", views.email_settings, name="email_settings"),
    path("settings/<str:switch>", views.email_switch, name="email_switch"),
    path("follow/", follow_views.follow, name="follow"),
    path("following/", follow_views.following_page, name="following"),
    path("following/<str:tab>/", follow_views.following_page, name="following_tab"),
    path("mentions/<str:question_id>/", views.mention_names, name="mentions"),
    path("unsubscribe/<str:token>/", link_views.unsubscribe, name="unsubscribe"),
    path("confirm/<str:token>/", link_views.confirm_guest, name="confirm_guest"),
]
