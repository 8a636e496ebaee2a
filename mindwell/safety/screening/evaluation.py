"""The screening measured on the labelled evaluation set (mindwell/safety/eval/texts.jsonl),
for `manage.py screen_eval` and the test that guards the targets.

How outcomes are counted: a text counts for the outcome screening gave it, whatever its
`support` flag. So crisis precision is (labelled crisis and screened crisis) / (screened
crisis): a text labelled method that screening reads as method with support=True is right
for method and does not count for crisis at all; one labelled crisis and read as method is a
miss for crisis recall (it is held, and its author still gets the support page). The support
flag is reported on its own line.

Only the tuning part's texts are ever listed (`errors`); the held-out part is counted only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mindwell.safety.screening import Result, screen

EVAL_FILE = Path(__file__).resolve().parent.parent / "eval" / "texts.jsonl"
OUTCOMES = ("crisis", "incitement", "method", "none")
PARTS = ("tune", "held_out")

# The targets, on the held-out part.
CRISIS_RECALL = 0.95
CRISIS_PRECISION = 0.90
LONG_CRISIS_AS_NONE = 0.05  # at most 1 in 20


@dataclass(frozen=True)
class Labelled:
    id: str
    split: str
    label: str
    long: bool
    kind: str
    text: str


def read(path: Path = EVAL_FILE) -> list[Labelled]:
    """The labelled texts; a malformed line stops with its line number."""
    texts = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = Labelled(
                    id=str(row["id"]),
                    split=row["split"],
                    label=row["label"],
                    long=bool(row["long"]),
                    kind=str(row.get("kind", "")),
                    text=row["text"],
                )
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path.name}:{number}: {error}") from None
            if text.split not in PARTS or text.label not in OUTCOMES:
                raise ValueError(f"{path.name}:{number}: unknown split or label")
            texts.append(text)
    return texts


@dataclass
class Part:
    """The figures for one part of the set."""

    name: str
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {label: dict.fromkeys(OUTCOMES, 0) for label in OUTCOMES}
    )
    long_crisis: int = 0
    long_crisis_as_none: int = 0
    supported: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    errors: list[tuple[Labelled, Result]] = field(default_factory=list)  # tune only

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.confusion.values())

    def labelled(self, label: str) -> int:
        return sum(self.confusion[label].values())

    def screened(self, outcome: str) -> int:
        return sum(row[outcome] for row in self.confusion.values())

    def precision(self, outcome: str) -> float | None:
        screened = self.screened(outcome)
        return self.confusion[outcome][outcome] / screened if screened else None

    def recall(self, outcome: str) -> float | None:
        labelled = self.labelled(outcome)
        return self.confusion[outcome][outcome] / labelled if labelled else None

    @property
    def long_crisis_none_share(self) -> float:
        return self.long_crisis_as_none / self.long_crisis if self.long_crisis else 0.0


def evaluate(
    texts: Iterable[Labelled], screener: Callable[[str], Result] = screen
) -> dict[str, Part]:
    parts = {name: Part(name) for name in PARTS}
    for text in texts:
        part = parts[text.split]
        result = screener(text.text)
        part.confusion[text.label][result.outcome] += 1
        if result.support:
            part.supported[text.label] += 1
        if text.label == "crisis" and text.long:
            part.long_crisis += 1
            if result.outcome == "none":
                part.long_crisis_as_none += 1
        if text.split == "tune" and result.outcome != text.label:
            part.errors.append((text, result))
    return parts


@dataclass(frozen=True)
class Target:
    name: str
    value: float | None
    wanted: str
    met: bool


def targets(held_out: Part) -> list[Target]:
    recall = held_out.recall("crisis")
    precision = held_out.precision("crisis")
    share = held_out.long_crisis_none_share
    return [
        Target(
            "crisis recall",
            recall,
            f">= {CRISIS_RECALL:.2f}",
            recall is not None and recall >= CRISIS_RECALL,
        ),
        Target(
            "crisis precision",
            precision,
            f">= {CRISIS_PRECISION:.2f}",
            precision is not None and precision >= CRISIS_PRECISION,
        ),
        Target(
            "long crisis as none",
            share,
            f"<= {LONG_CRISIS_AS_NONE:.0%} (1 in 20)",
            held_out.long_crisis > 0 and share <= LONG_CRISIS_AS_NONE,
        ),
    ]


def _figure(value: float | None) -> str:
    return "    -" if value is None else f"{value:.3f}"


def render_part(part: Part) -> str:
    lines = [f"{part.name}: {part.total} texts", ""]
    lines.append(f"  {'outcome':<12}{'precision':>10}{'recall':>8}{'labelled':>10}{'screened':>10}")
    for outcome in OUTCOMES:
        lines.append(
            f"  {outcome:<12}{_figure(part.precision(outcome)):>10}"
            f"{_figure(part.recall(outcome)):>8}{part.labelled(outcome):>10}"
            f"{part.screened(outcome):>10}"
        )
    lines += ["", "  confusion (rows: label, columns: outcome)"]
    lines.append("  " + f"{'label':<12}" + "".join(f"{o:>12}" for o in OUTCOMES))
    for label in OUTCOMES:
        row = part.confusion[label]
        lines.append("  " + f"{label:<12}" + "".join(f"{row[o]:>12}" for o in OUTCOMES))
    lines += [
        "",
        f"  long crisis as none: {part.long_crisis_as_none} of {part.long_crisis}"
        f" ({part.long_crisis_none_share:.1%})",
        f"  crisis read as method (held, author still offered support):"
        f" {part.confusion['crisis']['method']}",
        f"  may need support: {part.supported['crisis']} of {part.labelled('crisis')} crisis"
        f" texts, {part.supported['method']} of {part.labelled('method')} method texts,"
        f" {part.supported['none']} of {part.labelled('none')} none texts",
    ]
    return "\n".join(lines)


def render(parts: dict[str, Part]) -> str:
    out = [render_part(parts[name]) for name in PARTS]
    out.append("held-out targets")
    for target in targets(parts["held_out"]):
        value = "-" if target.value is None else f"{target.value:.3f}"
        state = "met" if target.met else "NOT MET"
        out.append(f"  {target.name:<22}{value:>7}  {target.wanted:<20}{state}")
    return "\n\n".join(out[:2]) + "\n\n" + "\n".join(out[2:])


def render_errors(part: Part) -> str:
    """The tuning part's misclassified texts, with the reasons screening gave."""
    if part.name != "tune":
        raise ValueError("only the tuning part's texts are ever listed")
    lines = [f"tune: {len(part.errors)} misclassified"]
    for text, result in part.errors:
        lines.append(f"\n{text.id} ({text.kind}, {'long' if text.long else 'short'}):")
        lines.append(f"  labelled {text.label}, screened {result.outcome}")
        lines += [f"  - {reason}" for reason in result.reasons]
    return "\n".join(lines)
