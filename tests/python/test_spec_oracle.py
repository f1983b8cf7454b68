"""The engine against an independent model of the evaluation specification (spec_oracle.py).

Each case is a random registry (a tree reorganised mid-period, seconded and multi-post staff,
qualifications, conferring courses, sessions with head-counts, quotas) and a random plan using
every measure, selector field and criterion kind, evaluated for one date and as a series of
dates. Every row is compared: numerator, denominator, percent, value, gap, status, expected,
projected (floats to 1e-9 relative).

A failing case prints its seed; replay it with
    PYTHONPATH=build/py/python python3 tests/python/spec_oracle.py SEED          # the disagreements
    PYTHONPATH=build/py/python python3 tests/python/spec_oracle.py SEED --dump   # the registry and plan
Many more seeds: scripts/spec-check.py.

Run: PYTHONPATH=build/py/python python3 -m pytest -q tests/python/test_spec_oracle.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

nangluc = pytest.importorskip("nangluc")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import spec_oracle  # noqa: E402

CASES = int(os.environ.get("SPEC_ORACLE_CASES", "500"))
BATCH = 20


@pytest.mark.parametrize("first", range(0, CASES, BATCH))
def test_engine_agrees_with_the_specification_model(first):
    failures = []
    for seed in range(first, min(first + BATCH, CASES)):
        dis, _ = spec_oracle.compare(seed, nangluc)
        failures += dis
    assert not failures, f"{len(failures)} disagreements; first ones:\n" + "\n".join(str(d) for d in failures[:8])
