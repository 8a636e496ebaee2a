from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mindwell.safety.screening import VERSION
from mindwell.safety.screening import evaluation as ev


class Command(BaseCommand):
    help = (
        "Measure crisis screening on the labelled evaluation set: precision and recall per "
        "outcome and a confusion table for the tuning and the held-out parts, and whether "
        "the held-out targets are met. Held-out texts are counted, never shown."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--file", type=Path, default=ev.EVAL_FILE, help="JSON lines")
        parser.add_argument(
            "--check", action="store_true", help="exit 1 when a held-out target is not met"
        )
        parser.add_argument(
            "--errors",
            action="store_true",
            help="list the tuning part's misclassified texts with their reasons",
        )

    def handle(self, *args: Any, file: Path, check: bool, errors: bool, **options: Any) -> None:
        try:
            texts = ev.read(file)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the evaluation set: {error}") from None
        parts = ev.evaluate(texts)
        self.stdout.write(f"screening {VERSION} on {file.name}\n")
        self.stdout.write(ev.render(parts))
        if errors:
            self.stdout.write("\n" + ev.render_errors(parts["tune"]))
        if check and not all(target.met for target in ev.targets(parts["held_out"])):
            raise SystemExit(1)
