"""The last blind sets, written after all changes and measured once: the honest estimate. They are not tuned on,
so they are held to their one-time scores rather than to the rules of tests/gold and tests/safety."""

from pathlib import Path

import yaml

from gpguide.search.triage import triage
from tests.gold import load_cases, run_case

FINAL = Path(__file__).parent / "final"


def test_the_last_door_set_keeps_its_one_time_score(engine):
    outcomes = [run_case(engine, case) for case in load_cases(FINAL / "door-d16.yaml")]
    assert len(outcomes) == 80
    assert sum(o.passed for o in outcomes) >= 74
    assert sum(o.must_not for o in outcomes) == 0


def test_the_last_safety_set_keeps_its_one_time_score():
    cases = yaml.safe_load((FINAL / "safety-s16.yaml").read_text(encoding="utf-8"))
    verdicts = [(case["label"], triage(case["text"])) for case in cases]
    assert len(verdicts) == 120
    assert sum(t.urgent for label, t in verdicts if label == "acute") >= 64
    assert sum(not t.urgent and t.level == "reminder" and bool(t.reminders)
               for label, t in verdicts if label == "reminder") >= 23
    assert sum(t.urgent for label, t in verdicts if label == "ordinary") <= 2
