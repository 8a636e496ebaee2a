"""How the site is served: the one granian command that ./run and the benchmark both start.

    python -m config.server [--host 127.0.0.1] [--port 8000]

MINDWELL_WEB_WORKERS and MINDWELL_WEB_THREADS override the counts below.

WSGI, one worker process per core (at least 2), one thread each, and a deep queue:

- One thread per worker: Python runs one thread at a time per process, so more threads
  cannot add CPU; they only hand the GIL back and forth. Measured with wrk on the cached
  anonymous question page (docs/performance.md): 1 thread served about a third more
  requests per second than 2 or 4. Waits on the database overlap across the workers.
- Granian's WSGI default is hundreds of threads per worker, each of which may hold a
  database connection; with one, a worker holds at most one.
- The queue (--backpressure) must be deep: granian counts an open keep-alive connection
  against it, so with a backpressure of 4 a ninth browser waited until one of the first
  eight disconnected (seen in the benchmark: 7 s behind 16 keep-alive connections).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

WORKERS = int(os.environ.get("MINDWELL_WEB_WORKERS") or max(2, os.cpu_count() or 1))
THREADS = int(os.environ.get("MINDWELL_WEB_THREADS") or 1)
BACKPRESSURE = 128


def granian_command(host: str, port: int, *, log_level: str = "info") -> list[str]:
    granian = Path(sys.executable).with_name("granian")
    return [
        str(granian), "--interface", "wsgi", "--host", host, "--port", str(port),
        "--workers", str(WORKERS), "--blocking-threads", str(THREADS),
        "--backpressure", str(BACKPRESSURE), "--http", "1", "--no-ws",
        "--log-level", log_level, "config.wsgi:application",
    ]  # fmt: skip


def describe() -> str:
    threads = "thread" if THREADS == 1 else "threads"
    return f"granian WSGI, {WORKERS} workers x {THREADS} {threads}, backpressure {BACKPRESSURE}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m config.server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    command = granian_command(args.host, args.port)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
