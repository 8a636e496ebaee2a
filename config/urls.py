from django.contrib import admin
from django.urls import include, path

from mindwell.core import views as core_views
from mindwell.safety import views as safety_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("help-now/", safety_views.help_now, name="help_now"),
    path("about/", core_views.about, name="about"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("terms/", core_views.terms, name="terms"),
    path("", include("mindwell.accounts.urls")),
    path("", include("mindwell.qa.urls")),
    path("moderation/", include("mindwell.moderation.urls")),
]
