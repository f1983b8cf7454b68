#!/usr/bin/env python3
"""The peers of performance.md §4: person-coverage numerators and denominators for every unit at
every level, computed the way a data analyst would write it in pandas, Polars and DuckDB, from the
CSV folder nangluc reads (docs/data-format.md), and checked against nangluc's own rows.

    python3 bench/peers.py TABLES NANGLUC_ROWS.csv [--plan bench/national-plan.json]
        [--date 2025-12-31] [--peers pandas,polars,duckdb] [--repeat 2] [--json OUT]

The targets are two of the national plan's (bench/national-plan.json), evaluated as of one date
after the 2025 reorganisation:
  T1  person_coverage: civil servants of the population sector (category cong_chuc, sector
      dan_so) in post on the date, trained in basic population knowledge (a completed course with
      topic dan_so_co_ban) within phase P1 (2021-01-01 .. the date);
  T5b annual_person_coverage, the date's year: collaborators (category cong_tac_vien) in post on
      the date, with a completed refresher course (kind boi_duong or tap_huan) that year.
Semantics (docs/evaluation.md): a post counts when start <= e <= end; its unit is mapped to the
tree at e (itself, or the first unit valid at e along its successor chain; none: left out); a
person counts once in every unit above any of their posts; completion day = completed_on, else
the session's end. Exits 1 (loudly) when any peer's numbers differ from nangluc's.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time

SCOPE = "VN"  # the plan's issuer: the national root


def targets_of(plan_path: str, date: str) -> list[dict]:
    """The two targets as filters, read from the plan so the peers compute what nangluc does."""
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    by_id = {t["id"]: t for t in plan["targets"]}
    phases = {p["id"]: p for p in plan.get("phases", [])}
    out = []
    for tid in ("T1", "T5b"):
        t = by_id[tid]
        population = plan["groups"][t["population"]]
        criterion = plan["criteria"][t["criterion"]]["training"]
        unsupported = set(population) - {"category", "sector"} or set(criterion) - {"topics", "kinds"}
        if unsupported:
            raise SystemExit(f"peers.py: {tid} uses {sorted(unsupported)}, which the peers do not express")
        if t["measure"] == "annual_person_coverage":
            start = date[:4] + "-01-01"
        else:  # the phase in progress or just due on the date
            start = next(phases[m["phase"]]["start"] for m in t["milestones"]
                         if "phase" in m and phases[m["phase"]]["start"] <= date <= phases[m["phase"]]["end"])
        out.append({"target": tid, "category": population.get("category"), "sector": population.get("sector"),
                    "topics": criterion.get("topics"), "kinds": criterion.get("kinds"), "start": start})
    return out


def table(folder: str, name: str) -> str:
    return os.path.join(folder, name + ".csv")


# ---- pandas -------------------------------------------------------------------------------------
def pandas_load(folder: str) -> dict:
    import pandas as pd

    def read(name, dates):
        return pd.read_csv(table(folder, name), dtype=str, encoding="utf-8-sig", keep_default_na=False,
                           na_values=[""], parse_dates=dates, date_format="%Y-%m-%d")
    return {
        "units": read("units", ["valid_from", "valid_to"]),
        "assignments": read("assignments", ["start", "end"]),
        "courses": read("courses", []),
        "sessions": read("sessions", ["start", "end"]),
        "enrollments": read("enrollments", ["completed_on"]),
    }


def pandas_compute(t: dict, date: str, targets: list[dict]) -> list[tuple]:
    import pandas as pd
    e = pd.Timestamp(date)
    units = t["units"].set_index("id")
    valid = (units.valid_from.isna() | (units.valid_from <= e)) & (units.valid_to.isna() | (units.valid_to >= e))
    begun = units.valid_from.isna() | (units.valid_from <= e)

    # Parent on e: the single `parent`, or the `parents` entry whose period holds e.
    links = units.parents.dropna().map(json.loads).explode()
    links = pd.DataFrame(links.tolist(), index=links.index)
    start, end = pd.to_datetime(links["from"]), pd.to_datetime(links["to"])
    links = links[(start.isna() | (start <= e)) & (end.isna() | (end >= e))]
    parent = units.parent.copy()
    parent.loc[links.index] = links["unit"]
    parent = parent[valid & parent.map(valid).fillna(False).astype(bool)]

    # (unit, ancestor-or-self) pairs of the tree at e, kept when the chain reaches the scope.
    pairs = pd.DataFrame({"unit": units.index[valid], "anc": units.index[valid]})
    step = pairs.copy()
    while len(step):
        step = step.assign(anc=step.anc.map(parent)).dropna()
        pairs = pd.concat([pairs, step], ignore_index=True)
    pairs = pairs[pairs.unit.isin(pairs.unit[pairs.anc == SCOPE])]

    # Each unit as of e: itself, or along its successor chain.
    resolved = pd.Series(units.index, index=units.index)
    todo = ~valid
    while todo.any():
        cur = resolved[todo]
        ok = begun.reindex(cur).to_numpy() & units.successor.reindex(cur).notna().to_numpy()
        resolved[todo] = pd.Series(units.successor.reindex(cur).to_numpy(), index=cur.index).where(ok)
        todo = resolved.notna() & ~resolved.map(valid).fillna(False).astype(bool)

    completions = t["enrollments"][t["enrollments"].status == "completed"]
    completions = completions.merge(t["sessions"][["id", "course", "end"]], left_on="session", right_on="id")
    completions["day"] = completions.completed_on.fillna(completions["end"])
    courses = t["courses"].assign(topic=t["courses"].topics.str.split(";"))

    rows = []
    for spec in targets:
        a = t["assignments"]
        posts = a[a.category.isin(spec["category"] or a.category.unique())
                  & a.sector.isin(spec["sector"] or a.sector.unique())
                  & (a.start <= e) & (a.end.isna() | (a.end >= e))]
        posts = posts.assign(at=posts.unit.map(resolved)).dropna(subset=["at"])
        members = posts.merge(pairs, left_on="at", right_on="unit")[["person", "anc"]].drop_duplicates()

        matching = courses
        if spec["kinds"]:
            matching = matching[matching.kind.isin(spec["kinds"])]
        if spec["topics"]:
            matching = matching.explode("topic")
            matching = matching[matching.topic.isin(spec["topics"])]
        done = completions[completions.course.isin(matching.id)
                           & (completions.day >= pd.Timestamp(spec["start"])) & (completions.day <= e)]
        trained = members[members.person.isin(done.person)]

        counts = pd.DataFrame({"denominator": members.groupby("anc").person.nunique(),
                               "numerator": trained.groupby("anc").person.nunique()}).fillna(0)
        rows += [(spec["target"], u, int(n), int(d))
                 for u, n, d in zip(counts.index, counts.numerator, counts.denominator)]
    return rows


# ---- Polars -------------------------------------------------------------------------------------
def polars_load(folder: str) -> dict:
    import polars as pl

    def read(name, dates):
        df = pl.read_csv(table(folder, name), infer_schema=False)
        return df.with_columns([pl.col(c).str.to_date("%Y-%m-%d") for c in dates])
    return {
        "units": read("units", ["valid_from", "valid_to"]),
        "assignments": read("assignments", ["start", "end"]),
        "courses": read("courses", []),
        "sessions": read("sessions", ["start", "end"]),
        "enrollments": read("enrollments", ["completed_on"]),
    }


def polars_compute(t: dict, date: str, targets: list[dict]) -> list[tuple]:
    import polars as pl
    e = dt.date.fromisoformat(date)
    units = t["units"].with_columns(
        valid=(pl.col("valid_from").is_null() | (pl.col("valid_from") <= e))
        & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= e)),
        begun=pl.col("valid_from").is_null() | (pl.col("valid_from") <= e))
    link_type = pl.List(pl.Struct({"unit": pl.String, "from": pl.String, "to": pl.String}))
    links = (units.filter(pl.col("parents").is_not_null())
             .select("id", pl.col("parents").str.json_decode(link_type)).explode("parents").unnest("parents")
             .with_columns(pl.col("from").str.to_date(), pl.col("to").str.to_date())
             .filter((pl.col("from").is_null() | (pl.col("from") <= e)) & (pl.col("to").is_null() | (pl.col("to") >= e)))
             .select("id", pl.col("unit").alias("link")))
    valid_ids = units.filter("valid").select("id")
    tree = (units.filter("valid").join(links, on="id", how="left")
            .with_columns(up=pl.coalesce("link", "parent"))
            .with_columns(up=pl.when(pl.col("up").is_in(valid_ids["id"].implode())).then("up"))
            .select("id", "up"))

    pairs = tree.select(unit="id", anc="id")
    step = pairs
    while step.height:
        step = (step.join(tree, left_on="anc", right_on="id").select("unit", anc="up").drop_nulls())
        pairs = pl.concat([pairs, step])
    pairs = pairs.filter(pl.col("unit").is_in(pairs.filter(pl.col("anc") == SCOPE)["unit"].implode()))

    info = units.select("id", "valid", "begun", "successor")
    resolved = units.select(unit="id", at="id")
    for _ in range(len(units)):  # successor chains are short; bounded against a cycle
        cur = resolved.join(info, left_on="at", right_on="id", how="left")
        if cur.filter(pl.col("at").is_not_null() & ~pl.col("valid")).height == 0:
            break
        resolved = cur.select("unit", at=pl.when(pl.col("valid")).then("at")
                              .when(pl.col("begun")).then("successor"))
    resolved = resolved.drop_nulls()

    completions = (t["enrollments"].filter(pl.col("status") == "completed")
                   .join(t["sessions"].select(session="id", course="course", end="end"), on="session")
                   .with_columns(day=pl.coalesce("completed_on", "end")))
    courses = t["courses"].with_columns(topic=pl.col("topics").str.split(";"))

    rows = []
    a = t["assignments"]
    for spec in targets:
        cond = (pl.col("start") <= e) & (pl.col("end").is_null() | (pl.col("end") >= e))
        if spec["category"]:
            cond &= pl.col("category").is_in(spec["category"])
        if spec["sector"]:
            cond &= pl.col("sector").is_in(spec["sector"])
        members = (a.filter(cond).join(resolved, on="unit").join(pairs, left_on="at", right_on="unit")
                   .select("person", "anc").unique())
        matching = courses
        if spec["kinds"]:
            matching = matching.filter(pl.col("kind").is_in(spec["kinds"]))
        if spec["topics"]:
            matching = matching.explode("topic").filter(pl.col("topic").is_in(spec["topics"]))
        start = dt.date.fromisoformat(spec["start"])
        trained = (completions.filter(pl.col("course").is_in(matching["id"].implode())
                                      & (pl.col("day") >= start) & (pl.col("day") <= e))
                   .select("person").unique())
        counts = (members.join(trained.with_columns(done=pl.lit(1)), on="person", how="left")
                  .group_by("anc").agg(denominator=pl.col("person").n_unique(),
                                       numerator=pl.col("person").filter(pl.col("done").is_not_null()).n_unique()))
        rows += [(spec["target"], u, n, d) for u, d, n in counts.select("anc", "denominator", "numerator").iter_rows()]
    return rows


# ---- DuckDB -------------------------------------------------------------------------------------
def duckdb_load(folder: str):
    import duckdb
    con = duckdb.connect()
    dates = {"units": ["valid_from", "valid_to"], "assignments": ["start", "end"], "courses": [],
             "sessions": ["start", "end"], "enrollments": ["completed_on"]}
    for name, cols in dates.items():
        casts = ", ".join(f'CAST("{c}" AS DATE) AS "{c}"' for c in cols)
        replace = f" REPLACE ({casts})" if cols else ""
        con.execute(f"CREATE TABLE {name} AS SELECT *{replace} FROM read_csv('{table(folder, name)}', all_varchar=true)")
    return con


DUCKDB_TARGET = """
WITH RECURSIVE
units_at AS (
  SELECT id, successor,
         (valid_from IS NULL OR valid_from <= $e) AND (valid_to IS NULL OR valid_to >= $e) AS valid,
         (valid_from IS NULL OR valid_from <= $e) AS begun,
         parent, parents
  FROM units),
