from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "mindwell.safety"
    label = "safety"

    def ready(self) -> None:
        from mindwell.safety import professionals

        # Verified professionals' posts with a way to reach them off the site are held.
        professionals.register()
