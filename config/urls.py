from django.contrib import admin
from django.urls import include, path

from mindwell.core import views as core_views
from mindwell.safety import help_page

urlpatterns = [
    path("admin/", admin.site.urls),
    path("help-now/", help_page.help_now, name="help_now"),
    path("about/", core_views.about, name="about"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("terms/", core_views.terms, name="terms"),
    path("", include("mindwell.accounts.urls")),
    path("", include("mindwell.qa.urls")),
    path("moderation/", include("mindwell.moderation.urls")),
    path("support/", include("mindwell.safety.urls")),
]
