from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "mindwell.search"
    label = "search"

    def ready(self) -> None:
        from mindwell.core import events
        from mindwell.qa import suggestions
        from mindwell.search import handlers, related, similar

        for event_type, handler in handlers.SUBSCRIPTIONS:
            events.on_commit(event_type, handler)
        # Similar questions beside the ask form, related ones beside each question.
        suggestions.register(
            suggestions.Suggester(
                for_draft=similar.suggestions_for_draft,
                related_to=related.related_to,
                draft_url_name="search:similar",
            )
        )
