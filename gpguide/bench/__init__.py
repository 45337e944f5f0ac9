"""Speed and quality at two scales: `python -m gpguide.bench [--national | --bundled] [--json]`.

The bundled catalogue and a national one synthesised from it (gpguide.synth: every kommune copied, about 15,000
services) are measured in one run on this machine: loading (cold, validating every file; cached), building the
engine, peak memory, question latency with and without a kommune, `gpguide ask` end to end, and the gold pass
rate next to two baselines (BM25 and rapidfuzz WRatio) on the same data.

Speed targets live here, not in the test suite: timings depend on the machine."""

from __future__ import annotations

import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from gpguide.bench.baselines import BM25, Baseline, WRatio
from gpguide.catalogue import Catalogue, load_catalogue
from gpguide.search import Engine

# At national scale (about 15,000 services), on the project's 2-core machine: issue 15.
TARGETS: dict[str, float] = {
    "query_p50_ms": 3.0,
    "query_p95_ms": 10.0,
    "query_p95_no_kommune_ms": 30.0,
    "build_ms": 300.0,
    "cold_load_ms": 5000.0,
    "cached_load_ms": 100.0,
    "cli_ask_ms": 400.0,
    "peak_rss_mb": 150.0,
}
CLI_QUESTION = ("sandnes", "angst 30 år")
# Where the time of a `gpguide ask` goes, inside a fresh process (the rest is Python's own start).
ASK_PARTS = """
import json, sys, time
t = [time.perf_counter()]
import gpguide.cli
from gpguide.catalogue import load_catalogue
from gpguide.search import Engine
from gpguide.search.triage import classifier, table
t.append(time.perf_counter())
catalogue = load_catalogue(sys.argv[1])
t.append(time.perf_counter())
engine = Engine(catalogue)
engine.scope(sys.argv[2])
t.append(time.perf_counter())
table.signals(), classifier.model()
t.append(time.perf_counter())
engine.to_json(engine.ask(sys.argv[3], kommune=sys.argv[2]))
t.append(time.perf_counter())
parts = ("imports", "load", "engine and kommune", "triage tables", "question")
print(json.dumps({part: round((b - a) * 1000, 1) for part, a, b in zip(parts, t, t[1:])}))
"""
REPO = Path(__file__).resolve().parents[2]


def default_gold() -> list[Path]:
    """The project's gold questions, and the public set when ../shared is beside the checkout."""
    public = REPO.parent / "shared" / "eval" / "gold-public.yaml"
    return [*sorted((REPO / "tests" / "gold").glob("*.yaml")), *([public] if public.is_file() else [])]


def load_gold(paths: Sequence[Path]) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in paths:
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return cases


def passes(case: dict[str, Any], labels: list[str], answer: dict[str, Any] | None = None) -> bool:
    """The pass rules of tests/gold.py (run_case) on the top three «name | organisation» labels. Age and urgency
    are checked only when an answer is given: the baselines have neither."""

    def matches(patterns: list[str], shown: list[str]) -> bool:
        return any(re.search(p, label, re.IGNORECASE) for label in shown for p in patterns)

    if case.get("top3_any") and not matches(case["top3_any"], labels[:3]):
        return False
    if case.get("top1_any") and not matches(case["top1_any"], labels[:1]):
        return False
    if case.get("not_top3") and matches(case["not_top3"], labels[:3]):
        return False
    if answer is not None:
        if "age" in case and answer["age"] != case["age"]:
            return False
        if "urgent" in case and bool(answer["urgent"]) != bool(case["urgent"]):
            return False
    return True


def label(name: str, organization: str | None) -> str:
    return f"{name} | {organization or ''}"


