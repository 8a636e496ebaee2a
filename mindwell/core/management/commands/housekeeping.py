from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from mindwell.core.housekeeping import jobs, run_all
from mindwell.core.tasks import schedule_housekeeping


class Command(BaseCommand):
    help = (
        "Run every clean-up now (old post origins, form submissions, expired guest links and "
        "sign-ups, finished tasks) and print how many rows each removed. With --schedule, "
        "instead make sure one housekeeping task waits for the worker, which then runs it "
        "every MINDWELL_HOUSEKEEPING_SECONDS; ./run does this at each start."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue housekeeping for the task worker, unless it is queued already.",
        )

    def handle(self, *args: Any, schedule: bool, verbosity: int, **options: Any) -> None:
        if schedule:
            self._schedule(verbosity)
            return
        removed = run_all()
        for name in jobs():
            count = removed.get(name)
            self.stdout.write(f"{name}: {'failed (see the log)' if count is None else count}")
        if len(removed) < len(jobs()):
            raise SystemExit(1)

    def _schedule(self, verbosity: int) -> None:
        outcome = schedule_housekeeping()
        if outcome == "unsupported":
            # Said even at verbosity 0: the promises on the privacy page need another way.
            self.stderr.write(
                f"The task backend ({settings.TASKS['default']['BACKEND']}) cannot keep "
                "housekeeping queued: run `manage.py housekeeping` hourly (cron) instead."
            )
        elif verbosity > 0:
            self.stdout.write(
                "Housekeeping is queued to run now."
                if outcome == "queued"
                else "Housekeeping was queued already."
            )
