"""Fill an empty database with a generated site: manage.py generate_site --questions N."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mindwell.qa.sitegen import MEMBER_PASSWORD, describe, generate_site


class Command(BaseCommand):
    help = (
        "Generate a realistic site of N questions (answers, comments, votes, revisions, "
        "members, tags and points) into a database without posts. Deterministic for a seed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--questions", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--now",
            type=datetime.fromisoformat,
            default=None,
            help="the moment the history ends (ISO 8601; default: the start of today, UTC)",
        )
        parser.add_argument("--batch", type=int, default=20_000, help="questions per batch")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = generate_site(
                questions=options["questions"],
                seed=options["seed"],
                now=options["now"],
                batch=options["batch"],
                progress=options["verbosity"] > 0,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"Generated {describe(counts)}."))
        self.stdout.write(
            f"Members are member<id> (see /admin/), password {MEMBER_PASSWORD!r}. "
            + ", ".join(f"{k} {v:.1f} s" for k, v in counts.phases.items())
        )
