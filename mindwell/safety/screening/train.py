"""Train the crisis wording model: python -m mindwell.safety.screening.train

A logistic regression over the words and word pairs of normalised text, telling first-person
crisis (texts labelled crisis or method) from the rest (none, incitement). It learns ONLY from
the tuning part of mindwell/safety/eval/texts.jsonl; the held-out part is never read here.
Pure Python, seeded, so the same data and rules give the same file. It writes
rules/model.tsv, which the engine reads at import; screening's VERSION changes with it.

Retrain after changing the evaluation set's tuning part or the normalisation (variants.txt,
normalize.py), since the model's words come from it.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
from collections import Counter
from pathlib import Path

from mindwell.safety.screening import evaluation
from mindwell.safety.screening.engine import ENGINE
from mindwell.safety.screening.model import MODEL_FILE, features

L2 = 0.01
EPOCHS = 60
RATE = 0.3
LEAST_TEXTS = 2  # a word or pair must appear in at least this many tuning texts
KEEP = 3000  # the strongest weights kept in the file
SEED = 1


def train(texts: list[set[str]], labels: list[int]) -> tuple[dict[str, float], float]:
    counts = Counter(feature for text in texts for feature in text)
    known = {feature for feature, count in counts.items() if count >= LEAST_TEXTS}
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(texts)))
    shuffle = random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(order)
        for at in order:
            present = sorted(feature for feature in texts[at] if feature in known)
            score = bias + sum(weights.get(feature, 0.0) for feature in present)
            error = 1 / (1 + math.exp(-max(-30.0, min(30.0, score)))) - labels[at]
            scale = math.sqrt(len(present) + 1)
            for feature in present:
                old = weights.get(feature, 0.0)
                weights[feature] = old - RATE * (error / scale + L2 * old)
            bias -= RATE * error * 0.1
    strongest = sorted(weights.items(), key=lambda item: (-abs(item[1]), item[0]))[:KEEP]
    return dict(strongest), bias


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m mindwell.safety.screening.train")
    parser.add_argument("--file", type=Path, default=evaluation.EVAL_FILE)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args()
    tune = [text for text in evaluation.read(args.file) if text.split == "tune"]
    texts = [features(ENGINE.doc(text.text).words) for text in tune]
    labels = [1 if text.label in ("crisis", "method") else 0 for text in tune]
    weights, bias = train(texts, labels)
    digest = hashlib.sha256("\n".join(t.id + t.text for t in tune).encode()).hexdigest()[:12]
    lines = [
        "# Crisis wording model (mindwell/safety/screening/train.py): logistic regression",
        "# weights over normalised words and word pairs, first-person crisis (labelled crisis",
        "# or method) against the rest. Trained only on the tuning part of the evaluation set",
        f"# ({len(tune)} texts, sha256 {digest}); L2 {L2}, {EPOCHS} epochs, words in at least",
        f"# {LEAST_TEXTS} texts, the {KEEP} strongest weights. Do not edit: retrain.",
        f"@bias {bias:.4f}",
    ]
    lines += [
        f"{weight:.4f}\t{feature}"
        for feature, weight in sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {len(weights)} weights to {args.out}")


if __name__ == "__main__":
    main()
