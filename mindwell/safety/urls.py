from django.urls import path

from mindwell.safety import redaction_views, support, views

app_name = "safety"

urlpatterns = [
    path("posted/<str:token>/", support.support_after_posting, name="support_after_posting"),
    path("questions/", views.support_list, name="support_list"),
    path("questions/helping", views.support_helping, name="support_helping"),
    path("reply/<str:item_id>/", views.reply, name="reply"),
    path("redact/<str:post_id>/", redaction_views.redact, name="redact"),
]