links AS (
  SELECT id, l.unit AS link FROM (
    SELECT id, unnest(from_json(parents, '[{"unit":"VARCHAR","from":"DATE","to":"DATE"}]')) AS l
    FROM units_at WHERE parents IS NOT NULL)
  WHERE (l."from" IS NULL OR l."from" <= $e) AND (l."to" IS NULL OR l."to" >= $e)),
tree AS (
  SELECT u.id, CASE WHEN p.valid THEN coalesce(l.link, u.parent) END AS up
  FROM units_at u LEFT JOIN links l USING (id) LEFT JOIN units_at p ON p.id = coalesce(l.link, u.parent)
  WHERE u.valid),
pairs(unit, anc) AS (
  SELECT id, id FROM tree
  UNION ALL
  SELECT pairs.unit, tree.up FROM pairs JOIN tree ON tree.id = pairs.anc WHERE tree.up IS NOT NULL),
in_scope AS (SELECT unit, anc FROM pairs WHERE unit IN (SELECT unit FROM pairs WHERE anc = 'VN')),
chain(unit, now_at, depth) AS (
  SELECT id, id, 0 FROM units_at
  UNION ALL
  SELECT chain.unit, u.successor, chain.depth + 1 FROM chain JOIN units_at u ON u.id = chain.now_at
  WHERE NOT u.valid AND u.begun AND u.successor IS NOT NULL AND chain.depth < 100),
