from django.apps import AppConfig


class TagsConfig(AppConfig):
    name = "mindwell.tags"
    label = "tags"
