import json
import sys
from argparse import ArgumentParser
from typing import IO, Any

from django.core.management.base import BaseCommand

from mindwell.safety.screening import screen

LONGEST_LINE = 4 * 1024 * 1024  # bytes; a longer line is answered with an error and skipped
CHUNK = 1024 * 1024


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # a filter: start fast, touch nothing
    help = (
        'Screen text from outside: reads JSON lines {"id": ..., "text": "..."} on standard '
        'input and writes one JSON line per input, {"id": ..., "outcome": ..., "reasons": '
        '[...]}, or {"id": ..., "error": "..."} for a line it cannot use. Streams: one line '
        "in, one line out, flushed; blank lines are skipped."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--support",
            action="store_true",
            help='also write "support": true when the author may need support',
        )

    def handle(self, *args: Any, support: bool, **options: Any) -> None:
        source: IO[bytes] = options.get("stdin") or sys.stdin.buffer
        try:
            for line in _lines(source):
                self.stdout.write(json.dumps(_answer(line, support=support)))
                self.stdout.flush()
        except BrokenPipeError:  # the reader went away (| head): stop quietly
            sys.stderr.close()


def _lines(source: IO[bytes]) -> Any:
    """Input lines as bytes, one at a time; an over-long line is read through in chunks and
    given as None."""
    while True:
        line = source.readline(LONGEST_LINE + 1)
        if not line:
            return
        if len(line) > LONGEST_LINE and not line.endswith(b"\n"):
            while True:  # read the rest of it without keeping it
                rest = source.readline(CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        if line.strip():
            yield line


def _answer(line: bytes | None, *, support: bool) -> dict[str, Any]:
    if line is None:
        return {"id": None, "error": f"line longer than {LONGEST_LINE} bytes"}
    try:
        item = json.loads(line.decode("utf-8", errors="replace"), parse_constant=_no_constant)
    except ValueError as error:
        return {"id": None, "error": f"not JSON: {error}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "not a JSON object"}
    key = item.get("id")  # given back as it came, whatever JSON it is
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": key, "error": 'missing "text", or not a string'}
    result = screen(text)
    answer: dict[str, Any] = {"id": key, "outcome": result.outcome, "reasons": result.reasons}
    if support:
        answer["support"] = result.support
    return answer


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")
