"""Registries from and to pandas DataFrames with the column names of the CSV tables."""
from __future__ import annotations

import datetime

import pandas as pd
import pytest

import nangluc
from conftest import LAI_CHAU


def test_a_registry_round_trips_through_data_frames(lai_chau: nangluc.Registry) -> None:
    frames = lai_chau.to_frames()
    assert set(frames) == {"units", "persons", "assignments", "qualifications", "courses", "sessions",
                           "enrollments", "quotas"}
    assert list(frames["persons"].columns) == ["id", "name", "sex", "birth_date", "ethnicity", "external_ids.cccd"]
    assert pd.api.types.is_datetime64_any_dtype(frames["assignments"]["start"])
    assert str(frames["quotas"]["count"].dtype) == "Int64"
    again = nangluc.Registry.from_frames(frames)
    assert nangluc.write_registry_json(again) == nangluc.write_registry_json(lai_chau)


def small_frames() -> dict[str, pd.DataFrame]:
    return {
        "units": pd.DataFrame({"id": ["12", "105", "03199"], "name": ["Lai Châu", "TP Lai Châu", "Phường Tân Phong"],
                               "level": ["tinh", "huyen", "xa"], "parent": [None, "12", "105"]}),
        "persons": pd.DataFrame({"id": ["P1", "P2"], "name": ["Lò Thị Mai", "Vàng A Dình"],
                                 "birth_date": [datetime.date(1990, 5, 1), datetime.date(1985, 1, 2)],
                                 "external_ids": [{"cccd": "012190000001"}, None]}),
        "assignments": pd.DataFrame({"person": ["P1", "P2"], "unit": ["03199", "105"],
                                     "category": ["cong_chuc", "vien_chuc"],
                                     "roles": [["chuyen_trach_dan_so_xa"], "chuyen_vien_dan_so"],
                                     "sector": ["dan_so", "dan_so"],
                                     "start": pd.to_datetime(["2020-01-01", "2019-03-01"])}),
    }


def test_frames_as_an_analyst_builds_them_make_a_registry() -> None:
    reg = nangluc.Registry.from_frames(small_frames())
    assert reg.counts["persons"] == 2 and reg.counts["assignments"] == 2
    assert reg.persons["P1"].birth_date == datetime.date(1990, 5, 1)
    assert reg.persons["P1"].external_ids == {"cccd": "012190000001"}
    assert reg.assignments[0].roles == ["chuyen_trach_dan_so_xa"]
    assert reg.assignments[1].start == datetime.date(2019, 3, 1)
    assert reg.ancestors("03199", datetime.date(2024, 1, 1)) == ["105", "12"]


def test_problems_in_frames_name_the_frame_row_and_column() -> None:
    frames = small_frames()
    frames["persons"] = frames["persons"].set_index(pd.Index(["a", "b"]))
    frames["persons"].loc["b", "birth_date"] = "1985-02-30"
    frames["assignments"].loc[0, "unit"] = "99999"
    with pytest.raises(nangluc.ValidationError) as e:
        nangluc.Registry.from_frames(frames)
    found = {(p.file, p.location, p.code) for p in e.value.problems}  # type: ignore[attr-defined]
    assert ("persons", "row 'b', column birth_date", "bad_date") in found
    assert ("assignments", "row 0, column unit", "dangling_reference") in found


def test_unknown_tables_are_refused() -> None:
    with pytest.raises(nangluc.ArgumentError, match="unknown table"):
        nangluc.Registry.from_frames({"people": pd.DataFrame()})


def test_a_whole_plan_evaluates_the_same_on_a_registry_rebuilt_from_frames(lai_chau: nangluc.Registry,
                                                                          lai_chau_plan: nangluc.Plan) -> None:
    again = nangluc.Registry.from_frames(lai_chau.to_frames())
    d = datetime.date(2025, 12, 31)
    a = nangluc.evaluate(lai_chau_plan, lai_chau, d).to_frame()
    b = nangluc.evaluate(lai_chau_plan, again, d).to_frame()
    pd.testing.assert_frame_equal(a, b)


def test_dong_thap_example_loads_and_evaluates() -> None:
    root = LAI_CHAU.parent / "dong-thap"
    report = nangluc.evaluate(nangluc.load_plan(root / "plan.json"), nangluc.load_registry(root / "registry.json"),
                              "31/12/2025", levels=["tinh"])
    statuses = {t.target_id: t.milestones[0].status for t in report.targets}
    assert statuses["D1"] == "achieved" and statuses["D6"] == "off_track"