# ---------- timing ----------


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    """Milliseconds of each of `runs` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _ms(value: float) -> float:
    return round(value, 2) if value < 10 else round(value, 1)


def _summary(results: dict[str, Any], key: str, times: list[float]) -> None:
    """The median under `key`, and the spread (min, max) of the runs under key_spread."""
    results[key] = _ms(statistics.median(times))
    results[key.removesuffix("_ms") + "_spread_ms"] = [_ms(min(times)), _ms(max(times))]


@contextmanager
def environment(**changes: str | None) -> Iterator[None]:
    """Environment variables set (None: removed) for the duration, then as they were."""
    saved = {k: os.environ.get(k) for k in changes}
    try:
        _set_environment(changes)
        yield
    finally:
        _set_environment(saved)


def _set_environment(values: dict[str, str | None]) -> None:
    for k, v in values.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


# ---------- one scale ----------


def measure(root: Path, cases: list[dict[str, Any]], runs: int, work: Path,
            reference: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """Every measure for the catalogue at root. `work` is an empty folder for the caches; `reference` maps a gold
    question's id to its top 3 at another scale, to count the questions whose top 3 stays the same."""
    results: dict[str, Any] = {"runs": runs}
    questions = [(case.get("kommune"), case["query"]) for case in cases]
    # The process's own cache and those of the commands it starts are kept in `work`; so is the bytecode of
    # the commands, which is written and read as an installed gpguide's is (the suite may turn that off).
    child_env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    child_env.pop("PYTHONDONTWRITEBYTECODE", None)
    child_env.pop("GPGUIDE_NO_CACHE", None)
    with environment(XDG_CACHE_HOME=str(work / "cache"), GPGUIDE_NO_CACHE=None):
        _summary(results, "cold_load_ms", timed(lambda: load_catalogue(root, cache=False), runs))
        results["cache_build_ms"] = _ms(timed(lambda: load_catalogue(root), 1)[0])
        _summary(results, "cached_load_ms", timed(lambda: load_catalogue(root), runs))
        catalogue = load_catalogue(root)
        results["services"] = len(catalogue.services)
        results["kommuner"] = len(catalogue.kommuner)
        kommune_ids = {case_kommune: catalogue.require_kommune(case_kommune).id
                       for case_kommune in {k for k, _ in questions if k}}
        missing = sorted(k for k, i in kommune_ids.items() if i not in catalogue.kommuner)
        if missing:
            raise SystemExit(f"the gold questions name kommuner the catalogue lacks: {missing}")
        place = CLI_QUESTION[0] if CLI_QUESTION[0] in catalogue.kommuner else next(iter(catalogue.kommuner))
        _summary(results, "build_ms", _builds(root, place, runs))
        results["build_no_kommune_ms"] = _ms(statistics.median(_builds(root, None, runs)))

        engine = Engine(catalogue)
        for kommune in dict.fromkeys(k for k, _ in questions):
            engine.ask("xyzzy", kommune=kommune)  # builds its indexes, and once those of names kept elsewhere
        # Each question is timed when it is first asked, as a GP's new question is (caches of words seen before
        # stay warm, as in a session).
        latencies = [timed(lambda: engine.ask(q, kommune=k), 1)[0] for k, q in questions]
        outcomes = [engine.to_json(engine.ask(q, kommune=k)) for k, q in questions]
        _latencies(results, "query", [t for t, (k, _) in zip(latencies, questions) if k],
                   [t for t, (k, _) in zip(latencies, questions) if not k])
        labels = [[label(r["name"], r.get("organization")) for r in answer["results"][:3]] for answer in outcomes]
        results["gold_cases"] = len(cases)
        results["gold_pass"] = _rate([passes(c, lab, a) for c, lab, a in zip(cases, labels, outcomes)])
        results["gold_pass_labels_only"] = _rate([passes(c, lab) for c, lab in zip(cases, labels)])
        if reference is not None:
            same = [tuple(r["id"] for r in a["results"][:3]) == reference[c["id"]] for c, a in zip(cases, outcomes)]
            results["top3_same"] = f"{sum(same)}/{len(same)}"
        baselines: list[type[Baseline]] = [WRatio]
        try:
            import bm25s  # noqa: F401  (a dev extra)

            baselines.insert(0, BM25)
        except ImportError:
            results["bm25_gold_pass"] = None
        for kind in baselines:
            _baseline(results, kind, catalogue, cases, [(kommune_ids.get(k), q) for k, q in questions], runs)

        cli = [sys.executable, "-m", "gpguide", "--catalog", str(root), "ask", "--json"]
        for n, (key, args) in enumerate((("cli_ask_ms", ["--kommune", place, CLI_QUESTION[1]]),
                                         ("cli_ask_no_kommune_ms", [CLI_QUESTION[1]]))):
            def ask(args: list[str] = args) -> None:
                subprocess.run([*cli, *args], capture_output=True, check=True, env=child_env)

            if n == 0:
                ask()  # warm: the bytecode is written by the first run
            _summary(results, key, timed(ask, runs))
        parts = [json.loads(subprocess.run([sys.executable, "-c", ASK_PARTS, str(root), place, CLI_QUESTION[1]],
                                           capture_output=True, text=True, check=True, env=child_env).stdout)
                 for _ in range(runs)]
        results["cli_ask_parts_ms"] = {part: _ms(statistics.median(p[part] for p in parts)) for part in parts[0]}
        results["peak_rss_mb"] = _peak_rss(root, questions, work, child_env)
    results["targets_met"] = {key: results[key] is not None and results[key] <= limit for key, limit in TARGETS.items()}
    return results


