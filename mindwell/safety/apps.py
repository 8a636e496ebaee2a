from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "mindwell.safety"
    label = "safety"

    def ready(self) -> None:
        from mindwell.core.pagecache import stored_apart_for
        from mindwell.qa import reading
        from mindwell.safety import reader

        # Reader controls: qa's lists and question pages ask them through qa.reading, and
        # the pages of a member who has some are stored for them alone.
        reading.register_reader(reader.rules_for)
        stored_apart_for(reader.has_reader_controls)
