"""`nangluc evaluate`, `needs` and `validate REGISTRY PLAN` end to end on the Lai Châu example
(evaluation.md §5–§6): the report@1 JSON shape, the CSV table, the bilingual terminal table,
display rounding, series of dates, needs lists, and refused input."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from cli_support import REPO, cli_path, describe_status, parse_problems, run, write_registry

LAI_CHAU = REPO / "examples" / "lai-chau"
PLAN = LAI_CHAU / "plan.json"
REGISTRY = LAI_CHAU / "registry.json"
AS_OF = "2025-12-31"

CSV_HEADER = ("target,measure,label,window_start,window_end,due,evaluated_at,unit,unit_name,level,"
              "numerator,denominator,value,percent,threshold,gap,status,expected_percent,projected_percent")
STATUSES = {"not_started", "no_data", "achieved", "missed", "on_track", "at_risk", "off_track"}
MEASURES = {"person_coverage", "annual_person_coverage", "unit_coverage", "activity_count", "staffing_fill"}

_probe: tuple[bool, str] | None = None


def evaluate_support() -> tuple[bool, str]:
    """Whether the binary under test evaluates plans yet (the engine and the plan reader may be
    missing from a partial build). Cached per session."""
    global _probe
    if _probe is None:
        if not cli_path().exists():
            _probe = (False, f"no nangluc binary at {cli_path()}")
        elif not PLAN.is_file():
            _probe = (False, f"no example plan at {PLAN}")
        else:
            rc, out, err = run("evaluate", PLAN, REGISTRY, "--as-of", AS_OF, "--format", "json")
            _probe = (True, "") if rc == 0 and out.startswith("{") else (
                False, f"`nangluc evaluate` does not work in this build ({describe_status(rc)}: {err.strip()[:200]})")
    return _probe


@pytest.fixture
def engine(cli):
    """Skips the test when the build cannot evaluate plans yet."""
    ok, why = evaluate_support()
    if not ok:
        pytest.skip(why)


def evaluate(*args, as_of: str | None = AS_OF) -> tuple[int, str, str]:
    extra = ["--as-of", as_of] if as_of else []
    return run("evaluate", PLAN, REGISTRY, *extra, *args)


def report_json(as_of: str = AS_OF, *args) -> dict:
    rc, out, err = evaluate("--format", "json", *args, as_of=as_of)
    assert rc == 0, f"{describe_status(rc)}\n{err}"
    return json.loads(out)


# ---- a shape checker for nangluc/report@1 ----------------------------------------------------

def is_iso_date(x) -> bool:
    return isinstance(x, str) and len(x) == 10 and x[4] == "-" and x[7] == "-" and x.replace("-", "").isdigit()


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_keys(obj, required: set[str], optional: set[str], where: str) -> None:
    assert isinstance(obj, dict), f"{where}: not an object: {obj!r}"
    missing = required - obj.keys()
    assert not missing, f"{where}: missing {sorted(missing)}"
    unknown = obj.keys() - required - optional
    assert not unknown, f"{where}: unexpected {sorted(unknown)}"


def check_report_shape(doc: dict, first_unit: str | None = None) -> None:
    """Raises AssertionError naming the first place where `doc` departs from evaluation.md §5.
    `first_unit`: the unit of every started result's first row (default: the scope root)."""
    check_keys(doc, {"format", "plan", "scope", "as_of", "targets", "warnings"}, set(), "report")
    assert doc["format"] == "nangluc/report@1"
    assert isinstance(doc["plan"], str) and isinstance(doc["scope"], str)
    assert is_iso_date(doc["as_of"])
    assert isinstance(doc["targets"], list)
    for i, t in enumerate(doc["targets"]):
        w = f"targets[{i}]"
        check_keys(t, {"id", "measure", "title", "results"}, set(), w)
        assert t["measure"] in MEASURES, w
        check_keys(t["title"], {"vi", "en"}, set(), f"{w}.title")
        assert all(isinstance(v, str) and v for v in t["title"].values()), w
        counts = t["measure"] == "activity_count"
        for k, r in enumerate(t["results"]):
            wr = f"{w}.results[{k}]"
            check_keys(r, {"label", "window", "due", "threshold"}, {"evaluated_at", "status", "rows"}, wr)
            assert isinstance(r["label"], str) and r["label"], wr
            check_keys(r["window"], {"start", "end"}, set(), f"{wr}.window")
            assert is_iso_date(r["window"]["start"]) and is_iso_date(r["window"]["end"]), wr
            assert r["window"]["start"] <= r["window"]["end"] == r["due"], wr
            if counts:
                check_keys(r["threshold"], set(), {"min", "max"}, f"{wr}.threshold")
                assert r["threshold"], f"{wr}: a count needs min and/or max"
            else:
                check_keys(r["threshold"], {"min_percent"}, set(), f"{wr}.threshold")
                assert is_number(r["threshold"]["min_percent"]), wr
            if r.get("status") == "not_started":
                assert not r.get("rows"), f"{wr}: a result not started has no rows"
                assert r.get("evaluated_at") is None, wr
                continue
            assert is_iso_date(r["evaluated_at"]) and r["evaluated_at"] == min(doc["as_of"], r["due"]), wr
            assert r.get("status") is None or r["status"] in STATUSES, wr
            assert isinstance(r["rows"], list) and r["rows"], f"{wr}: a started result has rows"
            assert r["rows"][0]["unit"] == (first_unit or doc["scope"]), f"{wr}: the root row first"
            for n, row in enumerate(r["rows"]):
                check_row(row, counts, f"{wr}.rows[{n}]")
    for i, w in enumerate(doc["warnings"]):
        check_keys(w, {"code", "message", "where"}, set(), f"warnings[{i}]")
        assert all(isinstance(v, str) for v in w.values())


