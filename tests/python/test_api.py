"""The Python package end to end: loading, the model, plans, evaluation, needs, structure,
generators, errors as exceptions and the notebook conveniences."""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import nangluc
from conftest import AS_OF, LAI_CHAU, ROOT


def test_the_version_is_the_one_of_the_cpp_header() -> None:
    header = (ROOT / "include" / "nangluc" / "version.hpp").read_text()
    m = re.search(r'NANGLUC_VERSION_STRING "([0-9.]+)"', header)
    assert m and nangluc.__version__ == m.group(1)


def test_a_registry_loads_from_json_and_from_its_csv_folder_alike(lai_chau: nangluc.Registry) -> None:
    from_csv = nangluc.load_registry(LAI_CHAU / "csv")
    assert lai_chau.counts == from_csv.counts
    assert nangluc.write_registry_json(lai_chau) == nangluc.write_registry_json(from_csv)
    assert lai_chau.counts["units"] == 1109 and lai_chau.counts["persons"] == 1389


def test_records_are_read_with_codes_and_ids_as_str_and_dates_as_date(lai_chau: nangluc.Registry) -> None:
    province = lai_chau.units["12"]
    assert (province.id, province.level, province.parent(AS_OF)) == ("12", "tinh", None)
    assert "12" in lai_chau.units and "nope" not in lai_chau.units and lai_chau.units.get("nope") is None
    district = lai_chau.units["105"]
    assert district.valid_to == datetime.date(2025, 6, 30)
    p = lai_chau.persons["LC00001"]
    assert p.birth_date == datetime.date(1963, 3, 23) and p.sex == "F" and p.external_ids["cccd"] == "012163076473"
    a = lai_chau.assignments[0]
    assert a.person == "LC00001" and a.roles == ["chuyen_vien_dan_so"] and a.end == datetime.date(2016, 9, 30)
    assert len(list(lai_chau.units)) == len(lai_chau.units)
    assert lai_chau.units[-1].id == lai_chau.units[len(lai_chau.units) - 1].id
    with pytest.raises(IndexError):
        lai_chau.units[len(lai_chau.units)]
    with pytest.raises(KeyError):
        lai_chau.persons["nobody"]


def test_the_tree_is_queried_as_of_a_date_through_the_2025_reorganisation(lai_chau: nangluc.Registry) -> None:
    before, after = datetime.date(2024, 12, 31), datetime.date(2025, 12, 31)
    assert lai_chau.parent("105", before) == "12"
    assert lai_chau.parent("105", after) is None
    assert "105" in lai_chau.subtree("12", before) and "105" not in lai_chau.subtree("12", after)
    commune = next(u for u in lai_chau.units if u.level == "xa" and u.valid_to == datetime.date(2025, 6, 30))
    successor = lai_chau.resolve(commune.id, after)
    assert successor is not None and successor != commune.id and lai_chau.ancestors(successor, after) == ["12"]
    # dates may also be given as text, ISO or dd/mm/yyyy
    assert lai_chau.subtree("12", "31/12/2024") == lai_chau.subtree("12", before)


def test_a_person_s_posts_and_qualifications_as_of_a_date(lai_chau: nangluc.Registry) -> None:
    held = lai_chau.qualifications_held("LC00003", datetime.date(2025, 1, 1))
    codes = {q["code"] for q in held}
    assert {"dai_hoc", "thac_si", "bd_dan_so_co_ban"} <= codes
    conferred = [q for q in held if q["conferred_by_session"]]
    assert conferred and all(q["awarded"] for q in conferred)
    assert lai_chau.highest_education("LC00003", datetime.date(2025, 1, 1))["code"] == "thac_si"  # type: ignore[index]
    posts = lai_chau.active_assignments("LC00004", datetime.date(2021, 12, 1))
    assert posts and all(a.is_active(datetime.date(2021, 12, 1)) for a in posts)


def test_vocabularies_give_both_languages_and_expand_groups(lai_chau: nangluc.Registry) -> None:
    edu = lai_chau.vocabularies["education"]
    assert edu["dai_hoc"].label("vi") == "Đại học" and edu["dai_hoc"].label("en") == "University"
    assert "dai_hoc" in edu.members("sau_dai_hoc") or set(edu.members("sau_dai_hoc")) >= {"thac_si"}
    assert "vn-population" in nangluc.profiles() and "levels" in nangluc.profile()


def test_a_plan_is_read_with_its_targets_and_milestones(lai_chau_plan: nangluc.Plan) -> None:
    assert lai_chau_plan.id == "LC-2021-2030"
    t1 = lai_chau_plan.target("T1")
    assert t1.measure == "person_coverage"
    assert [m["threshold"]["min_percent"] for m in t1.milestones] == [80.0, 95.0]
    assert t1.milestones[0]["due"] == datetime.date(2025, 12, 31)
    again = nangluc.read_plan_json(lai_chau_plan.to_json())
    assert again.to_json() == lai_chau_plan.to_json()


