"""Crisis screening: what a new post, answer, comment or edit says about its writer's safety
and others'. Pure Python, no database, no network; see README.md beside this file.

    screen(text) -> Result(outcome, reasons, support)

`outcome` is one of mindwell.safety.models.Outcome's values: "crisis" (the writer, now,
intends or considers ending their life or seriously harming themselves), "incitement"
(urging someone else to, pacts), "method" (means or detail; also first-person intent with a
means), "none". `support` marks a writer who may need support: first-person crisis language
counted, or a method that is their own. `VERSION` changes whenever the rules or the engine do.
"""

from __future__ import annotations

from dataclasses import dataclass

from mindwell.safety.screening.engine import ENGINE

VERSION: str = ENGINE.rules.version


@dataclass(frozen=True)
class Result:
    outcome: str  # "crisis" | "incitement" | "method" | "none"
    reasons: tuple[str, ...]  # for a moderator: which words, and how they were read
    support: bool  # the writer may need support now (crisis language, or their own method)


def screen(text: str) -> Result:
    """Screen one text; fast (well under 2 ms for a typical post), never raises on any str."""
    verdict = ENGINE.judge(text)
    return Result(outcome=verdict.outcome, reasons=verdict.reasons, support=verdict.support)


__all__ = ["VERSION", "Result", "screen"]
