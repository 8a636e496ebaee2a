from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "mindwell.search"
    label = "search"

    def ready(self) -> None:
        from mindwell.core import events, robots
        from mindwell.search import handlers

        # Result pages are one person's, per query: nothing for a search engine to keep.
        robots.keep_out("search:results")

        for event_type, handler in handlers.SUBSCRIPTIONS:
            events.on_commit(event_type, handler)