def test_evaluation_gives_exact_counts_and_statuses(evaluator: nangluc.Evaluator) -> None:
    report = evaluator.evaluate(AS_OF)
    assert report.as_of == AS_OF and report.scope == "12"
    t1 = report.target("T1").milestones[0]
    assert t1.status == "achieved"
    root = t1.root
    assert root is not None and (root.numerator, root.denominator) == (10, 11)
    assert root.percent == pytest.approx(100 * 10 / 11)
    t2 = report.target("T2").milestones[0]
    assert t2.status == "missed" and (t2.rows[0].numerator, t2.rows[0].denominator) == (92, 132)


def test_the_tidy_frame_has_one_row_per_target_milestone_and_unit(evaluator: nangluc.Evaluator) -> None:
    report = evaluator.evaluate(AS_OF)
    df = report.to_frame()
    expected_rows = sum(max(1, len(m.rows)) for t in report.targets for m in t.milestones)
    assert len(df) == expected_rows
    for col in ("target", "milestone", "unit", "numerator", "denominator", "percent", "threshold_percent", "gap", "status"):
        assert col in df.columns
    assert not df.duplicated(["target", "milestone", "unit"]).any()
    t1 = df[(df.target == "T1") & (df.milestone == "P1") & (df.unit == "12")].iloc[0]
    assert (t1.numerator, t1.denominator, t1.threshold_percent, t1.status) == (10, 11, 80.0, "achieved")
    counted = df.dropna(subset=["numerator"])
    assert (counted.numerator <= counted.denominator).all()
    with_den = counted[counted.denominator > 0]
    assert (with_den.percent == 100 * with_den.numerator / with_den.denominator).all()


def test_a_series_is_one_call_and_equals_dates_evaluated_one_by_one(evaluator: nangluc.Evaluator) -> None:
    dates = [datetime.date(y, 12, 31) for y in range(2021, 2031)]
    series = evaluator.evaluate_series(dates)
    assert [r.as_of for r in series] == dates
    for d, r in zip(dates[::3], series[::3]):
        assert r.to_json() == evaluator.evaluate(d).to_json()
    frame = evaluator.evaluate_series_frame(dates)
    assert sorted(frame.as_of.dt.date.unique()) == dates


def test_rows_can_be_limited_to_levels_and_to_a_unit(evaluator: nangluc.Evaluator) -> None:
    df = evaluator.evaluate(datetime.date(2024, 12, 31), levels=["tinh", "huyen"]).to_frame()
    assert set(df.level.dropna()) <= {"tinh", "huyen"} and "huyen" in set(df.level.dropna())
    sub = evaluator.evaluate(datetime.date(2024, 12, 31), unit="105").to_frame()
    assert set(sub.unit.dropna()) <= set(nangluc.load_registry(LAI_CHAU / "registry.json").subtree("105", datetime.date(2024, 12, 31)))


def test_the_needs_list_is_the_denominator_minus_the_numerator(evaluator: nangluc.Evaluator) -> None:
    needs = evaluator.needs("T2", AS_OF)
    assert len(needs) == 132 - 92
    people = [n.person for n in needs]
    assert len(set(people)) == len(people) and all(people)
    frame = needs.to_frame()
    assert list(frame.person) == people
    assert list(frame.columns[:4]) == ["person", "name", "unit", "unit_name"]
    units = evaluator.needs("B1", AS_OF)
    assert all(n.person is None and n.unit for n in units)


def test_the_structure_report_gives_seed_002_figures(lai_chau: nangluc.Registry) -> None:
    s = nangluc.workforce_structure(lai_chau, datetime.date(2021, 12, 1))
    province = s.levels[0]
    assert (province.level, province.quota, province.present) == ("tinh", 13, 13)
    assert province.by_category == {"cong_chuc": 12, "hop_dong": 1}
    frame = s.to_frame()
    assert frame[(frame.level == "huyen") & (frame.figure == "quota")]["count"].item() == 42


def test_generators_give_the_bundled_examples_byte_for_byte() -> None:
    for profile, folder in (("lai-chau", LAI_CHAU), ("dong-thap", LAI_CHAU.parent / "dong-thap")):
        text = (folder / "registry.json").read_text(encoding="utf-8")
        assert nangluc.write_registry_json(nangluc.generate(profile)) == text
    national = nangluc.generate("national", persons=2000, seed=7)
    assert national.counts["persons"] == 2000 and national.counts["enrollments"] > 10000
    with pytest.raises(nangluc.ArgumentError, match="unknown profile"):
        nangluc.generate("hanoi")


# ---- errors -------------------------------------------------------------------------------

