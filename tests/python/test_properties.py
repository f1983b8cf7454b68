"""Property tests of plan evaluation on small random registries (hypothesis).

Every example builds a fresh registry as registry JSON: a province with 2-3 districts, 1-3
communes each and 0-3 villages per commune (a static tree: no mergers, no moves), 5-40
persons with 1-3 posts each, two courses, a few sessions and enrollments. A fixed plan has a
`person_coverage` target (three milestones, one of them a short window) and a `unit_coverage`
target ("every village has a trained collaborator").

The properties:

1. numerator <= denominator in every row (and percent / no_data agree with the counts);
2. every row equals a pure-Python oracle of evaluation.md (posts active at e, the population
   selector, completion day = completed_on or the session's end inside [a, e], status
   completed; the row set is the root plus every unit of each level with a non-empty
   denominator), and in the oracle a parent's set of persons is the union of its children's
   sets and of the persons posted at the parent itself;
3. results do not depend on the order of the input (lists, list fields and object keys);
4. a registry written and read back (JSON text; a folder of CSV tables) evaluates the same;
5. records dated after the evaluation point never change a result.

Run: PYTHONPATH=build/py/python python3 -m pytest -q tests/python/test_properties.py
"""
from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

nangluc = pytest.importorskip("nangluc")

D = dt.date
ISO = D.isoformat

# --------------------------------------------------------------------------------------------
# The fixed plan.

PLAN = {
    "format": "nangluc/plan@1",
    "id": "PROP",
    "title": {"vi": "Kế hoạch thử", "en": "Property-test plan"},
    "issuer": "P",
    "period": {"start": "2021-01-01", "end": "2030-12-31"},
    "phases": [
        {"id": "P1", "start": "2021-01-01", "end": "2025-12-31"},
        {"id": "P2", "start": "2026-01-01", "end": "2030-12-31"},
    ],
    "groups": {"dan_so_xa": {"roles": ["chuyen_trach_dan_so_xa", "cong_tac_vien_dan_so"], "sector": ["dan_so"]}},
    "criteria": {"c1": {"training": {"courses": ["C1"]}}},
    "targets": [
        {
            "id": "T1",
            "title": "Population officers and collaborators trained in course C1",
            "measure": "person_coverage",
            "population": "dan_so_xa",
            "criterion": "c1",
            "milestones": [
                {"phase": "P1", "min_percent": 80},
                {"phase": "P2", "min_percent": 95},
                {"window": {"start": "2023-07-01", "end": "2024-06-30"}, "min_percent": 50},
            ],
        },
        {
            "id": "T2",
            "title": "Every village has a collaborator trained in C1 or C2",
            "measure": "unit_coverage",
            "unit_level": "thon",
            "population": {"category": ["cong_tac_vien"]},
            "criterion": {"training": {"courses": ["C1", "C2"]}},
            "milestones": [
                {"by": "2025-12-31", "min_percent": 100},
                {"phase": "P2", "min_percent": 100},
            ],
        },
    ],
}
PLAN_TEXT = json.dumps(PLAN, ensure_ascii=False)

PERIOD_START = D(2021, 1, 1)
PHASES = {"P1": (D(2021, 1, 1), D(2025, 12, 31)), "P2": (D(2026, 1, 1), D(2030, 12, 31))}


def _milestone_windows():
    """(target, label, a, due, kind) for every milestone of PLAN, labelled as the report does."""
    out = []
    for t in PLAN["targets"]:
        for m in t["milestones"]:
            if "phase" in m:
                a, due = PHASES[m["phase"]]
                label = m["phase"]
            elif "window" in m:
                a, due = D.fromisoformat(m["window"]["start"]), D.fromisoformat(m["window"]["end"])
                label = ISO(due)
            else:
                a, due = PERIOD_START, D.fromisoformat(m["by"])
                label = ISO(due)
            out.append((t["id"], label, a, due))
    return out


MILESTONES = _milestone_windows()

# T1's population and criteria, and T2's, written out for the oracle.
T1_ROLES = {"chuyen_trach_dan_so_xa", "cong_tac_vien_dan_so"}
T1_SECTORS = {"dan_so"}
T1_COURSES = {"C1"}
T2_CATEGORIES = {"cong_tac_vien"}
T2_COURSES = {"C1", "C2"}

# --------------------------------------------------------------------------------------------
# Strategies.