def check_row(row: dict, counts: bool, where: str) -> None:
    common = {"unit", "name", "level", "gap", "status"}
    if counts:
        check_keys(row, common | {"value", "expected", "projected"}, set(), where)
        assert is_number(row["value"]), where
        assert row["status"] is None or row["status"] in STATUSES, where
        return
    check_keys(row, common | {"numerator", "denominator", "percent", "expected_percent", "projected_percent"},
               set(), where)
    num, den = row["numerator"], row["denominator"]
    assert isinstance(num, int) and isinstance(den, int) and num >= 0 and den >= 0, where
    if den == 0:
        assert row["percent"] is None and row["status"] == "no_data", where
    else:
        # Exact: the double nearest 100 * numerator / denominator.
        assert row["percent"] == 100 * num / den, f"{where}: percent {row['percent']} for {num}/{den}"
        assert row["status"] in STATUSES - {"not_started", "no_data"}, where
    assert is_number(row["gap"]) and row["gap"] >= 0, where
    for key in ("expected_percent", "projected_percent"):
        assert row[key] is None or is_number(row[key]), where


# ---- evaluate: table ------------------------------------------------------------------------

def test_evaluate_prints_a_vietnamese_table_by_default(engine):
    rc, out, err = evaluate()
    assert rc == 0, f"{describe_status(rc)}\n{err}"
    assert "LC-2021-2030" in out
    assert "31/12/2025" in out  # dates as Vietnamese write them
    assert "Tỉnh Lai Châu" in out
    for label in ("Đơn vị", "Tỷ lệ (%)", "Tình trạng"):
        assert label in out, label
    assert any(s in out for s in ("Đạt", "Không đạt")), out[:2000]
    assert "Chưa bắt đầu" in out  # the 2026–2030 phase
    assert "achieved" not in out and "not_started" not in out


def test_evaluate_prints_english_labels_with_lang_en(engine):
    rc, out, err = evaluate("--lang", "en")
    assert rc == 0, err
    for label in ("Plan:", "Scope:", "Unit", "Percent", "Status", "not started", AS_OF):
        assert label in out, label
    assert any(s in out for s in ("achieved", "missed")), out[:2000]
    assert "Đơn vị" not in out and "Chưa bắt đầu" not in out


def test_plan_warnings_go_to_stderr(engine):
    # The example's T3 milestones overlap in 2026, as the plan is written.
    rc, out, err = evaluate()
    assert rc == 0
    problems = parse_problems(err, str(PLAN))
    assert ("warning", "overlapping_milestones") in {(p.severity, p.code) for p in problems}, err


# ---- evaluate: JSON -------------------------------------------------------------------------

def test_the_json_report_has_the_report_at_1_shape(engine):
    doc = report_json()
    check_report_shape(doc)
    assert doc["plan"] == "LC-2021-2030" and doc["scope"] == "12" and doc["as_of"] == AS_OF
    ids = [t["id"] for t in doc["targets"]]
    plan = json.loads(PLAN.read_text(encoding="utf-8"))
    assert ids == [t["id"] for t in plan["targets"]]


