"""The points evaluation.md §7 decided, through the command line a user runs: each test writes a
small registry and plan, runs `nangluc evaluate --format json` and checks figures worked out by
hand in its docstring (the same cases as the `[decided]` C++ tests)."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import describe_status, dump, parse_problems, run

#: Province 12 > district 105 > communes X1, X2 > village V1 under X1; until 2025-06-30 only,
#: district 106 > commune X3, which then merged into X1.
UNITS = [
    {"id": "12", "name": "Tỉnh Thử", "level": "tinh", "kind": "tinh"},
    {"id": "105", "name": "Huyện Một", "level": "huyen", "kind": "huyen", "parent": "12"},
    {"id": "106", "name": "Huyện Hai", "level": "huyen", "kind": "huyen", "parent": "12", "valid_to": "2025-06-30"},
    {"id": "X1", "name": "Xã Một", "level": "xa", "kind": "xa", "parent": "105"},
    {"id": "X2", "name": "Xã Hai", "level": "xa", "kind": "xa", "parent": "105"},
    {"id": "X3", "name": "Xã Ba", "level": "xa", "kind": "xa", "parent": "106", "valid_to": "2025-06-30",
     "successor": "X1"},
    {"id": "V1", "name": "Thôn Một", "level": "thon", "kind": "thon", "parent": "X1"},
]
C1 = {"id": "C1", "title": "Bồi dưỡng dân số", "kind": "boi_duong", "topics": ["dan_so_co_ban"], "hours": 40}
PHASES = [{"id": "P1", "start": "2021-01-01", "end": "2025-12-31"},
          {"id": "P2", "start": "2026-01-01", "end": "2030-12-31"}]
TEN_DAYS = {"window": {"start": "2021-01-01", "end": "2021-01-11"}}


def registry(**tables) -> dict:
    return {"format": "nangluc/registry@1", "profile": "vn-population", "units": UNITS, **tables}


def plan(*targets: dict, issuer: str = "12") -> dict:
    return {"format": "nangluc/plan@1", "id": "KH", "title": "Kế hoạch thử", "issuer": issuer,
            "period": {"start": "2021-01-01", "end": "2030-12-31"}, "phases": PHASES, "targets": list(targets)}


def post(person: str, unit: str, start: str = "2020-01-01", **more) -> dict:
    return {"person": person, "unit": unit, "category": "cong_chuc", "sector": "dan_so", "start": start, **more}


def evaluate(tmp_path: Path, reg: dict, pl: dict, as_of: str) -> dict:
    (tmp_path / "registry.json").write_bytes(dump(reg))
    (tmp_path / "plan.json").write_bytes(dump(pl))
    rc, out, err = run("evaluate", tmp_path / "plan.json", tmp_path / "registry.json", "--as-of", as_of,
                       "--format", "json")
    assert rc == 0, f"{describe_status(rc)}\n{err}"
    report = json.loads(out)
    report["stderr"] = err
    return report


def row(report: dict, target: str, unit: str, result: int = 0) -> dict:
    t = next(t for t in report["targets"] if t["id"] == target)
    return next(r for r in t["results"][result]["rows"] if r["unit"] == unit)


def test_quota_excluded_by_not_does_not_count(cli, tmp_path):
    """Population: dan_so, not collaborators. Quotas at X1: 1 cong_chuc and 2 cong_tac_vien; one
    cong_chuc in post. The collaborators' quota cannot be in the population: 1 of 1, achieved."""
    reg = registry(persons=[{"id": "s1", "name": "Cán bộ Một"}], assignments=[post("s1", "X1")],
                   quotas=[{"unit": "X1", "count": 1, "category": "cong_chuc", "sector": "dan_so"},
                           {"unit": "X1", "count": 2, "category": "cong_tac_vien", "sector": "dan_so"}])
    pl = plan({"id": "F", "title": "Fill", "measure": "staffing_fill",
               "population": {"sector": ["dan_so"], "not": {"category": ["cong_tac_vien"]}},
               "milestones": [{"phase": "P1", "min_percent": 100}]})
    r = row(evaluate(tmp_path, reg, pl, "2025-12-31"), "F", "12")
    assert (r["numerator"], r["denominator"], r["status"]) == (1, 1, "achieved")


