#!/usr/bin/env bash
# Builds the dev preset (debug, warnings as errors) and runs every test: the C++ unit tests
# and the package-consumer test through ctest, then the command-line tests with pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
ctest --preset dev
NANGLUC_CLI="$PWD/build/dev/nangluc" python3 -m pytest -q tests/cli
