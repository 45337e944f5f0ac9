"""`python -m gpguide.bench`: see gpguide/bench/__init__.py."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

from gpguide import bench
from gpguide.bench import TARGETS, default_gold, run
from gpguide.catalogue import default_catalog_dir

ROWS = [  # key, what, unit
    ("cold_load_ms", "load, cold (validate every file)", "ms"),
    ("cache_build_ms", "load, first start (fill the cache)", "ms"),
    ("cached_load_ms", "load, cached", "ms"),
    ("build_ms", "engine build + one kommune's indexes", "ms"),
    ("build_no_kommune_ms", "engine build + indexes for no kommune", "ms"),
    ("query_p50_ms", "question p50, with kommune", "ms"),
    ("query_p95_ms", "question p95, with kommune", "ms"),
    ("query_max_ms", "question max, with kommune", "ms"),
    ("query_p50_no_kommune_ms", "question p50, no kommune", "ms"),
    ("query_p95_no_kommune_ms", "question p95, no kommune", "ms"),
    ("query_max_no_kommune_ms", "question max, no kommune", "ms"),
    ("cli_ask_ms", "`gpguide ask --kommune`, warm", "ms"),
    ("cli_ask_no_kommune_ms", "`gpguide ask`, no kommune, warm", "ms"),
    ("peak_rss_mb", "peak memory (load, engine, gold)", "MB"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gpguide.bench", description=bench.__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    scale = parser.add_mutually_exclusive_group()
    scale.add_argument("--national", action="store_true", help="only the national scale (synthesised)")
    scale.add_argument("--bundled", action="store_true", help="only the catalogue as it is")
    parser.add_argument("--catalog", type=Path, default=default_catalog_dir(), help="the catalogue to start from")
    parser.add_argument("--copies", type=int, default=106, help="copies of each kommune at national scale")
    parser.add_argument("--gold", type=Path, nargs="+", default=None,
                        help="gold YAML files (default: tests/gold/*.yaml and ../shared/eval/gold-public.yaml)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each measure (medians are reported)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object: the scale asked for, or {bundled: …, national: …} for both")
    args = parser.parse_args(argv)
    scales = ["national"] if args.national else ["bundled"] if args.bundled else ["bundled", "national"]
    results = run(args.catalog, scales, args.gold or default_gold(), args.runs, args.copies,
                  progress=lambda text: None if args.json else print(text, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(results[scales[0]] if len(scales) == 1 else results, ensure_ascii=False))
    else:
        _print(results)
    return 0 if all(all(r["targets_met"].values()) for r in results.values()) else 1


def _print(results: dict[str, dict[str, Any]]) -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    scales = list(results)
    first = results[scales[0]]
    print(f"gpguide bench · {dt.date.today()} · Python {platform.python_version()} · {cores} cores · "
          f"median (min–max) of {first['runs']} runs")
    print(f"\n{'':<40}" + "".join(f"{s:>26}" for s in scales) + f"{'target at 15k':>20}")
    sizes = [f"{r['services']} / {r['kommuner']}" for r in results.values()]
    print(f"{'services / kommuner':<40}" + "".join(f"{size:>26}" for size in sizes))
    for key, what, unit in ROWS:
        cells = ""
        for r in results.values():
            spread = r.get(key.removesuffix("_ms") + "_spread_ms")
            cell = "–" if r[key] is None else f"{r[key]:g} {unit}"
            cells += f"{cell + (f' ({spread[0]:g}–{spread[1]:g})' if spread else ''):>26}"
        target = TARGETS.get(key)
        verdict = ""
        if target is not None:
            verdict = f"≤ {target:g} {unit}  " + ("ok" if results[scales[-1]]["targets_met"][key] else "MISSED")
        print(f"{what:<40}{cells}{verdict:>20}")
        if key == "cli_ask_ms":
            for r in results.values():
                parts = ", ".join(f"{part} {ms:g}" for part, ms in r["cli_ask_parts_ms"].items())
                print(f"  {r['scale']}, inside the process (ms): {parts}")
    print("\ngold pass rate (share of the gold questions; baselines: top3_any / top1_any / not_top3 only, as they "
          "give\nno age or urgency) and question latency; every method sees only the question's kommune")
    methods = (("gpguide", "query", "gold_pass"), ("gpguide, rules of the baselines", "query", "gold_pass_labels_only"),
               ("BM25 (bm25s)", "bm25_query", "bm25_gold_pass"), ("rapidfuzz WRatio", "wratio_query", "wratio_gold_pass"))
    for name, prefix, key in methods:
        cells = ""
        for r in results.values():
            if r.get(key) is None:
                cells += f"{'not installed':>34}"
                continue
            cells += f"{r[key]:>8.1%}  p50 {r[f'{prefix}_p50_ms']:g} p95 {r[f'{prefix}_p95_ms']:g} ms".rjust(34)
        print(f"{name:<32}{cells}")
    for r in results.values():
        if "top3_same" in r:
            print(f"\nsame top 3 as at bundled scale ({r['scale']}, same question and kommune): {r['top3_same']}")
    print(f"\n{first['gold_cases']} gold questions, each timed when first asked (the engine built and each kommune "
          "asked once before);\nbaselines: the median of the runs; `gpguide ask` after one warm-up run")


if __name__ == "__main__":
    raise SystemExit(main())