ROLES = ["chuyen_trach_dan_so_xa", "cong_tac_vien_dan_so", "chuyen_vien_dan_so", "lanh_dao", "bao_cao_vien"]
CATEGORIES = ["cong_chuc", "vien_chuc", "cong_tac_vien", "hop_dong", "nhan_vien_y_te_thon_ban"]
SECTORS = ["dan_so", "dan_so", "dan_so", "y_te"]
STATUSES = ["completed"] * 5 + ["failed", "withdrawn"]

# Dates on and next to the milestone boundaries, so that "inside the window" is tested at its edges.
EDGES = sorted({d + dt.timedelta(days=k)
                for (_, _, a, due) in MILESTONES for d in (a, due) for k in (-1, 0, 1)})


def dates(lo: D, hi: D):
    edges = [d for d in EDGES if lo <= d <= hi]
    return st.one_of(st.dates(lo, hi), st.sampled_from(edges)) if edges else st.dates(lo, hi)


@st.composite
def registries(draw):
    """A random registry as a JSON-able dict (the tree is static: no validity dates)."""
    units = [{"id": "P", "name": "Tỉnh Thử", "level": "tinh", "kind": "tinh"}]
    for i in range(1, draw(st.integers(2, 3)) + 1):
        did = f"D{i}"
        units.append({"id": did, "name": f"Huyện {i}", "level": "huyen", "kind": "huyen", "parent": "P"})
        for j in range(1, draw(st.integers(1, 3)) + 1):
            cid = f"{did}C{j}"
            units.append({"id": cid, "name": f"Xã {i}.{j}", "level": "xa", "kind": "xa", "parent": did})
            for k in range(1, draw(st.integers(0, 3)) + 1):
                units.append({"id": f"{cid}V{k}", "name": f"Thôn {i}.{j}.{k}", "level": "thon", "kind": "thon",
                              "parent": cid})
    unit_ids = [u["id"] for u in units]

    n_persons = draw(st.integers(5, 40))
    persons = [{"id": f"p{i}", "name": f"Người {i}"} for i in range(n_persons)]
    assignments = []
    for p in persons:
        used = set()
        for _ in range(draw(st.integers(1, 3))):
            unit = draw(st.sampled_from(unit_ids))
            category = draw(st.sampled_from(CATEGORIES))
            sector = draw(st.sampled_from(SECTORS))
            if (unit, category, sector) in used:  # the same post twice at once is invalid
                continue
            used.add((unit, category, sector))
            a = {"person": p["id"], "unit": unit, "category": category, "sector": sector,
                 "roles": draw(st.lists(st.sampled_from(ROLES), max_size=2, unique=True))}
            start = draw(dates(D(2018, 1, 1), D(2027, 12, 31)))
            a["start"] = ISO(start)
            if draw(st.booleans()):
                a["end"] = ISO(draw(dates(start, D(2027, 12, 31))))
            if not a["roles"]:
                del a["roles"]
            assignments.append(a)

    courses = [
        {"id": "C1", "title": "Dân số cơ bản", "kind": "boi_duong", "topics": ["dan_so_co_ban"], "hours": 24},
        {"id": "C2", "title": "Truyền thông", "kind": "tap_huan", "topics": ["truyen_thong_tu_van"]},
    ]
    sessions = []
    for s in range(draw(st.integers(1, 8))):
        start = draw(dates(D(2019, 1, 1), D(2027, 12, 31)))
        end = start + dt.timedelta(days=draw(st.integers(0, 10)))
        session = {"id": f"S{s}", "course": draw(st.sampled_from(["C1", "C1", "C2"])), "start": ISO(start),
                   "end": ISO(end)}
        if draw(st.booleans()):
            session["organizer"] = draw(st.sampled_from(unit_ids))
        sessions.append(session)

    enrollments = []
    for _ in range(draw(st.integers(0, 3 * n_persons))):
        s = draw(st.sampled_from(sessions))
        e = {"person": draw(st.sampled_from(persons))["id"], "session": s["id"],
             "status": draw(st.sampled_from(STATUSES))}
        if draw(st.booleans()):
            e["completed_on"] = ISO(draw(dates(D.fromisoformat(s["start"]),
                                               D.fromisoformat(s["end"]) + dt.timedelta(days=60))))
        enrollments.append(e)

    return {"format": "nangluc/registry@1", "profile": "vn-population", "units": units, "persons": persons,
            "assignments": assignments, "courses": courses, "sessions": sessions, "enrollments": enrollments}


AS_OF = dates(D(2020, 6, 1), D(2031, 6, 30))

