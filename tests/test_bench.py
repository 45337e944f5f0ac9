import json

from gpguide import bench


def test_bench_reports_every_measure(capsys):
    assert bench.main(["--json", "--repeat", "1"]) in (0, 1)
    results = json.loads(capsys.readouterr().out)
    assert set(bench.TARGETS_MS) <= set(results)
    assert results["queries"] >= len(bench.SAMPLE)
    assert all(value > 0 for value in results.values())
