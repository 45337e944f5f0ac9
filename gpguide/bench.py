"""Speed benchmark: `python -m gpguide.bench [--catalog DIR] [--gold FILE ...]`.

Speed targets live here, not in the test suite: timings depend on the machine."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from gpguide.catalogue import default_catalog_dir, load_catalogue
from gpguide.search import Engine

TARGETS_MS = {"query p95": 100.0, "cached load": 150.0, "cli ask": 1000.0}
SAMPLE = [
    ("sandnes", "kvinne 34 år, lett til moderat angst og søvnvansker, ønsker samtaler"),
    ("sandnes", "gutt 17, angst og hasj, skulker"),
    ("sandnes", "P76 35 år"),
    ("sandnes", "ROP-pasient med lavt funksjonsnivå"),
    ("strand", "vaksen kvinne med angst, treng nokon å snakke med"),
    ("strand", "finnes rask psykisk helsehjelp her?"),
    ("nes", "rusavhengig har ikke noe sted å sove i natt"),
    ("nes", "pasienten har hjemmesykepleie, NAV og DPS, men ingen koordinerer"),
    (None, "angst 30 år"),
    ("sandnes", "pasient med akutte selvmordstanker og konkret plan i kveld"),
    ("strand", "angts og depresjn 40 år"),
    ("sandnes", "mor til voksen sønn med rusproblemer trenger støtte selv"),
]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _time(fn, repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def run(catalog: Path, gold: list[Path], repeat: int) -> dict[str, float]:
    questions = list(SAMPLE)
    for path in gold:
        questions += [(c.get("kommune"), c["query"]) for c in yaml.safe_load(path.read_text("utf-8")) or []]
    results: dict[str, float] = {}
    results["cold load (validate)"] = _ms(min(_time(lambda: load_catalogue(catalog, cache=False), 3)))
    load_catalogue(catalog)
    results["cached load"] = _ms(min(_time(lambda: load_catalogue(catalog), 5)))
    catalogue = load_catalogue(catalog)
    results["engine build"] = _ms(min(_time(lambda: Engine(catalogue), 3)))
    engine = Engine(catalogue)
    latencies = [t for kommune, q in questions for t in _time(lambda: engine.ask(q, kommune=kommune), repeat)]
    latencies.sort()
    results["queries"] = len(questions)
    results["query p50"] = _ms(statistics.median(latencies))
    results["query p95"] = _ms(latencies[int(len(latencies) * 0.95) - 1])
    results["query max"] = _ms(latencies[-1])
    cli = [sys.executable, "-m", "gpguide", "--catalog", str(catalog), "ask", "--json", "--kommune", "sandnes", "angst 30 år"]
    results["cli ask"] = _ms(statistics.median(_time(lambda: subprocess.run(cli, capture_output=True, check=True), 5)))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gpguide.bench", description=__doc__)
    parser.add_argument("--catalog", type=Path, default=default_catalog_dir())
    parser.add_argument("--gold", type=Path, nargs="*", default=[], help="gold YAML files whose questions to time too")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = run(args.catalog, args.gold, args.repeat)
    if args.json:
        print(json.dumps(results))
        return 0
    missed = []
    for name, value in results.items():
        target = TARGETS_MS.get(name)
        unit = "" if name == "queries" else " ms"
        verdict = "" if target is None else ("  ok" if value <= target else f"  OVER target {target:.0f} ms")
        if target is not None and value > target:
            missed.append(name)
        print(f"{name:<22}{value:>10}{unit}{verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
