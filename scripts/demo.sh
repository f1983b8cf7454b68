#!/usr/bin/env bash
# The main job: install what is missing, build the release preset, and print the Lai Châu
# 2021–2030 training plan evaluated against its example registry as of 2025-12-31, one line per
# target and milestone for the province. Extra arguments go to `nangluc evaluate`
# (e.g. --lang en, --level xa for every commune, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/nangluc evaluate examples/lai-chau/plan.json examples/lai-chau/registry.json \
  --as-of 2025-12-31 --level tinh "$@"
