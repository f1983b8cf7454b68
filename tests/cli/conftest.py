"""Fixtures for the `nangluc` command-line tests.

The binary is $NANGLUC_CLI, else build/dev/nangluc of this repository (the `dev` preset).
Run: `NANGLUC_CLI=/path/to/nangluc python -m pytest tests/cli`.
"""

from __future__ import annotations

import os

import pytest

from cli_support import cli_path, run as _run, valid_registry as _valid_registry

__all__ = ["run"]

#: run(*args, cwd=None) -> (exit status, stdout, stderr); also available as the `run` fixture.
run = _run


@pytest.fixture(scope="session")
def cli():
    """Path of the `nangluc` binary under test; fails the tests clearly when it is missing."""
    path = cli_path()
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(f"no executable nangluc at {path}: build it (cmake --preset dev && "
                    f"cmake --build --preset dev) or set NANGLUC_CLI", pytrace=False)
    return path


@pytest.fixture(name="run")
def run_fixture(cli):
    """The `run(*args, cwd=None)` helper, after checking that the binary exists."""
    return _run


@pytest.fixture
def valid_registry():
    """A fresh copy of the minimal valid registry (province "12" > district "105" > commune
    "03199" > village "03199-01", person P1, …) for a test to break."""
    return _valid_registry()
