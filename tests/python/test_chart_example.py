"""The coverage chart example (examples/python/coverage_chart.py) runs and writes a PNG."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "python" / "coverage_chart.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_coverage_chart_writes_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    output = tmp_path / "coverage.png"
    env = dict(os.environ)
    # The script runs in tmp_path: keep a relative PYTHONPATH (build/py/python) pointing where it did.
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) if p else p
                                            for p in env["PYTHONPATH"].split(os.pathsep))
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(output)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(output)
    data = output.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert len(data) > 10_000
