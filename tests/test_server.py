# mypy: disable-error-code="union-attr"
"""How the site is served: ./run and the granian command it starts (config/server.py).

The tests start ./run itself, as someone would in a terminal (its own session, Ctrl-C sent
to its process group), serving the test database on a free port with .venv already made.
"""

import http.client
import importlib
import os
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django_tasks_db.models import DBTaskResult

import config.server
from mindwell.qa.models import Post
from tests.pages.servers import cookie_value, database_url, free_port

ROOT = Path(__file__).resolve().parents[1]
SERVING = "Mindwell is running"


def flag(command, name):
    return command[command.index(name) + 1]


def test_one_thread_per_worker_and_a_deep_queue_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("MINDWELL_WEB_WORKERS", raising=False)
    monkeypatch.delenv("MINDWELL_WEB_THREADS", raising=False)
    server = importlib.reload(config.server)
    command = server.granian_command("127.0.0.1", 8123)
    assert flag(command, "--interface") == "wsgi"
    assert flag(command, "--port") == "8123"
    assert flag(command, "--blocking-threads") == "1"
    assert int(flag(command, "--workers")) >= 2
    assert int(flag(command, "--backpressure")) >= 64
    assert "--respawn-failed-workers" in command
    assert command[-1] == "config.wsgi:application"
    monkeypatch.setenv("MINDWELL_WEB_WORKERS", "5")
    monkeypatch.setenv("MINDWELL_WEB_THREADS", "3")
    server = importlib.reload(config.server)
    command = server.granian_command("::1", 80)
    assert flag(command, "--workers") == "5" and flag(command, "--blocking-threads") == "3"
    assert server.describe() == "granian WSGI, 5 workers x 3 threads, backpressure 128"
    monkeypatch.delenv("MINDWELL_WEB_WORKERS")
    monkeypatch.delenv("MINDWELL_WEB_THREADS")
    importlib.reload(config.server)


# --- processes ---------------------------------------------------------------------------


def _stat(pid):
    """State, parent, process group and session of a live process, or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else (fields[0], *map(int, fields[1:4]))


def _all_pids():
    return [int(path.name) for path in Path("/proc").iterdir() if path.name.isdigit()]


def children(pid):
    return sorted(p for p in _all_pids() if (stat := _stat(p)) and stat[1] == pid)


def alive(pid):
    return _stat(pid) is not None


def command_line(pid):
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def listeners(port):
    """How many sockets listen on the port: granian's workers each listen on their own."""
    rows = [row.split() for row in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return sum(1 for row in rows if row[1].endswith(f":{port:04X}") and row[3] == "0A")


def port_let_go(port):
    """The port is free again (the kernel lets go of a dead listener's a moment later on a
    busy machine)."""
    eventually(
        lambda: config.server.address_problem("127.0.0.1", port) is None,
        within=10,
        message=f"port {port} still held",
    )


def eventually(check, *, within, message):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.1)
    raise AssertionError(message)


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory):
    """One var/ for every ./run of the session: collectstatic then has nothing new to do."""
    return tmp_path_factory.mktemp("var")


@pytest.fixture
def run_env(var_dir, tmp_path):
    """./run's environment: the test database, a free port and email written to files."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "MINDWELL_VAR_DIR": str(var_dir),
        "MINDWELL_WEB_WORKERS": "2",
        "EMAIL_URL": f"file://{tmp_path / 'mail'}",
        "HOST": "127.0.0.1",
        "PORT": str(free_port()),
        # The writers below post as fast as they can from one address.
        "MINDWELL_MIN_FILL_SECONDS": "0",
        "MINDWELL_RATE_LIMIT_FACTOR": "1000",
    }
    for name in ("SITE_URL", "TASKS_BACKEND"):  # ./run's defaults, not the test settings'
        env.pop(name, None)
    return env


class Run:
    """./run started as from a terminal: in its own session, Ctrl-C to its process group."""

    def __init__(self, env, tmp_path):
        self.env = env
        self.out, self.err = tmp_path / "run.out", tmp_path / "run.err"
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(
                ["./run"], cwd=ROOT, env=env, stdout=out, stderr=err, start_new_session=True
            )

    @property
    def port(self):
        return int(self.env["PORT"])

    def output(self):
        return self.out.read_text() + self.err.read_text()

    def wait_until_serving(self):
        def serving():
            assert self.proc.poll() is None, f"./run stopped:\n{self.output()}"
            return SERVING in self.out.read_text()

        try:
            eventually(serving, within=120, message="./run did not start")
        except AssertionError as error:
            raise AssertionError(f"{error}:\n{self.output()}") from None

    def child(self, name):
        return next(p for p in children(self.proc.pid) if name in command_line(p))

    def processes(self):
        web = self.child("granian")
        return [self.child("db_worker"), web, *children(web)]

    def session(self):
        return [p for p in _all_pids() if (stat := _stat(p)) and stat[3] == self.proc.pid]

    def ctrl_c(self):
        os.killpg(self.proc.pid, signal.SIGINT)
        return self.proc.wait(60)

    def kill_everything(self):
        for pid in self.session():
            os.kill(pid, signal.SIGKILL)
        self.proc.wait(10)


@pytest.fixture
def start_run(run_env, tmp_path):
    runs = []

    def start(**env):
        runs.append(Run({**run_env, **env}, tmp_path))
        return runs[-1]

    yield start
    for run in runs:
        run.kill_everything()


# --- HTTP --------------------------------------------------------------------------------


def request(port, method, path, *, cookie="", fields=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "127.0.0.1", "Cookie": cookie}
    body = None
    if fields is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urlencode(fields)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response, response.read().decode()
    finally:
        conn.close()


def hidden_fields(html, action):
    """The hidden inputs of the form posting to `action`: the CSRF token, and any other."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.S).group()
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


