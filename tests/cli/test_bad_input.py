"""The bad-input catalogue: every kind of invalid registry the CLI must refuse (model.md §5).

Each case breaks a copy of the minimal valid registry (conftest.py) in one way and runs the
real `nangluc` binary on it. A refused input must:
- exit with status exactly 1 (never a signal, never an abort);
- print nothing on stdout;
- print one line per problem on stderr, `FILE:LOCATION: error[CODE]: MESSAGE`, naming the file
  as given on the command line, the exact location (a JSON pointer, or `line:column` for
  syntax errors) and the stable code;
- for `convert`, create no output (and leave an existing output file byte for byte as it was).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from cli_support import (
    assert_accepted,
    assert_refused,
    csv_support,
    describe_status,
    dump,
    LINE_COLUMN,
    errors_of,
    parse_problems,
    tree_snapshot,
    valid_registry,
    write_registry,
)

FILE = "registry.json"


@dataclass
class Case:
    id: str
    #: Breaks the valid registry (a dict, changed in place or replaced) or returns raw bytes.
    build: Callable[[dict], dict | bytes | None]
    #: The (location, code) of every error expected, in any order.
    errors: list[tuple[str, str]]
    #: (location, text) pairs: the message of the error at `location` must contain `text`.
    messages: list[tuple[str, str]] = field(default_factory=list)
    #: Also run through `nangluc convert` (to a .json file and to a folder).
    convert: bool = False

    def content(self) -> bytes:
        doc = valid_registry()
        result = self.build(doc)
        if isinstance(result, bytes):
            return result
        return dump(doc if result is None else result)


def edit(fn: Callable[[dict], object]) -> Callable[[dict], None]:
    """Wraps an in-place edit that may return a value (dict.update, list.append, …)."""
    def build(doc: dict) -> None:
        fn(doc)
    return build


def text_of_valid(indent: int | None = 2) -> str:
    return json.dumps(valid_registry(), ensure_ascii=False, indent=indent)


def end_position(data: bytes) -> str:
    """`line:column` just past the last byte (columns count bytes, from 1)."""
    lines = data.split(b"\n")
    return f"{len(lines)}:{len(lines[-1]) + 1}"


# ---- raw inputs for the syntax cases -----------------------------------------------------

TRAILING_COMMA = (
    '{\n'
    '  "format": "nangluc/registry@1",\n'
    '  "units": [\n'
    '    {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh"},\n'
    '  ]\n'
    '}\n'
).encode()  # the `]` on line 5, column 3, is where a value was expected

_pretty = text_of_valid().encode()
TRUNCATED = _pretty[: _pretty.index(b'"persons"')]             # cut between two keys
TRUNCATED_IN_STRING = _pretty[: _pretty.index(b'"persons"') + 5]  # cut inside a key

BAD_UTF8 = b'{"format": "nangluc/registry@1", "units": [{"id": "12", "name": "T\xffnh", "level": "tinh"}]}'
BAD_UTF8_AT = "1:%d" % (BAD_UTF8.index(b"\xff") + 1)  # the column of the bad byte

_compact = text_of_valid(indent=None)
LONE_SURROGATE = _compact.replace('"Lò Thị Mai"', '"\\ud800"').encode()
# the parser stops at the closing quote that follows the lone high surrogate
LONE_SURROGATE_AT = "1:%d" % (LONE_SURROGATE.index(rb'"\ud800"') + 8)


# ---- building blocks for the model cases ---------------------------------------------------

def cycle_between_two_units(doc: dict) -> None:
    # A level without a depth, so that only the cycle (not the level order) is wrong.
    doc["vocabularies"] = {"levels": [{"code": "cum", "vi": "Cụm", "en": "Cluster"}]}
    doc["units"] += [{"id": "A", "name": "Cụm A", "level": "cum", "parent": "B"},
                     {"id": "B", "name": "Cụm B", "level": "cum", "parent": "A"}]


def parent_ends_before_child(doc: dict) -> None:
    # District 105 is merged into the province on 2025-06-30, but commune 03199 still hangs
    # under it for its whole (open-ended) life.
    doc["units"][1].update(valid_to="2025-06-30", successor="12")


def parents_over_time_to_missing_unit(doc: dict) -> None:
    u = doc["units"][2]
    del u["parent"]
    u["parents"] = [{"unit": "105", "to": "2025-06-30"}, {"unit": "99", "from": "2025-07-01"}]


def five_errors(doc: dict) -> None:
    doc["units"][1]["level"] = "huyn"                    # unknown code
    doc["persons"][0]["birth_date"] = "1990-02-30"       # bad date
    doc["sessions"][0]["course"] = "C9"                  # dangling reference
    doc["quotas"][0]["count"] = -3                       # negative count
    doc["enrollments"][0]["grade"] = "A"                 # unknown field


def decomposed_duplicate(doc: dict) -> None:
    # "Đá" written precomposed and decomposed: equal after NFC normalisation.
    doc["units"] += [{"id": "Đ\u00e1", "name": "Bản Đá 1", "level": "thon", "parent": "03199"},
                     {"id": "Đa\u0301", "name": "Bản Đá 2", "level": "thon", "parent": "03199"}]


CASES = [
    # -- malformed JSON --------------------------------------------------------------------
    Case("json-trailing-comma-in-a-list", lambda d: TRAILING_COMMA, [("5:3", "json_syntax")], convert=True),
    Case("json-file-truncated-between-keys", lambda d: TRUNCATED,
         [(end_position(TRUNCATED), "json_syntax")], messages=[(end_position(TRUNCATED), "end of input")],
         convert=True),
    Case("json-file-truncated-inside-a-string", lambda d: TRUNCATED_IN_STRING,
         [(end_position(TRUNCATED_IN_STRING), "json_syntax")]),
    Case("json-empty-file", lambda d: b"", [("1:1", "json_syntax")], convert=True),
    Case("json-only-blank-lines", lambda d: b"\n\n", [("3:1", "json_syntax")]),
    Case("json-only-a-byte-order-mark", lambda d: b"\xef\xbb\xbf", [("1:4", "json_syntax")]),
    Case("json-invalid-utf8-byte-inside-a-string", lambda d: BAD_UTF8,
         [(BAD_UTF8_AT, "json_syntax")], messages=[(BAD_UTF8_AT, "UTF-8")], convert=True),
    Case("json-lone-utf16-surrogate-escape", lambda d: LONE_SURROGATE, [(LONE_SURROGATE_AT, "json_syntax")]),
    Case("json-comment-before-the-object", lambda d: b"// registry\n" + _compact.encode(),
         [("1:1", "json_syntax")]),
    Case("json-second-document-after-the-object", lambda d: _compact.encode() + b"\n{}",
         [("2:1", "json_syntax")]),
    Case("top-level-is-a-list-not-an-object", lambda d: b"[]", [("", "wrong_type")],
         messages=[("", "must be a JSON object")], convert=True),
    Case("top-level-is-a-string-not-an-object", lambda d: b'"nangluc/registry@1"', [("", "wrong_type")]),

    # -- wrong type ------------------------------------------------------------------------
    Case("number-where-a-string-is-expected", edit(lambda d: d["persons"][0].update(name=5)),
         [("/persons/0/name", "wrong_type")], messages=[("/persons/0/name", "must be a string")], convert=True),
    Case("object-where-a-list-is-expected", edit(lambda d: d.update(quotas={})),
         [("/quotas", "wrong_type")], messages=[("/quotas", "must be a list")], convert=True),
    Case("list-entry-that-is-not-an-object", edit(lambda d: d["persons"].append("P2")),
         [("/persons/1", "wrong_type")], messages=[("/persons/1", "must be an object")]),
    Case("list-entry-that-is-null", edit(lambda d: d["units"].append(None)), [("/units/4", "wrong_type")]),
    Case("number-where-a-date-is-expected", edit(lambda d: d["assignments"][0].update(start=20200101)),
         [("/assignments/0/start", "wrong_type")]),
    Case("string-where-a-list-of-codes-is-expected", edit(lambda d: d["assignments"][0].update(roles="lanh_dao")),
         [("/assignments/0/roles", "wrong_type")]),
    Case("capacity-that-is-not-a-whole-number", edit(lambda d: d["sessions"][0].update(capacity=12.5)),
         [("/sessions/0/capacity", "wrong_type")], messages=[("/sessions/0/capacity", "whole number")],
         convert=True),
    Case("capacity-given-as-a-string", edit(lambda d: d["sessions"][0].update(capacity="30")),
         [("/sessions/0/capacity", "wrong_type")]),
    Case("attendance-that-is-not-a-list", edit(lambda d: d["sessions"][0].update(attendance={"count": 3})),
         [("/sessions/0/attendance", "wrong_type")]),
    Case("confers-that-is-not-an-object", edit(lambda d: d["courses"][0].update(confers="bd_dan_so_vien")),
         [("/courses/0/confers", "wrong_type")]),
    Case("profile-that-is-not-a-string", edit(lambda d: d.update(profile=5)), [("/profile", "wrong_type")]),

    # -- missing required field --------------------------------------------------------------
    Case("registry-without-a-units-list", lambda d: dump({"format": "nangluc/registry@1", "persons": []}),
         [("/units", "missing_field")], convert=True),
    Case("unit-without-a-level", edit(lambda d: d["units"][1].pop("level")),
         [("/units/1/level", "missing_field")]),
    Case("assignment-without-a-start", edit(lambda d: d["assignments"][0].pop("start")),
         [("/assignments/0/start", "missing_field")], convert=True),
    Case("enrollment-without-a-status", edit(lambda d: d["enrollments"][0].pop("status")),
         [("/enrollments/0/status", "missing_field")]),
    Case("course-with-an-empty-topics-list", edit(lambda d: d["courses"][0].update(topics=[])),
         [("/courses/0/topics", "missing_field")]),
    Case("person-whose-name-is-null", edit(lambda d: d["persons"][0].update(name=None)),
         [("/persons/0/name", "missing_field")]),

    # -- unknown field -------------------------------------------------------------------------
    Case("unknown-top-level-key", edit(lambda d: d.update(teachers=[])), [("/teachers", "unknown_field")],
         messages=[("/teachers", "x_")], convert=True),
    Case("unknown-field-in-a-person", edit(lambda d: d["persons"][0].update(phone="0912")),
         [("/persons/0/phone", "unknown_field")]),
    Case("unknown-field-in-an-attendance-count", edit(lambda d: d["sessions"][0]["attendance"][0].update(gender="F")),
         [("/sessions/0/attendance/0/gender", "unknown_field")]),

    # -- unknown code (with the nearest known codes) ------------------------------------------
    Case("unknown-category-code", edit(lambda d: d["assignments"][0].update(category="cong_chuk")),
         [("/assignments/0/category", "unknown_code")],
         messages=[("/assignments/0/category", "vocabulary 'categories'"),
                   ("/assignments/0/category", "nearest known codes: cong_chuc")], convert=True),
    Case("unknown-level-code", edit(lambda d: d["units"][1].update(level="huyn")),
         [("/units/1/level", "unknown_code")],
         messages=[("/units/1/level", "'levels'"), ("/units/1/level", "nearest known codes: huyen")]),
    Case("unknown-education-code", edit(lambda d: d["qualifications"][0].update(code="dai_hocc")),
         [("/qualifications/0/code", "unknown_code")],
         messages=[("/qualifications/0/code", "'education'"), ("/qualifications/0/code", "nearest known codes: dai_hoc")]),
    Case("unknown-topic-code-in-a-list", edit(lambda d: d["courses"][0].update(topics=["dan_so_co_bann"])),
         [("/courses/0/topics/0", "unknown_code")],
         messages=[("/courses/0/topics/0", "nearest known codes: dan_so_co_ban")]),

    # -- format and profile ----------------------------------------------------------------
    Case("format-missing", edit(lambda d: d.pop("format")), [("/format", "missing_field")], convert=True),
    Case("format-of-another-file-kind", edit(lambda d: d.update(format="nangluc/plan@1")),
         [("/format", "bad_format")], messages=[("/format", "nangluc/registry@1")]),
    Case("format-of-a-future-version", edit(lambda d: d.update(format="nangluc/registry@2")),
         [("/format", "bad_format")]),
    Case("unknown-profile", edit(lambda d: d.update(profile="vn-health")), [("/profile", "bad_value")],
         messages=[("/profile", "vn-health")]),

    # -- duplicate id ----------------------------------------------------------------------
    Case("duplicate-unit-id", edit(lambda d: d["units"].append(dict(d["units"][3], name="Bản khác"))),
         [("/units/4", "duplicate_id")], messages=[("/units/4", "first at /units/3")], convert=True),
    Case("duplicate-person-id", edit(lambda d: d["persons"].append({"id": "P1", "name": "Lò Văn Nam"})),
         [("/persons/1", "duplicate_id")], messages=[("/persons/1", "first at /persons/0")]),
    Case("duplicate-session-id", edit(lambda d: d["sessions"].append(dict(d["sessions"][0]))),
         [("/sessions/1", "duplicate_id")]),
    Case("duplicate-unit-id-differing-only-in-unicode-normalisation", decomposed_duplicate,
         [("/units/5", "duplicate_id")]),
    Case("top-level-key-given-twice", lambda d: _compact[:-1].encode() + b', "units": []}',
         [("/units", "duplicate_key")]),

    # -- dangling reference ----------------------------------------------------------------
    Case("unit-parent-that-does-not-exist", edit(lambda d: d["units"][2].update(parent="999")),
         [("/units/2/parent", "dangling_reference")], messages=[("/units/2/parent", "'999'")], convert=True),
    Case("parent-over-time-that-does-not-exist", parents_over_time_to_missing_unit,
         [("/units/2/parents/1/unit", "dangling_reference")]),
    Case("assignment-of-a-person-who-does-not-exist", edit(lambda d: d["assignments"][0].update(person="P9")),
         [("/assignments/0/person", "dangling_reference")], messages=[("/assignments/0/person", "'P9'")]),
    Case("enrollment-in-a-session-that-does-not-exist", edit(lambda d: d["enrollments"][0].update(session="S9")),
         [("/enrollments/0/session", "dangling_reference")]),
    Case("session-of-a-course-that-does-not-exist", edit(lambda d: d["sessions"][0].update(course="C9")),
         [("/sessions/0/course", "dangling_reference")]),

    # -- bad dates and periods -------------------------------------------------------------
    Case("date-that-does-not-exist-feb-30", edit(lambda d: d["assignments"][0].update(start="2025-02-30")),
         [("/assignments/0/start", "bad_date")], messages=[("/assignments/0/start", "2025-02-30")], convert=True),
    Case("date-given-as-a-word", edit(lambda d: d["persons"][0].update(birth_date="tomorrow")),
         [("/persons/0/birth_date", "bad_date")]),
    Case("date-with-month-13", edit(lambda d: d["sessions"][0].update(end="2023-13-01")),
         [("/sessions/0/end", "bad_date")]),
    Case("valid-for-that-is-not-an-iso-period", edit(lambda d: d["courses"][0]["confers"].update(valid_for="5 years")),
         [("/courses/0/confers/valid_for", "bad_value")], messages=[("/courses/0/confers/valid_for", "ISO 8601")]),

    # -- start after end -------------------------------------------------------------------
    Case("assignment-that-starts-after-it-ends", edit(lambda d: d["assignments"][0].update(end="2019-12-31")),
         [("/assignments/0/start", "bad_range")], convert=True),
    Case("session-that-starts-after-it-ends", edit(lambda d: d["sessions"][0].update(end="2023-02-01")),
         [("/sessions/0/start", "bad_range")]),
    Case("unit-valid-from-after-valid-to", edit(lambda d: d["units"][3].update(valid_from="2020-01-01", valid_to="2019-01-01")),
         [("/units/3/valid_from", "bad_range")]),
    Case("quota-from-after-to", edit(lambda d: d["quotas"][0].update(to="2019-01-01")),
         [("/quotas/0/from", "bad_range")]),

    # -- overlapping posts -----------------------------------------------------------------
    Case("overlapping-assignments-of-a-person-in-the-same-post",
         edit(lambda d: d["assignments"].append(dict(d["assignments"][0], start="2021-01-01"))),
         [("/assignments/1/start", "overlapping_assignment")],
         messages=[("/assignments/1/start", "/assignments/0")], convert=True),

    # -- the tree --------------------------------------------------------------------------
    Case("cycle-of-two-units-parent-of-each-other", cycle_between_two_units, [("/units/4/parent", "cycle")],
         messages=[("/units/4/parent", "'A' -> 'B' -> 'A'")], convert=True),
    Case("cycle-through-the-province-also-breaks-level-order", edit(lambda d: d["units"][0].update(parent="105")),
         [("/units/0/parent", "cycle"), ("/units/0/parent", "level_order")]),
    Case("unit-that-is-its-own-successor",
         edit(lambda d: d["units"][3].update(valid_to="2025-06-30", successor="03199-01")),
         [("/units/3/successor", "cycle")]),
    Case("commune-as-parent-of-a-province",
         edit(lambda d: d["units"].append({"id": "14", "name": "Tỉnh X", "level": "tinh", "parent": "03199"})),
         [("/units/4/parent", "level_order")]),
    Case("parent-that-ends-while-its-child-still-points-to-it", parent_ends_before_child,
         [("/units/2/parent", "parent_not_valid")], messages=[("/units/2/parent", "'105'")]),
    Case("unit-with-both-parent-and-parents", edit(lambda d: d["units"][1].update(parents=[{"unit": "12"}])),
         [("/units/1/parents", "bad_value")]),

    # -- negative counts and money -----------------------------------------------------------
    Case("negative-quota-count", edit(lambda d: d["quotas"][0].update(count=-1)),
         [("/quotas/0/count", "negative_value")], convert=True),
    Case("negative-session-cost", edit(lambda d: d["sessions"][0].update(cost_vnd=-5000)),
         [("/sessions/0/cost_vnd", "negative_value")]),
    Case("negative-attendance-count", edit(lambda d: d["sessions"][0]["attendance"][0].update(count=-2)),
         [("/sessions/0/attendance/0/count", "negative_value")]),
    Case("quota-count-too-large-for-64-bits", lambda d: _compact.replace('"count": 1,', '"count": 18446744073709551615,').encode(),
         [("/quotas/0/count", "bad_value")]),

    # -- bad values ------------------------------------------------------------------------
    Case("sex-that-is-not-F-M-or-X", edit(lambda d: d["persons"][0].update(sex="female")),
         [("/persons/0/sex", "bad_value")], convert=True),
    Case("enrollment-status-not-in-the-list", edit(lambda d: d["enrollments"][0].update(status="done")),
         [("/enrollments/0/status", "bad_value")], messages=[("/enrollments/0/status", "completed")]),
    Case("vocabulary-addition-with-a-code-not-in-snake-case",
         edit(lambda d: d.update(vocabularies={"roles": [{"code": "Bad Code", "vi": "x", "en": "x"}]})),
         [("/vocabularies/roles/0/code", "bad_value")]),

    # -- many errors at once -----------------------------------------------------------------
    Case("five-different-errors-are-all-reported", five_errors,
         [("/units/1/level", "unknown_code"), ("/persons/0/birth_date", "bad_date"),
          ("/sessions/0/course", "dangling_reference"), ("/quotas/0/count", "negative_value"),
          ("/enrollments/0/grade", "unknown_field")], convert=True),
]

CONVERT_CASES = [c for c in CASES if c.convert]

assert len({c.id for c in CASES}) == len(CASES), "case ids must be unique"


def _check_case(case: Case, rc: int, out: str, err: str) -> None:
    problems = assert_refused(rc, out, err, FILE)
    assert errors_of(problems) == sorted(case.errors), (
        f"errors (location, code) differ from the expected ones\nstderr:\n{err}")
    for location, text in case.messages:
        msgs = [p.message for p in problems if p.location == location and p.severity == "error"]
        assert any(text in m for m in msgs), f"no error at {location!r} mentions {text!r}\nstderr:\n{err}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validate_refuses_the_bad_registry_with_one_located_error_per_problem(case, run, tmp_path):
    write_registry(tmp_path / FILE, case.content())
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    _check_case(case, rc, out, err)


@pytest.mark.parametrize("case", CONVERT_CASES, ids=[c.id for c in CONVERT_CASES])
def test_convert_to_json_refuses_the_bad_registry_and_writes_nothing(case, run, tmp_path):
    write_registry(tmp_path / FILE, case.content())
    before = tree_snapshot(tmp_path)
    rc, out, err = run("convert", FILE, "out.json", cwd=tmp_path)
    _check_case(case, rc, out, err)
    assert not (tmp_path / "out.json").exists(), "convert wrote its output although the input was refused"
    assert tree_snapshot(tmp_path) == before, "convert left files behind (temporary files?)"


@pytest.mark.parametrize("case", CONVERT_CASES, ids=[c.id for c in CONVERT_CASES])
def test_convert_refusing_the_bad_registry_leaves_an_existing_output_file_unchanged(case, run, tmp_path):
    write_registry(tmp_path / FILE, case.content())
    previous = b'{"format": "nangluc/registry@1", "units": [], "x_note": "an earlier good export"}\n'
    (tmp_path / "out.json").write_bytes(previous)
    before = tree_snapshot(tmp_path)
    rc, out, err = run("convert", FILE, "out.json", cwd=tmp_path)
    _check_case(case, rc, out, err)
    assert (tmp_path / "out.json").read_bytes() == previous, "the existing output file was changed"
    assert tree_snapshot(tmp_path) == before, "convert left files behind (temporary files?)"


@pytest.mark.parametrize("case", CONVERT_CASES, ids=[c.id for c in CONVERT_CASES])
def test_convert_to_a_csv_folder_refuses_the_bad_registry_and_creates_no_folder(case, run, tmp_path):
    write_registry(tmp_path / FILE, case.content())
    before = tree_snapshot(tmp_path)
    rc, out, err = run("convert", FILE, "tables", cwd=tmp_path)
    _check_case(case, rc, out, err)
    assert not (tmp_path / "tables").exists(), "convert created the output folder although the input was refused"
    assert tree_snapshot(tmp_path) == before, "convert left files behind"


@pytest.mark.parametrize("case", CONVERT_CASES, ids=[c.id for c in CONVERT_CASES])
def test_convert_refusing_the_bad_registry_leaves_an_existing_csv_folder_unchanged(case, run, tmp_path):
    write_registry(tmp_path / FILE, case.content())
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "units.csv").write_bytes(b"id,name,level\r\n12,T\xe1\xbb\x89nh Lai Ch\xc3\xa2u,tinh\r\n")
    (tables / "notes.txt").write_bytes(b"kept\n")
    before = tree_snapshot(tmp_path)
    rc, out, err = run("convert", FILE, "tables", cwd=tmp_path)
    _check_case(case, rc, out, err)
    assert tree_snapshot(tmp_path) == before, "the existing output folder (or its parent) was changed"


def test_the_catalogue_covers_at_least_thirty_kinds_of_bad_input():
    assert len(CASES) >= 30
    codes = {code for c in CASES for _, code in c.errors}
    assert codes >= {"json_syntax", "wrong_type", "missing_field", "unknown_field", "unknown_code",
                     "bad_format", "bad_value", "duplicate_id", "dangling_reference", "bad_date",
                     "bad_range", "overlapping_assignment", "cycle", "level_order", "parent_not_valid",
                     "negative_value"}


# ---- inputs that look unusual but are valid --------------------------------------------------

def test_extension_fields_starting_with_x_are_accepted_and_written_back_unchanged(run, tmp_path, valid_registry):
    doc = valid_registry
    doc["x_source"] = {"system": "HRM Lai Châu", "exported": [2025, 6, 30]}
    doc["persons"][0]["x_phone"] = "0912 345 678"
    doc["units"][2]["x_population"] = 5321
    doc["sessions"][0]["attendance"][0]["x_note"] = "ngoài danh sách"
    write_registry(tmp_path / FILE, doc)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert_accepted(rc, out, err, FILE)
    rc, out, err = run("convert", FILE, "out.json", cwd=tmp_path)
    assert rc == 0, err
    back = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert back["x_source"] == doc["x_source"]
    assert back["persons"][0]["x_phone"] == "0912 345 678"
    assert back["units"][2]["x_population"] == 5321
    assert back["sessions"][0]["attendance"][0]["x_note"] == "ngoài danh sách"


def test_a_byte_order_mark_before_a_valid_registry_is_accepted(run, tmp_path, valid_registry):
    write_registry(tmp_path / FILE, b"\xef\xbb\xbf" + dump(valid_registry))
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert_accepted(rc, out, err, FILE)
    assert out.startswith(f"{FILE}: valid: 4 units, 1 persons")


def test_consecutive_assignments_in_the_same_post_do_not_overlap(run, tmp_path, valid_registry):
    doc = valid_registry
    doc["assignments"][0]["end"] = "2022-12-31"
    doc["assignments"].append(dict(doc["assignments"][0], start="2023-01-01", end=None))
    del doc["assignments"][1]["end"]
    write_registry(tmp_path / FILE, doc)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert_accepted(rc, out, err, FILE)


def test_overlapping_assignments_in_different_posts_are_allowed(run, tmp_path, valid_registry):
    doc = valid_registry
    # The commune population officer is also the village's population collaborator.
    doc["assignments"].append({"person": "P1", "unit": "03199-01", "category": "cong_tac_vien",
                               "sector": "dan_so", "start": "2021-01-01"})
    write_registry(tmp_path / FILE, doc)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert_accepted(rc, out, err, FILE)


# ---- files that cannot be read --------------------------------------------------------------

def test_a_registry_file_that_does_not_exist_is_refused_naming_it(run, tmp_path):
    rc, out, err = run("validate", "missing.json", cwd=tmp_path)
    problems = assert_refused(rc, out, err, "missing.json")
    assert [(p.location, p.code) for p in problems] == [("", "io_error")]


def test_convert_into_a_folder_that_does_not_exist_fails_cleanly(run, tmp_path, valid_registry):
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("convert", FILE, "no/such/dir/out.json", cwd=tmp_path)
    assert rc == 1, f"{describe_status(rc)}\n{err}"
    assert "error[io_error]" in err and "no/such/dir/out.json" in err, err
    assert not (tmp_path / "no").exists()


# ---- regressions: inputs that once crashed the CLI or were misreported ---------------------

@pytest.mark.parametrize("where", ["top-level-x-key", "x-field-of-a-unit"])
def test_a_deeply_nested_extension_value_never_crashes_the_cli(run, tmp_path, where):
    n = 50_000
    nested = b"[" * n + b"]" * n
    if where == "top-level-x-key":
        raw = b'{"format": "nangluc/registry@1", "units": [], "x_deep": ' + nested + b"}"
    else:
        raw = (b'{"format": "nangluc/registry@1", "units": [{"id": "12", "name": "T", "level": "tinh", '
               b'"x_deep": ' + nested + b"}]}")
    write_registry(tmp_path / FILE, raw)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert rc in (0, 1), f"validate must accept or refuse, not crash: {describe_status(rc)}"
    if rc == 1:
        assert_refused(rc, out, err, FILE)


def test_a_field_name_with_a_newline_still_gives_exactly_one_problem_line(run, tmp_path, valid_registry):
    valid_registry["persons"][0]["bad\nkey"] = 1
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    assert rc == 1
    assert len(err.splitlines()) == 1, f"one problem must be one line:\n{err}"
    problems = assert_refused(rc, out, err, FILE)
    assert [p.code for p in problems] == ["unknown_field"]


def test_locations_of_keys_holding_a_slash_or_tilde_are_escaped_json_pointers(run, tmp_path, valid_registry):
    valid_registry["persons"][0]["a/b"] = 1
    valid_registry["a~b"] = 1
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    problems = assert_refused(rc, out, err, FILE)
    assert errors_of(problems) == sorted([("/persons/0/a~1b", "unknown_field"), ("/a~0b", "unknown_field")])


def test_a_file_with_more_than_a_thousand_errors_names_the_file_on_every_line(run, tmp_path, valid_registry):
    valid_registry["persons"] += [{"id": "P1", "name": f"Người {i}"} for i in range(1500)]
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    lines = err.splitlines()
    assert rc == 1
    assert len(lines) >= 1000
    assert lines[-1].endswith("500 more errors not shown"), lines[-1]
    problems = assert_refused(rc, out, err, FILE)  # every line starts with the file name
    assert problems[-1].code == "too_many_errors"


def test_a_field_given_twice_in_one_record_is_reported_as_a_duplicate_key(run, tmp_path):
    raw = text_of_valid(indent=None).replace('"id": "P1"', '"id": "P1", "id": "P2"').encode()
    write_registry(tmp_path / FILE, raw)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    problems = assert_refused(rc, out, err, FILE)
    assert errors_of(problems) == [("/persons/0/id", "duplicate_key")]


def test_a_period_that_validate_accepts_never_makes_structure_fail_as_a_usage_error(run, tmp_path, valid_registry):
    valid_registry["courses"][0]["confers"]["valid_for"] = "P99999Y"
    write_registry(tmp_path / FILE, valid_registry)
    rc, out, err = run("validate", FILE, cwd=tmp_path)
    if rc == 1:  # refusing the period at load time is a fine fix too
        problems = assert_refused(rc, out, err, FILE)
        assert ("/courses/0/confers/valid_for", "bad_value") in errors_of(problems)
        return
    assert rc == 0, err
    rc, out, err = run("structure", FILE, "--as-of", "2024-01-01", cwd=tmp_path)
    assert rc == 0, f"structure of a registry that validates: {describe_status(rc)}\n{err}"


# ---- CSV folders ------------------------------------------------------------------------------
# A registry folder (model.md §4, "Tables"): one CSV file per list; problems are located as
# `FOLDER/TABLE.csv:LINE:COLUMN`, where LINE is the physical line (1 = the header) and COLUMN
# the cell's position in the row (1-based).

_CSV_OK, _CSV_WHY = csv_support()
csv_only = pytest.mark.skipif(not _CSV_OK, reason=f"CSV folders do not work in the binary under test: {_CSV_WHY}")

UNITS_HEADER = "id,name,level,kind,parent,valid_from,valid_to"
UNITS_ROWS = [
    "12,Tỉnh Lai Châu,tinh,tinh,,,",
    "105,Huyện Tam Đường,huyen,huyen,12,,",
    "03199,Xã Bình Lư,xa,xa,105,,",
]
N_UNITS_COLUMNS = len(UNITS_HEADER.split(","))
UNITS_OK = [UNITS_HEADER, *UNITS_ROWS]


def _col(name: str, header: str = UNITS_HEADER) -> int:
    return header.split(",").index(name) + 1


def _csv_folder(tmp_path: Path, tables: dict[str, list[str] | bytes], crlf: bool = False) -> Path:
    folder = tmp_path / "tables"
    folder.mkdir()
    nl = "\r\n" if crlf else "\n"
    for name, content in tables.items():
        data = content if isinstance(content, bytes) else (nl.join(content) + nl).encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def _csv_problems(err: str, tables: list[str]) -> list[tuple[str, str, str]]:
    """(table, location, code) of each error line; every line must name one of the tables."""
    out = []
    for line in err.splitlines():
        names = [t for t in tables if line.startswith(f"tables/{t}:")]
        assert names, f"problem line does not name a table file of the folder: {line!r}"
        p = parse_problems(line, f"tables/{names[0]}")[0]
        assert p.location == "" or LINE_COLUMN.match(p.location), f"CSV location is not line:column: {line!r}"
        if p.severity == "error":
            out.append((names[0], p.location, p.code))
    return sorted(out)


CSV_CASES = [
    # (id, {table file: lines}, expected [(table file, location, code)])
    ("unterminated-quote", {"units.csv": [*UNITS_OK, '"03199-01,Bản Nà Đon,thon,ban,03199,,']},
     [("units.csv", "5:1", "csv_syntax")]),
    ("quote-inside-an-unquoted-cell", {"units.csv": [UNITS_HEADER, '12,Tỉnh "Lai" Châu,tinh,tinh,,,']},
     [("units.csv", "2:2", "csv_syntax")]),
    ("text-after-the-closing-quote", {"units.csv": [UNITS_HEADER, '12,"Tỉnh Lai" Châu,tinh,tinh,,,']},
     [("units.csv", "2:2", "csv_syntax")]),
    ("row-with-one-cell-too-many", {"units.csv": [*UNITS_OK[:3], UNITS_ROWS[2] + ",extra"]},
     [("units.csv", f"4:{N_UNITS_COLUMNS + 1}", "csv_syntax")]),
    ("row-with-one-cell-too-few", {"units.csv": [UNITS_HEADER, UNITS_ROWS[0], "105,Huyện Tam Đường,huyen,huyen,12,"]},
     [("units.csv", f"3:{N_UNITS_COLUMNS}", "csv_syntax")]),
    ("bad-date-in-a-cell", {"units.csv": [*UNITS_OK[:3], "03199,Xã Bình Lư,xa,xa,105,2025-02-30,"]},
     [("units.csv", f"4:{_col('valid_from')}", "bad_date")]),
    ("bad-dd-mm-yyyy-date-in-another-table",
     {"units.csv": UNITS_OK, "persons.csv": ["id,name", "P1,Lò Thị Mai"],
      "assignments.csv": ["person,unit,category,sector,start", "P1,03199,cong_chuc,dan_so,31/02/2020"]},
     [("assignments.csv", "2:5", "bad_date")]),
    ("unknown-column", {"units.csv": [UNITS_HEADER + ",colour", *(r + ",red" for r in UNITS_ROWS)]},
     [("units.csv", f"1:{N_UNITS_COLUMNS + 1}", "unknown_field")]),
    ("column-given-twice", {"units.csv": ["id,name,level,parent,parent", "12,T,tinh,,"]},
     [("units.csv", "1:5", "duplicate_column")]),
    ("required-column-missing", {"units.csv": ["id,name,kind", "12,Tỉnh Lai Châu,tinh"]},
     [("units.csv", "1:1", "missing_column")]),
    ("empty-units-table", {"units.csv": b""}, [("units.csv", "1:1", "missing_column")]),
    ("dangling-parent", {"units.csv": [*UNITS_OK[:2], "105,Huyện Tam Đường,huyen,huyen,99,,"]},
     [("units.csv", f"3:{_col('parent')}", "dangling_reference")]),
    ("duplicate-unit-id", {"units.csv": [*UNITS_OK, "12,Tỉnh khác,tinh,tinh,,,"]},
     [("units.csv", "5:1", "duplicate_id")]),
    ("line-count-continues-after-a-quoted-line-break",
     {"units.csv": [UNITS_HEADER, '12,"Tỉnh\nLai Châu",tinh,tinh,,,', "105,Huyện Tam Đường,huyen,huyen,12x,,"]},
     [("units.csv", f"4:{_col('parent')}", "dangling_reference")]),
    ("parents-cell-that-is-not-json",
     {"units.csv": ["id,name,level,parents", "12,T,tinh,", '105,H,huyen,"[{unit: 12}]"']},
     [("units.csv", "3:4", "bad_value")]),
    ("bad-sex-in-persons", {"units.csv": UNITS_OK, "persons.csv": ["id,name,sex", "P1,Lò Thị Mai,female"]},
     [("persons.csv", "2:3", "bad_value")]),
    ("invalid-utf8-in-a-cell", {"units.csv": b"\n".join([*(l.encode() for l in UNITS_OK), b"03199-01,B\xe1n,thon,ban,03199,,", b""])},
     [("units.csv", "5:2", "bad_encoding")]),
]


@csv_only
@pytest.mark.parametrize("tables,errors", [c[1:] for c in CSV_CASES], ids=[c[0] for c in CSV_CASES])
def test_validate_refuses_a_bad_csv_folder_at_the_table_line_and_column(run, tmp_path, tables, errors):
    _csv_folder(tmp_path, tables)
    rc, out, err = run("validate", "tables", cwd=tmp_path)
    assert rc == 1, f"expected exit status 1 for invalid input, got {describe_status(rc)}\nstderr:\n{err}"
    assert out == ""
    assert _csv_problems(err, list(tables)) == sorted(errors), err


@csv_only
def test_validate_refuses_a_csv_folder_without_units_csv(run, tmp_path):
    _csv_folder(tmp_path, {"persons.csv": ["id,name", "P1,Lò Thị Mai"]})
    rc, out, err = run("validate", "tables", cwd=tmp_path)
    problems = assert_refused(rc, out, err, "tables/units.csv")
    assert [(p.location, p.code) for p in problems] == [("", "missing_file")], err


@csv_only
def test_convert_of_a_bad_csv_folder_writes_no_json(run, tmp_path):
    _csv_folder(tmp_path, {"units.csv": [*UNITS_OK[:3], "03199,Xã Bình Lư,xa,xa,105,2025-02-30,"]})
    before = tree_snapshot(tmp_path)
    rc, out, err = run("convert", "tables", "out.json", cwd=tmp_path)
    assert_refused(rc, out, err, "tables/units.csv")
    assert not (tmp_path / "out.json").exists()
    assert tree_snapshot(tmp_path) == before


@csv_only
def test_a_valid_csv_folder_with_bom_and_crlf_is_accepted(run, tmp_path):
    folder = _csv_folder(tmp_path, {"units.csv": UNITS_OK}, crlf=True)
    (folder / "units.csv").write_bytes(b"\xef\xbb\xbf" + (folder / "units.csv").read_bytes())
    rc, out, err = run("validate", "tables", cwd=tmp_path)
    assert_accepted(rc, out, err, "tables")


@csv_only
def test_a_misspelled_table_file_in_a_csv_folder_is_reported(run, tmp_path):
    _csv_folder(tmp_path, {"units.csv": UNITS_OK, "person.csv": ["id,name", "P1,Lò Thị Mai"]})
    rc, out, err = run("validate", "tables", cwd=tmp_path)
    assert rc == 1, f"person.csv was ignored: {describe_status(rc)}: {out}{err}"
    assert "person.csv" in err


@csv_only
def test_a_deeply_nested_extension_value_in_a_csv_json_cell_never_crashes_the_cli(run, tmp_path):
    n = 50_000
    cell = '"[{""count"": 1, ""x_deep"": ' + "[" * n + "]" * n + '}]"'
    _csv_folder(tmp_path, {"units.csv": UNITS_OK,
                           "courses.csv": ["id,title,kind,topics", "C1,Tập huấn,tap_huan,cntt"],
                           "sessions.csv": ["id,course,start,end,attendance", f"S1,C1,2020-01-01,2020-01-02,{cell}"]})
    rc, out, err = run("validate", "tables", cwd=tmp_path)
    assert rc in (0, 1), f"validate must accept or refuse, not crash: {describe_status(rc)}"
