"""Small-multiple chart of a training plan's coverage targets, 2021–2030.

Loads a registry and a plan (by default the bundled Lai Châu example), evaluates the ten
year-ends 2021-12-31 … 2030-12-31 in one call (``Evaluator.evaluate_series``) and saves a PNG
with one panel per target:

* the province-wide coverage (percent of the people, villages or posts that count) as a bold
  line, its points coloured by the milestone's status at that date;
* one thin line per district (``huyen``) or commune (``xa``);
* each milestone's threshold as a dotted step over its window with a marker at its due date
  (annual targets: the threshold of each year);
* the activity count target (classes held), which is a count and not a percentage, on its own
  panel with its own axis.

Each milestone is drawn as its own segment: coverage is measured within the milestone's window,
so a new phase starts afresh.

Run it from the repository with the development build of the Python package::

    PYTHONPATH=build/py/python python3 examples/python/coverage_chart.py
    PYTHONPATH=build/py/python python3 examples/python/coverage_chart.py --lang vi --level xa \\
        --output lai-chau-coverage-vi.png

or, with nangluc installed, ``python3 coverage_chart.py --registry R --plan P --output out.png``.
Needs matplotlib (``python3 -m pip install matplotlib``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import textwrap
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from PIL import Image  # noqa: E402

import nangluc  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.normpath(os.path.join(HERE, os.pardir, "lai-chau"))
YEARS = range(2021, 2031)

#: Measures drawn as percentages; activity_count (a count) gets a panel of its own.
COVERAGE_MEASURES = ("person_coverage", "annual_person_coverage", "unit_coverage", "staffing_fill")
ACTIVITY_MEASURE = "activity_count"

PROVINCE_COLOUR = "#1f3a93"
THRESHOLD_COLOUR = "#c0392b"
LEVEL_COLOURS: Dict[str, str] = {"huyen": "#7f8c8d", "xa": "#c9a66b"}
STATUS_COLOURS: Dict[str, str] = {
    "achieved": "#27ae60",
    "on_track": "#2e86de",
    "at_risk": "#f39c12",
    "off_track": "#e74c3c",
    "missed": "#8e0e00",
}

TEXT: Dict[str, Dict[str, str]] = {
    "en": {
        "suptitle": "{plan}\nCoverage at the year-ends {first}–{last}: province, {units}, and the milestones' thresholds",
        "units_huyen_xa": "districts / communes",
        "province": "Province-wide",
        "huyen": "Districts (huyện)",
        "xa": "Communes (xã)",
        "threshold": "Milestone threshold (at due date)",
        "percent": "Coverage (%)",
        "count": "Classes held",
        "year": "Year-end",
        "achieved": "achieved",
        "on_track": "on track",
        "at_risk": "at risk",
        "off_track": "off track",
        "missed": "missed",
        "status": "Status:",
    },
    "vi": {
        "suptitle": "{plan}\nTỷ lệ tại cuối các năm {first}–{last}: toàn tỉnh, {units}, và ngưỡng của các mốc",
        "units_huyen_xa": "huyện / xã",
        "province": "Toàn tỉnh",
        "huyen": "Huyện",
        "xa": "Xã",
        "threshold": "Ngưỡng của mốc (tại hạn)",
        "percent": "Tỷ lệ (%)",
        "count": "Số lớp",
        "year": "Cuối năm",
        "achieved": "đạt",
        "on_track": "đúng tiến độ",
        "at_risk": "có nguy cơ",
        "off_track": "chậm tiến độ",
        "missed": "không đạt",
        "status": "Trạng thái:",
    },
}


@dataclass(frozen=True)
class Milestone:
    """A milestone of the plan: its label, window and thresholds."""

    label: str
    start: dt.date
    due: dt.date
    min_percent: Optional[float]
    min_count: Optional[int]


@dataclass(frozen=True)
class TargetInfo:
    """A target of the plan, as this script needs it."""

    id: str
    title: str
    measure: str
    milestones: Tuple[Milestone, ...]


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--registry", default=os.path.join(EXAMPLE, "registry.json"),
                   help="registry file or folder (default: the bundled Lai Châu example)")
    p.add_argument("--plan", default=os.path.join(EXAMPLE, "plan.json"),
                   help="plan file (default: the bundled Lai Châu example)")
    p.add_argument("--output", default="lai-chau-coverage.png", help="PNG file to write")
    p.add_argument("--lang", choices=("vi", "en"), default="en", help="language of titles and labels")
    p.add_argument("--level", choices=("huyen", "xa"), default=None,
                   help="level of the thin lines (default: districts where they exist, communes otherwise)")
    return p.parse_args(argv)


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _milestone_label(m: Dict[str, object]) -> str:
    phase = m.get("phase")
    return str(phase) if phase else _date(m["due"]).isoformat()


def target_infos(plan: object, lang: str) -> List[TargetInfo]:
    """The plan's targets as typed records (titles in the chosen language)."""
    out: List[TargetInfo] = []
    for t in getattr(plan, "targets"):
        title = str(t.title_en if lang == "en" and t.title_en else t.title)
        milestones: List[Milestone] = []
        for m in t.milestones:
            th: Dict[str, object] = m["threshold"]
            pct = th.get("min_percent")
            cnt = th.get("min")
            milestones.append(Milestone(
                label=_milestone_label(m), start=_date(m["start"]), due=_date(m["due"]),
                min_percent=float(str(pct)) if pct is not None else None,
                min_count=int(str(cnt)) if cnt is not None else None))
        out.append(TargetInfo(id=str(t.id), title=title, measure=str(t.measure), milestones=tuple(milestones)))
    return out