class Visitor:
    """A browser without JavaScript: keeps its CSRF cookie and fills in forms."""

    def __init__(self, port):
        self.port, self.cookie = port, ""

    def get(self, path):
        response, html = request(self.port, "GET", path, cookie=self.cookie)
        if secret := cookie_value(response, "csrftoken"):
            self.cookie = f"csrftoken={secret}"
        return response, html

    def submit(self, page, action, **fields):
        _, html = self.get(page)
        fields = {**hidden_fields(html, action), **fields}
        response, _ = request(self.port, "POST", action, cookie=self.cookie, fields=fields)
        return response


# --- a web worker dies -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_web_worker_is_replaced_while_the_site_keeps_serving_and_keeping_writes(
    start_run, maya, ask
):
    question = ask(maya)  # so that ./run loads no demo
    run = start_run()
    run.wait_until_serving()
    web = run.child("granian")
    workers = eventually(
        lambda: len(children(web)) == 2 and children(web), within=30, message="no 2 workers"
    )
    page, action = question.get_absolute_url(), f"/q/{question.pk}/answer"
    acknowledged: list[tuple[int, str]] = []  # (status, body) of every answer posted
    unexpected: list[tuple[int, str]] = []
    refused: list[str] = []
    stop = threading.Event()

    def write(writer):
        visitor, number = Visitor(run.port), 0
        while not stop.is_set():
            number += 1
            body = f"Answer {number} from guest writer {writer}, written while a worker died."
            try:
                response = visitor.submit(page, action, body=body, guest_name=f"Writer {writer}")
            except (OSError, http.client.HTTPException):
                refused.append(body)  # the connection died: not acknowledged
                continue
            (acknowledged if response.status in (200, 302) else unexpected).append(
                (response.status, body)
            )

    writers = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in writers:
        thread.start()
    try:
        eventually(lambda: len(acknowledged) >= 8, within=30, message="no writes before the kill")
        os.kill(workers[0], signal.SIGKILL)
        killed_at = time.monotonic()

        def answers():
            try:
                return request(run.port, "GET", "/")[0].status == 200
            except OSError:
                return False

        eventually(answers, within=5, message="the site did not answer after the kill")
        answered_after = time.monotonic() - killed_at
        replaced = eventually(
            lambda: len(now := children(web)) == 2 and workers[0] not in now and now,
            within=30,
            message="the killed worker was not replaced",
        )
        eventually(lambda: listeners(run.port) == 2, within=60, message="it does not serve")
        before = len(acknowledged)
        eventually(
            lambda: len(acknowledged) >= before + 8,
            within=30,
            message="no writes after the worker was replaced",
        )
    finally:
        stop.set()
        for thread in writers:
            thread.join(30)

    assert answered_after < 5
    assert run.proc.poll() is None, run.output()
    assert workers[1] in replaced and alive(run.child("db_worker"))
    assert unexpected == []
    stored = set(Post.objects.answers().filter(question=question).values_list("body", flat=True))
    missing = [body for _, body in acknowledged if body not in stored]
    assert missing == [], f"{len(missing)} acknowledged answers lost; {len(refused)} refused"
    # Ctrl-C still stops everything.
    processes = run.processes()
    assert run.ctrl_c() == 130
    eventually(lambda: not any(map(alive, processes)), within=10, message="processes left")
    port_let_go(run.port)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_when_the_web_server_itself_dies_run_stops_everything_and_says_so_in_one_line(
    start_run, maya, ask
):
    ask(maya)
    run = start_run()
    run.wait_until_serving()
    web = run.child("granian")
    eventually(lambda: len(children(web)) == 2, within=30, message="no 2 workers")
    processes = run.processes()

    os.kill(web, signal.SIGKILL)  # its workers, orphaned, would go on serving

    assert run.proc.wait(30) == 137
    assert run.err.read_text().splitlines()[-1] == (
        "Mindwell stopped: the web server was killed by signal 9; the task worker is stopped too."
    )
    eventually(lambda: not any(map(alive, processes)), within=10, message="processes left")
    port_let_go(run.port)


