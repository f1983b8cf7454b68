"""pandas in and out: registries from and to DataFrames with the column names of the CSV tables
(model.md §4), and tidy frames of reports, needs lists and the structure report.

The registry conversions go through nangluc's own CSV reader and writer, so a DataFrame means
exactly what the same CSV file means, and its problems are reported by frame, row and column.
"""
from __future__ import annotations

import datetime as _dt
import io
import json
import os
import tempfile
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _core

if TYPE_CHECKING:
    from ._core import Needs, Registry, Report, StructureReport

#: The fields of each table, from the library's one description of each record kind
#: (src/model/record_fields.hpp): name, type, required, vocabulary and cell encoding.
RECORD_FIELDS: Dict[str, List[Dict[str, Any]]] = _core.record_fields()

#: The tables of a registry, in the order of model.md §4.
TABLES = tuple(RECORD_FIELDS)


def _columns(**match: Any) -> Dict[str, Sequence[str]]:
    out: Dict[str, Sequence[str]] = {}
    for table, fields in RECORD_FIELDS.items():
        names = tuple(f["name"] for f in fields if all(f[k] == v for k, v in match.items()))
        if names:
            out[table] = names
    return out


#: Columns holding dates, by table.
DATE_COLUMNS: Dict[str, Sequence[str]] = _columns(type="date")
#: Columns holding whole numbers (nullable Int64) and real numbers, by table.
INTEGER_COLUMNS: Dict[str, Sequence[str]] = _columns(type="whole")
REAL_COLUMNS: Dict[str, Sequence[str]] = _columns(type="number")
#: Columns holding lists (joined with ';' in CSV) and JSON values.
LIST_COLUMNS: Dict[str, Sequence[str]] = _columns(encoding="joined")
JSON_COLUMNS: Dict[str, Sequence[str]] = _columns(encoding="json_text")

def registry_to_frames(registry: "Registry") -> Dict[str, pd.DataFrame]:
    """The registry as one DataFrame per table (``units``, ``persons``, …), with the column names
    of the CSV tables. Dates are ``datetime64`` (NaT: not given), counts nullable ``Int64``,
    lists ``;``-joined text and ``parents``/``attendance``/``confers`` JSON text, as in CSV."""
    with tempfile.TemporaryDirectory(prefix="nangluc-") as tmp:
        folder = os.path.join(tmp, "tables")
        _core.save_registry(registry, folder, date_format="iso", bom=False, crlf=False)
        frames: Dict[str, pd.DataFrame] = {}
        for table in TABLES:
            df = pd.read_csv(os.path.join(folder, f"{table}.csv"), dtype=str, keep_default_na=False,
                             encoding="utf-8")
            frames[table] = _typed(table, df)
        return frames


def _typed(table: str, df: pd.DataFrame) -> pd.DataFrame:
    df = df.replace("", None)
    for col in DATE_COLUMNS.get(table, ()):
        if col in df.columns:
            df[col] = _to_dates(df[col])
    for col in INTEGER_COLUMNS.get(table, ()):
        if col in df.columns:
            df[col] = pd.to_numeric(df[col]).astype("Int64")
    for col in REAL_COLUMNS.get(table, ()):
        if col in df.columns:
            df[col] = pd.to_numeric(df[col]).astype("float64")
    return df


def _to_dates(s: pd.Series) -> pd.Series:
    try:
        return pd.to_datetime(s, format="%Y-%m-%d")
    except (pd.errors.OutOfBoundsDatetime, OverflowError, ValueError):
        # Outside what datetime64 holds (year 1 or 9999, say): keep datetime.date objects.
        return s.map(lambda v: None if v is None else _dt.date.fromisoformat(v))


