from django.urls import include, path

app_name = "moderation"

# Each area of moderation keeps its own views and URL patterns in views/<area>.py.
urlpatterns = [
    path("", include("mindwell.moderation.views.flags")),
    path("", include("mindwell.moderation.views.review")),
    path("", include("mindwell.moderation.views.closing")),
    path("", include("mindwell.moderation.views.members")),
    path("", include("mindwell.moderation.views.audit")),
    path("", include("mindwell.moderation.views.rules")),
]