def evaluate(registry_path: str, plan_path: str, lang: str) -> Tuple[str, List[TargetInfo], pd.DataFrame]:
    """Evaluates the ten year-ends in one call; returns the plan's name, targets and tidy frame."""
    registry = nangluc.load_registry(registry_path)
    plan = nangluc.load_plan(plan_path)
    evaluator = nangluc.Evaluator(plan, registry)
    reports = evaluator.evaluate_series([dt.date(y, 12, 31) for y in YEARS])
    frame: pd.DataFrame = nangluc.report_frame(reports)
    title = (getattr(plan, "title_en", None) if lang == "en" else None) or getattr(plan, "title", None)
    name = " · ".join(str(x) for x in (getattr(plan, "id", None), title) if x) or os.path.basename(plan_path)
    return name, target_infos(plan, lang), frame


def _xd(day: dt.date, end_of_day: bool = True) -> float:
    """The x position of a date: years, with the end of 31 December Y at Y (so a year-end
    evaluation sits on its year's tick and a window starting 1 January Y starts at Y - 1)."""
    ndays = 366 if dt.date(day.year, 12, 31).timetuple().tm_yday == 366 else 365
    yday = day.timetuple().tm_yday - (0 if end_of_day else 1)
    return day.year - 1 + yday / ndays


def _x(dates: "pd.Series[pd.Timestamp]") -> List[float]:
    return [_xd(_date(d.to_pydatetime())) for d in dates]


def _segments(rows: pd.DataFrame, annual: bool) -> List[pd.DataFrame]:
    """Rows of one unit split into lines: one per milestone, or one for all years of an annual target."""
    if annual:
        return [rows.sort_values("as_of")]
    return [g.sort_values("as_of") for _, g in rows.groupby("milestone", sort=True)]