def test_the_json_report_has_the_shape_on_every_date_of_the_plan(engine):
    for as_of in ("2020-12-31", "2021-01-01", "2023-06-30", "2026-06-30", "2030-12-31", "2031-06-30"):
        check_report_shape(report_json(as_of))


def test_a_milestone_not_yet_started_has_no_rows(engine):
    doc = report_json("2023-06-30")
    t1 = next(t for t in doc["targets"] if t["id"] == "T1")
    p2 = next(r for r in t1["results"] if r["label"] == "P2")
    assert p2["status"] == "not_started"
    assert not p2.get("rows")
    assert p2["threshold"] == {"min_percent": 95}


def test_activity_counts_carry_a_value(engine):
    doc = report_json()
    counts = [t for t in doc["targets"] if t["measure"] == "activity_count"]
    assert counts, "the example plan has an activity count (B2)"
    for t in counts:
        for r in t["results"]:
            for row in r.get("rows") or []:
                assert "value" in row and "numerator" not in row and "percent" not in row


def test_level_and_unit_select_rows(engine):
    doc = report_json(AS_OF, "--level", "xa")
    for t in doc["targets"]:
        for r in t["results"]:
            rows = r.get("rows") or []
            if rows:
                assert rows[0]["unit"] == "12", "the scope root always has a row"
                assert {row["level"] for row in rows[1:]} <= {"xa"}
    district = report_json("2023-06-30", "--unit", "106")
    check_report_shape(district, first_unit="106")
    for t in district["targets"]:
        for r in t["results"]:
            rows = r.get("rows") or []
            if rows:
                assert rows[0]["unit"] == "106"
                assert "12" not in {row["unit"] for row in rows}


def test_several_dates_give_a_json_list_of_reports(engine):
    rc, out, err = run("evaluate", PLAN, REGISTRY, "--as-of", "2021-12-31", "--as-of", "31/12/2023",
                       "--as-of", AS_OF, "--format", "json")
    assert rc == 0, err
    docs = json.loads(out)
    assert isinstance(docs, list)
    assert [d["as_of"] for d in docs] == ["2021-12-31", "2023-12-31", AS_OF]
    for d in docs:
        check_report_shape(d)
    # One call gives what three single calls give.
    assert docs[1] == report_json("2023-12-31")


# ---- evaluate: CSV --------------------------------------------------------------------------

def csv_rows(*args) -> tuple[str, list[dict]]:
    rc, out, err = evaluate("--format", "csv", *args)
    assert rc == 0, err
    return out, list(csv.DictReader(io.StringIO(out, newline="")))


def test_the_csv_report_has_one_row_per_target_milestone_and_unit(engine):
    text, rows = csv_rows()
    assert text.startswith(CSV_HEADER + "\r\n"), text[:300]
    assert not text.startswith("\ufeff")
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"
    doc = report_json()
    expected = []
    for t in doc["targets"]:
        for r in t["results"]:
            units = [row["unit"] for row in r.get("rows") or []] or [""]
            expected += [(t["id"], r["label"], u) for u in units]
    assert [(r["target"], r["label"], r["unit"]) for r in rows] == expected
    for r in rows:
        if r["status"] == "not_started":
            assert r["unit"] == "" and r["numerator"] == "" and r["percent"] == ""


@pytest.mark.parametrize("decimals,rounding,mode", [("1", None, ROUND_HALF_UP), ("2", "half_up", ROUND_HALF_UP),
                                                    ("2", "truncate", ROUND_DOWN), ("0", "truncate", ROUND_DOWN),
                                                    ("4", "half_up", ROUND_HALF_UP)])
def test_csv_percentages_are_rounded_from_the_exact_fraction(engine, decimals, rounding, mode):
    args = ["--decimals", decimals] + (["--rounding", rounding] if rounding else [])
    _, rows = csv_rows(*args)
    checked = 0
    for r in rows:
        if r["measure"] == "activity_count" or r["denominator"] in ("", "0"):
            continue
        num, den = int(r["numerator"]), int(r["denominator"])
        q = Fraction(100 * num, den)
        want = str((Decimal(q.numerator) / Decimal(q.denominator)).quantize(
            Decimal(1).scaleb(-int(decimals)), rounding=mode)) if den else ""
        # Decimal division at 28 digits is exact enough to round at 4 places for these counts.
        assert r["percent"] == want, f"{num}/{den} at {decimals} ({rounding}): {r['percent']} != {want}"
        checked += 1
    assert checked > 100


