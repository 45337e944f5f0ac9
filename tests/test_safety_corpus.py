"""The safety corpus (tests/safety/): phrasings written blind to the detector, labelled acute, reminder or ordinary.

On the whole corpus and on each set: every acute case is urgent, at most 5 % of the ordinary cases are, and at least
90 % of the reminder cases get a reminder without an alarm.
"""

from pathlib import Path

import pytest
import yaml

from gpguide.search.triage import triage

SETS = sorted((Path(__file__).parent / "safety").glob("safety-*.yaml"))
CASES = [case for path in SETS for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
RESULTS = {case["id"]: triage(case["text"]) for case in CASES}


def _of(label: str) -> list[dict]:
    return [case for case in CASES if case["label"] == label]


def _report(cases: list[dict]) -> str:
    return "\n".join(f"{c['id']} ({c['label']} → {RESULTS[c['id']].level}): {c['text'][:160]!r}" for c in cases)


def test_the_corpus_is_large_enough_and_well_formed():
    assert {p.stem for p in SETS} >= {f"safety-s{i}" for i in range(1, 8)}
    assert len(CASES) >= 800 and len(_of("acute")) >= 500
    assert len({c["id"] for c in CASES}) == len(CASES), "ids must be unique"
    assert {c["label"] for c in CASES} == {"acute", "reminder", "ordinary"}


def test_every_acute_case_is_urgent_with_a_reason():
    missed = [c for c in _of("acute") if not RESULTS[c["id"]].urgent]
    assert not missed, f"{len(missed)} acute cases missed:\n" + _report(missed)
    assert all(RESULTS[c["id"]].reasons for c in _of("acute"))


def test_few_false_alarms_on_ordinary_cases():
    ordinary = _of("ordinary")
    alarms = [c for c in ordinary if RESULTS[c["id"]].urgent]
    assert len(alarms) <= 0.05 * len(ordinary), f"{len(alarms)} false alarms:\n" + _report(alarms)


def test_reminder_cases_get_a_reminder_and_no_alarm():
    reminder = _of("reminder")
    wrong = [c for c in reminder if RESULTS[c["id"]].level != "reminder" or not RESULTS[c["id"]].reminders]
    assert len(wrong) <= 0.10 * len(reminder), f"{len(wrong)} reminder cases wrong:\n" + _report(wrong)


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_each_set_keeps_its_acute_recall(path):
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    missed = [c for c in cases if c["label"] == "acute" and not RESULTS[c["id"]].urgent]
    assert not missed, _report(missed)


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_each_set_keeps_few_false_alarms_and_its_reminders(path):
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    ordinary = [c for c in cases if c["label"] == "ordinary"]
    reminder = [c for c in cases if c["label"] == "reminder"]
    alarms = [c for c in ordinary if RESULTS[c["id"]].urgent]
    wrong = [c for c in reminder if RESULTS[c["id"]].level != "reminder" or not RESULTS[c["id"]].reminders]
    assert len(alarms) <= 0.05 * len(ordinary), f"{len(alarms)} false alarms:\n" + _report(alarms)
    assert len(wrong) <= 0.10 * len(reminder), f"{len(wrong)} reminder cases wrong:\n" + _report(wrong)
