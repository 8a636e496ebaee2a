from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from mindwell.accounts import professional_views, views
from mindwell.accounts.forms import NewPasswordForm

app_name = "accounts"

# Mounted at the site root: every path here starts with "accounts/".
urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/signup/check-your-email/", views.signup_done, name="signup_done"),
    path("accounts/signup/complete/<str:token>/", views.complete_signup, name="complete_signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.logout_view, name="logout"),
    path("accounts/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("accounts/settings/", views.settings_view, name="settings"),
    path("accounts/settings/email/", views.change_email, name="change_email"),
    path(
        "accounts/settings/resend-confirmation/",
        views.resend_confirmation,
        name="resend_confirmation",
    ),
    path("accounts/professional/", professional_views.professional, name="professional"),
    path(
        "accounts/professional/withdraw/", professional_views.withdraw, name="professional_withdraw"
    ),
    path("accounts/credentials/", professional_views.applications, name="applications"),
    path(
        "accounts/credentials/<int:credential_id>/",
        professional_views.application,
        name="application",
    ),
    path(
        "accounts/credentials/<int:credential_id>/verify/",
        professional_views.verify,
        name="verify_credential",
    ),
    path(
        "accounts/credentials/<int:credential_id>/decline/",
        professional_views.decline,
        name="decline_credential",
    ),
    path("accounts/settings/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=NewPasswordForm, success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
