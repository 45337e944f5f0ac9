"""One session in a process of its own, for its peak memory: load the catalogue, build the engine and answer
every question. `python -m gpguide.bench.session CATALOG QUESTIONS.json` prints {"peak_rss_mb": ...}."""

from __future__ import annotations

import json
import resource
import sys

from gpguide.catalogue import load_catalogue
from gpguide.search import Engine


def main(argv: list[str]) -> int:
    catalog, questions = argv
    engine = Engine(load_catalogue(catalog))
    with open(questions, encoding="utf-8") as handle:
        for kommune, question in json.load(handle):
            engine.to_json(engine.ask(question, kommune=kommune))
    print(json.dumps({"peak_rss_mb": round(peak_rss_kib() / 1024, 1)}))
    return 0


def peak_rss_kib() -> int:
    """This process's peak resident set. Linux's VmHWM, as ru_maxrss also counts what the parent process had
    when it started this one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes there, KiB elsewhere


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
