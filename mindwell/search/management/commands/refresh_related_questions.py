from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mindwell.qa.models import Post
from mindwell.search import index, rebuild, related


class Command(BaseCommand):
    help = (
        "Work out the related questions of the questions whose related questions were never "
        "worked out (an imported site, one older than search), newest first; --all: of every "
        "question. The housekeeping does the first a batch at a time; this does them all now."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="work out every question's related questions again, not only those never "
            "worked out",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if index.is_empty() and Post.objects.questions().exists():
            # Every list would come out empty and be remembered as worked out.
            raise CommandError(
                "The search index is empty: build it first (manage.py rebuild_search_index)."
            )
        show = (
            rebuild.progress_bar(self.stderr, noun="questions")
            if options["verbosity"] > 0
            else None
        )
        count = related.refresh_all(everything=options["everything"], progress=show)
        self.stdout.write(f"Worked out the related questions of {count:,} questions.")