def test_invalid_input_raises_validation_error_with_every_located_problem() -> None:
    doc = {"format": "nangluc/registry@1",
           "units": [{"id": "12", "name": "Lai Châu", "level": "tinh"}],
           "persons": [{"id": "P1", "name": "A", "birth_date": "1990-02-30"},
                       {"id": "P1", "name": "B"}]}
    with pytest.raises(nangluc.ValidationError) as e:
        nangluc.read_registry_json(json.dumps(doc), file="mine.json")
    problems = e.value.problems  # type: ignore[attr-defined]
    found = {(p.file, p.location, p.code) for p in problems}
    assert ("mine.json", "/persons/0/birth_date", "bad_date") in found
    assert any(p.code == "duplicate_id" and p.location.startswith("/persons/1") for p in problems)
    assert all(p.severity == "error" for p in problems)
    assert str(problems[0]).startswith("mine.json:/")
    assert isinstance(e.value, ValueError) and isinstance(e.value, nangluc.Error)


def test_a_missing_file_is_a_file_error_and_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(nangluc.FileError) as e:
        nangluc.load_registry(tmp_path / "missing.json")
    assert isinstance(e.value, OSError) and "io_error" in str(e.value)
    assert e.value.path.endswith("missing.json")


def test_bad_arguments_raise_value_errors(evaluator: nangluc.Evaluator) -> None:
    with pytest.raises(ValueError, match="not a date"):
        evaluator.evaluate("2025-13-01")
    with pytest.raises(nangluc.ArgumentError):
        evaluator.needs("NO-SUCH-TARGET", AS_OF)
    with pytest.raises(TypeError):
        evaluator.evaluate(20251231)  # type: ignore[arg-type]


def test_a_plan_naming_unknown_units_fails_to_bind(lai_chau: nangluc.Registry) -> None:
    text = (LAI_CHAU / "plan.json").read_text(encoding="utf-8").replace('"issuer": "12"', '"issuer": "99"')
    plan = nangluc.read_plan_json(text, file="plan.json")
    assert plan.source == "plan.json"
    with pytest.raises(nangluc.ValidationError) as e:
        nangluc.Evaluator(plan, lai_chau)
    found = [(p.file, p.location, p.code) for p in e.value.problems]  # type: ignore[attr-defined]
    assert ("plan.json", "/issuer", "dangling_reference") in found


def test_validate_lists_problems_instead_of_raising(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nangluc/registry@1", "units": [{"id": "1"}]}', encoding="utf-8")
    problems = nangluc.validate(str(bad))
    assert problems and all(p.file == str(bad) for p in problems)
    assert nangluc.validate(str(LAI_CHAU / "registry.json"), str(LAI_CHAU / "plan.json")) == \
        nangluc.load_plan(LAI_CHAU / "plan.json").warnings


# ---- saving ------------------------------------------------------------------------------

def test_saving_writes_json_csv_and_reports_whole(tmp_path: Path, lai_chau: nangluc.Registry,
                                                   evaluator: nangluc.Evaluator) -> None:
    lai_chau.save(tmp_path / "copy.json")
    assert (tmp_path / "copy.json").read_text(encoding="utf-8") == (LAI_CHAU / "registry.json").read_text(encoding="utf-8")
    lai_chau.save(tmp_path / "tables", date_format="dmy")
    assert "31/12/" in (tmp_path / "tables" / "units.csv").read_text(encoding="utf-8-sig") or \
        "30/06/2025" in (tmp_path / "tables" / "units.csv").read_text(encoding="utf-8-sig")
    report = evaluator.evaluate(AS_OF)
    report.save(tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == json.loads(report.to_json())
    with pytest.raises(nangluc.ArgumentError):
        report.save(tmp_path / "report.xml", format="xml")
    assert not (tmp_path / "report.xml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.json", "report.json", "tables"]


# ---- notebooks ---------------------------------------------------------------------------

def test_objects_have_helpful_reprs_and_html(lai_chau: nangluc.Registry, evaluator: nangluc.Evaluator) -> None:
    assert repr(lai_chau).startswith("<nangluc.Registry vn-population: 1109 units, 1389 persons")
    assert "Lai Châu" in repr(lai_chau.units["12"])
    report = evaluator.evaluate(AS_OF)
    assert "as of 2025-12-31" in repr(report)
    page = report._repr_html_()
    assert page.count("<tr>") > 10 and "achieved" in page and "10/11" in page
    assert "persons" in lai_chau._repr_html_()
    assert repr(evaluator.needs("T2", AS_OF)) == "<nangluc.Needs T2 as of 2025-12-31: 40>"


def test_public_functions_have_docstrings() -> None:
    for name in nangluc.__all__:
        obj = getattr(nangluc, name)
        if callable(obj) and not isinstance(obj, type):
            assert obj.__doc__, name
