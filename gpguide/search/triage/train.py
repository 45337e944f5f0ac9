"""Train the second net from the repository: `python -m gpguide.search.triage.train` writes weights.json.

The examples are the safety corpus (tests/safety: acute against reminder and ordinary) and the gold questions
(tests/gold: urgent against the rest). Everything is deterministic: the same repository gives the same file.
`--loso` instead estimates how well it generalises: trained on all sets but one, measured on the one left out.
"""

from __future__ import annotations

import argparse
import math
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from gpguide.search.triage.classifier import WEIGHTS, Model, features, parts
from gpguide.search.triage.detect import about_now, by_rules

ROOT = Path(__file__).resolve().parents[3]
EPOCHS = 30
RATE = 0.2
L2 = 1e-4
MIN_COUNT = 2
KEEP = 6000  # the largest weights kept in the file
FOLDS = 5
MAX_FALSE_RAISE = 0.02  # of the non-acute texts in cross-validation


@dataclass(frozen=True)
class Example:
    text: str
    acute: bool
    group: str  # the corpus set or gold file it comes from


def examples() -> list[Example]:
    found = []
    for path in sorted((ROOT / "tests" / "safety").glob("safety-*.yaml")):
        found += [Example(c["text"], c["label"] == "acute", path.stem) for c in yaml.safe_load(path.read_text())]
    for path in sorted((ROOT / "tests" / "gold").glob("*.yaml")):
        found += [Example(c["query"], c.get("urgent") is True, "gold") for c in yaml.safe_load(path.read_text())]
    return found


def _instances(example: Example) -> list[tuple[list[str], bool]]:
    """What the model learns from: every part of a text that is not acute; the alarming part of an acute one (the
    part the rules find acute, else the last, where pasted notes keep what happened today)."""
    pieces = parts(example.text)
    if not example.acute:
        return [(features(p), False) for p in pieces]
    alarming = [p for p in pieces if by_rules(p).urgent] if len(pieces) > 1 else pieces
    return [(features(p), True) for p in alarming or pieces[-1:]]


def fit(data: list[Example], seed: int = 0) -> tuple[dict[str, float], float]:
    """Logistic regression with AdaGrad and L2, in pure Python."""
    instances = [i for e in data for i in _instances(e)]
    counts = Counter(f for fs, _ in instances for f in fs)
    vocabulary = {f for f, n in counts.items() if n >= MIN_COUNT}
    instances = [([f for f in fs if f in vocabulary], y) for fs, y in instances]
    positives = sum(y for _, y in instances)
    balance = {True: len(instances) / (2 * max(1, positives)), False: len(instances) / (2 * max(1, len(instances) - positives))}
    weights: dict[str, float] = dict.fromkeys(sorted(vocabulary), 0.0)
    squares: dict[str, float] = dict.fromkeys(weights, 1e-8)
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(instances)))
    shuffle = random.Random(seed)
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for i in order:
            fs, y = instances[i]
            score = bias + sum(weights[f] for f in fs)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))
            g = (p - y) * balance[y]
            for f in fs:
                grad = g + L2 * weights[f]
                squares[f] += grad * grad
                weights[f] -= RATE * grad / math.sqrt(squares[f])
            bias_square += g * g
            bias -= RATE * g / math.sqrt(bias_square)
    return weights, bias


def _score(model: Model, text: str) -> float:
    return max(model.score(p) for p in parts(text))


def threshold(data: list[Example]) -> float:
    """The lowest score at which at most MAX_FALSE_RAISE of the non-acute texts, scored by a model that did not see
    them (cross-validation), would be raised to acute."""
    scores = []
    for fold in range(FOLDS):
        train = [e for i, e in enumerate(data) if i % FOLDS != fold]
        model = Model(*fit(train), threshold=0.0)
        scores += [_score(model, e.text) for i, e in enumerate(data) if i % FOLDS == fold and not e.acute]
    scores.sort(reverse=True)
    allowed = int(MAX_FALSE_RAISE * len(scores))
    return max(0.0, scores[allowed] + 1e-6)


def train(data: list[Example]) -> Model:
    weights, bias = fit(data)
    kept = sorted(weights, key=lambda f: (-abs(weights[f]), f))[:KEEP]
    return Model({f: weights[f] for f in kept}, bias, threshold(data))


def leave_one_set_out(data: list[Example]) -> None:
    sets = sorted({e.group for e in data} - {"gold"})
    for held in sets:
        model = train([e for e in data if e.group != held])
        test = [e for e in data if e.group == held]
        acute = [e for e in test if e.acute]
        other = [e for e in test if not e.acute]
        caught = sum(model.alarming(about_now(e.text)) is not None for e in acute)
        raised = sum(model.alarming(about_now(e.text)) is not None for e in other)
        print(f"{held}: the net alone finds {caught}/{len(acute)} acute cases and raises {raised}/{len(other)} "
              "of the reminder and ordinary ones")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out estimate instead of training")
    args = parser.parse_args()
    data = examples()
    if args.loso:
        leave_one_set_out(data)
        return
    WEIGHTS.write_text(train(data).to_json(), encoding="utf-8")
    print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
