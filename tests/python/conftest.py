"""Fixtures for the Python package tests: the bundled examples and the `nangluc` command line
installed with the package (or $NANGLUC_CLI)."""
from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

import nangluc

ROOT = Path(__file__).resolve().parents[2]
LAI_CHAU = ROOT / "examples" / "lai-chau"
DONG_THAP = ROOT / "examples" / "dong-thap"
AS_OF = datetime.date(2025, 12, 31)


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `nangluc` command line: $NANGLUC_CLI, else the one `pip install .` put on PATH."""
    path = os.environ.get("NANGLUC_CLI") or shutil.which("nangluc")
    if not path:
        pytest.fail("no `nangluc` command: pip install . installs it (or set NANGLUC_CLI)", pytrace=False)
    return Path(path)


@pytest.fixture(scope="session")
def lai_chau() -> nangluc.Registry:
    return nangluc.load_registry(LAI_CHAU / "registry.json")


@pytest.fixture(scope="session")
def lai_chau_plan() -> nangluc.Plan:
    return nangluc.load_plan(LAI_CHAU / "plan.json")


@pytest.fixture(scope="session")
def evaluator(lai_chau_plan: nangluc.Plan, lai_chau: nangluc.Registry) -> Iterator[nangluc.Evaluator]:
    yield nangluc.Evaluator(lai_chau_plan, lai_chau)