def _builds(root: Path, kommune: str | None, runs: int) -> list[float]:
    """Engine build and the indexes for one kommune, each time on a freshly loaded (cached) catalogue."""
    times = []
    for _ in range(runs):
        catalogue = load_catalogue(root)
        started = time.perf_counter()
        Engine(catalogue).scope(kommune)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _latencies(results: dict[str, Any], prefix: str, local: list[float], anywhere: list[float]) -> None:
    for suffix, values in (("", local), ("_no_kommune", anywhere)):  # None: no such question among the gold
        for name, p in (("p50", 50), ("p95", 95), ("max", 100)):
            results[f"{prefix}_{name}{suffix}_ms"] = _ms(percentile(values, p)) if values else None


def _rate(passed: list[bool]) -> float:
    return round(sum(passed) / len(passed), 3) if passed else 0.0


def _baseline(results: dict[str, Any], kind: type[Baseline], catalogue: Catalogue, cases: list[dict[str, Any]],
              questions: list[tuple[str | None, str]], runs: int) -> None:
    baseline = kind(catalogue)
    key = "bm25" if kind is BM25 else "wratio"
    found = [baseline.ask(q, k) for k, q in questions]
    latencies = [statistics.median(baseline.timed(q, k) * 1000 for _ in range(runs)) for k, q in questions]
    results[f"{key}_query_p50_ms"] = _ms(percentile(latencies, 50))
    results[f"{key}_query_p95_ms"] = _ms(percentile(latencies, 95))
    results[f"{key}_gold_pass"] = _rate([passes(c, [label(s.name, s.organization) for s in f[:3]])
                                         for c, f in zip(cases, found)])


def _peak_rss(root: Path, questions: list[tuple[str | None, str]], work: Path, env: dict[str, str]) -> float:
    listing = work / "questions.json"
    listing.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "gpguide.bench.session", str(root), str(listing)],
                          capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout)["peak_rss_mb"]


def top3(root: Path, cases: list[dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    """Each gold question's top 3 ids."""
    engine = Engine(load_catalogue(root))
    return {c["id"]: tuple(r.service.id for r in engine.ask(c["query"], kommune=c.get("kommune")).results[:3])
            for c in cases}


def run(catalog: Path, scales: Sequence[str], gold: Sequence[Path], runs: int, copies: int,
        progress: Callable[[str], None] = lambda _: None) -> dict[str, dict[str, Any]]:
    """Measure each scale ("bundled": the catalogue as it is; "national": synthesised from it)."""
    from gpguide.synth import synthesise_national

    cases = load_gold(gold)
    if not cases:
        raise SystemExit("no gold questions: give them with --gold FILE ...")
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="gpguide-bench-") as tmp:
        work = Path(tmp)
        for scale in scales:
            (work / scale).mkdir()
            root, reference = catalog, None
            if scale == "national":
                progress(f"synthesising the national catalogue (copies={copies}) …")
                root = work / "national-catalog"
                synthesise_national(catalog, root, copies=copies)
                with environment(XDG_CACHE_HOME=str(work / "reference-cache")):
                    reference = top3(catalog, cases)
            progress(f"measuring the {scale} scale …")
            out[scale] = {"scale": scale, **measure(root, cases, runs, work / scale, reference)}
            if scale == "national":
                out[scale]["copies"] = copies
    return out
