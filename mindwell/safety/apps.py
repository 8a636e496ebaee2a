from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "mindwell.safety"
    label = "safety"

    def ready(self) -> None:
        from mindwell.core import events, robots
        from mindwell.qa.events import Submitted
        from mindwell.safety import confidentiality, crawlers

        # Profiles, moderation and account pages, forms: noindex (core.robots).
        robots.keep_out(*crawlers.NOINDEX_VIEWS)
        # A question or answer that names someone waits for its writer to confirm.
        events.check(Submitted, confidentiality.ask_about_names)
