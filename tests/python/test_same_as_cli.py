"""Every result reachable from the command line is reachable from Python with the same numbers:
the Lai Châu example through `nangluc` (installed with the package) and through the module."""
from __future__ import annotations

import datetime
import io
import json
import subprocess
from pathlib import Path
from typing import List

import pandas as pd

import nangluc
from conftest import AS_OF, LAI_CHAU

PLAN = str(LAI_CHAU / "plan.json")
REGISTRY = str(LAI_CHAU / "registry.json")


def run(cli: Path, *args: str) -> str:
    done = subprocess.run([str(cli), *args], capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_command_line_is_installed_with_the_package(cli: Path) -> None:
    assert run(cli, "--version").strip() == f"nangluc {nangluc.__version__}"


def test_evaluate_json_is_the_same_from_python(cli: Path, evaluator: nangluc.Evaluator) -> None:
    from_cli = json.loads(run(cli, "evaluate", PLAN, REGISTRY, "--as-of", "2025-12-31", "--format", "json"))
    from_python = json.loads(evaluator.evaluate(AS_OF).to_json())
    assert from_cli["targets"] == from_python["targets"]
    assert from_cli["as_of"] == from_python["as_of"] == "2025-12-31"


def test_evaluate_csv_and_table_are_the_same_from_python(cli: Path, evaluator: nangluc.Evaluator) -> None:
    report = evaluator.evaluate(AS_OF)
    assert run(cli, "evaluate", PLAN, REGISTRY, "--as-of", "2025-12-31", "--format", "csv",
               "--decimals", "2", "--rounding", "truncate") == report.to_csv(decimals=2, rounding="truncate").replace("\r\n", "\n")
    for lang in ("vi", "en"):
        assert run(cli, "evaluate", PLAN, REGISTRY, "--as-of", "2025-12-31", "--lang", lang,
                   "--level", "tinh") == evaluator.evaluate(AS_OF, levels=["tinh"]).to_table(lang=lang)


def test_the_frame_holds_the_numbers_of_the_cli_csv(cli: Path, evaluator: nangluc.Evaluator) -> None:
    text = run(cli, "evaluate", PLAN, REGISTRY, "--as-of", "2025-12-31", "--format", "csv")
    cli_rows = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame = evaluator.evaluate(AS_OF).to_frame()
    assert len(cli_rows) == len(frame)
    assert list(cli_rows.target) == list(frame.target.astype(str))
    assert list(cli_rows.label) == list(frame.milestone)
    assert list(cli_rows.unit) == [u if isinstance(u, str) else "" for u in frame.unit]
    def as_text(v: object) -> str:
        return "" if pd.isna(v) else str(int(v))  # type: ignore[call-overload]
    assert list(cli_rows.numerator) == [as_text(v) for v in frame.numerator]
    assert list(cli_rows.denominator) == [as_text(v) for v in frame.denominator]
    assert list(cli_rows.status) == [s if isinstance(s, str) else "" for s in frame.status]


def test_a_series_is_the_same_from_python(cli: Path, evaluator: nangluc.Evaluator) -> None:
    dates = ["2021-12-31", "2023-12-31", "2025-12-31"]
    args: List[str] = []
    for d in dates:
        args += ["--as-of", d]
    from_cli = json.loads(run(cli, "evaluate", PLAN, REGISTRY, *args, "--format", "json"))
    series = evaluator.evaluate_series(dates)
    assert [r["targets"] for r in from_cli] == [json.loads(r.to_json())["targets"] for r in series]


def test_needs_are_the_same_from_python(cli: Path, evaluator: nangluc.Evaluator) -> None:
    for target in ("T2", "B1", "B3"):
        needs = evaluator.needs(target, AS_OF)
        assert run(cli, "needs", PLAN, REGISTRY, "--target", target, "--as-of", "2025-12-31") == \
            needs.to_csv().replace("\r\n", "\n")
        assert json.loads(run(cli, "needs", PLAN, REGISTRY, "--target", target, "--as-of", "2025-12-31",
                              "--format", "json")) == json.loads(needs.to_json())


def test_structure_is_the_same_from_python(cli: Path, lai_chau: nangluc.Registry) -> None:
    from_cli = json.loads(run(cli, "structure", REGISTRY, "--as-of", "2021-12-01", "--format", "json"))
    s = nangluc.workforce_structure(lai_chau, datetime.date(2021, 12, 1))
    assert from_cli == s.to_dict()
    csv = run(cli, "structure", REGISTRY, "--as-of", "2021-12-01", "--format", "csv")
    cli_frame = pd.read_csv(io.StringIO(csv), dtype={"code": str}, keep_default_na=False)
    frame = s.to_frame()
    assert list(cli_frame["count"]) == list(frame["count"])
    assert list(cli_frame.code) == ["" if pd.isna(c) else c for c in frame.code]


def test_validate_and_generate_are_the_same_from_python(cli: Path, tmp_path: Path) -> None:
    assert "valid: 1109 units, 1389 persons" in run(cli, "validate", REGISTRY)
    assert nangluc.validate(REGISTRY) == []
    out = tmp_path / "national.json"
    run(cli, "generate", "--profile", "national", "--persons", "1000", "--seed", "3", "--output", str(out))
    assert out.read_text(encoding="utf-8") == nangluc.write_registry_json(nangluc.generate("national", persons=1000, seed=3))
