"""The benchmark suite: python -m bench [--sizes 10000,1000000] [--databases sqlite,postgresql]

For each database and size it generates a site (once; kept in bench/var/ or a PostgreSQL
database named bench_<size>), starts the site as ./run does (config/server.py) on loopback
with bench.settings (which add the plain reference views), starts Debian's nginx serving
static files with the same bytes as the pages, and drives each with wrk for a bounded time. Every figure is printed beside its
reference from the same run, as a ratio, and everything is written to bench/results/.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import fanout, screening, search  # need no Django settings either
from bench.sitegen.plan import MEMBER_PASSWORD  # needs no Django settings
from config import server

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "bench" / "var"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"process exited with {proc.returncode}") from None
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def ensure_tools() -> None:
    missing = [tool for tool in ("nginx", "wrk") if not shutil.which(tool)]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"The bench needs {' and '.join(missing)}: apt-get install -y nginx wrk")
    log(f"installing {' '.join(missing)} from Debian")
    subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", *missing],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


# --- the database ------------------------------------------------------------------------


def site_env(database: str, size: int) -> dict[str, str]:
    var = VAR / f"{database}-{size}"
    var.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "MINDWELL_VAR_DIR": str(var),
        "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
        "REDIS_URL": "",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }
    if database == "postgresql":
        parsed = urllib.parse.urlsplit(PG_URL)
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parsed._replace(path=f"/bench_{size}"))
    else:
        env.pop("DATABASE_URL", None)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True,
        text=True,
    )  # fmt: skip
    return done.stdout


def prepare_site(database: str, size: int) -> tuple[dict[str, str], float | None]:
    """A generated site of `size` questions; returns its environment and the generation time
    (None when an earlier run's site was reused)."""
    env = site_env(database, size)
    stamp = Path(env["MINDWELL_VAR_DIR"]) / "generated"
    if stamp.exists():
        # An earlier run's site, brought up to this checkout's schema and static files.
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        return env, None
    if database == "postgresql":
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS bench_{size} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE bench_{size}")
    else:
        for leftover in Path(env["MINDWELL_VAR_DIR"]).glob("mindwell.sqlite3*"):
            leftover.unlink()
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    log(f"generating {size:,} questions on {database}")
    started = time.monotonic()
    out = subprocess.run(
        [PYTHON, "-m", "bench.generate_site", "--questions", str(size), "--seed", "1", "--verbosity", "0"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    seconds = time.monotonic() - started
    log(out.strip().splitlines()[0])
    stamp.write_text(f"{seconds:.1f}\n")
    return env, seconds


def wait_until_quiet(database: str, *, limit: float) -> None:
    """Wait until nothing else runs: PostgreSQL's autovacuum done (it visits every table
    after a bulk load, for minutes) and the CPUs idle, so that no run measures the machine
    catching up. Gives up after `limit` seconds, saying so."""
    deadline = time.monotonic() + limit
    if database == "postgresql":
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            query = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'"
            while (busy := conn.execute(query).fetchone()[0]) and time.monotonic() < deadline:  # type: ignore[index]
                log(f"waiting for PostgreSQL's autovacuum ({busy} workers)")
                time.sleep(15)
            conn.execute("CHECKPOINT")
    while (idle := cpu_idle(3.0)) < 0.9 and time.monotonic() < deadline:
        log(f"waiting for a quiet machine: CPUs {idle:.0%} idle")
    if time.monotonic() >= deadline:
        log(f"the machine was still busy after {limit:.0f} s: measuring anyway")


def cpu_idle(seconds: float) -> float:
    """The share of CPU time spent idle over the next `seconds` (from /proc/stat)."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle + iowait, total

    idle_before, total_before = sample()
    time.sleep(seconds)
    idle_after, total_after = sample()
    return (idle_after - idle_before) / max(1, total_after - total_before)


# --- servers -----------------------------------------------------------------------------


class Site:
    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            server.granian_command("127.0.0.1", self.port, log_level="error"),
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, self.proc)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def request(
        self, method: str, path: str, *, cookie: str = "", body: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes, list[str]]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if cookie:
            headers["Cookie"] = cookie
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        content = response.read()
        cookies = response.headers.get_all("Set-Cookie") or []
        conn.close()
        return response.status, dict(response.headers), content, cookies

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Nginx:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mindwell-nginx-"))
        root = self.dir / "root"
        root.mkdir()
        for name, content in files.items():
            (root / name).write_bytes(content)
        self.port = free_port()
        conf = self.dir / "nginx.conf"
        conf.write_text(
            f"""worker_processes {server.WORKERS};
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log error;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    types {{ text/html html; }}
    client_body_temp_path {self.dir}/body;
    proxy_temp_path {self.dir}/proxy;
    fastcgi_temp_path {self.dir}/fastcgi;
    uwsgi_temp_path {self.dir}/uwsgi;
    scgi_temp_path {self.dir}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        root {root};
    }}
}}
"""
        )
        self.proc = subprocess.Popen(
            ["nginx", "-c", str(conf), "-p", str(self.dir), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, self.proc)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


# --- wrk ---------------------------------------------------------------------------------


def wrk(url: str, *, duration: int, connections: int, cookie: str = "") -> dict[str, float]:
    # A long timeout: a slow reference page is measured as slow, not dropped as an error.
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency", url]  # fmt: skip
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)  # fmt: skip
    return {
        "rps": rps,
        "p99_ms": float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sum(int(x) for x in socket_errors.groups()) if socket_errors else 0,
    }


# --- members -----------------------------------------------------------------------------


def log_in(site: Site, username: str) -> str:
    """A member's Cookie header, by the real log-in form."""
    status, _, _, cookies = site.request("GET", "/accounts/login/")
    csrf = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
    secret = csrf.split("=", 1)[1]
    status, _, _, cookies = site.request(
        "POST", "/accounts/login/", cookie=csrf,
        body={"csrfmiddlewaretoken": secret, "username": username, "password": MEMBER_PASSWORD},
    )  # fmt: skip
    session = next((c.split(";")[0] for c in cookies if c.startswith("sessionid=")), None)
    if status != 302 or session is None:
        raise RuntimeError(f"could not log in as {username} (HTTP {status})")
    new_csrf = next((c.split(";")[0] for c in cookies if c.startswith("csrftoken=")), csrf)
    return f"{session}; {new_csrf}"


