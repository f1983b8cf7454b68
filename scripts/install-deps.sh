#!/usr/bin/env bash
# Installs what nangluc needs to build and test: Debian packages with apt-get, Python packages
# with pip. Idempotent: anything already present is skipped, and nothing is fetched when all is.
set -euo pipefail

# Debian packages: compiler, build tools and the libraries nangluc uses (docs/dependencies.md).
debs=(g++ pkg-config libboost-date-time-dev nlohmann-json3-dev catch2 libicu-dev libcsv-dev libcli11-dev)
# clang with its runtime (libFuzzer, sanitizers) and llvm (the symbolizer) for scripts/fuzz-smoke.sh.
debs+=(clang libclang-rt-14-dev llvm)
# ccache: the presets compile through it when present, so rebuilds of the test command are cheap.
debs+=(ccache)
# CMake and Ninja may already be on PATH from elsewhere (e.g. pip); use the Debian ones otherwise.
command -v cmake >/dev/null 2>&1 || debs+=(cmake)
command -v ninja >/dev/null 2>&1 || debs+=(ninja-build)
command -v python3 >/dev/null 2>&1 || debs+=(python3 python3-pip)
# The Python package's tests run in a virtual environment (Debian's Python needs python3-venv).
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  debs+=(python3-venv)
fi

missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "nangluc: installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Python packages for the tests (pandas, Polars and DuckDB: the peers of scripts/bench-smoke.sh).
pymissing=()
for p in pytest pandas polars duckdb; do
  python3 -c "import $p" >/dev/null 2>&1 || pymissing+=("$p")
done
if ((${#pymissing[@]})); then
  echo "nangluc: installing Python packages: ${pymissing[*]}" >&2
  python3 -m pip install --quiet "${pymissing[@]}"
fi
