from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from mindwell.moderation.actions.members import forget_origins


class Command(BaseCommand):
    help = (
        "Delete the address hashes kept for guests' and anonymous posts once they are older "
        "than --days (default MINDWELL_ORIGIN_DAYS, 30): the privacy page promises it. "
        "Housekeeping does it hourly; this is for forgetting sooner."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--days", type=int, default=settings.MINDWELL_ORIGIN_DAYS)

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if days < 1:
            self.stderr.write("--days must be at least 1.")
            raise SystemExit(2)
        forgotten = forget_origins(older_than=timedelta(days=days))
        self.stdout.write(f"Forgot {forgotten} post origin(s) older than {days} day(s).")
