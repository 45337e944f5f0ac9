"""Quality guard: the project's own gold questions (and the public set when ../shared is beside the repo)."""

from pathlib import Path

import pytest

from tests.gold import load_cases, run_case

GOLD_DIR = Path(__file__).parent / "gold"
PUBLIC = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gold-public.yaml"
MIN_PASS_RATE = 0.90


def _report(outcomes) -> str:
    return "\n".join(f"{o.case['id']}: {o.case['query']!r}: {'; '.join(o.problems)}" for o in outcomes if not o.passed)


def _check(engine, cases):
    outcomes = [run_case(engine, case) for case in cases]
    rate = sum(o.passed for o in outcomes) / len(outcomes)
    must_not = [o for o in outcomes if o.must_not]
    assert not must_not, "must-not violations:\n" + _report(must_not)
    assert rate >= MIN_PASS_RATE, f"gold pass rate {rate:.0%} < {MIN_PASS_RATE:.0%}:\n" + _report(outcomes)


def test_project_gold_set_has_enough_cases():
    cases = load_cases(*sorted(GOLD_DIR.glob("*.yaml")))
    assert len(cases) >= 60
    assert len({c["id"] for c in cases}) == len(cases), "gold ids must be unique"
    kommuner = {c.get("kommune") for c in cases}
    assert {"sandnes", "strand", "nes"} <= kommuner


def test_project_gold_set(engine):
    _check(engine, load_cases(*sorted(GOLD_DIR.glob("*.yaml"))))


@pytest.mark.skipif(not PUBLIC.exists(), reason="../shared/eval/gold-public.yaml is not beside this clone")
def test_public_gold_set(engine):
    _check(engine, load_cases(PUBLIC))
