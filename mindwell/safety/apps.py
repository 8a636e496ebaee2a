from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "mindwell.safety"
    label = "safety"

    def ready(self) -> None:
        from mindwell.core import events, housekeeping, robots
        from mindwell.core.pagecache import stored_apart_for
        from mindwell.moderation.extensions import add_to_item_page
        from mindwell.qa import reading
        from mindwell.qa.events import Submitted
        from mindwell.safety import (
            actions,
            checks,
            confidentiality,
            crawlers,
            professionals,
            reader,
            redaction_views,
            views,
        )

        # The checks on new text, in this order: a question or answer that names someone
        # waits for its writer to confirm (nothing is written until then); verified
        # professionals' posts with a way to reach them off the site are held; then the
        # screening, whose note is the one the author sees when both hold a post.
        events.check(Submitted, confidentiality.ask_about_names)
        professionals.register()
        checks.register()
        add_to_item_page(views.item_page_extras)
        # The review item page links a post's moderators to its redaction.
        add_to_item_page(redaction_views.item_page_link)
        housekeeping.register("unanswered support questions", actions.alert_unanswered)
        # Profiles, moderation, account and support pages, forms: noindex (core.robots).
        robots.keep_out(*crawlers.NOINDEX_VIEWS)
        # Reader controls: qa's lists and question pages ask them through qa.reading, and
        # the pages of a member who has some are stored for them alone.
        reading.register_reader(reader.rules_for)
        stored_apart_for(reader.has_reader_controls)
