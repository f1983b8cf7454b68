"""Python call overhead (performance.md): evaluation called from Python against the same call
from C++, on the national workload (100,000 persons by default).

Both sides evaluate the whole bench plan as of 2025-12-31 on the same registry in the same
process, best of --repeat runs: "C++" times Evaluator::evaluate with std::chrono inside the
module (what a C++ caller pays); "Python" times Evaluator.evaluate() from Python, which adds
argument conversion, the GIL release and wrapping the report. Prints a JSON object; exits 1
when the overhead exceeds --limit (10% by default).

    python bench/python_overhead.py [--persons 100000] [--repeat 5] [--threads 1]
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

import nangluc

PLAN = Path(__file__).resolve().parent / "national-plan.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--persons", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1, help="0: every core (default 1: steadier figures)")
    ap.add_argument("--limit", type=float, default=0.10, help="largest overhead allowed (0.10 = 10%%)")
    a = ap.parse_args()

    reg = nangluc.generate("national", persons=a.persons, seed=a.seed)
    ev = nangluc.Evaluator(nangluc.load_plan(PLAN), reg)
    day = datetime.date(2025, 12, 31)
    ev.evaluate(day, threads=a.threads)  # warm up: first-touch of the registry's pages

    # Interleave the two sides so that a noisy neighbour disturbs both alike.
    cpp, py = float("inf"), float("inf")
    for _ in range(a.repeat):
        cpp = min(cpp, ev._time_evaluate(day, repeat=1, threads=a.threads))
        t0 = time.perf_counter()
        ev.evaluate(day, threads=a.threads)
        py = min(py, time.perf_counter() - t0)
    overhead = py / cpp - 1
    print(json.dumps({"persons": a.persons, "threads": a.threads, "repeat": a.repeat,
                      "cpp_evaluate_s": round(cpp, 4), "python_evaluate_s": round(py, 4),
                      "overhead": round(overhead, 4), "limit": a.limit, "met": overhead <= a.limit}))
    return 0 if overhead <= a.limit else 1


if __name__ == "__main__":
    sys.exit(main())
