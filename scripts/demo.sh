#!/usr/bin/env bash
# The main job: install what is missing, build the release preset, and print the workforce
# structure of the bundled Lai Châu example registry. Extra arguments go to `nangluc structure`
# (e.g. --lang en, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/nangluc structure examples/lai-chau/registry.json --as-of 2021-12-01 "$@"