def registry_from_frames(frames: Mapping[str, pd.DataFrame], profile: str = "vn-population",
                         vocabularies: Optional[Mapping[str, Any]] = None, max_errors: int = 1000) -> "Registry":
    """Builds a registry from DataFrames named like the CSV tables (``units``, ``persons``, …;
    missing tables are empty), validated exactly like a CSV folder. Cells may hold dates
    (``datetime.date``, ``datetime64``, ISO or dd/mm/yyyy text), lists for list columns, and
    dicts or lists for JSON columns; an ``external_ids`` column of dicts becomes
    ``external_ids.KEY`` columns. Raises ValidationError whose problems name the frame, the row
    label and the column (``persons: row 3, column birth_date``)."""
    unknown = sorted(set(frames) - set(TABLES))
    if unknown:
        raise _core.ArgumentError(f"unknown table(s) {unknown}: expected some of {list(TABLES)}")
    with tempfile.TemporaryDirectory(prefix="nangluc-") as tmp:
        folder = os.path.join(tmp, "tables")
        os.mkdir(folder)
        meta: Dict[str, Any] = {"format": "nangluc/tables@1", "profile": profile}
        if vocabularies:
            meta["vocabularies"] = vocabularies
        with open(os.path.join(folder, "meta.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False)
        written: Dict[str, pd.DataFrame] = {}
        for table, df in frames.items():
            out = _to_csv_frame(table, df)
            out.to_csv(os.path.join(folder, f"{table}.csv"), index=False, lineterminator="\n", encoding="utf-8")
            written[table] = out
        try:
            return _core.read_registry_csv(folder, max_errors=max_errors)
        except _core.ValidationError as e:
            problems = [_frame_problem(p, folder, frames, written) for p in e.problems]
            err = _core.ValidationError(_summary(problems))
            err.problems = problems
            raise err from None


def _to_csv_frame(table: str, df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    if "external_ids" in out.columns:  # a column of dicts: one column per key
        # A dict per row, None where a row has none (pandas gives NaN there).
        ids: List[Optional[Dict[Any, Any]]] = [d if isinstance(d, dict) else None for d in out.pop("external_ids")]
        keys: List[str] = []
        for d in ids:
            for k in (d or {}):
                if k not in keys:
                    keys.append(k)
        for k in keys:
            out[f"external_ids.{k}"] = [None if not d else d.get(k) for d in ids]
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            out[col] = s.dt.strftime("%Y-%m-%d")
        elif col in LIST_COLUMNS.get(table, ()):
            out[col] = s.map(lambda v: ";".join(v) if isinstance(v, (list, tuple)) else v)
        elif col in JSON_COLUMNS.get(table, ()):
            out[col] = s.map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
        elif s.dtype == object:
            out[col] = s.map(_iso_date)
        elif pd.api.types.is_float_dtype(s.dtype) and col in INTEGER_COLUMNS.get(table, ()):
            # NaN makes a column of counts float; write 12, not 12.0.
            if ((s.dropna() % 1) == 0).all():
                out[col] = s.astype("Int64")
    return out


def _iso_date(v: Any) -> Any:
    """A date cell as ISO text (a datetime or pandas Timestamp: its date); other cells as they are."""
    if isinstance(v, _dt.datetime):
        return v.date().isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    return v


def _frame_problem(p: Any, folder: str, frames: Mapping[str, pd.DataFrame],
                   written: Mapping[str, pd.DataFrame]) -> Any:
    """Restates a problem found in a temporary CSV table in terms of the caller's DataFrame."""
    base = os.path.basename(p.file)
    table = base[:-4] if base.endswith(".csv") else base
    location = p.location
    if table in written and os.path.dirname(os.path.abspath(p.file)) == os.path.abspath(folder):
        df = written[table]
        try:
            line, column = (int(x) for x in p.location.split(":"))
        except ValueError:
            line = column = 0
        if line >= 2:
            row = _row_of_line(df, line)
            name = df.columns[column - 1] if 1 <= column <= len(df.columns) else None
            if row is not None:
                label = frames[table].index[row]
                location = f"row {label!r}" + (f", column {name}" if name else "")
            elif line >= 2:
                location = f"line {line}"
        file = table
    elif table == "meta.json":
        file = "<frames>"
    else:
        file = p.file
    return _core.Problem(p.severity, p.code, file, location, p.message)


def _row_of_line(df: pd.DataFrame, line: int) -> Optional[int]:
    """The position of the row a CSV line belongs to (quoted line breaks make rows span lines)."""
    extra = np.zeros(len(df), dtype=np.int64)
    for col in df.columns:
        s = df[col]
        if s.dtype == object:
            extra += s.map(lambda v: v.count("\n") if isinstance(v, str) else 0).to_numpy(dtype=np.int64)
    starts = 2 + np.concatenate(([0], np.cumsum(1 + extra)[:-1])) if len(df) else np.array([], dtype=np.int64)
    pos = int(np.searchsorted(starts, line, side="right")) - 1
    return pos if 0 <= pos < len(df) else None


def _summary(problems: Sequence[Any]) -> str:
    errors = [p for p in problems if p.severity == "error"]
    head = str(errors[0]) if errors else "invalid input"
    more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
    return head + more


# ---- results as tidy frames ---------------------------------------------------------------

_STATUS = ["achieved", "missed", "on_track", "at_risk", "off_track", "not_started", "no_data"]


def report_frame(reports: Union["Report", Iterable["Report"]]) -> pd.DataFrame:
    """One row per report × target × milestone × unit: ``as_of, target, measure, milestone,
    window_start, window_end, due, evaluated_at, unit, unit_name, level, numerator, denominator,
    value, percent, threshold_percent, threshold_min, threshold_max, gap, status, expected,
    projected``. ``percent`` is exact (100 × numerator / denominator); counts are nullable
    ``Int64`` (NA for activity counts and for milestones not started, which have one row with
    no unit)."""
    items = [reports] if isinstance(reports, _core.Report) else list(reports)
    c = _core._frame_columns(items)

    def dates(a: np.ndarray) -> np.ndarray:
        return a.view("datetime64[D]").astype("datetime64[s]")

    def ints(values: np.ndarray, present: np.ndarray) -> pd.arrays.IntegerArray:
        return pd.arrays.IntegerArray(values, ~present)

    frame = pd.DataFrame({
        "as_of": dates(c["as_of"]),
        "target": pd.Categorical(c["target"]),
        "measure": pd.Categorical(c["measure"]),
        "milestone": c["milestone"],
        "window_start": dates(c["window_start"]),
        "window_end": dates(c["window_end"]),
        "due": dates(c["due"]),
        "evaluated_at": dates(c["evaluated_at"]),
        "unit": c["unit"],
        "unit_name": c["unit_name"],
        "level": pd.Categorical(c["level"]),
        "numerator": ints(c["numerator"], c["has_counts"]),
        "denominator": ints(c["denominator"], c["has_counts"]),
        "value": c["value"],
        "percent": c["percent"],
        "threshold_percent": c["threshold_percent"],
        "threshold_min": ints(c["threshold_min"], c["has_threshold_min"]),
        "threshold_max": ints(c["threshold_max"], c["has_threshold_max"]),
        "gap": c["gap"],
        "status": pd.Categorical(c["status"], categories=_STATUS),
        "expected": c["expected"],
        "projected": c["projected"],
    })
    return frame


def needs_frame(needs: "Needs") -> pd.DataFrame:
    """The needs list with the columns of ``nangluc needs`` (``person, name, unit, unit_name,
    category, roles, last_completed``, or ``unit, unit_name, level, persons, missing`` for
    unit_coverage and staffing_fill)."""
    df = pd.read_csv(io.StringIO(needs.to_csv()), dtype=str, keep_default_na=False)
    df = df.replace("", None)
    if "last_completed" in df.columns:
        df["last_completed"] = pd.to_datetime(df["last_completed"], format="%Y-%m-%d")
    for col in ("persons", "missing"):
        if col in df.columns:
            df[col] = pd.to_numeric(df[col]).astype("Int64")
    return df


def structure_dict(s: "StructureReport") -> Dict[str, Any]:
    """The structure report as ``nangluc structure --format json`` prints it."""
    return {
        "format": "nangluc/structure@1",
        "as_of": s.as_of.isoformat(),
        "sector": s.sector,
        "levels": [
            {"level": lv.level, "quota": lv.quota, "present": lv.present, "by_category": lv.by_category,
             "education": lv.education, "education_y_duoc": lv.education_y_duoc,
             "certificates": lv.certificates}
            for lv in s.levels
        ],
    }


def structure_frame(s: "StructureReport") -> pd.DataFrame:
    """Tidy: one row per level × figure × code (``level, figure, code, count``); ``quota`` and
    ``present`` have no code."""
    rows: List[Dict[str, Any]] = []
    for lv in s.levels:
        rows.append({"level": lv.level, "figure": "quota", "code": None, "count": lv.quota})
        rows.append({"level": lv.level, "figure": "present", "code": None, "count": lv.present})
        for figure in ("by_category", "education", "education_y_duoc", "certificates"):
            for code, n in getattr(lv, figure).items():
                rows.append({"level": lv.level, "figure": figure, "code": code, "count": n})
    df = pd.DataFrame(rows, columns=["level", "figure", "code", "count"])
    df["count"] = df["count"].astype("int64")
    return df
