from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "mindwell.search"
    label = "search"

    def ready(self) -> None:
        from mindwell.core import events
        from mindwell.search import handlers

        for event_type, handler in handlers.SUBSCRIPTIONS:
            events.on_commit(event_type, handler)