def test_activity_population_matched_on_completion_day(cli, tmp_path):
    """c1 (born 1992-06-01) completed C1 on 2022-03-05 as a collaborator at V1 aged 29; since 2024
    she is a civil servant at X2, 33 at e. Collaborators: 1 person-time (at V1); civil servants: 0;
    aged at most 30: 1."""
    reg = registry(
        persons=[{"id": "c1", "name": "Cộng tác viên", "birth_date": "1992-06-01"}],
        assignments=[post("c1", "V1", category="cong_tac_vien", end="2023-12-31"), post("c1", "X2", "2024-01-01")],
        courses=[C1], sessions=[{"id": "S1", "course": "C1", "start": "2022-03-01", "end": "2022-03-05"}],
        enrollments=[{"person": "c1", "session": "S1", "status": "completed"}])

    def times(tid: str, population: dict) -> dict:
        return {"id": tid, "title": tid, "measure": "activity_count", "count": "person_times",
                "population": population, "milestones": [{"phase": "P1", "min": 1}]}

    rep = evaluate(tmp_path, reg, plan(times("CTV", {"category": ["cong_tac_vien"]}),
                                       times("CC", {"category": ["cong_chuc"]}),
                                       times("YOUNG", {"age": {"max": 30}})), "2025-12-31")
    assert row(rep, "CTV", "12")["value"] == 1 and row(rep, "CTV", "V1")["value"] == 1
    assert row(rep, "CC", "12")["value"] == 0
    assert row(rep, "YOUNG", "12")["value"] == 1


def test_activity_within_read_on_completion_day(cli, tmp_path):
    """m3 completed C1 on 2024-04-02 at X3, then under district 106; 106 and X3 ended on
    2025-06-30 (X3 into X1). Person-times within 106 over 2024–2026 as of 2026-12-31: 1, at X1."""
    reg = registry(persons=[{"id": "m3", "name": "Cán bộ Ba"}], assignments=[post("m3", "X3")],
                   courses=[C1], sessions=[{"id": "S1", "course": "C1", "start": "2024-04-01", "end": "2024-04-02"}],
                   enrollments=[{"person": "m3", "session": "S1", "status": "completed"}])
    pl = plan({"id": "W", "title": "Within", "measure": "activity_count", "count": "person_times",
               "population": {"within": ["106"]},
               "milestones": [{"window": {"start": "2024-01-01", "end": "2026-12-31"}, "min": 1}]})
    rep = evaluate(tmp_path, reg, pl, "2026-12-31")
    assert row(rep, "W", "12")["value"] == 1
    assert row(rep, "W", "X1")["value"] == 1


def test_count_over_max_before_due_is_off_track(cli, tmp_path):
    """Three sessions by 2021-01-06 in a ten-day window: over max 2 (with or without min 1) is
    off_track before the due date; min 1 max 5 is achieved."""
    sessions = [{"id": f"S{d}", "course": "C1", "start": f"2021-01-0{d}", "end": f"2021-01-0{d}"} for d in (2, 3, 4)]
    reg = registry(courses=[C1], sessions=sessions)

    def sessions_count(tid: str, **threshold) -> dict:
        return {"id": tid, "title": tid, "measure": "activity_count", "count": "sessions",
                "milestones": [{**TEN_DAYS, **threshold}]}

    rep = evaluate(tmp_path, reg, plan(sessions_count("MINMAX", min=1, max=2), sessions_count("MAX", max=2),
                                       sessions_count("IN", min=1, max=5)), "2021-01-06")
    assert row(rep, "MINMAX", "12")["status"] == "off_track"
    assert row(rep, "MAX", "12")["status"] == "off_track"
    assert row(rep, "IN", "12")["status"] == "achieved"