resolved AS (
  SELECT chain.unit, chain.now_at FROM chain JOIN units_at u ON u.id = chain.now_at WHERE u.valid),
members AS (
  SELECT DISTINCT a.person, s.anc
  FROM assignments a JOIN resolved r ON r.unit = a.unit JOIN in_scope s ON s.unit = r.now_at
  WHERE a.start <= $e AND (a."end" IS NULL OR a."end" >= $e)
    AND ($categories IS NULL OR list_contains($categories, a.category))
    AND ($sectors IS NULL OR list_contains($sectors, a.sector))),
matching AS (
  SELECT id FROM courses
  WHERE ($kinds IS NULL OR list_contains($kinds, kind))
    AND ($topics IS NULL OR list_has_any($topics, string_split(topics, ';')))),
trained AS (
  SELECT DISTINCT e.person
  FROM enrollments e JOIN sessions s ON s.id = e.session
  WHERE e.status = 'completed' AND s.course IN (SELECT id FROM matching)
    AND coalesce(e.completed_on, s."end") BETWEEN $start AND $e)
SELECT m.anc, count(DISTINCT m.person) FILTER (WHERE t.person IS NOT NULL) AS numerator,
       count(DISTINCT m.person) AS denominator
FROM members m LEFT JOIN trained t USING (person)
GROUP BY m.anc
"""


def duckdb_compute(con, date: str, targets: list[dict]) -> list[tuple]:
    rows = []
    for spec in targets:
        params = {"e": dt.date.fromisoformat(date), "start": dt.date.fromisoformat(spec["start"]),
                  "categories": spec["category"], "sectors": spec["sector"],
                  "kinds": spec["kinds"], "topics": spec["topics"]}
        for unit, numerator, denominator in con.execute(DUCKDB_TARGET, params).fetchall():
            rows.append((spec["target"], unit, int(numerator), int(denominator)))
    return rows


# ---- the check ----------------------------------------------------------------------------------
def nangluc_rows(path: str) -> set[tuple]:
    import csv
    with open(path, encoding="utf-8") as f:
        return {(r["target"], r["unit"], int(r["numerator"]), int(r["denominator"]))
                for r in csv.DictReader(f) if int(r["denominator"]) > 0}


PEERS = {
    "pandas": (pandas_load, lambda t, d, s: pandas_compute(t, d, s)),
    "polars": (polars_load, lambda t, d, s: polars_compute(t, d, s)),
    "duckdb": (duckdb_load, lambda t, d, s: duckdb_compute(t, d, s)),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tables")
    ap.add_argument("nangluc_rows")
    ap.add_argument("--plan", default=os.path.join(os.path.dirname(__file__), "national-plan.json"))
    ap.add_argument("--date", default="2025-12-31")
    ap.add_argument("--peers", default="pandas,polars,duckdb")
    ap.add_argument("--repeat", type=int, default=2, help="computations timed per peer (the best is kept)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()

    targets = targets_of(args.plan, args.date)
    expected = nangluc_rows(args.nangluc_rows)
    if not expected:
        print("peers.py: nangluc gave no rows with a denominator", file=sys.stderr)
        return 1
    figures = {"date": args.date, "targets": [t["target"] for t in targets], "rows": len(expected), "peers": {}}
    failed = False
    for name in args.peers.split(","):
        load, compute = PEERS[name]
        t0 = time.perf_counter()
        data = load(args.tables)
        load_s = time.perf_counter() - t0
        best, got = float("inf"), None
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            got = compute(data, args.date, targets)
            best = min(best, time.perf_counter() - t0)
            if best > 30:  # a run this long is not at the mercy of a moment's noise
                break
        got_set = set(got)
        same = got_set == expected and len(got) == len(got_set)
        figures["peers"][name] = {"load_s": load_s, "compute_s": best, "same_numbers": same}
        print(f"peers.py: {name}: load {load_s:.3f} s, compute {best:.3f} s, "
              f"{'same numbers as nangluc' if same else 'NUMBERS DIFFER from nangluc'}", file=sys.stderr)
        if not same:
            failed = True
            for row in sorted(expected - got_set)[:5]:
                print(f"  nangluc has {row}", file=sys.stderr)
            for row in sorted(got_set - expected)[:5]:
                print(f"  {name} has {row}", file=sys.stderr)
        del data
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=2)
    if failed:
        print("peers.py: FAILED: a peer's person-coverage numbers differ from nangluc's", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
