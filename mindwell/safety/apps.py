from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "mindwell.safety"
    label = "safety"

    def ready(self) -> None:
        from mindwell.core import housekeeping
        from mindwell.moderation.extensions import add_to_item_page
        from mindwell.safety import actions, checks, views

        checks.register()
        add_to_item_page(views.item_page_extras)
        housekeeping.register("unanswered support questions", actions.alert_unanswered)
