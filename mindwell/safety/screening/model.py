"""The crisis wording model (rules/model.tsv, made by train.py): the probability that a text
is first-person crisis language, from the words and word pairs it uses. A second opinion for
the engine where the phrase rules find too little; standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "rules" / "model.tsv"


def features(words: Sequence[str]) -> set[str]:
    """A text's features: its normalised words and its pairs of neighbouring words."""
    found = set(words)
    found.update(map(" ".join, pairwise(words)))
    return found


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float

    def judge(self, words: Sequence[str]) -> tuple[float, list[str]]:
        """The probability of crisis, and the features that pushed it up most."""
        weights = self.weights
        present = [(weights[f], f) for f in features(words) if f in weights]
        score = self.bias + sum(weight for weight, _ in present)
        probability = 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))
        strongest = [f for weight, f in sorted(present, reverse=True)[:4] if weight > 0]
        return probability, strongest


def load(path: Path = MODEL_FILE) -> Model | None:
    """The model, or None when there is no model file (the rules then work alone)."""
    if not path.exists():
        return None
    weights: dict[str, float] = {}
    bias = 0.0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        if line.startswith("@bias "):
            bias = float(line.split()[1])
            continue
        weight, sep, feature = line.partition("\t")
        if not sep:
            raise ValueError(f"{path.name}:{number}: expected 'weight<TAB>feature'")
        weights[feature] = float(weight)
    return Model(weights=weights, bias=bias)