# Words that the member with reader controls mutes: the first that the measured question
# does not contain (each is in some of the generated titles and texts).
READER_WORDS = ("money", "phone", "partner", "sunday", "medication")


def set_reader_controls(site: Site, cookie: str, *, word: str, tag: str) -> None:
    """Give a member reader controls through the real settings form: a muted word and a
    hidden tag."""
    secret = cookie.split("csrftoken=")[1]
    body = {"csrfmiddlewaretoken": secret, "phrases": word, "tags": tag}
    status, _, _, _ = site.request("POST", "/accounts/settings/reading/", cookie=cookie, body=body)
    if status != 302:
        raise RuntimeError(f"could not save the reader controls (HTTP {status})")


# The tag whose list is measured: the 10th most used, which holds about the same share of
# questions at every size the generator makes (about 3%). The most used one holds 30-37%, and
# its plain reference takes seconds on SQLite at 1,000,000 questions (docs/performance.md):
# python -m bench.lists measures that list instead.
TAG_RANK = 10


def pick_pages(env: dict[str, str]) -> dict[str, object]:
    """A typical question (3 answers, some comments, recent), a tag, members to act as."""
    script = (
        "import json, django; django.setup()\n"
        "from mindwell.qa.models import Post\n"
        "from mindwell.accounts.models import User\n"
        "from django.db.models import Sum\n"
        "from mindwell.tags.models import Category, Tag\n"
        # Walked newest first by primary key and filtered here: as one query, SQLite picks
        # the author index and sorts millions of rows.
        "newest = Post.objects.questions().order_by('-id').only("
        "'id', 'slug', 'answer_count', 'comment_count', 'author_id', 'anonymous')[:5000]\n"
        "q = next(p for p in newest if p.answer_count == 3 and p.comment_count >= 1 "
        "and p.author_id and not p.anonymous)\n"
        "recent = list(Post.objects.questions().order_by('-id').values_list('id', flat=True)[:200])\n"
        "answers = list(Post.objects.answers().filter(question_id__in=recent).values_list('id', flat=True))\n"
        "members = list(User.objects.order_by('id').values_list('username', flat=True)[:10])\n"
        f"tag = Tag.objects.order_by('-question_count', 'name')[{TAG_RANK - 1}]\n"
        # The reader's controls: the most used tag that the question does not have, and a
        # word that is not in it, so that its page is shown (and lists are filtered).
        "full = Post.objects.get(pk=q.pk)\n"
        "hidden = Tag.objects.exclude(name__in=full.tag_list).order_by('-question_count', 'name')[0]\n"
        "from mindwell.safety.reader import phrase_pattern\n"
        f"word = next(w for w in {READER_WORDS!r} "
        "if not phrase_pattern([w]).search(full.title + ' ' + full.body))\n"
        "print(json.dumps({'question': q.pk, 'url': q.get_absolute_url(), 'recent': recent, "
        "'answers': answers, 'members': members, 'tag': tag.name, "
        "'tag_share': tag.question_count / Category.objects.aggregate(n=Sum('question_count'))['n'], "
        "'reader': {'tag': hidden.name, 'word': word}}))\n"
    )  # fmt: skip
    out = subprocess.run(
        [PYTHON, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --- writes under readers ----------------------------------------------------------------


def writes_under_readers(
    site: Site, pages: dict[str, object], members: list[str], *, duration: int, connections: int
) -> dict[str, float]:
    """Members post answers and vote (one thread each) while wrk reads the home page and
    the question pages as anonymous readers."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    cookies = [log_in(site, m) for m in members]
    stop = time.monotonic() + duration
    recent = list(pages["recent"])  # type: ignore[call-overload]
    answers = list(pages["answers"])  # type: ignore[call-overload]

    def writer(cookie: str, seed: int) -> None:
        rng = random.Random(seed)
        secret = cookie.split("csrftoken=")[1]
        n = 0
        while time.monotonic() < stop:
            n += 1
            if n % 3 == 0:
                path = f"/q/{rng.choice(recent)}/answer"
                body = {"csrfmiddlewaretoken": secret,
                        "body": f"A benchmark answer number {n}: it helped me to talk about it."}  # fmt: skip
            else:
                path = f"/post/{rng.choice(answers)}/vote"
                body = {"csrfmiddlewaretoken": secret, "value": rng.choice(["up", "none"])}
            started = time.perf_counter()
            try:
                status, _, _, _ = site.request("POST", path, cookie=cookie, body=body)
                ok = status in (302, 200) or (status == 403 and "vote" in path)
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors[0] += 1

    threads = [threading.Thread(target=writer, args=(c, i)) for i, c in enumerate(cookies)]
    reader: dict[str, float] = {}

    def read() -> None:
        reader.update(wrk(site.url("/"), duration=duration, connections=connections))

    reading = threading.Thread(target=read)
    reading.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reading.join()
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
    return {
        "writes_per_s": len(latencies) / duration,
        "write_p99_ms": p99,
        "write_errors": errors[0],
        "writers": len(cookies),
        "reads_per_s": reader.get("rps", 0.0),
        "read_p99_ms": reader.get("p99_ms", 0.0),
        "read_errors": reader.get("non_2xx", 0) + reader.get("socket_errors", 0),
    }


# --- one database at one size ------------------------------------------------------------


@dataclass
class Prepared:
    """One generated site, started and warmed up, with a member logged in."""

    size: int
    generated: float | None
    pages: dict[str, Any]
    site: Site
    member: str
    reader: str  # a member with reader controls
    bodies: dict[str, bytes]


def prepare(database: str, size: int) -> Prepared:
    env, generated = prepare_site(database, size)
    pages = pick_pages(env)
    site = Site(env)
    try:
        # Warm up: fill the page caches and the database's own caches.
        for path in page_paths(pages).values():
            site.request("GET", path)
        member = log_in(site, pages["members"][0])
        reader = log_in(site, pages["members"][9])
        set_reader_controls(site, reader, **pages["reader"])
        bodies = {}
        for name, path in page_paths(pages).items():
            if name.startswith("reference "):
                bodies[name] = site.request("GET", path, cookie=member)[2]
            else:
                bodies[name] = site.request("GET", path)[2]
                bodies[f"member {name}"] = site.request("GET", path, cookie=member)[2]
                bodies[f"reader {name}"] = site.request("GET", path, cookie=reader)[2]
        if b"hidden by your reader settings" in bodies["reader question"]:
            raise RuntimeError("the reader's controls hide the measured question")
    except BaseException:
        site.stop()
        raise
    return Prepared(size, generated, pages, site, member, reader, bodies)


def page_paths(pages: dict[str, Any]) -> dict[str, str]:
    """Every page the bench drives, by name."""
    return {
        "question": str(pages["url"]), "reference question": f"/reference/q/{pages['question']}/",
        "home": "/", "reference home": "/reference/",
        "tag": f"/tag/{pages['tag']}/", "reference tag": f"/reference/tag/{pages['tag']}/",
    }  # fmt: skip


# Each case: (name, our page, the reference, its name, target). A page is (path, who reads
# it): a guest (""), the member ("member"), or a member with reader controls ("reader": a
# muted word and a hidden tag; their pages are stored for them alone).
CASES = [
    ("anonymous question page", ("question", ""), "nginx", "nginx, same bytes", ">= 0.25"),
    ("anonymous home page", ("home", ""), "nginx", "nginx, same bytes", ">= 0.25"),
    ("member question page", ("question", "member"), "reference question", "plain Django view", ">= 2.0"),
    ("member home page", ("home", "member"), "reference home", "plain Django view", ">= 2.0"),
    ("member with reader controls: question page", ("question", "reader"), "reference question", "plain Django view", ">= 2.0"),
    ("member with reader controls: home page", ("home", "reader"), "reference home", "plain Django view", ">= 2.0"),
    ("anonymous tag page", ("tag", ""), "nginx", "nginx, same bytes", ">= 0.25"),
    ("member tag page", ("tag", "member"), "reference tag", "plain Django view", ">= 2.0"),
]  # fmt: skip


def measure(
    database: str, sizes: list[int], *, duration: int, connections: int, repeat: int, wait: float
) -> list[dict[str, object]]:
    """Every case of one database at every size, side by side: for each case the sites of
    all sizes are driven in turn, in `repeat` rounds. Figures are medians of the rounds, and
    each ratio the median of ratios between runs made back to back (`paired_ratio`)."""
    prepared: list[Prepared] = []
    nginx = None
    try:
        for size in sizes:
            prepared.append(prepare(database, size))
        nginx = Nginx({
            f"{name}-{p.size}.html": p.bodies[name]
            for p in prepared for name in ("question", "home", "tag")
        })  # fmt: skip
        results = [{"database": database, "size": p.size, "generated_seconds": p.generated,
                    "question_url": p.pages["url"], "tag": p.pages["tag"],
                    "tag_share": p.pages["tag_share"], "cases": []} for p in prepared]  # fmt: skip
        run = {"duration": duration, "connections": connections}
        wait_until_quiet(database, limit=wait)
        log(f"{database}: wrk {duration}s x {connections} connections, {repeat} rounds")

        def url(p: Prepared, page: str) -> str:
            return p.site.url(page_paths(p.pages)[page])

        for name, (page, reader), reference, reference_name, target in CASES:
            # runs[size, "ours" or "ref"]: one figure per round.
            runs: dict[tuple[int, str], list[dict[str, float]]] = defaultdict(list)
            for round_ in range(repeat):
                # Sizes in turn, the order reversed every other round, so that neither size
                # always runs first.
                for p in prepared if round_ % 2 == 0 else prepared[::-1]:
                    cookie = {"": "", "member": p.member, "reader": p.reader}[reader]
                    runs[p.size, "ours"].append(wrk(url(p, page), cookie=cookie, **run))
                    if reference == "nginx":
                        ref = wrk(nginx.url(f"{page}-{p.size}.html"), **run)
                    else:
                        ref = wrk(url(p, reference), cookie=cookie, **run)
                    runs[p.size, "ref"].append(ref)
            for p, result in zip(prepared, results, strict=True):
                ours = runs[p.size, "ours"]
                rounds = [o["rps"] for o in ours]
                ref_rounds = [r["rps"] for r in runs[p.size, "ref"]]
                ratio = paired_ratio(rounds, ref_rounds)
                body = p.bodies[f"{reader} {page}" if reader else page]
                ref_body = body if reference == "nginx" else p.bodies[reference]
                result["cases"].append({  # type: ignore[attr-defined]
                    "case": name, "rps": statistics.median(rounds), "rounds_rps": rounds,
                    "p99_ms": statistics.median(o["p99_ms"] for o in ours),
                    "errors": sum(o["non_2xx"] + o["socket_errors"] for o in ours),
                    "reference": reference_name,
                    "reference_rps": statistics.median(ref_rounds),
                    "reference_rounds_rps": ref_rounds,
                    "ratio": ratio, "target": target,
                    "bytes": len(body), "reference_bytes": len(ref_body),
                })  # fmt: skip
                log(f"{database} {p.size:,} {name}: {rounds} vs {ref_rounds} = {ratio:.2f}")
        for p, result in zip(prepared, results, strict=True):
            writers = list(p.pages["members"])[1:9]
            result["writes"] = writes_under_readers(
                p.site, p.pages, writers, duration=duration, connections=connections
            )
            log(f"{database} {p.size:,} writes: {result['writes']}")
        return results
    finally:
        for p in prepared:
            p.site.stop()
        if nginx is not None:
            nginx.stop()


# --- the report --------------------------------------------------------------------------


def table(results: list[dict[str, object]]) -> str:
    lines = [
        "| database | questions | page | ours (req/s) | reference | reference (req/s) | ratio | target |",
        "|---|---:|---|---:|---|---:|---:|---|",
    ]
    for result in results:
        for c in result["cases"]:  # type: ignore[attr-defined]
            met = "met" if _met(c["ratio"], c["target"]) else "NOT met"
            lines.append(
                f"| {result['database']} | {result['size']:,} | {c['case']} | {c['rps']:,.0f} "
                f"| {c['reference']} | {c['reference_rps']:,.0f} | {c['ratio']:.2f} "
                f"| {c['target']} ({met}) |"
            )
    sizes = sorted({r["size"] for r in results})  # type: ignore[type-var]
    if len(sizes) > 1:
        lines += ["", f"| database | page | req/s at {sizes[0]:,} | req/s at {sizes[-1]:,} | slow-down | target |", "|---|---|---:|---:|---:|---|"]  # fmt: skip
        for database in dict.fromkeys(r["database"] for r in results):
            small = next(r for r in results if r["database"] == database and r["size"] == sizes[0])
            large = next((r for r in results if r["database"] == database and r["size"] == sizes[-1]), None)  # fmt: skip
            if large is None:
                continue
            for a, b in zip(small["cases"], large["cases"], strict=True):  # type: ignore[call-overload]
                slow = paired_ratio(a["rounds_rps"], b["rounds_rps"])
                met = "met" if slow <= 1.2 else "NOT met"
                lines.append(
                    f"| {database} | {a['case']} | {a['rps']:,.0f} | {b['rps']:,.0f} "
                    f"| {slow:.2f} | <= 1.2 ({met}) |"
                )
    lines += ["", "| database | questions | writes/s | write p99 (ms) | write errors | reads/s meanwhile | read p99 (ms) | read errors |", "|---|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    for result in results:
        w = result["writes"]
        lines.append(
            f"| {result['database']} | {result['size']:,} | {w['writes_per_s']:.0f} "  # type: ignore[index]
            f"| {w['write_p99_ms']:.0f} | {w['write_errors']} | {w['reads_per_s']:,.0f} "  # type: ignore[index]
            f"| {w['read_p99_ms']:.0f} | {w['read_errors']:.0f} |"  # type: ignore[index]
        )
    return "\n".join(lines)


def paired_ratio(ours: list[float], theirs: list[float]) -> float:
    """The median of the round-by-round ratios: each pair was measured back to back, so a
    round disturbed by the rest of the machine moves one ratio, not the figure."""
    ratios = [a / b if b else float("nan") for a, b in zip(ours, theirs, strict=True)]
    return statistics.median(ratios) if ratios else float("nan")


def _met(ratio: float, target: str) -> bool:
    op, value = target.split()
    return ratio >= float(value) if op == ">=" else ratio <= float(value)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,1000000", help="questions, comma-separated")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds; each ratio is the median of the rounds'"
    )
    parser.add_argument(
        "--wait", type=float, default=900,
        help="at most this many seconds to wait for a quiet machine before measuring",
    )  # fmt: skip
    parser.add_argument("--out", default=str(RESULTS / "latest.json"))
    args = parser.parse_args()
    ensure_tools()
    results = []
    sizes = [int(size) for size in args.sizes.split(",")]
    for database in args.databases.split(","):
        results += measure(
            database, sizes, duration=args.duration, connections=args.connections,
            repeat=args.repeat, wait=args.wait,
        )  # fmt: skip
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    report = {
        "command": "python -m bench " + " ".join(sys.argv[1:]),
        "commit": commit,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
        },
        "server": f"{server.describe()} (as ./run)",
        "runs": f"wrk {args.duration} s x {args.connections} connections, {args.repeat} rounds, "
        "medians",
        "results": results,
    }
    screening_rows = screening.measure()  # in-process, once the servers are gone
    report["screening"] = {"conditions": screening.describe(), "rows": screening_rows}
    fanouts = {database: fanout_case(database) for database in args.databases.split(",")}
    report["fanout"] = fanouts
    # Search on the largest site of the run (bench.search): the page's query mix, similar
    # questions, posting with and without the index.
    searches = [
        search.measure(database, max(sizes), rounds=search.ROUNDS)
        for database in args.databases.split(",")
    ]
    report["search"] = searches
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    heading = (
        f"`{report['command'].strip()}`, {report['when']}, commit {commit}, "
        f"{report['machine']['cpus']} CPUs, {report['server']}, {report['runs']}:"
    )
    text = heading + "\n\n" + table(results)
    text += f"\n\nCrisis screening ({screening.describe()}):\n\n" + screening.table(screening_rows)
    text += "\n\nAnswering a question with 1,000 followers (python -m bench.fanout):\n\n"
    text += _fanout_tables(fanouts)
    text += "\n\nSearch (python -m bench.search):\n\n" + search.table(searches)
    out.with_suffix(".md").write_text(text + "\n")
    print(text)
    print(f"\nWritten to {out} and {out.with_suffix('.md')}")


def fanout_case(database: str) -> dict[str, Any]:
    """The fan-out case (bench.fanout), in its own process: it sets Django up for itself."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [PYTHON, "-m", "bench.fanout", "--database", database, "--out", out.name],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        return json.loads(Path(out.name).read_text())  # type: ignore[no-any-return]


def _fanout_tables(fanouts: dict[str, dict[str, Any]]) -> str:
    lines = fanout.table(*next(iter(fanouts.items()))).splitlines()[:2]
    lines += [fanout.table(db, result).splitlines()[2] for db, result in fanouts.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
