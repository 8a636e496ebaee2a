from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand

from mindwell.qa.actions import SUBMISSION_DAYS, forget_submissions


class Command(BaseCommand):
    help = (
        "Forget which form made each post or comment once it is older than --days (default "
        "7): a form sent again after that makes a new post. Housekeeping does it hourly."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--days", type=int, default=SUBMISSION_DAYS)

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if days < 1:
            self.stderr.write("--days must be at least 1.")
            raise SystemExit(2)
        forgotten = forget_submissions(older_than=timedelta(days=days))
        self.stdout.write(f"Forgot {forgotten} submission(s) older than {days} day(s).")
