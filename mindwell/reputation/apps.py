from django.apps import AppConfig


class ReputationConfig(AppConfig):
    name = "mindwell.reputation"
    label = "reputation"
