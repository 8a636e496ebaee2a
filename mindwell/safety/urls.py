from django.urls import include, path

app_name = "safety"

# Mounted at the site root. Each area keeps its own views and URL patterns in views/<area>.py.
urlpatterns = [
    path("", include("mindwell.safety.views.reader")),
]
