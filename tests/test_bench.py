"""The benchmark runs at a tiny national scale and reports every measure (its timings are not judged here)."""

import json

from gpguide import bench
from gpguide.bench import __main__ as bench_main
from tests.conftest import ROOT
from tests.gold import load_cases, run_case

GOLD = ROOT / "tests" / "gold" / "national-specialist.yaml"  # questions with and without a kommune
KEYS = {"services", "query_p50_ms", "query_p95_ms", "query_p95_no_kommune_ms", "build_ms", "cold_load_ms",
        "cached_load_ms", "cli_ask_ms", "peak_rss_mb", "gold_pass", "bm25_gold_pass", "wratio_gold_pass"}


def test_bench_reports_every_measure_at_national_scale(capsys, engine):
    assert bench_main.main(["--national", "--copies", "2", "--runs", "1", "--gold", str(GOLD), "--json"]) in (0, 1)
    results = json.loads(capsys.readouterr().out)
    assert KEYS | set(bench.TARGETS) <= set(results)
    assert results["scale"] == "national" and results["kommuner"] == 6
    assert all(results[key] > 0 for key in KEYS - {"gold_pass", "bm25_gold_pass", "wratio_gold_pass"})
    cases = load_cases(GOLD)
    # The bench's pass rules are those of tests/gold.py, and the national copies answer as the bundled catalogue.
    assert results["gold_pass"] == round(sum(run_case(engine, c).passed for c in cases) / len(cases), 3)
    assert results["top3_same"] == f"{len(cases)}/{len(cases)}"
    assert 0 <= results["bm25_gold_pass"] <= 1 and 0 <= results["wratio_gold_pass"] <= 1


def test_percentile_is_the_nearest_rank():
    values = list(range(1, 101))
    assert bench.percentile(values, 50) == 50 and bench.percentile(values, 95) == 95
    assert bench.percentile([7.0], 95) == 7.0
