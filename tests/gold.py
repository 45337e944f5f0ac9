"""Run gold questions in-process, with the same rules as ../shared/eval/score.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass
class Outcome:
    case: dict
    problems: list[str]

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def must_not(self) -> bool:
        return any(p.startswith("must-not") for p in self.problems)


def load_cases(*paths: Path) -> list[dict]:
    cases = []
    for path in paths:
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return cases


def _matches(patterns: list[str], labels: list[str]) -> list[str]:
    return [lab for lab in labels if any(re.search(p, lab, re.IGNORECASE) for p in patterns)]


def run_case(engine, case: dict) -> Outcome:
    answer = engine.to_json(engine.ask(case["query"], kommune=case.get("kommune")))
    labels = [f"{r['name']} | {r.get('organization') or ''}" for r in answer["results"][:3]]
    problems = []
    if case.get("top3_any") and not _matches(case["top3_any"], labels):
        problems.append(f"top-3 has none of {case['top3_any']}")
    if case.get("top1_any") and not _matches(case["top1_any"], labels[:1]):
        problems.append(f"top-1 is not one of {case['top1_any']}")
    if case.get("not_top3") and _matches(case["not_top3"], labels):
        problems.append(f"must-not in top-3: {_matches(case['not_top3'], labels)}")
    if "age" in case and answer["age"] != case["age"]:
        problems.append(f"age {answer['age']!r}, expected {case['age']!r}")
    if "urgent" in case and bool(answer["urgent"]) != bool(case["urgent"]):
        problems.append(f"urgent {answer['urgent']!r}, expected {case['urgent']!r}")
    if problems:
        problems.append("got: " + "; ".join(labels))
    return Outcome(case, problems)
