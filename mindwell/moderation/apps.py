from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "mindwell.moderation"
    label = "moderation"

    def ready(self) -> None:
        from mindwell.moderation import checks

        checks.register()