def plot_target(ax: Axes, target: TargetInfo, live: pd.DataFrame, level: Optional[str],
                text: Dict[str, str], levels_used: Dict[str, bool], statuses_used: Dict[str, bool]) -> None:
    """Draws one target's panel: thin unit lines, the province line and the thresholds."""
    rows = live[live["target"] == target.id]
    annual = target.measure == "annual_person_coverage"
    is_count = target.measure == ACTIVITY_MEASURE
    column = "value" if is_count else "percent"

    # Thin lines: per district, or per commune where there are no districts (or as asked).
    sub = rows[rows["level"].isin(["huyen", "xa"])]
    if not sub.empty:
        if level is None:
            has_huyen = sub.groupby("as_of")["level"].transform(lambda s: bool((s == "huyen").any()))
            sub = sub[(sub["level"] == "huyen") | ~has_huyen.astype(bool)]
        else:
            sub = sub[sub["level"] == level]
        n_units = sub["unit"].nunique()
        width, alpha = (0.9, 0.55) if n_units <= 20 else (0.5, 0.3)
        for (unit_level, _unit), unit_rows in sub.groupby(["level", "unit"], observed=True, sort=False):
            lv = str(unit_level)
            levels_used[lv] = True
            for seg in _segments(unit_rows, annual):
                ax.plot(_x(seg["as_of"]), seg[column].astype(float).tolist(), color=LEVEL_COLOURS[lv],
                        linewidth=width, alpha=alpha, marker="o", markersize=1.6, zorder=1)

    # Thresholds: a dotted step over each milestone's window, a marker at its due date.
    if annual:
        prov = rows[rows["level"] == "tinh"].sort_values("as_of")
        for _, r in prov.iterrows():
            th = r["threshold_percent"]
            if pd.isna(th):
                continue
            start, due = _date(r["window_start"]), _date(r["due"])
            ax.hlines(float(th), _xd(start, end_of_day=False), _xd(due), colors=THRESHOLD_COLOUR, linestyles=":",
                      linewidth=1.2, zorder=2)
            ax.plot([_xd(due)], [float(th)], marker="_", markersize=9, markeredgewidth=2,
                    color=THRESHOLD_COLOUR, zorder=4)
    else:
        for m in target.milestones:
            th_value = m.min_count if is_count else m.min_percent
            if th_value is None:
                continue
            ax.hlines(float(th_value), _xd(m.start, end_of_day=False), _xd(m.due), colors=THRESHOLD_COLOUR, linestyles=":",
                      linewidth=1.2, zorder=2)
            ax.plot([_xd(m.due)], [float(th_value)], marker="v", markersize=8, color=THRESHOLD_COLOUR,
                    markeredgecolor="white", markeredgewidth=0.6, zorder=4, clip_on=False)
            ax.annotate(f"{m.label} ≥ {th_value:g}{'' if is_count else ' %'}", (_xd(m.due), float(th_value)),
                        xytext=(-4, 6), textcoords="offset points", ha="right", va="bottom", fontsize=7,
                        color=THRESHOLD_COLOUR, zorder=5,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})

    # The province-wide line, its points coloured by status.
    prov = rows[rows["level"] == "tinh"]
    for seg in _segments(prov, annual):
        xs = _x(seg["as_of"])
        ys = seg[column].astype(float).tolist()
        ax.plot(xs, ys, color=PROVINCE_COLOUR, linewidth=2.4, zorder=3)
        colours: List[str] = []
        for s in seg["status"].astype(str):
            statuses_used[s] = statuses_used.get(s, False) or s in STATUS_COLOURS
            colours.append(STATUS_COLOURS.get(s, "#999999"))
        ax.scatter(xs, ys, c=colours, s=30, edgecolors=PROVINCE_COLOUR, linewidths=0.9, zorder=4)

    title = f"{target.id} · {target.title}"
    ax.set_title(textwrap.fill(title, width=58), fontsize=8.5, loc="left")
    if is_count:
        ax.set_ylim(bottom=0)
        ax.set_ylabel(text["count"], fontsize=8)
    else:
        ax.set_ylim(0, 105)
        ax.set_yticks([0, 20, 40, 60, 80, 100])
        ax.set_ylabel(text["percent"], fontsize=8)
    ax.set_xlim(YEARS[0] - 1.1, YEARS[-1] + 0.25)
    ax.set_xticks([float(y) for y in YEARS])
    ax.set_xticklabels([str(y) for y in YEARS])
    ax.tick_params(axis="both", labelsize=7)
    ax.grid(True, color="#dddddd", linewidth=0.6, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def build_figure(plan_name: str, targets: Sequence[TargetInfo], frame: pd.DataFrame, level: Optional[str],
                 lang: str) -> Figure:
    text = TEXT[lang]
    # Rows measured at their as_of date: results frozen at an earlier due date and milestones
    # not yet started are left out, so each milestone is a line over its own window.
    live = frame[frame["evaluated_at"] == frame["as_of"]]
    shown = [t for t in targets if t.measure in COVERAGE_MEASURES]
    shown += [t for t in targets if t.measure == ACTIVITY_MEASURE]
    ncols = 3
    nrows = max(1, -(-len(shown) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(15, 3.6 * nrows + 1.2), sharex=True, squeeze=False)
    levels_used: Dict[str, bool] = {}
    statuses_used: Dict[str, bool] = {}
    flat: List[Axes] = [ax for row in axes for ax in row]
    for ax, target in zip(flat, shown):
        plot_target(ax, target, live, level, text, levels_used, statuses_used)
    for ax in flat[len(shown):]:
        ax.set_visible(False)
    for ax in flat[len(shown) - ncols:len(shown)]:
        ax.tick_params(labelbottom=True)
        ax.set_xlabel(text["year"], fontsize=8)

    province_names = live.loc[live["level"] == "tinh", "unit_name"].dropna().unique()
    province = text["province"] + (f" ({province_names[0]})" if len(province_names) == 1 else "")
    handles: List[Line2D] = [Line2D([], [], color=PROVINCE_COLOUR, linewidth=2.4, label=province)]
    for lv in ("huyen", "xa"):
        if levels_used.get(lv):
            handles.append(Line2D([], [], color=LEVEL_COLOURS[lv], linewidth=1.2, label=text[lv]))
    handles.append(Line2D([], [], color=THRESHOLD_COLOUR, linestyle=":", marker="v", markersize=7,
                          label=text["threshold"]))
    handles.append(Line2D([], [], linestyle="none", label=text["status"]))
    for status, colour in STATUS_COLOURS.items():
        if statuses_used.get(status):
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=6, markerfacecolor=colour,
                                  markeredgecolor=PROVINCE_COLOUR, label=text[status]))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=8.5, frameon=False,
               handlelength=2.2, columnspacing=1.4)
    fig.suptitle(text["suptitle"].format(plan=plan_name, first=YEARS[0], last=YEARS[-1],
                                         units=text["units_huyen_xa"]), fontsize=11.5)
    fig.tight_layout(rect=(0, 0.03, 1, 0.985))
    return fig


def save_png(fig: Figure, path: str, dpi: int) -> None:
    """Saves the figure as a PNG with a 256-colour palette (a third of the size, the same look)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    buffer.seek(0)
    with Image.open(buffer) as image:
        palette = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        palette.save(path, format="PNG", optimize=True)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    lang: str = args.lang
    plan_name, targets, frame = evaluate(args.registry, args.plan, lang)
    fig = build_figure(plan_name, targets, frame, args.level, lang)
    output: str = args.output
    save_png(fig, output, dpi=150)
    plt.close(fig)
    print(output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
