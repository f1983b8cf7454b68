"""One validation for every way in: the bad-input catalogue of the command-line tests
(tests/cli/test_bad_input.py) run through ``registry_from_frames`` gives the same error codes as
the command line gives for the same registry as a JSON file. Locations differ by nature (a
frame's row and column, not a JSON pointer); the codes must not.

Only the cases a DataFrame can express are run: a frame has no JSON syntax, no duplicate keys
and no JSON types (a count written "13" is text a CSV cell would read as 13)."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import nangluc
from nangluc.frames import RECORD_FIELDS, TABLES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from test_bad_input import CASES  # noqa: E402

# Codes a frame can be given: the model's rules, not the JSON text's shape.
SEMANTIC = {"duplicate_id", "dangling_reference", "bad_range", "negative_value", "overlapping_assignment",
            "cycle", "level_order", "parent_not_valid", "unknown_code", "bad_date", "missing_field"}


def frames_of(doc: dict) -> dict:
    """The lists as frames; a required field no row gives is an empty column, as a spreadsheet
    with the heading and blank cells (a frame without the column is `missing_column`)."""
    frames = {}
    for t in TABLES:
        if doc.get(t):
            df = pd.DataFrame(doc[t])
            for f in RECORD_FIELDS[t]:
                if f["required"] and f["name"] not in df.columns:
                    df[f["name"]] = None
            frames[t] = df
    return frames


def expressible(case) -> bool:
    if not {code for _, code in case.errors} <= SEMANTIC:
        return False
    doc = __import__("cli_support").valid_registry()
    result = case.build(doc)
    # Missing lists and fields at the top level are JSON matters; a frame has its columns.
    return not isinstance(result, bytes) and all(loc.count("/") >= 2 for loc, _ in case.errors)


@pytest.mark.parametrize("case", [c for c in CASES if expressible(c)], ids=lambda c: c.id)
def test_frames_give_the_command_line_s_codes(case):
    doc = __import__("cli_support").valid_registry()
    result = case.build(doc)
    doc = doc if result is None else result
    with pytest.raises(nangluc.ValidationError) as e:
        nangluc.registry_from_frames(frames_of(doc), vocabularies=doc.get("vocabularies"))
    codes = sorted(p.code for p in e.value.problems if p.severity == "error")
    assert codes == sorted(code for _, code in case.errors)