def test_several_dates_give_one_csv_table_led_by_the_date(engine):
    rc, out, err = run("evaluate", PLAN, REGISTRY, "--as-of", "2022-12-31", "--as-of", AS_OF, "--format", "csv")
    assert rc == 0, err
    assert out.startswith("as_of," + CSV_HEADER + "\r\n")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert {r["as_of"] for r in rows} == {"2022-12-31", AS_OF}
    _, single = csv_rows()
    assert [dict(list(r.items())[1:]) for r in rows if r["as_of"] == AS_OF] == single


def test_the_table_follows_decimals_and_rounding(engine):
    _, rows = csv_rows("--decimals", "2", "--rounding", "truncate")
    root = next(r for r in rows if r["target"] == "T2" and r["label"] == "P1" and r["unit"] == "12")
    rc, out, err = evaluate("--decimals", "2", "--rounding", "truncate", "--lang", "en")
    assert rc == 0, err
    assert f"{root['numerator']}/{root['denominator']}" in out
    assert root["percent"] in out


# ---- needs ----------------------------------------------------------------------------------

def needs(target: str, *args, as_of: str = AS_OF) -> tuple[int, str, str]:
    return run("needs", PLAN, REGISTRY, "--target", target, "--as-of", as_of, *args)


@pytest.mark.parametrize("target", ["T1", "T2"])
def test_needs_lists_every_person_in_the_denominator_not_in_the_numerator(engine, target):
    rc, out, err = needs(target)
    assert rc == 0, err
    assert out.startswith("person,name,unit,unit_name,category,roles,last_completed\r\n")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    doc = report_json()
    t = next(t for t in doc["targets"] if t["id"] == target)
    milestone = next(r for r in t["results"] if r["window"]["start"] <= AS_OF <= r["window"]["end"])
    root = milestone["rows"][0]
    assert len(rows) == root["denominator"] - root["numerator"]
    assert len({r["person"] for r in rows}) == len(rows)
    for r in rows:
        assert r["person"] and r["name"] and r["unit"] and r["unit_name"]
        assert r["last_completed"] == "" or is_iso_date(r["last_completed"])


def test_needs_as_json_gives_objects_with_the_same_keys(engine):
    rc, out, err = needs("T2", "--format", "json")
    assert rc == 0, err
    items = json.loads(out)
    assert isinstance(items, list)
    rc, csv_out, _ = needs("T2")
    assert len(items) == len(list(csv.DictReader(io.StringIO(csv_out, newline=""))))
    for item in items:
        assert set(item) == {"person", "name", "unit", "unit_name", "category", "roles", "last_completed"}


def test_needs_of_a_unit_coverage_target_lists_uncovered_units(engine):
    rc, out, err = needs("B1")
    assert rc == 0, err
    assert out.startswith("unit,unit_name,level,persons,missing\r\n")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    doc = report_json()
    root = next(t for t in doc["targets"] if t["id"] == "B1")["results"][-1]["rows"][0]
    assert len(rows) == root["denominator"] - root["numerator"]
    assert all(int(r["missing"]) >= 1 for r in rows)


def test_needs_of_an_unknown_target_is_a_usage_error(engine):
    rc, out, err = needs("NOPE")
    assert rc == 2, describe_status(rc)
    assert "NOPE" in err and out == ""


# ---- validate with a plan -------------------------------------------------------------------

def test_validate_checks_a_plan_against_the_registry(engine):
    rc, out, err = run("validate", REGISTRY, PLAN)
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"{REGISTRY}: valid: ")
    assert lines[1].startswith(f"{PLAN}: valid: ") and "LC-2021-2030" in lines[1]


# ---- refused input --------------------------------------------------------------------------

BAD_PLAN = {
    "format": "nangluc/plan@1", "id": "X", "title": "x", "issuer": "12",
    "period": {"start": "2021-01-01", "end": "2030-12-31"},
    "targets": [{"id": "T1", "title": "t", "measure": "person_coverage",
                 "population": {"category": ["cong_chuc"]}, "criterion": {"training": {}},
                 "milestones": [{"by": "2035-01-01", "min_percent": 180}], "bogus": 1}],
}


def write_plan(path, doc) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("command", [["evaluate"], ["needs", "--target", "T1"], ["validate-plan"]])
def test_a_bad_plan_exits_1_with_located_errors(engine, tmp_path, command):
    write_plan(tmp_path / "plan.json", BAD_PLAN)
    write_registry(tmp_path / "registry.json", REGISTRY.read_bytes())
    if command == ["validate-plan"]:
        args = ["validate", "registry.json", "plan.json"]
    else:
        args = [command[0], "plan.json", "registry.json", "--as-of", AS_OF, *command[1:]]
    rc, out, err = run(*args, cwd=tmp_path)
    assert rc == 1, f"{describe_status(rc)}\n{err}"
    assert out == ""
    problems = parse_problems(err, "plan.json")
    assert {(p.location, p.code) for p in problems if p.severity == "error"} >= {
        ("/targets/0/bogus", "unknown_field"),
        ("/targets/0/milestones/0/min_percent", "bad_value"),
    }


