"""nangluc: plan and measure the training of a public workforce.

Load a registry (JSON, a folder of CSV tables, or pandas DataFrames), read a plan, evaluate it
as of any date — every unit at every level, exact percentages, gaps and statuses — and get
tidy DataFrames back. The work is done by nangluc's C++ core with the GIL released.

>>> import datetime, nangluc
>>> reg = nangluc.load_registry("examples/lai-chau/registry.json")
>>> plan = nangluc.load_plan("examples/lai-chau/plan.json")
>>> report = nangluc.evaluate(plan, reg, datetime.date(2025, 12, 31))
>>> report.to_frame()  # one row per target × milestone × unit
"""
from __future__ import annotations

import datetime as _dt
import html as _html
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

import pandas as _pd

from . import _core
from ._core import (
    ArgumentError,
    Assignment,
    Course,
    Enrollment,
    Error,
    Evaluator,
    FileError,
    MilestoneResult,
    Need,
    Needs,
    Person,
    Plan,
    Problem,
    Qualification,
    Quota,
    Registry,
    Report,
    ResultRow,
    Session,
    StructureLevel,
    StructureReport,
    Target,
    TargetResult,
    Unit,
    ValidationError,
    Vocabulary,
    VocabularyEntry,
    VocabularySet,
    generate,
    load_plan,
    load_registry,
    profile,
    profiles,
    read_plan_json,
    read_registry_csv,
    read_registry_json,
    save_registry,
    workforce_structure,
    write_registry_json,
)
from .frames import (
    needs_frame,
    registry_from_frames,
    registry_to_frames,
    report_frame,
    structure_dict,
    structure_frame,
)

__version__: str = _core.__version__

__all__ = [
    "ArgumentError", "Assignment", "Course", "Enrollment", "Error", "Evaluator", "FileError",
    "MilestoneResult", "Need", "Needs", "Person", "Plan", "Problem", "Qualification", "Quota",
    "Registry", "Report", "ResultRow", "Session", "StructureLevel", "StructureReport", "Target",
    "TargetResult", "Unit", "ValidationError", "Vocabulary", "VocabularyEntry", "VocabularySet",
    "evaluate", "generate", "load_plan", "load_registry", "needs_frame", "profile", "profiles",
    "read_plan_json", "read_registry_csv", "read_registry_json", "registry_from_frames",
    "registry_to_frames", "report_frame", "save_registry", "structure_dict", "structure_frame",
    "validate", "workforce_structure", "write_registry_json", "__version__",
]


def evaluate(plan: Plan, registry: Registry, as_of: Union[_dt.date, str], levels: Optional[Sequence[str]] = None,
             unit: Optional[str] = None) -> Report:
    """Evaluates a plan against a registry as of one date (binds and evaluates once; use an
    Evaluator to evaluate several dates)."""
    return Evaluator(plan, registry).evaluate(as_of, levels=list(levels) if levels is not None else None, unit=unit)


def validate(registry: str, plan: Optional[str] = None) -> List[Problem]:
    """Every problem of a registry file or folder (and of a plan bound to it), errors and
    warnings, as ``nangluc validate`` reports them; an empty list when all is well."""
    try:
        reg = load_registry(registry)
    except ValidationError as e:
        return list(e.problems)
    problems = list(reg.warnings)
    if plan is not None:
        try:
            p = load_plan(plan)
            problems += p.warnings
            Evaluator(p, reg)
        except ValidationError as e:
            problems += [x for x in e.problems if x not in problems]
    return problems


# ---- Python conveniences on the compiled classes ----------------------------------------------
# Attached here so that pandas stays a Python-level dependency of the pure-Python part.

def _registry_from_frames(frames: Dict[str, _pd.DataFrame], profile: str = "vn-population",
                          vocabularies: Optional[Dict[str, Any]] = None, max_errors: int = 1000) -> Registry:
    return registry_from_frames(frames, profile=profile, vocabularies=vocabularies, max_errors=max_errors)


def _registry_save(self: Registry, path: str, date_format: str = "iso") -> None:
    save_registry(self, path, date_format=date_format)


def _registry_html(self: Registry) -> str:
    rows = "".join(f"<tr><td>{k}</td><td style='text-align:right'>{v:,}</td></tr>" for k, v in self.counts.items())
    return (f"<div><b>nangluc.Registry</b> ({_html.escape(self.profile)}, {len(self.warnings)} warnings)"
            f"<table>{rows}</table></div>")


