#!/usr/bin/env bash
# The Python package as a user gets it: `pip install .` into a virtual environment of its own
# (build/venv, made once), then its tests with pytest (which also run the installed `nangluc`
# command and the chart example), mypy on the package and the examples, and stubtest of the
# compiled module against its type stubs.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$PWD/build/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet ".[test]"
PATH="$venv/bin:$PATH" "$venv/bin/python" -m pytest -q tests/python
"$venv/bin/python" -m mypy
(cd build && "$venv/bin/python" -m mypy.stubtest nangluc._core \
   --allowlist ../bindings/python/stubtest-allowlist.txt)