@pytest.mark.parametrize("command", ["evaluate", "needs", "validate"])
def test_a_plan_naming_what_the_registry_lacks_is_refused_with_its_own_file_named(engine, tmp_path, command):
    plan = json.loads(json.dumps(BAD_PLAN))
    del plan["targets"][0]["bogus"]
    plan["targets"][0]["milestones"] = [{"by": "2025-12-31", "min_percent": 80}]
    plan["targets"][0]["population"] = {"category": ["cong_chucc"]}
    plan["issuer"] = "99"
    write_plan(tmp_path / "plan.json", plan)
    write_registry(tmp_path / "registry.json", REGISTRY.read_bytes())
    args = {"evaluate": ["evaluate", "plan.json", "registry.json", "--as-of", AS_OF],
            "needs": ["needs", "plan.json", "registry.json", "--target", "T1", "--as-of", AS_OF],
            "validate": ["validate", "registry.json", "plan.json"]}[command]
    rc, out, err = run(*args, cwd=tmp_path)
    assert rc == 1, f"{describe_status(rc)}\n{err}"
    assert out == ""
    problems = parse_problems(err, "plan.json")
    assert {(p.location, p.code) for p in problems} >= {("/issuer", "dangling_reference"),
                                                         ("/targets/0/population/category/0", "unknown_code")}


def test_a_bad_plan_and_a_bad_registry_are_both_reported(engine, tmp_path, valid_registry):
    write_plan(tmp_path / "plan.json", BAD_PLAN)
    valid_registry["units"][1]["parent"] = "nowhere"
    write_registry(tmp_path / "registry.json", valid_registry)
    rc, out, err = run("evaluate", "plan.json", "registry.json", "--as-of", AS_OF, cwd=tmp_path)
    assert rc == 1
    files = {line.split(":", 1)[0] for line in err.splitlines()}
    assert files == {"plan.json", "registry.json"}, err


@pytest.mark.parametrize("args", [
    ["evaluate", "plan.json", "registry.json", "--as-of", "tomorrow"],
    ["evaluate", "plan.json", "registry.json", "--as-of", "2025-12-31", "--as-of", "2025-02-30"],
    ["evaluate", "plan.json", "registry.json", "--format", "xml"],
    ["evaluate", "plan.json", "registry.json", "--lang", "fr"],
    ["evaluate", "plan.json", "registry.json", "--decimals", "7"],
    ["evaluate", "plan.json", "registry.json", "--decimals", "-1"],
    ["evaluate", "plan.json", "registry.json", "--rounding", "bankers"],
    ["evaluate", "plan.json"],
    ["needs", "plan.json", "registry.json"],
    ["needs", "plan.json", "registry.json", "--target", "T1", "--format", "table"],
    ["validate", "registry.json", "plan.json", "extra.json"],
], ids=["as-of-not-a-date", "second-as-of-feb-30", "format-xml", "lang-fr", "decimals-7", "decimals-negative",
        "rounding-bankers", "evaluate-without-registry", "needs-without-target", "needs-format-table",
        "validate-three-files"])
def test_usage_errors_exit_2_before_any_file_is_read(tmp_path, args):
    # The files do not exist: a usage error must still be reported as one (2), not as input (1).
    rc, out, err = run(*args, cwd=tmp_path)
    assert rc == 2, f"{describe_status(rc)}\n{err}"
    assert err.strip() and out == ""


def test_unknown_level_and_unit_are_usage_errors(engine):
    rc, _, err = evaluate("--level", "tinhh")
    assert rc == 2 and "tinhh" in err and "tinh" in err
    rc, _, err = evaluate("--unit", "no-such-unit")
    assert rc == 2 and "no-such-unit" in err


def test_help_lists_evaluate_and_needs():
    rc, out, _ = run("--help")
    assert rc == 0
    assert "evaluate" in out and "needs" in out
    for sub in ("evaluate", "needs"):
        rc, out, err = run(sub, "--help")
        assert rc == 0, err
        assert "Usage:" in out and "--as-of" in out