def _report_html(self: Report) -> str:
    head = ("<tr><th>target</th><th>milestone</th><th>due</th><th>unit</th><th>result</th>"
            "<th>threshold</th><th>gap</th><th>status</th></tr>")
    body = []
    for t in self.targets:
        for m in t.milestones:
            root = m.root
            th = m.threshold
            threshold = (f"≥ {th['min_percent']:g}%" if th["min_percent"] is not None else
                         " ".join(x for x in (f"≥ {th['min']}" if th["min"] is not None else "",
                                              f"≤ {th['max']}" if th["max"] is not None else "") if x))
            if root is None:
                result, unit, gap = "", "", ""
            elif root.percent is not None:
                result = f"{root.numerator:,}/{root.denominator:,} ({root.percent:.1f}%)"
                unit, gap = root.unit or "", "" if root.gap is None else f"{root.gap:g}"
            else:
                result = f"{root.value:g}"
                unit, gap = root.unit or "", "" if root.gap is None else f"{root.gap:g}"
            body.append(f"<tr><td>{_html.escape(t.target_id)}</td><td>{_html.escape(m.label)}</td>"
                        f"<td>{m.due}</td><td>{_html.escape(unit)}</td><td style='text-align:right'>{result}</td>"
                        f"<td>{threshold}</td><td style='text-align:right'>{gap}</td><td>{m.status or ''}</td></tr>")
    return (f"<div><b>nangluc.Report</b> plan {_html.escape(self.plan_id)} as of {self.as_of} "
            f"(scope {_html.escape(self.scope or '')})<table>{head}{''.join(body)}</table></div>")


def _report_repr(self: Report) -> str:
    n = sum(len(t.milestones) for t in self.targets)
    return f"<nangluc.Report plan {self.plan_id} as of {self.as_of}: {len(self.targets)} targets, {n} milestones>"


def _report_save(self: Report, path: str, format: str = "json", lang: str = "vi", decimals: int = 1,
                 rounding: str = "half_up") -> None:
    if format == "json":
        text = self.to_json()
    elif format == "csv":
        text = self.to_csv(decimals=decimals, rounding=rounding)
    elif format == "table":
        text = self.to_table(lang=lang, decimals=decimals, rounding=rounding)
    else:
        raise ArgumentError(f"format must be 'json', 'csv' or 'table', not {format!r}")
    _core._write_file_atomically(path, text)


def _evaluate_series_frame(self: Evaluator, dates: Iterable[Union[_dt.date, str]],
                           levels: Optional[Sequence[str]] = None, unit: Optional[str] = None) -> _pd.DataFrame:
    return report_frame(self.evaluate_series(list(dates), levels=list(levels) if levels is not None else None, unit=unit))


def _registry_to_frames(self: Registry) -> Dict[str, _pd.DataFrame]:
    return registry_to_frames(self)


def _report_to_frame(self: Report) -> _pd.DataFrame:
    return report_frame(self)


def _needs_to_frame(self: Needs) -> _pd.DataFrame:
    return needs_frame(self)


def _structure_to_frame(self: StructureReport) -> _pd.DataFrame:
    return structure_frame(self)


def _structure_to_dict(self: StructureReport) -> Dict[str, Any]:
    return structure_dict(self)


def _needs_iter(self: Needs) -> Iterator[Need]:
    for i in range(len(self)):
        yield self[i]


for _cls, _name, _attr in (
    (Registry, "from_frames", staticmethod(_registry_from_frames)),
    (Registry, "to_frames", _registry_to_frames),
    (Registry, "to_json", write_registry_json),
    (Registry, "save", _registry_save),
    (Registry, "_repr_html_", _registry_html),
    (Report, "to_frame", _report_to_frame),
    (Report, "save", _report_save),
    (Report, "__repr__", _report_repr),
    (Report, "_repr_html_", _report_html),
    (Evaluator, "evaluate_series_frame", _evaluate_series_frame),
    (Needs, "to_frame", _needs_to_frame),
    (Needs, "__iter__", _needs_iter),
    (StructureReport, "to_frame", _structure_to_frame),
    (StructureReport, "to_dict", _structure_to_dict),
):
    setattr(_cls, _name, _attr)