# --------------------------------------------------------------------------------------------
# Helpers.


def load(reg_json: dict):
    return nangluc.read_registry_json(json.dumps(reg_json, ensure_ascii=False))


def evaluator(reg):
    return nangluc.Evaluator(nangluc.read_plan_json(PLAN_TEXT), reg)


def figures(report) -> dict:
    """Everything a report says, keyed by (target, milestone, unit); unit None: the milestone."""
    out = {}
    for t in report.targets:
        for m in t.milestones:
            out[(t.target_id, m.label, None)] = (m.status, m.evaluated_at, m.start, m.due)
            for r in m.rows:
                out[(t.target_id, m.label, r.unit)] = (r.level, r.numerator, r.denominator, r.percent, r.value,
                                                       r.gap, r.status, r.expected, r.projected)
    return out


def evaluate_all(reg, as_ofs) -> dict:
    ev = evaluator(reg)
    return {d: figures(ev.evaluate(d)) for d in as_ofs}


def active(a: dict, e: D) -> bool:
    return D.fromisoformat(a["start"]) <= e and ("end" not in a or e <= D.fromisoformat(a["end"]))


class Oracle:
    """evaluation.md, written out in Python for the static trees the strategy builds."""

    def __init__(self, reg: dict):
        self.reg = reg
        self.units = {u["id"]: u for u in reg["units"]}
        self.children = {u: [] for u in self.units}
        for u in reg["units"]:
            if "parent" in u:
                self.children[u["parent"]].append(u["id"])
        self.sessions = {s["id"]: s for s in reg["sessions"]}

    def ancestors(self, unit: str):
        while True:
            yield unit
            if "parent" not in self.units[unit]:
                return
            unit = self.units[unit]["parent"]

    def subtree(self, unit: str):
        yield unit
        for c in self.children[unit]:
            yield from self.subtree(c)

    def completed(self, person: str, courses: set, a: D, e: D) -> bool:
        for en in self.reg["enrollments"]:
            if en["person"] != person or en["status"] != "completed":
                continue
            s = self.sessions[en["session"]]
            if s["course"] not in courses:
                continue
            day = D.fromisoformat(en.get("completed_on", s["end"]))
            if a <= day <= e:
                return True
        return False

    def posts(self, e: D, match) -> dict:
        """person -> units of their posts active at e that match the selector."""
        out = {}
        for a in self.reg["assignments"]:
            if active(a, e) and match(a):
                out.setdefault(a["person"], set()).add(a["unit"])
        return out

    def placed(self, posts: dict) -> dict:
        """unit -> persons with a post in its subtree."""
        at = {u: set() for u in self.units}
        for person, units in posts.items():
            for u in units:
                for x in self.ancestors(u):
                    at[x].add(person)
        return at

    @staticmethod
    def t1_match(a: dict) -> bool:
        return bool(T1_ROLES & set(a.get("roles", []))) and a["sector"] in T1_SECTORS

    @staticmethod
    def t2_match(a: dict) -> bool:
        return a["category"] in T2_CATEGORIES

    def rows(self, counts: dict) -> set:
        """The units that get a row: the root, and every unit of a level where one has a denominator."""
        levels = {self.units[u]["level"] for u, (_, den) in counts.items() if den > 0}
        return {"P"} | {u for u in self.units if self.units[u]["level"] in levels}

    def milestone(self, target: str, a: D, due: D, as_of: D):
        """None when not started, else (e, {unit: (numerator, denominator)}, sets) for every unit."""
        if as_of < a:
            return None
        e = min(as_of, due)
        if target == "T1":
            posts = self.posts(e, self.t1_match)
            den = self.placed(posts)
            done = {p for p in posts if self.completed(p, T1_COURSES, a, e)}
            num = {u: ps & done for u, ps in den.items()}
            direct = {u: {p for p, us in posts.items() if u in us} for u in self.units}
            counts = {u: (len(num[u]), len(den[u])) for u in self.units}
            return e, counts, (den, num, direct)
        posts = self.posts(e, self.t2_match)
        done = {p for p in posts if self.completed(p, T2_COURSES, a, e)}
        with_trained = self.placed({p: us for p, us in posts.items() if p in done})
        villages = {u for u in self.units if self.units[u]["level"] == "thon"}
        covered = {v for v in villages if with_trained[v]}
        counts = {}
        for u in self.units:
            sub = set(self.subtree(u))
            counts[u] = (len(sub & covered), len(sub & villages))
        return e, counts, None


