"""docs/python.md is run: every `>>>` example there must give the output written under it."""
from __future__ import annotations

import doctest
import os

import pytest

from conftest import ROOT


def test_the_python_guide_s_examples_give_their_printed_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples use paths relative to the repository
    failures, tried = doctest.testfile(
        os.fspath(ROOT / "docs" / "python.md"), module_relative=False, verbose=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 30
    assert failures == 0
