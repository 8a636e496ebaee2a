"""Answering a question with 1,000 followers: python -m bench.fanout [--database D] [--out FILE]

On a fresh database of its own (SQLite in a temporary folder, or a `bench_fanout` database
on PostgreSQL), with the site's real task queue (django-tasks' database backend) and a real
SMTP server on loopback (aiosmtpd):
1. times posting an answer (the action, its commit and what runs on commit: what the request
   waits for) to a question nobody follows and to one with 1,000 followers, in turns, and
   prints the medians side by side: the fan-out is the worker's, so the two should match;
2. starts a real worker (`manage.py db_worker`, as ./run does), posts one more answer to the
   followed question, and times until the worker made the 1,000 notifications and the SMTP
   server received the 1,000 emails (every follower chose instant email for what they follow).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FOLLOWERS = 1000
ROUNDS = 15


def database_env(database: str, folder: Path) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MINDWELL_VAR_DIR": str(folder),
        "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
        "REDIS_URL": "",
        "LOG_LEVEL": "ERROR",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MINDWELL_PAGE_CACHE": "0",
    }
    if database == "postgresql":
        base = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        env["DATABASE_URL"] = urllib.parse.urlunsplit(
            urllib.parse.urlsplit(base)._replace(path="/bench_fanout")
        )
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists",
                        "bench_fanout"], check=True)  # fmt: skip
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", "bench_fanout"], check=True
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder / 'fanout.sqlite3'}"
    return env


def measure(database: str) -> dict[str, Any]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    class Counting(Sink):
        received = 0

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            Counting.received += 1
            return "250 OK"

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = database_env(database, folder)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(Counting(), hostname="127.0.0.1", port=port)
        controller.start()
        env["EMAIL_URL"] = f"smtp://127.0.0.1:{port}"
        os.environ.update(env)
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        try:
            return _run(env, Counting)
        finally:
            controller.stop()


def _run(env: dict[str, str], counting: Any) -> dict[str, Any]:
    from django.db import transaction
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from mindwell.accounts.models import User
    from mindwell.notifications.models import Email, EmailSettings, Follow, Notification
    from mindwell.qa import actions
    from mindwell.tags.models import Category

    category = Category.objects.order_by("pk").first()
    now = timezone.now()

    def member(name: str) -> User:
        return User.objects.create_user(  # type: ignore[no-any-return]
            username=name, email=f"{name}@example.org", email_confirmed=True, password="x" * 20
        )

    asker = member("asker")
    answerers = [member(f"answerer{i}") for i in range(ROUNDS * 2 + 1)]
    body = "This happened to me too, and talking it through with my counsellor helped a lot."
    asked = "I have been seeing my therapist for a year and think of her often."
    quiet, followed = (
        actions.ask_question(author=asker, title=title, category=category, tags="x", body=asked)
        for title in ("Nobody follows this question", "A thousand people follow this question")
    )
    followers = User.objects.bulk_create(
        User(username=f"follower{i}", email=f"follower{i}@example.org", email_confirmed=True)
        for i in range(FOLLOWERS)
    )
    Follow.objects.bulk_create(
        Follow(follower=f, question=followed, created_at=now) for f in followers
    )
    EmailSettings.objects.bulk_create(
        EmailSettings(member=f, frequencies={"followed": "instant"}) for f in followers
    )
    DBTaskResult.objects.all().delete()

    def answer(question: Any, author: User) -> float:
        started = time.perf_counter()
        with transaction.atomic():  # committed inside, as in a request; on-commit runs here
            actions.post_answer(question=question, author=author, body=body)
        return (time.perf_counter() - started) * 1000

    times: dict[str, list[float]] = {"no followers": [], "1,000 followers": []}
    for i in range(ROUNDS):
        times["no followers"].append(answer(quiet, answerers[2 * i]))
        times["1,000 followers"].append(answer(followed, answerers[2 * i + 1]))
    DBTaskResult.objects.all().delete()  # the worker below delivers one answer's fan-out
    Notification.objects.all().delete()
    Email.objects.all().delete()
    counting.received = 0

    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--interval", "0.1"], cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(2)  # the worker starts
        started = time.perf_counter()
        answer(followed, answerers[-1])
        made_after = sent_after = None
        deadline = started + 600
        while time.perf_counter() < deadline:
            made = Notification.objects.filter(kind="followed").count()
            if made_after is None and made >= FOLLOWERS:
                made_after = time.perf_counter() - started
            if counting.received >= FOLLOWERS:
                sent_after = time.perf_counter() - started
                break
            time.sleep(0.05)
    finally:
        worker.terminate()
        worker.wait(30)
    return {
        "answer_ms": {k: statistics.median(v) for k, v in times.items()},
        "ratio": statistics.median(times["1,000 followers"])
        / statistics.median(times["no followers"]),
        "notifications_made_s": made_after,
        "emails_received_s": sent_after,
        "emails_received": counting.received,
        "emails_sent_rows": Email.objects.filter(status="sent").count(),
    }


def table(database: str, result: dict[str, Any]) -> str:
    ms = result["answer_ms"]
    met = result["ratio"] <= 1.2 and result["emails_received"] >= FOLLOWERS
    made = result["notifications_made_s"]
    sent = result["emails_received_s"]
    return "\n".join([
        "| database | posting an answer, nobody follows (ms) | with 1,000 followers (ms) | ratio | "
        "worker: 1,000 notifications made (s) | 1,000 emails received (s) | target |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| {database} | {ms['no followers']:.1f} | {ms['1,000 followers']:.1f} | "
        f"{result['ratio']:.2f} | {made if made is None else f'{made:.1f}'} | "
        f"{sent if sent is None else f'{sent:.1f}'} | ratio <= 1.2, all 1,000 delivered "
        f"({'met' if met else 'NOT met'}) |",
    ])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fanout", description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = measure(args.database)
    print(table(args.database, result))
    if args.out:
        args.out.write_text(json.dumps({"database": args.database, **result}, indent=2))


if __name__ == "__main__":
    main()
