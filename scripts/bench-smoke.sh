#!/usr/bin/env bash
# The benchmark at small scale, for CI: the whole harness on 10,000 persons, checking that
# pandas, Polars and DuckDB give nangluc's numbers and that every thread count and the series
# give the same reports. Never judges timings. Uses build/release when scripts/test.sh has just
# built it (NANGLUC_BENCH_BUILD overrides), else the bench preset.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${NANGLUC_BENCH_BUILD:-}"
if [ -z "$build" ] && [ -x build/release/bench/evaluate_bench ]; then build=build/release; fi
args=(--persons 10000 --repeat 1 --no-docs --work build/bench-smoke)
if [ -n "$build" ]; then args+=(--build "$build"); fi
bash scripts/bench.sh "${args[@]}"
echo "bench-smoke: the peers' numbers equal nangluc's" >&2
