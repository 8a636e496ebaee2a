"""How the site is served: the one granian command that ./run and the benchmark both start.

    python -m config.server [--host 127.0.0.1] [--port 8000] [--check]

The address defaults to HOST and PORT from the environment, as for ./run, and is passed on
to the site, whose email links follow it unless SITE_URL is set (config/settings.py).
--check only says whether the address is free: one line and exit status 1 when it is not.
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
- A worker that dies (killed, out of memory) is replaced at once (--respawn-failed-workers);
  by default granian shuts the whole server down instead. The other workers keep serving
  meanwhile. Only a worker dying again within 5.5 s of its replacement stops granian.
- A worker that has not stopped 10 s after being asked is killed (--workers-kill-timeout):
  one asked to stop while it was still starting (a Ctrl-C just after a replacement) never
  stopped, and granian waited for it for ever.

The port is checked before granian starts because granian binds it with SO_REUSEPORT: a
second server on a port that one already holds would start and share the requests.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from pathlib import Path

from mindwell.core.env import EnvError, env_int, env_str

WORKERS = int(os.environ.get("MINDWELL_WEB_WORKERS") or max(2, os.cpu_count() or 1))
THREADS = int(os.environ.get("MINDWELL_WEB_THREADS") or 1)
BACKPRESSURE = 128
KILL_TIMEOUT = 10
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def granian_command(host: str, port: int, *, log_level: str = "info") -> list[str]:
    granian = Path(sys.executable).with_name("granian")
    return [
        str(granian), "--interface", "wsgi", "--host", host, "--port", str(port),
        "--workers", str(WORKERS), "--blocking-threads", str(THREADS),
        "--backpressure", str(BACKPRESSURE), "--http", "1", "--no-ws",
        "--respawn-failed-workers", "--workers-kill-timeout", str(KILL_TIMEOUT),
        "--log-level", log_level, "config.wsgi:application",
    ]  # fmt: skip


def describe() -> str:
    threads = "thread" if THREADS == 1 else "threads"
    return f"granian WSGI, {WORKERS} workers x {THREADS} {threads}, backpressure {BACKPRESSURE}"


def local_url(host: str, port: int) -> str:
    """The address to open for a server listening on host:port, on this machine."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def address_problem(host: str, port: int) -> str | None:
    """Why granian could not serve on host:port, in one line, or None when it can.

    Binds without SO_REUSEPORT, so a listener that has it (another granian) blocks the bind
    too; SO_REUSEADDR lets connections of an earlier run that are closing not count."""
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return (
                f"Port {port} is already in use (another Mindwell or another program); "
                f"choose another with PORT={port + 1} ./run"
            )
        reason = getattr(error, "strerror", None) or str(error)
        return f"Cannot serve on {host}:{port}: {reason}; choose another HOST or PORT"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m config.server", description=__doc__)
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--check", action="store_true", help="only check that the port is free")
    args = parser.parse_args()
    try:
        host = args.host or env_str("HOST", DEFAULT_HOST)
        port = args.port if args.port is not None else env_int("PORT", DEFAULT_PORT)
    except EnvError as error:
        sys.exit(str(error))
    if not 0 < port < 65536:
        sys.exit(f"Port {port} is not a port number; choose one from 1 to 65535")
    problem = address_problem(host, port)
    if problem:
        sys.exit(problem)
    if args.check:
        return
    # The site's email links follow the address (SITE_URL in config/settings.py).
    os.environ.update(HOST=host, PORT=str(port))
    command = granian_command(host, port)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
