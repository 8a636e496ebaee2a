"""List pages rendered afresh at every size: python -m bench.lists [--sizes 10000,1000000]

The page caches hide a slow list until the next write makes it stale, and every write makes
every list stale; so this renders each kind of list without them (Django's test client,
in-process, as a member would get a page recorded), on the benchmark's generated sites,
and prints the time at each size and the slow-down. Each figure is the median of
--requests renders, after one to warm up.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from bench.__main__ import PYTHON, ROOT, prepare_site

SCRIPT = """
import json, statistics, sys, time, django
django.setup()
from django.conf import settings
from django.test import Client
from mindwell.tags.models import Category, Tag
settings.MINDWELL_PAGE_CACHE = False
requests = int(sys.argv[1])
biggest_tag = Tag.objects.order_by("-question_count", "name").first()
# The rarest tag with a full page, so that both sizes render as many rows.
rare_tag = Tag.objects.filter(question_count__gte=25).order_by("question_count", "name").first()
parent = Category.objects.filter(parent__isnull=True).order_by("-question_count", "slug").first()
leaf = Category.objects.filter(parent__isnull=False).order_by("-question_count", "slug").first()
pages = {
    "home (recent)": "/", "hot": "/questions/hot/", "most votes": "/questions/votes/",
    "unanswered": "/questions/unanswered/",
    "parent category": f"/category/{parent.slug}/",
    "parent category, hot": f"/category/{parent.slug}/?sort=hot",
    "subcategory": f"/category/{leaf.slug}/",
    "subcategory, most votes": f"/category/{leaf.slug}/?sort=votes",
    "most used tag": f"/tag/{biggest_tag.name}/",
    "most used tag, hot": f"/tag/{biggest_tag.name}/?sort=hot",
    "a rare tag": f"/tag/{rare_tag.name}/", "categories": "/categories/", "tags": "/tags/",
}
client = Client()
out = {}
for name, path in pages.items():
    assert client.get(path).status_code == 200, path
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    out[name] = statistics.median(times) * 1000
print(json.dumps(out))
"""


def render_times(database: str, size: int, requests: int) -> dict[str, float]:
    env, _ = prepare_site(database, size)
    done = subprocess.run(
        [PYTHON, "-c", SCRIPT, str(requests)], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.lists", description=__doc__)
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=15)
    args = parser.parse_args()
    small, large = (int(size) for size in args.sizes.split(","))
    command = " ".join(["python -m bench.lists", *sys.argv[1:]])
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"`{command}`, {when}, median of {args.requests} renders:\n")
    print(f"| database | list | ms at {small:,} | ms at {large:,} | slow-down |")
    print("|---|---|---:|---:|---:|")
    for database in args.databases.split(","):
        at_small = render_times(database, small, args.requests)
        at_large = render_times(database, large, args.requests)
        for name, ms in at_small.items():
            slow = at_large[name] / ms
            print(f"| {database} | {name} | {ms:.1f} | {at_large[name]:.1f} | {slow:.2f} |")


if __name__ == "__main__":
    main()