def check_against_oracle(reg_json: dict, report) -> None:
    oracle = Oracle(reg_json)
    got = figures(report)
    for target, label, a, due in MILESTONES:
        status, evaluated_at, start, m_due = got[(target, label, None)]
        assert (start, m_due) == (a, due), (target, label)
        res = oracle.milestone(target, a, due, report.as_of)
        rows = {k[2]: v for k, v in got.items() if k[:2] == (target, label) and k[2] is not None}
        if res is None:
            assert status == "not_started" and evaluated_at is None and not rows, (target, label)
            continue
        e, counts, sets = res
        assert evaluated_at == e, (target, label)
        assert set(rows) == oracle.rows(counts), (target, label, sorted(rows), sorted(oracle.rows(counts)))
        for unit, row in rows.items():
            assert row[0] == oracle.units[unit]["level"]
            assert (row[1], row[2]) == counts[unit], (target, label, unit, row, counts[unit])
        if sets is not None:
            den, num, direct = sets
            for u in oracle.units:
                kids = oracle.children[u]
                assert den[u] == set().union(direct[u], *(den[c] for c in kids)), (target, label, u)
                assert num[u] == den[u] & set().union(*num.values()), (target, label, u)
                assert num[u] == (direct[u] & num[u]) | set().union(*(num[c] for c in kids)), (target, label, u)


COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --------------------------------------------------------------------------------------------
# 1. numerator <= denominator


@settings(max_examples=60, **COMMON)
@given(reg_json=registries(), as_ofs=st.lists(AS_OF, min_size=1, max_size=4))
def test_every_row_has_numerator_at_most_denominator_and_consistent_percent(reg_json, as_ofs):
    for as_of, got in evaluate_all(load(reg_json), as_ofs).items():
        for key, row in got.items():
            if key[2] is None:
                continue
            _, num, den, percent, _, _, status, _, _ = row
            assert 0 <= num <= den, (as_of, key, row)
            if den == 0:
                assert percent is None and status == "no_data", (as_of, key, row)
            else:
                assert percent == pytest.approx(100 * num / den, rel=1e-12), (as_of, key, row)
                assert status != "no_data", (as_of, key, row)


# --------------------------------------------------------------------------------------------
# 2. the oracle, and parents as unions of children


@settings(max_examples=80, **COMMON)
@given(reg_json=registries(), as_ofs=st.lists(AS_OF, min_size=1, max_size=3))
def test_rows_count_the_distinct_persons_and_units_the_specification_places_in_each_subtree(reg_json, as_ofs):
    ev = evaluator(load(reg_json))
    for as_of in as_ofs:
        check_against_oracle(reg_json, ev.evaluate(as_of))


# --------------------------------------------------------------------------------------------
# 3. input order


def shuffled(value, rnd: random.Random):
    """Every list and every object's keys in a random order (the order of `units` included)."""
    if isinstance(value, list):
        items = [shuffled(v, rnd) for v in value]
        rnd.shuffle(items)
        return items
    if isinstance(value, dict):
        keys = list(value)
        rnd.shuffle(keys)
        return {k: shuffled(value[k], rnd) for k in keys}
    return value


@settings(max_examples=60, **COMMON)
@given(reg_json=registries(), seed=st.integers(0, 2**32 - 1), as_ofs=st.lists(AS_OF, min_size=1, max_size=3))
def test_results_do_not_depend_on_the_order_of_records_fields_or_list_items(reg_json, seed, as_ofs):
    mixed = shuffled(reg_json, random.Random(seed))
    assert evaluate_all(load(mixed), as_ofs) == evaluate_all(load(reg_json), as_ofs)


# --------------------------------------------------------------------------------------------
# 4. written and read back


@settings(max_examples=30, **COMMON)
@given(reg_json=registries(), as_ofs=st.lists(AS_OF, min_size=1, max_size=3),
       date_format=st.sampled_from(["iso", "dmy"]), bom=st.booleans(), crlf=st.booleans())
def test_a_registry_written_and_read_back_as_json_or_csv_evaluates_the_same(reg_json, as_ofs, date_format, bom, crlf):
    reg = load(reg_json)
    expected = evaluate_all(reg, as_ofs)

    again = nangluc.read_registry_json(nangluc.write_registry_json(reg))
    assert evaluate_all(again, as_ofs) == expected

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "registry"
        nangluc.save_registry(reg, str(folder), date_format=date_format, bom=bom, crlf=crlf)
        assert (folder / "units.csv").is_file()
        from_csv = nangluc.load_registry(str(folder))
        assert evaluate_all(from_csv, as_ofs) == expected
        json_file = Path(tmp) / "registry.json"
        nangluc.save_registry(from_csv, str(json_file))
        assert evaluate_all(nangluc.load_registry(str(json_file)), as_ofs) == expected


