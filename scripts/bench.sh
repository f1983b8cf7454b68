#!/usr/bin/env bash
# The benchmark of performance.md in one command: installs the peers (pandas, Polars, DuckDB) if
# missing, builds the `bench` preset, generates the national workload as JSON and as a CSV folder,
# measures loading, evaluation (one date on one thread and on every core, the ten-date series,
# peak memory, the scan floor) and the peers on the same CSV tables, fails if any peer's numbers
# differ from nangluc's, and regenerates docs/benchmarks.md.
#
#   bash scripts/bench.sh [--persons N] [--seed S] [--work DIR] [--build DIR] [--repeat K]
#                         [--no-docs] [--keep-data]
# Defaults: 1,000,000 persons, seed 1, data in build/bench-data (removed at the end unless
# --keep-data), the bench preset's build/bench.
set -euo pipefail
cd "$(dirname "$0")/.."

persons=1000000 seed=1 work=build/bench-data build="" repeat=3 docs=1 keep=0
while (($#)); do
  case "$1" in
    --persons) persons="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --no-docs) docs=0; shift ;;
    --keep-data) keep=1; shift ;;
    *) echo "usage: bash scripts/bench.sh [--persons N] [--seed S] [--work DIR] [--build DIR] [--repeat K] [--no-docs] [--keep-data]" >&2
       exit 2 ;;
  esac
done

# The peers, with pip, only when one is missing (nothing is fetched otherwise).
missing=()
for p in pandas polars duckdb; do
  python3 -c "import $p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bench: installing Python packages: ${missing[*]}" >&2
  python3 -m pip install --quiet "${missing[@]}"
fi

if [ -z "$build" ]; then
  cmake --preset bench >/dev/null
  build=build/bench
fi
cmake --build "$build" --target nangluc_cli evaluate_bench >/dev/null
nangluc="$build/nangluc" bench="$build/bench/evaluate_bench"

mkdir -p "$work"
results="$work/results"
rm -rf "$results" "$work/registry.json" "$work/tables"
mkdir -p "$results"
echo "bench: generating the national workload, $persons persons (seed $seed)" >&2
"$nangluc" generate --profile national --persons "$persons" --seed "$seed" --output "$work/registry.json"
"$nangluc" generate --profile national --persons "$persons" --seed "$seed" --output "$work/tables"

echo "bench: loading (JSON, CSV folder)" >&2
"$bench" load "$work/registry.json" >"$results/load-json.json"
"$bench" load "$work/tables" >"$results/load-csv.json"
echo "bench: evaluating (one date, series, floor, peer targets)" >&2
"$bench" evaluate "$work/tables" --repeat "$repeat" --rows-out "$results/nangluc-rows.csv" --check-series \
  >"$results/evaluate.json"
echo "bench: peers (pandas, Polars, DuckDB) on the same CSV tables" >&2
python3 bench/peers.py "$work/tables" "$results/nangluc-rows.csv" --repeat "$((repeat < 2 ? repeat : 2))" \
  --json "$results/peers.json"

if ((docs)); then
  python3 bench/report.py "$results" --persons "$persons" --seed "$seed" >docs/benchmarks.md
  echo "bench: wrote docs/benchmarks.md" >&2
fi
python3 bench/report.py "$results" --persons "$persons" --seed "$seed" --summary >&2
((keep)) || rm -rf "$work/registry.json" "$work/tables"
