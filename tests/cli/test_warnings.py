"""Warnings (model.md §5): reported on stderr as `FILE:LOCATION: warning[CODE]: MESSAGE`, but
the registry loads (exit status 0) and `convert` still writes its output."""

from __future__ import annotations

import json

import pytest

from cli_support import assert_accepted, describe_status, parse_problems, warnings_of, write_registry

FILE = "registry.json"


def completion_while_holding_no_post(doc: dict) -> None:
    # P1 completes session S1 on 2023-03-10 but only takes up the post on 2024-01-01.
    doc["assignments"][0]["start"] = "2024-01-01"


def post_at_an_ended_unit_without_successor(doc: dict) -> None:
    # Commune 03200 was dissolved on 2025-06-30 with no successor; P1 is still posted there
    # (a different post from the one at 03199, so the two do not overlap).
    doc["units"].append({"id": "03200", "name": "Xã Sơn Bình", "level": "xa", "kind": "xa",
                         "parent": "105", "valid_to": "2025-06-30"})
    doc["assignments"].append({"person": "P1", "unit": "03200", "category": "cong_chuc",
                               "sector": "van_hoa_xa_hoi", "start": "2019-01-01"})


def qualification_awarded_after_it_expires(doc: dict) -> None:
    doc["qualifications"][0]["expires"] = "2010-01-01"  # awarded 2012-06-30


WARNING_CASES = [
    ("completion-while-the-person-held-no-post", completion_while_holding_no_post,
     ("/enrollments/0", "completion_without_post"), "while holding no post"),
    ("post-at-a-unit-that-ended-without-successor", post_at_an_ended_unit_without_successor,
     ("/assignments/1/unit", "ended_unit_without_successor"), "2025-06-30"),
    ("qualification-awarded-after-it-expires", qualification_awarded_after_it_expires,
     ("/qualifications/0/expires", "awarded_after_expiry"), "2010-01-01"),
]


@pytest.mark.parametrize("break_it,expected,text", [c[1:] for c in WARNING_CASES],
                         ids=[c[0] for c in WARNING_CASES])
def test_validate_reports_the_warning_on_stderr_and_still_succeeds(run, tmp_path, valid_registry,
                                                                   break_it, expected, text):
    break_it(valid_registry)
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert rc == 0, f"a warning must not refuse the registry: {describe_status(rc)}\n{err}"
    problems = parse_problems(err, FILE)
    assert [(p.location, p.severity, p.code) for p in problems] == [(*expected[:1], "warning", expected[1])], err
    assert text in problems[0].message, problems[0].message
    assert out.startswith(f"{FILE}: valid: ") and out.rstrip().endswith("; 1 warnings"), out


@pytest.mark.parametrize("break_it,expected,text", [c[1:] for c in WARNING_CASES],
                         ids=[c[0] for c in WARNING_CASES])
def test_convert_reports_the_warning_and_still_writes_the_output(run, tmp_path, valid_registry,
                                                                 break_it, expected, text):
    break_it(valid_registry)
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("convert", FILE, "out.json", cwd=tmp_path)
    assert rc == 0, f"{describe_status(rc)}\n{err}"
    assert warnings_of(parse_problems(err, FILE)) == [expected], err
    back = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert back["format"] == "nangluc/registry@1"
    assert len(back["units"]) == len(valid_registry["units"])


def test_all_three_warnings_are_reported_together(run, tmp_path, valid_registry):
    for _, break_it, _, _ in WARNING_CASES:
        break_it(valid_registry)
    # The post at the dissolved commune must also start after the 2023 completion, or it
    # would count as the post held on that day.
    valid_registry["assignments"][1]["start"] = "2024-06-01"
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert rc == 0, err
    problems = parse_problems(err, FILE)
    assert all(p.severity == "warning" for p in problems), err
    assert warnings_of(problems) == sorted(c[2] for c in WARNING_CASES), err
    assert out.rstrip().endswith("; 3 warnings"), out


def test_the_valid_registry_gives_no_warning(run, tmp_path, valid_registry):
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert_accepted(rc, out, err, FILE)
    assert out == (f"{FILE}: valid: 4 units, 1 persons, 1 assignments, 1 qualifications, 1 courses, "
                   "1 sessions, 1 enrollments, 1 quotas; 0 warnings\n")


def test_a_post_at_a_unit_that_ended_with_a_successor_gives_no_warning(run, tmp_path, valid_registry):
    post_at_an_ended_unit_without_successor(valid_registry)
    valid_registry["units"][-1]["successor"] = "03199"  # merged into Bình Lư
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert_accepted(rc, out, err, FILE)


def test_a_completion_dated_inside_the_post_gives_no_warning(run, tmp_path, valid_registry):
    completion_while_holding_no_post(valid_registry)
    valid_registry["enrollments"][0]["completed_on"] = "2024-02-01"  # certified after taking the post
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert_accepted(rc, out, err, FILE)


def test_warnings_are_printed_alongside_errors_when_the_registry_is_refused(run, tmp_path, valid_registry):
    qualification_awarded_after_it_expires(valid_registry)
    valid_registry["quotas"][0]["count"] = -1
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert rc == 1, err
    codes = sorted((p.severity, p.code) for p in parse_problems(err, FILE))
    assert codes == [("error", "negative_value"), ("warning", "awarded_after_expiry")], err
