#!/usr/bin/env bash
# Builds nangluc with the address and undefined-behaviour sanitizers (the `asan` preset) and
# runs the whole C++ test suite under them: unit tests, example programs, the package-consumer
# test and the replay of every fuzz input (tests/fuzz). Any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan
