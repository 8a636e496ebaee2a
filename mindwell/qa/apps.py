from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "mindwell.qa"
    label = "qa"
