from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "accounts"

# Mounted at the site root: every path here starts with "accounts/".
urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
