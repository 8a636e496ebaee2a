"""Crisis screening time, in-process: python -m bench.screening [--calls N] [--out FILE]

Times mindwell.safety.screening.screen() on posts written for the bench (not the evaluation
set): a typical post of about 150 words (several, calm and in crisis), a 5,000-word post
without crisis language, one with it, and a 100 KB text made to be hard (no punctuation,
repeated phrase starts) to show that nothing backtracks. Prints the median and p99 of each
call in milliseconds (wall clock), and the median processor time, beside the issue's targets,
judged on the median; p99 shows the spread (on a busy machine mostly other processes). Needs
no generated site and no database; `python -m bench` adds these figures to its report.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from mindwell.safety.screening import VERSION, screen

TARGETS_MS = {"typical post (~150 words)": 2.0, "5,000-word post": 20.0}

CALM = [
    "My therapist and I have been working together for about a year now.",
    "Some weeks feel like progress and some feel like I'm going round in circles.",
    "I started a new job in September and the commute is long, but the team is kind.",
    "My sister thinks I should take a break from dating for a while, and she may be right.",
    "Sleep has been better since I stopped scrolling in bed, which surprised me.",
    "I'm not sure whether to bring up money with my partner or wait until after the holidays.",
    "Last weekend we went walking by the river and I felt calm for the first time in ages.",
    "How do other people keep going to therapy when it feels like nothing is changing?",
    "I keep rehearsing conversations with my mum in my head and they never go the way I plan.",
    "Honestly this exam season is killing me, but I know it will be over in a month.",
    "My friend said I seem quieter lately and I didn't know what to say to her.",
    "I've been journaling most nights, mostly lists, and it helps a little.",
    "Is it normal to feel tired after a session, like you've run a race?",
    "We adopted an old greyhound and he sleeps on my feet while I work.",
]
HEAVY = [
    "I don't want to be here anymore and I've been thinking about ending it.",
    "Everyone would be better off without me, that's how it feels most nights.",
    "I keep picturing not waking up and it feels like relief, which scares me.",
    "I told my therapist I was fine but I'm not, I want to die.",
]


def post(words: int, *, heavy: bool, seed: int) -> str:
    """A post of about this many words, mostly calm, with crisis sentences mixed in when
    heavy; some sentences without punctuation and in lower case, as people write."""
    pick = random.Random(seed)
    sentences: list[str] = []
    count = 0
    while count < words:
        pool = HEAVY if heavy and pick.random() < 0.15 else CALM
        sentence = pick.choice(pool)
        if pick.random() < 0.3:
            sentence = sentence.lower().rstrip(".?")
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def hard_text() -> str:
    """100 KB with no punctuation and phrase starts everywhere."""
    return ("i want to i dont want to thinking about my " * 3000)[:100_000]


def timed(text: str, calls: int) -> dict[str, float]:
    screen(text)  # warm the caches, as a running site has them
    times = []
    cpu = []
    for _ in range(calls):
        started, started_cpu = time.perf_counter(), time.process_time()
        screen(text)
        cpu.append((time.process_time() - started_cpu) * 1000)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "median_ms": statistics.median(times),
        "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))],
        "cpu_median_ms": statistics.median(cpu),
        "calls": calls,
        "words": len(text.split()),
    }


def measure(calls: int = 500) -> list[dict[str, object]]:
    typical = [post(150, heavy=seed % 2 == 1, seed=seed) for seed in range(6)]
    rows: list[dict[str, object]] = []
    figures = [timed(text, max(1, calls // len(typical))) for text in typical]
    rows.append(
        {
            "case": "typical post (~150 words)",
            "words": round(statistics.mean(f["words"] for f in figures)),
            "median_ms": statistics.median(f["median_ms"] for f in figures),
            "p99_ms": max(f["p99_ms"] for f in figures),
            "cpu_median_ms": statistics.median(f["cpu_median_ms"] for f in figures),
            "calls": sum(int(f["calls"]) for f in figures),
        }
    )
    long_calls = max(1, calls // 5)
    for heavy in (False, True):
        name = "5,000-word post" + (", with crisis language" if heavy else "")
        rows.append({"case": name, **timed(post(5000, heavy=heavy, seed=7), long_calls)})
    rows.append({"case": "100 KB hard text (no target)", **timed(hard_text(), 5)})
    for row in rows:
        target = next(
            (t for name, t in TARGETS_MS.items() if str(row["case"]).startswith(name)), None
        )
        row["target_ms"] = target
        row["met"] = None if target is None else float(row["median_ms"]) < target  # type: ignore[arg-type]
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| case | words | median (ms) | p99 (ms) | processor median (ms) | target | calls |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for row in rows:
        target = row["target_ms"]
        wanted = (
            "-" if target is None else f"< {target:g} ms ({'met' if row['met'] else 'NOT met'})"
        )
        lines.append(
            f"| {row['case']} | {row['words']:,} | {row['median_ms']:.2f} | {row['p99_ms']:.2f} "
            f"| {row['cpu_median_ms']:.2f} | {wanted} | {row['calls']} |"
        )
    return "\n".join(lines)


def describe() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"screening {VERSION}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f}, in-process, target judged on the median"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.screening", description=__doc__)
    parser.add_argument("--calls", type=int, default=500, help="calls per typical post set")
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args()
    rows = measure(args.calls)
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"`python -m bench.screening`, {when}, {describe()}:\n")
    print(table(rows))
    if args.out:
        Path(args.out).write_text(json.dumps({"when": when, "version": VERSION, "rows": rows}))
    if not all(row["met"] for row in rows if row["met"] is not None):
        sys.exit(1)


if __name__ == "__main__":
    main()
