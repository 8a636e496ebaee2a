"""`manage.py screen` screens text from outside, one JSON line in, one out, as a real process
reading a pipe: it answers each line as it comes, keeps going past lines it cannot use, and
its memory stays flat over thousands of lines."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from mindwell.safety.screening import screen

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test", "PYTHONUNBUFFERED": "1"}


def start(*args):
    return subprocess.Popen(
        [sys.executable, "manage.py", "screen", *args],
        cwd=ROOT,
        env=ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def run(data: bytes, *args) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "manage.py", "screen", *args],
        cwd=ROOT,
        env=ENV,
        input=data,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stderr == b""
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_it_answers_each_line_before_the_next_one_is_sent():
    process = start()
    try:
        for number, text in enumerate(["I want to die", "killing it at work", "kys"]):
            process.stdin.write(json.dumps({"id": number, "text": text}).encode() + b"\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())  # would hang without a flush
            assert answer["id"] == number
            assert answer["outcome"] == screen(text).outcome
            assert answer["reasons"] == list(screen(text).reasons)
    finally:
        process.stdin.close()
        assert process.wait(timeout=60) == 0


ODD_LINES: list[tuple[bytes, dict]] = [
    (b"not json at all", {"id": None}),
    (b"[1, 2, 3]", {"id": None}),
    (b'"just a string"', {"id": None}),
    (b'{"id": "no-text"}', {"id": "no-text"}),
    (b'{"id": 7, "text": 42}', {"id": 7}),
    (b'{"id": 8, "text": null}', {"id": 8}),
    (b'{"id": NaN, "text": "x"}', {"id": None}),
    (b"\xff\xfe\x00\x01 binary \x80\x81", {"id": None}),
    (b'{"id": 9, "text": "unclosed', {"id": None}),
]


def test_thousands_of_lines_with_odd_ones_mixed_in_each_get_an_answer():
    big = "i keep writing and writing " * 4000 + "and honestly i want to die"  # ~110 KB
    lines: list[bytes] = []
    expected: list[dict] = []
    for number in range(5000):
        if number % 250 == 0:
            lines.append(b"")  # blank lines are skipped, not answered
            lines.append(b"   ")
        if number % 100 == 50:
            raw, answer = ODD_LINES[(number // 100) % len(ODD_LINES)]
            lines.append(raw)
            expected.append({**answer, "error": True})
        text = {0: big, 1: "لا أريد أن أعيش", 2: "我今天很好", 3: "🙂🙃💀", 4: ""}.get(
            number % 500, f"post {number}: my therapist moved my session again"
        )
        key = {"n": number} if number % 1000 == 3 else number
        lines.append(json.dumps({"id": key, "text": text}).encode())
        expected.append({"id": key, "outcome": screen(text).outcome})
    answers = run(b"\n".join(lines) + b"\n")
    assert len(answers) == len(expected)
    for answer, wanted in zip(answers, expected, strict=True):
        assert answer["id"] == wanted["id"]
        if wanted.get("error"):
            assert set(answer) == {"id", "error"} and answer["error"]
        else:
            assert answer["outcome"] == wanted["outcome"]
            assert isinstance(answer["reasons"], list) and answer["reasons"]
    assert answers[0]["outcome"] == "crisis"  # the 110 KB post, its crisis words at the end


def test_a_line_too_long_to_keep_is_answered_with_an_error_and_the_next_is_screened():
    huge = b'{"id": 1, "text": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    answers = run(huge + b"\n" + json.dumps({"id": 2, "text": "i want to die"}).encode() + b"\n")
    assert answers[0] == {"id": None, "error": "line longer than 4194304 bytes"}
    assert answers[1]["id"] == 2 and answers[1]["outcome"] == "crisis"


def test_support_is_given_on_request():
    answers = run(b'{"id": 1, "text": "i want to die"}\n', "--support")
    assert answers[0]["support"] is True


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_memory_stays_flat_over_thousands_of_lines():
    process = start()
    line = json.dumps({"id": 1, "text": "some days i wonder what the point is " * 200}) + "\n"

    def feed():
        for _ in range(6000):
            process.stdin.write(line.encode())
        process.stdin.close()

    writer = threading.Thread(target=feed)
    writer.start()
    sizes = {}
    for count in range(1, 6001):
        assert json.loads(process.stdout.readline())["id"] == 1
        if count in (1000, 5500):
            sizes[count] = rss_kb(process.pid)
    writer.join()
    assert process.wait(timeout=60) == 0
    assert sizes[5500] - sizes[1000] < 10_000, sizes  # kB: no growth with the line count
