from django.contrib import admin
from django.urls import include, path

from mindwell.core import views as core_views
from mindwell.safety import crawler_views, help_page
from mindwell.safety import views as safety_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("help-now/", help_page.help_now, name="help_now"),
    path("about/", core_views.about, name="about"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("terms/", core_views.terms, name="terms"),
    # Under the account settings, though safety keeps them (reader controls).
    path("accounts/settings/reading/", safety_views.reader_settings, name="reader_settings"),
    path("", include("mindwell.accounts.urls")),
    # Before qa: /questions/similar/ is search's, not a list order of qa's /questions/<sort>/.
    path("", include("mindwell.search.urls")),
    path("", include("mindwell.qa.urls")),
    path("moderation/", include("mindwell.moderation.urls")),
    path("support/", include("mindwell.safety.urls")),
    path("notifications/", include("mindwell.notifications.urls")),
    # What crawlers read at the site's root (mindwell/safety/crawlers.py).
    path("robots.txt", crawler_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", crawler_views.sitemap_index, name="sitemap"),
    path("sitemap/questions-<int:number>.xml", crawler_views.sitemap_part, name="sitemap_part"),
]
