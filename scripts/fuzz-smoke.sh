#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (the `fuzz` preset: address and
# undefined sanitizers, leak checks), replays every committed input (seed corpora and
# regressions), then fuzzes each target briefly. Fails on any crash, leak, timeout, sanitizer
# report or broken invariant; the offending input is left in build/fuzz/findings/<target>/.
#
#   bash scripts/fuzz-smoke.sh            # 45 s per target (CI)
#   FUZZ_SECONDS=600 bash scripts/fuzz-smoke.sh plan_json   # a long session of one target
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-45}"
targets=("$@")
((${#targets[@]})) || targets=(registry_json plan_json csv_table evaluate_plan json_input)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

# Sanitizer reports must stop the run, and name source lines.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
if command -v llvm-symbolizer >/dev/null 2>&1; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer)"
fi

for t in "${targets[@]}"; do
  bin="build/fuzz/tests/fuzz/nangluc_fuzz_$t"
  seeds="tests/fuzz/corpus/$t"
  work="build/fuzz/corpus/$t"       # grows over runs; never committed
  findings="build/fuzz/findings/$t"
  mkdir -p "$work" "$findings"

  echo "fuzz-smoke: $t: replaying committed inputs" >&2
  "$bin" -runs=0 -rss_limit_mb=2048 -timeout=25 "$seeds" "tests/fuzz/regressions/$t"

  echo "fuzz-smoke: $t: fuzzing for ${seconds}s" >&2
  dict=()
  [[ $t == csv_table ]] || dict=(-dict=tests/fuzz/json.dict)
  log="build/fuzz/$t.log"
  status=0
  "$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=16384 "${dict[@]}" \
    -print_final_stats=1 -artifact_prefix="$findings/" "$work" "$seeds" >"$log" 2>&1 || status=$?
  tail -n 15 "$log" >&2
  if ((status)) || compgen -G "$findings/*" >/dev/null; then
    echo "fuzz-smoke: $t: FINDING (exit $status); input kept in $findings/, log in $log" >&2
    grep -m1 -A30 -E "ERROR:|runtime error|invariant broken" "$log" >&2 || true
    exit 1
  fi
done
echo "fuzz-smoke: ${targets[*]}: no findings" >&2
