from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mindwell.demo"
    label = "demo"
