from typing import Any

from django.core.management.base import BaseCommand

from mindwell.reputation.actions import rebuild_point_totals


class Command(BaseCommand):
    help = "Recompute every member's points total exactly from the points ledger."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = rebuild_point_totals()
        self.stdout.write(f"Rebuilt point totals; {changed} member(s) corrected.")
