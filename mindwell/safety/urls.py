from django.urls import path

from mindwell.safety import crawler_views, redaction_views

app_name = "safety"

# Mounted at the site root: robots.txt and the sitemap must be there.
urlpatterns = [
    path("robots.txt", crawler_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", crawler_views.sitemap_index, name="sitemap"),
    path("sitemap/questions-<int:number>.xml", crawler_views.sitemap_part, name="sitemap_part"),
    path("safety/redact/<str:post_id>/", redaction_views.redact, name="redact"),
]
