from django.urls import path

from mindwell.notifications import link_views, views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox_page, name="inbox"),
    path("read/", views.mark_read, name="mark_read"),
    path("settings/", views.email_settings, name="settings"),
    path("unsubscribe/<str:token>/", link_views.unsubscribe, name="unsubscribe"),
    path("confirm/<str:token>/", link_views.confirm_guest, name="confirm_guest"),
]
