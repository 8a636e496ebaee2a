import argparse
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mindwell.qa.models import Post
from mindwell.search import index, rebuild


def at_least_one(text: str) -> int:
    """A count of 1 or more: a batch of 0 would empty the index and write nothing back."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is less than 1")
    return number


class Command(BaseCommand):
    help = "Build the full-text search index again from every question and answer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch",
            type=at_least_one,
            default=rebuild.BATCH,
            help="posts written per transaction",
        )
        parser.add_argument(
            "--jobs",
            type=at_least_one,
            default=os.cpu_count() or 1,
            help="processes that analyse the text (default: one per CPU)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the index holds nothing and there are posts (./run: a site "
            "that had posts before search existed)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and not (index.is_empty() and Post.objects.exists()):
            return
        show = rebuild.progress_bar(self.stderr) if options["verbosity"] > 0 else None
        count = rebuild.rebuild(batch=options["batch"], jobs=options["jobs"], progress=show)
        self.stdout.write(f"Indexed {count:,} posts.")
