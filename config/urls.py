from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("mindwell.accounts.urls")),
    path("", include("mindwell.qa.urls")),
]
