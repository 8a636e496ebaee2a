# mypy: disable-error-code="union-attr"
"""Real granian processes serving the test database, for tests of what crosses processes."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Server:
    def __init__(self, env, *, wait=True):
        self.port = free_port()
        granian = Path(sys.executable).with_name("granian")
        self.proc = subprocess.Popen(
            [str(granian), "--interface", "wsgi", "--host", "127.0.0.1", "--port",
             str(self.port), "--workers", "1", "--blocking-threads", "2",
             "config.wsgi:application"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, granian's worker included
        )  # fmt: skip
        if wait:
            self.wait_until_serving()

    def wait_until_serving(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode()) from None
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("granian did not start")

    @classmethod
    def pair(cls, env):
        """Two servers, started side by side: each takes about a second to boot."""
        pair = [cls(env, wait=False), cls(env, wait=False)]
        try:
            for server in pair:
                server.wait_until_serving()
        except RuntimeError:
            for server in pair:
                server.stop()
            raise
        return pair

    def request(self, method, path, *, cookie=None, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if cookie:
            headers["Cookie"] = cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response, data.decode()

    def stop(self):
        """Stop granian and its worker. A worker still running 10 s after the signal is
        killed, as ./run's stop does: on a busy machine one was once seen to hang at
        shutdown, which failed the test's teardown and left both servers running."""
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            # granian still waits for its worker, so the group is still theirs alone.
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


def redis_url_for_this_process(base: str) -> str:
    """`base` with a Redis database of this test process's own: pytest-xdist's worker gwN
    takes the database N below base's (15 by default, so gw0 15 and gw1 14), so that one
    worker flushing its database never empties the other's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    url, _, db = base.rpartition("/")
    if not worker.startswith("gw") or not db.isdigit():
        return base
    return f"{url}/{(int(db) - int(worker[2:])) % 16}"


REDIS_URL = redis_url_for_this_process(
    os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
)


def token_in(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def cookie_value(response, name):
    for header in response.headers.get_all("Set-Cookie") or []:
        if header.startswith(f"{name}="):
            return header.split(";")[0].split("=", 1)[1]
    return None
