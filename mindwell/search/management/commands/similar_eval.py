"""python manage.py similar_eval PAIRS.tsv | --closed-duplicates [--half ...] [--method ...]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mindwell.search import similar_eval
from mindwell.search.similar import Method

METHODS: tuple[Method, ...] = ("full", "title-bm25")


class Command(BaseCommand):
    help = (
        "Measure the similar questions on duplicate pairs: recall@1, recall@5 and MRR. "
        "PAIRS.tsv holds one 'duplicate_id<TAB>original_id' a line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pairs", nargs="?", type=Path, help="a TSV file of id pairs")
        parser.add_argument(
            "--closed-duplicates",
            action="store_true",
            help="use the questions moderators closed as duplicates, with their originals",
        )
        parser.add_argument(
            "--write", type=Path, metavar="FILE", help="also write the pairs used to FILE (TSV)"
        )
        parser.add_argument(
            "--half",
            choices=("all", "tuning", "held-out"),
            default="all",
            help="tuning: duplicates with odd ids; held-out: even ids (default: all)",
        )
        parser.add_argument(
            "--method",
            choices=(*METHODS, "both"),
            default="both",
            help="full (similar.py) or title-bm25 (the plain baseline); default: both",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["closed_duplicates"] == (options["pairs"] is not None):
            raise CommandError("Give a PAIRS.tsv file or --closed-duplicates (one of them).")
        if options["closed_duplicates"]:
            pairs = similar_eval.closed_duplicates()
        else:
            pairs = _read(options["pairs"])
        pairs, skipped = similar_eval.known_pairs(pairs)
        if skipped:
            self.stdout.write(f"Skipped {skipped} pair(s) whose questions are not in the database.")
        pairs = similar_eval.split(pairs, options["half"])
        if options["write"]:
            options["write"].write_text("".join(f"{d}\t{o}\n" for d, o in pairs))
        if not pairs:
            raise CommandError("No pairs to measure.")
        methods = METHODS if options["method"] == "both" else (options["method"],)
        self.stdout.write(f"{'method':<12} {'pairs':>5} {'recall@1':>9} {'recall@5':>9} {'MRR':>6}")
        for method in methods:
            figures = similar_eval.evaluate(pairs, method=method)
            self.stdout.write(
                f"{method:<12} {figures.pairs:>5} {figures.recall_at_1:>9.2f} "
                f"{figures.recall_at_5:>9.2f} {figures.mrr:>6.2f}"
            )


def _read(path: Path) -> list[tuple[int, int]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(field.strip().isdigit() for field in fields):
            raise CommandError(f"{path}, line {number}: expected 'duplicate_id<TAB>original_id'")
        pairs.append((int(fields[0]), int(fields[1])))
    return pairs
