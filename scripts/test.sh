#!/usr/bin/env bash
# Builds and runs every test:
#  - the dev preset (debug, warnings as errors): C++ unit tests, the example programs and the
#    package-consumer test, through ctest;
#  - the release preset: the command-line tests (pytest) run the `nangluc` a user runs, which
#    includes round trips of a 100,000-person national registry;
#  - the Python package, built and installed by `pip install .` in build/venv, and its tests;
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
ctest --preset dev
cmake --preset release >/dev/null
cmake --build --preset release
NANGLUC_CLI="$PWD/build/release/nangluc" python3 -m pytest -q tests/cli
bash scripts/test-python.sh
bash scripts/bench-smoke.sh
# Hardening: the whole C++ suite under address and undefined-behaviour sanitizers, then the
# fuzz targets (clang, libFuzzer) replaying every committed input and fuzzing briefly.
bash scripts/asan-test.sh
bash scripts/fuzz-smoke.sh