# --------------------------------------------------------------------------------------------
# 5. records dated after the evaluation point


@st.composite
def later_records(draw, reg_json: dict, as_of: D):
    """Records all dated after `as_of` (hence after every milestone's evaluation point e <= as_of):
    new persons with posts that start later, later posts of existing persons, sessions that
    start later with enrollments, and completions of existing sessions on a later day."""
    nxt = as_of + dt.timedelta(days=1)  # the day after: the edge that matters most
    after = st.one_of(st.just(nxt), st.dates(nxt, nxt + dt.timedelta(days=60)),
                      st.dates(nxt, max(as_of, D(2031, 12, 31)) + dt.timedelta(days=400)))
    unit_ids = [u["id"] for u in reg_json["units"]]
    persons = [p["id"] for p in reg_json["persons"]]
    extra = {"persons": [], "assignments": [], "sessions": [], "enrollments": []}

    def post(person):
        start = draw(after)
        a = {"person": person, "unit": draw(st.sampled_from(unit_ids)),
             "category": draw(st.sampled_from(CATEGORIES)), "sector": draw(st.sampled_from(SECTORS)),
             "roles": draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=2, unique=True)),
             "start": ISO(start)}
        # A new employer makes it a different post, so it never overlaps an open-ended one.
        a["employer"] = draw(st.sampled_from(unit_ids))
        if draw(st.booleans()):
            a["end"] = ISO(start + dt.timedelta(days=draw(st.integers(0, 900))))
        return a

    new_persons = [f"new{i}" for i in range(draw(st.integers(0, 5)))]
    for pid in new_persons:
        extra["persons"].append({"id": pid, "name": f"Người mới {pid[3:]}"})
    persons += new_persons
    used = set()  # later posts of one person in one post must not overlap either
    for person in new_persons + [draw(st.sampled_from(persons)) for _ in range(draw(st.integers(0, 6)))]:
        a = post(person)
        key = (a["person"], a["unit"], a["employer"], a["category"], a["sector"])
        if key not in used:
            used.add(key)
            extra["assignments"].append(a)
    for s in range(draw(st.integers(0, 3))):
        start = draw(after)
        extra["sessions"].append({"id": f"late{s}", "course": draw(st.sampled_from(["C1", "C2"])),
                                  "start": ISO(start), "end": ISO(start + dt.timedelta(days=draw(st.integers(0, 10))))})
    sessions = reg_json["sessions"] + extra["sessions"]
    for _ in range(draw(st.integers(0, 12))):
        s = draw(st.sampled_from(sessions))
        e = {"person": draw(st.sampled_from(persons)), "session": s["id"], "status": draw(st.sampled_from(STATUSES))}
        if D.fromisoformat(s["start"]) <= as_of:
            # An existing session: only a completion day after as_of keeps the record "later".
            e["completed_on"] = ISO(max(draw(after), D.fromisoformat(s["start"])))
        elif draw(st.booleans()):
            e["completed_on"] = ISO(D.fromisoformat(s["start"]) + dt.timedelta(days=draw(st.integers(0, 30))))
        extra["enrollments"].append(e)
    return extra


@settings(max_examples=60, **COMMON)
@given(data=st.data(), reg_json=registries(), as_of=AS_OF)
def test_records_dated_after_the_evaluation_point_never_change_a_result(data, reg_json, as_of):
    # The cutoff is the as-of date (after every evaluation point e = min(as_of, due)) or the due
    # date of a milestone already due; only the milestones with e <= cutoff are compared.
    cutoff = data.draw(st.sampled_from([as_of] + sorted({due for (_, _, _, due) in MILESTONES if due < as_of})),
                       label="cutoff")
    extra = data.draw(later_records(reg_json, cutoff), label="later records")
    bigger = {k: (v + extra[k] if k in extra else v) for k, v in reg_json.items()}
    compared = {(t, label) for (t, label, _, due) in MILESTONES if min(as_of, due) <= cutoff}

    def kept(figs):
        return {k: v for k, v in figs[as_of].items() if k[:2] in compared}

    assert kept(evaluate_all(load(bigger), [as_of])) == kept(evaluate_all(load(reg_json), [as_of]))