def test_projection_clamped_to_0_100(cli, tmp_path):
    """q1's certificate, held on day a (baseline 100%), expired on 2021-01-03: as of 2021-01-06
    (f = 0.5) the value is 0% and the projection 100 + (0 − 100) / 0.5 = −100, clamped to 0."""
    reg = registry(persons=[{"id": "q1", "name": "Cán bộ"}], assignments=[post("q1", "X1")],
                   qualifications=[{"person": "q1", "kind": "certificate", "code": "bd_dan_so_vien",
                                    "awarded": "2018-01-01", "expires": "2021-01-03"}])
    pl = plan({"id": "CERT", "title": "Cert", "measure": "person_coverage", "population": {"sector": ["dan_so"]},
               "criterion": {"qualification": {"kind": "certificate", "codes": ["bd_dan_so_vien"]}},
               "milestones": [{**TEN_DAYS, "min_percent": 80}]})
    r = row(evaluate(tmp_path, reg, pl, "2021-01-06"), "CERT", "12")
    assert r["projected_percent"] == 0
    assert r["expected_percent"] == 90
    assert r["status"] == "off_track"


def test_one_day_window_reports_expected_and_projected(cli, tmp_path):
    """A window of one day: 1 of 2 trained, threshold 80% -> missed, expected 80, projected 50."""
    reg = registry(persons=[{"id": "o1", "name": "Một"}, {"id": "o2", "name": "Hai"}],
                   assignments=[post("o1", "X1"), post("o2", "X2")], courses=[C1],
                   sessions=[{"id": "S1", "course": "C1", "start": "2021-01-06", "end": "2021-01-06"}],
                   enrollments=[{"person": "o1", "session": "S1", "status": "completed"}])
    pl = plan({"id": "DAY", "title": "Day", "measure": "person_coverage", "population": {"sector": ["dan_so"]},
               "criterion": {"training": {"courses": ["C1"]}},
               "milestones": [{"window": {"start": "2021-01-06", "end": "2021-01-06"}, "min_percent": 80}]})
    r = row(evaluate(tmp_path, reg, pl, "2021-01-06"), "DAY", "12")
    assert (r["numerator"], r["denominator"], r["status"]) == (1, 2, "missed")
    assert r["expected_percent"] == 80 and r["projected_percent"] == 50


def test_issuer_without_unit_warns(cli, tmp_path):
    """Issuer 106 ended on 2025-06-30 with no successor: the 2026 milestone has no rows, and the
    report (or stderr, for CSV) says why, once."""
    reg = registry(persons=[{"id": "s1", "name": "Một"}], assignments=[post("s1", "X2")])
    pl = plan({"id": "ALL", "title": "All", "measure": "person_coverage", "population": {"sector": ["dan_so"]},
               "criterion": {"training": {"courses": ["C1"]}},
               "milestones": [{"window": {"start": "2026-01-01", "end": "2026-12-31"}, "min_percent": 50}]},
              issuer="106")
    reg["courses"] = [C1]
    rep = evaluate(tmp_path, reg, pl, "2026-12-31")
    result = rep["targets"][0]["results"][0]
    assert result.get("rows", []) == []
    assert [w["code"] for w in rep["warnings"]] == ["issuer_not_in_tree"]
    assert "106" in rep["warnings"][0]["message"]
    # CSV has no place for warnings: they go to stderr.
    rc, _, err = run("evaluate", tmp_path / "plan.json", tmp_path / "registry.json", "--as-of", "2026-12-31",
                     "--format", "csv")
    assert rc == 0
    assert [p.code for p in parse_problems(err, str(tmp_path / "plan.json")) if p.severity == "warning"] == ["issuer_not_in_tree"]
