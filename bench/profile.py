"""Where a request's time goes, in-process: python -m bench.profile [--page NAME] [--profile]

Calls the WSGI application (config/wsgi.py, the page cache included) directly on one of
the benchmark's generated sites (--database, --size; SQLite with 10,000 questions unless
told, made by `python -m bench` or on first use), without a server or network in between,
and prints the cost per request of each page. With --profile it prints a pyinstrument
profile of one page.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.__main__ import PYTHON, ROOT, prepare_site

PAGES = {
    "anonymous question page (stored)": ("question", False),
    "member question page (stored)": ("question", True),
    "member question page (rendered)": ("question-uncached", True),
    "member question page, plain Django view": ("reference-question", True),
    "anonymous home page (stored)": ("home", False),
    "member home page (stored)": ("home", True),
    "member home page, plain Django view": ("reference-home", True),
}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--page", choices=PAGES, default="member question page (stored)")
    parser.add_argument("--profile", action="store_true", help="profile --page")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--size", type=int, default=10_000, help="questions")
    args = parser.parse_args()
    env, _ = prepare_site(args.database, args.size)
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        {k: v for k, v in env.items() if k.startswith(("DJANGO", "MINDWELL", "SECRET", "DATABASE"))}
    )
    os.environ.update({"REDIS_URL": "", "LOG_LEVEL": "ERROR"})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    from config.wsgi import application
    from mindwell.accounts.models import User
    from mindwell.core.pagecache import members as memberpages
    from mindwell.qa.models import Post

    question = (
        Post.objects.questions()
        .filter(answer_count=3, comment_count__gte=1, author__isnull=False, anonymous=False)
        .order_by("-id")
        .first()
    )
    assert question is not None
    client = Client()
    client.force_login(User.objects.order_by("id").first())  # type: ignore[arg-type]
    member_cookie = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
    paths = {
        "question": question.get_absolute_url(),
        "question-uncached": question.get_absolute_url(),
        "reference-question": f"/reference/q/{question.pk}/",
        "home": "/",
        "reference-home": "/reference/",
    }

    def request(name: str, member: bool) -> Callable[[], Any]:
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": paths[name], "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1:8000",
            "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "SERVER_PROTOCOL": "HTTP/1.1",
        }  # fmt: skip
        if member:
            environ["HTTP_COOKIE"] = member_cookie

        def call() -> Any:
            if name == "question-uncached":
                memberpages.clear()
            statuses: list[str] = []

            def start_response(status: str, headers: Any, exc_info: Any = None) -> None:
                statuses.append(status)

            body = application({**environ, "wsgi.input": io.BytesIO()}, start_response)
            assert statuses[0].startswith("200"), (name, statuses)
            return body

        return call

    if args.profile:
        from pyinstrument import Profiler

        call = request(*PAGES[args.page])
        call()
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.requests):
            call()
        profiler.stop()
        print(profiler.output_text(color=False, unicode=False))
        return
    print(f"python {PYTHON}, {args.requests} requests each, after 3 to warm up\n")
    print("| page | ms per request |\n|---|---:|")
    for label, (name, member) in PAGES.items():
        call = request(name, member)
        for _ in range(3):
            call()
        started = time.perf_counter()
        for _ in range(args.requests):
            call()
        print(f"| {label} | {(time.perf_counter() - started) / args.requests * 1000:.3f} |")


if __name__ == "__main__":
    main()
