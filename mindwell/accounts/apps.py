from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mindwell.accounts"
    label = "accounts"