# --- the port ------------------------------------------------------------------------------


def taken_line(port):
    return (
        f"Port {port} is already in use (another Mindwell or another program); "
        f"choose another with PORT={port + 1} ./run"
    )


def test_a_port_another_program_holds_is_said_in_one_line_before_anything_starts(start_run):
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        run = start_run(PORT=str(port))
        assert run.proc.wait(30) == 1
    assert run.err.read_text() == taken_line(port) + "\n"
    assert run.out.read_text() == ""


def test_a_second_run_on_the_port_another_mindwell_serves_refuses_to_start(start_run, run_env):
    port = int(run_env["PORT"])
    # What ./run starts: granian binds with SO_REUSEPORT, which let a second one share it.
    first = subprocess.Popen(
        [str(ROOT / ".venv/bin/python"), "-m", "config.server"], cwd=ROOT, env=run_env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        eventually(
            lambda: config.server.address_problem("127.0.0.1", port),
            within=30,
            message="granian did not start",
        )
        second = start_run()
        assert second.proc.wait(30) == 1
        assert second.err.read_text() == taken_line(port) + "\n"
        assert SERVING not in second.output()
        assert first.poll() is None
    finally:
        first.terminate()
        first.wait(30)


@pytest.mark.parametrize(
    ("port", "line"),
    [
        ("eighty", "PORT='eighty' is not a whole number"),
        ("70000", "Port 70000 is not a port number; choose one from 1 to 65535"),
    ],
)
def test_a_port_that_is_no_port_is_said_in_one_line(start_run, port, line):
    run = start_run(PORT=port)
    assert run.proc.wait(30) == 1
    assert run.err.read_text() == line + "\n"


# --- links in emails -----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_links_point_at_the_port_run_serves_on(start_run, run_env, tmp_path, maya, ask):
    ask(maya)
    run = start_run()
    run.wait_until_serving()
    site = f"http://127.0.0.1:{run.port}/"
    visitor = Visitor(run.port)
    signup = "/accounts/signup/"
    password = "a long Test passphrase 42"
    fields = {
        "username": "river",
        "email": "river@example.org",
        "password": password,
        "agree": "on",
    }
    assert visitor.submit(signup, signup, **fields, password_again=password).status == 302
    reset = "/accounts/password-reset/"
    assert visitor.submit(reset, reset, email="maya@example.org").status == 302

    def links():  # the task worker sends them
        mails = [path.read_text() for path in (tmp_path / "mail").glob("*")]
        found = [link for mail in mails for link in re.findall(r"https?://\S+", mail)]
        return len(found) == 2 and sorted(found)

    reset_link, confirm = eventually(links, within=30, message="the emails were not sent")

    assert confirm.startswith(f"{site}accounts/signup/complete/")
    assert reset_link.startswith(f"{site}accounts/reset/")
    for link in (confirm, reset_link):
        response, _ = request(run.port, "GET", link.removeprefix(site[:-1]))
        assert response.status in (200, 302)
    assert run.ctrl_c() == 130


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_task_worker_runs_the_housekeeping_and_a_restart_starts_no_second_chain(
    start_run, maya, ask
):
    ask(maya)

    def statuses():
        rows = DBTaskResult.objects.filter(task_path="mindwell.core.tasks.housekeeping")
        return sorted(rows.values_list("status", flat=True))

    def ran_and_queued_the_next():
        return statuses() == ["READY", "SUCCESSFUL"]

    run = start_run()
    run.wait_until_serving()
    eventually(ran_and_queued_the_next, within=30, message="housekeeping did not run")
    assert run.ctrl_c() == 130

    again = start_run()
    again.wait_until_serving()
    # The next run waits for its hour: nothing ran, nothing more was queued.
    assert ran_and_queued_the_next(), statuses()
    assert again.ctrl_c() == 130


def site_url(**env):
    """SITE_URL as the settings make it from this environment, in a fresh process."""
    environment = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT"}}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    script = "from django.conf import settings; print(settings.SITE_URL)"
    return subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", script], cwd=ROOT, check=True, text=True,
        capture_output=True, env=environment,
    ).stdout.strip()  # fmt: skip


def test_site_url_follows_host_and_port_unless_it_is_set():
    assert site_url() == "http://127.0.0.1:8000"
    assert site_url(PORT="8765") == "http://127.0.0.1:8765"
    assert site_url(HOST="0.0.0.0", PORT="8080") == "http://127.0.0.1:8080"
    assert site_url(HOST="::1") == "http://[::1]:8000"
    assert site_url(PORT="8765", SITE_URL="https://mindwell.example.org") == (
        "https://mindwell.example.org"
    )
