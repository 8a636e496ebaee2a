"""A stopped clock for code that reads `time.time()` through its module's `time`."""

from __future__ import annotations

import time
from typing import Any


class Clock:
    """Stands in for the time module where the code under test reads the time."""

    def __init__(self) -> None:
        self.now = time.time()

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def stop_clock(monkeypatch: Any, module: Any) -> Clock:
    """Make `module.time` a stopped Clock for the test, and return it."""
    clock = Clock()
    monkeypatch.setattr(module, "time", clock)
    return clock
