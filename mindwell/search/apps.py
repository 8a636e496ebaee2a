from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "mindwell.search"
    label = "search"

    def ready(self) -> None:
        from mindwell.core import events, housekeeping, robots
        from mindwell.qa import suggestions
        from mindwell.search import handlers, related, similar, tasks

        # Result pages are one person's, per query: nothing for a search engine to keep.
        robots.keep_out("search:results")

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
        # Questions whose related questions were never worked out (written before search
        # existed, imported, generated): a bounded batch per run, newest first.
        housekeeping.register("related questions backfill", tasks.work_out_related_soon)
