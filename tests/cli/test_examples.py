"""The bundled examples and the lossless round trips, through the real `nangluc` CLI."""

import filecmp
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("NANGLUC_CLI", str(ROOT / "build" / "dev" / "nangluc"))
LAI_CHAU = ROOT / "examples" / "lai-chau"


def nangluc(*args, timeout=900):
    proc = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def structure_json(registry, as_of="2021-12-01"):
    code, out, err = nangluc("structure", registry, "--as-of", as_of, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["format"] == "nangluc/structure@1"
    return {level["level"]: level for level in doc["levels"]}


def test_the_lai_chau_example_reproduces_the_plans_workforce_figures():
    """Seed 002, section IV, as of 2021-12-01."""
    levels = structure_json(LAI_CHAU / "registry.json")
    tinh, huyen, xa, thon = levels["tinh"], levels["huyen"], levels["xa"], levels["thon"]

    assert (tinh["quota"], tinh["present"]) == (13, 13)
    assert tinh["by_category"] == {"cong_chuc": 12, "hop_dong": 1}
    assert sum(n for code, n in tinh["education"].items() if code in {"thac_si", "tien_si", "chuyen_khoa_1", "chuyen_khoa_2"}) == 2
    assert tinh["education"]["dai_hoc"] == 10
    assert sum(tinh["education"].values()) == 13  # 2 + 10 + 1 other
    assert sum(tinh["education_y_duoc"].values()) == 5 and tinh["education_y_duoc"]["dai_hoc"] == 3
    assert tinh["certificates"]["bd_dan_so_vien"] == 8

    assert (huyen["quota"], huyen["present"]) == (42, 36)
    assert {k: v for k, v in huyen["education"].items()} == {"dai_hoc": 21, "cao_dang": 4, "trung_cap": 11}
    assert huyen["education_y_duoc"] == {"dai_hoc": 3}
    assert huyen["certificates"]["bd_dan_so_vien"] == 26

    assert xa["present"] == 106
    assert xa["education"]["dai_hoc"] == 7
    assert xa["education"]["cao_dang"] == 3
    assert xa["education"]["trung_cap"] == 87
    assert sum(n for code, n in xa["education"].items() if code in {"so_cap", "pho_thong", "chua_qua_dao_tao"}) == 9
    assert xa["certificates"]["bd_dan_so_vien"] == 87

    assert (thon["quota"], thon["present"]) == (956, 866)
    assert thon["by_category"] == {"cong_tac_vien": 866}


def test_the_structure_table_is_labelled_in_vietnamese_or_english():
    code, vi, err = nangluc("structure", LAI_CHAU / "registry.json", "--as-of", "2021-12-01")
    assert code == 0, err
    assert "Thực trạng đội ngũ tính đến ngày 01/12/2021" in vi
    assert "Biên chế giao" in vi and "Cấp huyện" in vi
    code, en, err = nangluc("structure", LAI_CHAU / "registry.json", "--as-of", "2021-12-01", "--lang", "en")
    assert code == 0, err
    assert "Workforce structure as of 2021-12-01" in en
    assert "Quota" in en and "District" in en and "of which medicine/pharmacy" in en


def test_after_the_2025_reorganisation_there_is_no_district_level():
    levels = structure_json(LAI_CHAU / "registry.json", "2026-01-01")
    assert "huyen" not in levels
    assert levels["xa"]["present"] > 0


def test_the_example_registry_is_valid_and_has_no_warnings():
    code, out, err = nangluc("validate", LAI_CHAU / "registry.json")
    assert code == 0, err
    assert "0 warnings" in out
    assert err == ""


def test_the_checked_in_example_is_what_the_generator_writes(tmp_path):
    code, out, err = nangluc("generate", "--profile", "lai-chau")
    assert code == 0, err
    assert out == (LAI_CHAU / "registry.json").read_text(encoding="utf-8")


def test_the_checked_in_dong_thap_example_is_what_the_generator_writes():
    # Run on the release binary: a dangling list in this generator once threw only there.
    code, out, err = nangluc("generate", "--profile", "dong-thap")
    assert code == 0, err
    assert out == (LAI_CHAU.parent / "dong-thap" / "registry.json").read_text(encoding="utf-8")


def test_the_checked_in_csv_tables_are_the_example_converted(tmp_path):
    code, _, err = nangluc("convert", LAI_CHAU / "registry.json", tmp_path / "csv")
    assert code == 0, err
    expected = sorted(p.name for p in (LAI_CHAU / "csv").iterdir())
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == expected
    match, mismatch, errors = filecmp.cmpfiles(LAI_CHAU / "csv", tmp_path / "csv", expected, shallow=False)
    assert mismatch == [] and errors == []


def round_trip(registry_json: Path, work: Path, date_format="iso"):
    """JSON -> CSV folder -> JSON, which must be byte-identical."""
    code, _, err = nangluc("convert", registry_json, work / "tables", "--date-format", date_format)
    assert code == 0, err
    code, _, err = nangluc("convert", work / "tables", work / "back.json")
    assert code == 0, err
    assert (work / "back.json").read_bytes() == registry_json.read_bytes()


def test_the_lai_chau_example_survives_a_round_trip_through_csv(tmp_path):
    round_trip(LAI_CHAU / "registry.json", tmp_path)


def test_a_round_trip_with_dd_mm_yyyy_dates_is_lossless_too(tmp_path):
    round_trip(LAI_CHAU / "registry.json", tmp_path, "dmy")
    units = (tmp_path / "tables" / "units.csv").read_text(encoding="utf-8-sig")
    assert "30/06/2025" in units


def test_a_national_registry_of_100000_persons_survives_a_round_trip_through_csv(tmp_path):
    code, _, err = nangluc("generate", "--profile", "national", "--persons", "100000", "--seed", "7",
                           "--output", tmp_path / "national.json")
    assert code == 0, err
    registry = tmp_path / "national.json"
    code, out, err = nangluc("validate", registry)
    assert code == 0, err
    assert ", 100000 persons," in out
    round_trip(registry, tmp_path)


def test_the_national_generator_is_deterministic_for_a_seed(tmp_path):
    a = nangluc("generate", "--profile", "national", "--persons", "2000", "--seed", "3")
    b = nangluc("generate", "--profile", "national", "--persons", "2000", "--seed", "3")
    c = nangluc("generate", "--profile", "national", "--persons", "2000", "--seed", "4")
    assert a[0] == 0 and a[1] == b[1]
    assert a[1] != c[1]
