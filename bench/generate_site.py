"""Fill an empty database with a generated site: python -m bench.generate_site --questions N

Run from the project's root after `manage.py migrate`; it uses DJANGO_SETTINGS_MODULE,
config.settings unless set. Deterministic for a seed and --now (see bench/sitegen/).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import datetime

import django


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate_site",
        description=(
            "Generate a realistic site of N questions (answers, comments, votes, revisions, "
            "members, tags and points) into a database without posts. Deterministic for a "
            "seed and --now."
        ),
    )
    parser.add_argument("--questions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--now",
        type=datetime.fromisoformat,
        default=None,
        help="the moment the history ends (ISO 8601; default: the start of today, UTC)",
    )
    parser.add_argument("--batch", type=int, default=20_000, help="questions per batch")
    parser.add_argument(
        "-v", "--verbosity", type=int, default=1, help="0: no progress bar on stderr"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from bench.sitegen.database import describe, generate_site
    from bench.sitegen.plan import MEMBER_PASSWORD

    try:
        counts = generate_site(
            questions=args.questions,
            seed=args.seed,
            now=args.now,
            batch=args.batch,
            progress=args.verbosity > 0,
        )
    except ValueError as exc:
        print(f"generate_site: {exc}", file=sys.stderr)
        return 1
    print(f"Generated {describe(counts)}.")
    print(
        f"Members are member<id> (see /admin/), password {MEMBER_PASSWORD!r}. "
        + ", ".join(f"{k} {v:.1f} s" for k, v in counts.phases.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
