#!/usr/bin/env bash
# Writes every report nangluc prints for the bundled examples and a 100,000-person national
# registry into a folder, so that two builds can be compared byte for byte:
#   bash scripts/report-snapshot.sh OUT [NANGLUC]      (NANGLUC: default build/release/nangluc)
#   diff -r OUT-before OUT-after
# Used to check that a refactoring changes no figure and no display rule.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
cli=$(realpath "${2:-build/release/nangluc}")
mkdir -p "$out"
out=$(realpath "$out")
national="$out/national-100k.json"
[ -f "$national" ] || "$cli" generate --profile national --persons 100000 --seed 7 --output "$national"

snap() {  # NAME PLAN REGISTRY TARGETS...
  local name=$1 plan=$2 reg=$3
  shift 3
  local dates=(--as-of 2021-06-30 --as-of 2023-12-31 --as-of 2025-12-31 --as-of 2026-07-01 --as-of 2030-12-31)
  for d in 2024-12-31 2025-12-31 2027-06-30; do
    "$cli" evaluate "$plan" "$reg" --as-of $d --format json >"$out/$name.eval.$d.json" 2>"$out/$name.eval.$d.err"
    "$cli" evaluate "$plan" "$reg" --as-of $d --format csv >"$out/$name.eval.$d.csv" 2>&1
    "$cli" evaluate "$plan" "$reg" --as-of $d --format csv --decimals 2 --rounding truncate >"$out/$name.eval.$d.trunc.csv" 2>&1
    for lang in vi en; do
      "$cli" evaluate "$plan" "$reg" --as-of $d --lang $lang --level xa >"$out/$name.eval.$d.$lang.txt" 2>&1
    done
    "$cli" structure "$reg" --as-of $d --format json >"$out/$name.structure.$d.json" 2>&1
    "$cli" structure "$reg" --as-of $d >"$out/$name.structure.$d.txt" 2>&1
    for t in "$@"; do
      "$cli" needs "$plan" "$reg" --target "$t" --as-of $d >"$out/$name.needs.$t.$d.csv" 2>&1 || true
      "$cli" needs "$plan" "$reg" --target "$t" --as-of $d --format json >"$out/$name.needs.$t.$d.json" 2>&1 || true
    done
  done
  "$cli" evaluate "$plan" "$reg" "${dates[@]}" --format json >"$out/$name.series.json" 2>&1
  "$cli" evaluate "$plan" "$reg" "${dates[@]}" --format csv >"$out/$name.series.csv" 2>&1
}

snap lai-chau examples/lai-chau/plan.json examples/lai-chau/registry.json T1 T2 T3 T4 T5a T5b B1 B2 B3
snap lai-chau-csv examples/lai-chau/plan.json examples/lai-chau/csv T1 B1
snap dong-thap examples/dong-thap/plan.json examples/dong-thap/registry.json D1 D2 D3 D4 D5 D6
snap national bench/national-plan.json "$national" T1 T2 B1 B3
"$cli" convert "$national" "$out/national-100k-csv" >/dev/null 2>&1
"$cli" convert examples/lai-chau/registry.json "$out/lai-chau.roundtrip.json" >/dev/null 2>&1
echo "report snapshot written to $out"
