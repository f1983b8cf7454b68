#!/usr/bin/env python3
"""Compare the engine with the independent specification model on many random cases.

    PYTHONPATH=build/py/python python3 scripts/spec-check.py [-n 5000] [--start 0] [--show 3]

Prints the number of cases and rows compared and the disagreements grouped by kind, with the
first seed of each (replay one with `python3 tests/python/spec_oracle.py SEED`). Exit status 1
when anything disagrees (or a case could not be evaluated), 0 otherwise.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "python"))
import spec_oracle  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("-n", "--cases", type=int, default=5000)
    ap.add_argument("--start", type=int, default=0, help="first seed")
    ap.add_argument("--show", type=int, default=1, help="examples printed per kind")
    ap.add_argument("--no-series", action="store_true", help="only the single-date evaluation")
    args = ap.parse_args()
    import nangluc

    t0 = time.time()
    kinds: dict[str, list] = collections.defaultdict(list)
    seeds_by_kind: dict[str, set] = collections.defaultdict(set)
    errors: list[tuple[int, str]] = []
    rows = 0
    for seed in range(args.start, args.start + args.cases):
        try:
            dis, n = spec_oracle.compare(seed, nangluc, series=not args.no_series)
        except Exception:  # an input the engine refused, or a model crash: both are findings
            errors.append((seed, traceback.format_exc(limit=3)))
            continue
        rows += n
        for d in dis:
            kinds[d.kind].append(d)
            seeds_by_kind[d.kind].add(seed)
    print(f"cases: {args.cases} (seeds {args.start}..{args.start + args.cases - 1}), rows compared: {rows}, "
          f"{time.time() - t0:.1f} s")
    if errors:
        print(f"cases that failed to run: {len(errors)}, first seed {errors[0][0]}:\n{errors[0][1]}")
    if not kinds:
        print("disagreements: none")
    for kind, ds in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"\n[{kind}] {len(ds)} rows in {len(seeds_by_kind[kind])} cases, first seed {ds[0].seed}")
        for d in ds[:args.show]:
            print("  " + str(d).replace("\n", "\n  "))
    return 1 if kinds or errors else 0


if __name__ == "__main__":
    sys.exit(main())
