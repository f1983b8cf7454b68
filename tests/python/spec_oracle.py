"""An independent model of the evaluation specification, and random registries and plans to run it on.

Written from the specification's text only (../../../shared/spec/evaluation.md and model.md, the
docs pages on data formats, plans and vocabularies, and the section "What nangluc decides where
the specification is silent" of docs/evaluation.md), never from the engine's source. It is
deliberately slow and literal: every figure is recomputed from the records for every row, with
exact integer / Fraction arithmetic.

Three parts:

* `generate(seed)` -> (registry dict, plan dict, [as-of dates]): a valid random registry with a
  tree reorganised mid-period (districts abolished, communes merged or moved, villages moving
  with `parents`), seconded and multi-post staff, qualifications, courses that confer
  qualifications, sessions, head-counts, enrollments and quotas; and a plan that uses every
  measure, selector field, criterion kind and milestone form.
* `Model(registry, plan).evaluate(D)` -> the report the specification says the engine must give,
  as plain dicts.
* `compare(seed)` -> a list of `Disagreement`s between the model and the compiled engine
  (`nangluc`), for one date and for `evaluate_series` of several dates.

Replay a case:  PYTHONPATH=build/py/python python3 tests/python/spec_oracle.py SEED [--dump]
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import random
import re
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable, Optional

D = dt.date
ISO = D.isoformat
ONE = dt.timedelta(days=1)
ROOT = Path(__file__).resolve().parents[2]
PROFILE_PATH = ROOT / "src" / "profiles" / "vn-population.json"


def day(s: Optional[str]) -> Optional[D]:
    return None if s is None else D.fromisoformat(s)


# ============================================================================================
# Vocabularies (the vn-population profile)


class Vocab:
    def __init__(self, extra: Optional[dict] = None):
        data = json.loads(PROFILE_PATH.read_text(encoding="utf-8"))["vocabularies"]
        for name, entries in (extra or {}).items():
            data.setdefault(name, []).extend(entries)
        self.v: dict[str, dict[str, dict]] = {name: {e["code"]: e for e in entries} for name, entries in data.items()}

    def codes(self, name: str) -> list[str]:
        return list(self.v[name])

    def members(self, name: str, code: str) -> set[str]:
        """The code itself and, for a group, every member (and their members)."""
        out = {code}
        changed = True
        while changed:
            changed = False
            for c, e in self.v.get(name, {}).items():
                if e.get("parent") in out and c not in out:
                    out.add(c)
                    changed = True
        return out

    def expand(self, name: str, codes: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for c in codes:
            out |= self.members(name, c)
        return out

    def rank(self, name: str, code: str) -> Optional[int]:
        return self.v.get(name, {}).get(code, {}).get("rank")

    def groups(self, name: str) -> list[str]:
        return sorted({e["parent"] for e in self.v[name].values() if e.get("parent")})


VOCAB = Vocab()

# ============================================================================================
# Dates and periods


def add_months(d: D, months: int) -> Optional[D]:
    """Month arithmetic that clamps at the month's end; None past 9999-12-31 (or before year 1)."""
    y, m = divmod(d.year * 12 + (d.month - 1) + months, 12)
    m += 1
    if y < 1 or y > 9999:
        return None
    last = (D(y + (m == 12), m % 12 + 1, 1) - ONE).day if y < 9999 or m < 12 else 31
    return D(y, m, min(d.day, last))


def parse_period(p: str) -> tuple[int, int]:
    """ISO 8601 PnYnMnWnD -> (months, days)."""
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", p)
    assert m and any(m.groups()), p
    y, mo, w, dd = (int(g or 0) for g in m.groups())
    return 12 * y + mo, 7 * w + dd


def shift(d: D, period: str, sign: int) -> Optional[D]:
    months, days = parse_period(period)
    r = add_months(d, sign * months)
    if r is None:
        return None
    try:
        return r + sign * dt.timedelta(days=days)
    except OverflowError:
        return None


def age_on(birth: D, d: D) -> int:
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


# ============================================================================================
# The registry, as of a date


class Reg:
    def __init__(self, reg: dict):
        self.raw = reg
        self.units = {u["id"]: u for u in reg["units"]}
        self.persons = {p["id"]: p for p in reg.get("persons", [])}
        self.assignments = reg.get("assignments", [])
        self.quals = reg.get("qualifications", [])
        self.courses = {c["id"]: c for c in reg.get("courses", [])}
        self.sessions = {s["id"]: s for s in reg.get("sessions", [])}
        self.enrollments = reg.get("enrollments", [])
        self.quotas = reg.get("quotas", [])
        # completions: person -> [(day, session)]
        self.completions: dict[str, list[tuple[D, dict]]] = {}
        for en in self.enrollments:
            if en["status"] != "completed":
                continue
            s = self.sessions[en["session"]]
            c = day(en.get("completed_on")) or day(s["end"])
            self.completions.setdefault(en["person"], []).append((c, s))
        self._sub_cache: dict = {}

    # --- units -------------------------------------------------------------------------
    def valid(self, u: str, d: D) -> bool:
        x = self.units[u]
        f, t = day(x.get("valid_from")), day(x.get("valid_to"))
        return (f is None or f <= d) and (t is None or d <= t)

    def parent(self, u: str, d: D) -> Optional[str]:
        x = self.units[u]
        if "parent" in x:
            return x["parent"]
        for link in x.get("parents", []):
            f, t = day(link.get("from")), day(link.get("to"))
            if (f is None or f <= d) and (t is None or d <= t):
                return link["unit"]
        return None

    def resolve(self, u: Optional[str], d: D) -> Optional[str]:
        """The unit that stands for u on d: itself, or the first valid one along its successor chain."""
        seen = set()
        while u is not None and u not in seen:
            seen.add(u)
            if self.valid(u, d):
                return u
            f = day(self.units[u].get("valid_from"))
            if f is not None and d < f:
                return None
            u = self.units[u].get("successor")
        return None

    def map_organizer(self, u: str, d: D) -> Optional[str]:
        """§7: the organizer itself, else its successor, else the nearest unit above it standing at d
        (an ancestor, or the unit that took an ended ancestor over)."""
        r = self.resolve(u, d)
        if r is not None:
            return r
        x = self.units[u]
        first, last = day(x.get("valid_from")), day(x.get("valid_to"))
        # "not in the tree at e": ended (look above it as of its last day) or not begun yet (its first day)
        when = first if first is not None and d < first else last
        cur = u
        seen = set()
        while cur is not None and cur not in seen:
            seen.add(cur)
            p = self.parent(cur, when)
            if p is None:
                return None
            # "the nearest unit above it that exists at e", units standing at e as posts do: an
            # ancestor, or the unit that took an ended ancestor over (docs/evaluation.md).
            rp = self.resolve(p, d)
            if rp is not None:
                return rp
            pt = day(self.units[p].get("valid_to"))
            if pt is not None and pt < when:
                when = pt
            cur = p
        return None

    def ancestors(self, u: str, d: D) -> list[str]:
        """u and every unit above it in the tree at d."""
        out = []
        while u is not None and u not in out:
            out.append(u)
            u = self.parent(u, d)
        return out

    def in_subtree(self, u: str, root: str, d: D) -> bool:
        return root in self.ancestors(u, d)

    def subtree(self, root: str, d: D) -> set[str]:
        key = (root, d)
        if key not in self._sub_cache:
            self._sub_cache[key] = {u for u in self.units if self.valid(u, d) and self.in_subtree(u, root, d)}
        return self._sub_cache[key]

    def level(self, u: str) -> str:
        return self.units[u]["level"]

    # --- training and qualifications --------------------------------------------------------
    def held(self, person: str, e: D) -> list[tuple[str, str, Optional[str]]]:
        """(kind, code, field) of the qualifications held on e, recorded and conferred."""
        out = []
        for q in self.quals:
            if q["person"] != person:
                continue
            aw, ex = day(q.get("awarded")), day(q.get("expires"))
            if (aw is None or aw <= e) and (ex is None or e <= ex):
                out.append((q["kind"], q["code"], q.get("field")))
        for c, s in self.completions.get(person, []):
            conf = self.courses[s["course"]].get("confers")
            if not conf or c > e:
                continue
            if conf.get("valid_for"):
                end = shift(c, conf["valid_for"], +1)
                if end is not None and not (e <= end - ONE):
                    continue
            out.append((conf["kind"], conf["code"], None))
        return out


# ============================================================================================
# Selectors and criteria

T, F, U = "T", "F", "U"  # Kleene truth values for quota matching


def k_and(vals: Iterable[str]) -> str:
    vals = list(vals)
    return F if F in vals else (U if U in vals else T)


def k_or(vals: Iterable[str]) -> str:
    vals = list(vals)
    return T if T in vals else (U if U in vals else F)


def k_not(v: str) -> str:
    return {T: F, F: T, U: U}[v]


class Model:
    def __init__(self, reg: dict, plan: dict):
        self.r = Reg(reg)
        self.vocab = Vocab(reg.get("vocabularies"))
        self.plan = plan
        self.groups = plan.get("groups", {})
        self.criteria = plan.get("criteria", {})
        self.ratio = Fraction(str(plan.get("at_risk_ratio", 0.75)))
        self.period = (day(plan["period"]["start"]), day(plan["period"]["end"]))
        self.phases = {p["id"]: (day(p["start"]), day(p["end"])) for p in plan.get("phases", [])}

    # --- selectors --------------------------------------------------------------------------
    def match(self, sel: Any, asg: dict, d: D, mu: str) -> bool:
        """Does the assignment (its unit mapped to mu in the tree at d) match the selector at d?"""
        if isinstance(sel, str):
            return self.match(self.groups[sel], asg, d, mu)
        r = self.r
        person = r.persons[asg["person"]]
        for k, v in sel.items():
            if isinstance(v, str) and k not in ("not",):
                v = [v]
            if k == "category":
                ok = asg["category"] in self.vocab.expand("categories", v)
            elif k == "roles":
                ok = bool(set(asg.get("roles", [])) & self.vocab.expand("roles", v))
            elif k == "sector":
                ok = asg["sector"] in self.vocab.expand("sectors", v)
            elif k == "level":
                ok = r.level(mu) in self.vocab.expand("levels", v)
            elif k == "employer_level":
                emp = asg.get("employer")
                if emp:  # the employer's own level: §1 maps only the post's unit through successors
                    ok = r.level(emp) in self.vocab.expand("levels", v)
                else:
                    ok = r.level(mu) in self.vocab.expand("levels", v)
            elif k == "unit_kinds":
                ok = r.units[mu].get("kind") in self.vocab.expand("unit_kinds", v)
            elif k == "within":
                ok = False
                for w in v:
                    w2 = r.resolve(w, d)
                    if w2 is not None and r.in_subtree(mu, w2, d):
                        ok = True
            elif k == "sex":
                ok = person.get("sex") in v
            elif k == "age":
                b = day(person.get("birth_date"))
                if b is None:
                    ok = False
                else:
                    a = age_on(b, d)
                    ok = ("min" not in v or a >= v["min"]) and ("max" not in v or a <= v["max"])
            elif k == "all_of":
                ok = all(self.match(s, asg, d, mu) for s in v)
            elif k == "any_of":
                ok = any(self.match(s, asg, d, mu) for s in v)
            elif k == "not":
                ok = not self.match(v, asg, d, mu)
            else:
                raise KeyError(k)
            if not ok:
                return False
        return True

    def kleene(self, sel: Any, cat: str, roles: set, sector: str) -> str:
        """A selector on a hypothetical post with the given category/roles/sector; every other field unknown."""
        if isinstance(sel, str):
            return self.kleene(self.groups[sel], cat, roles, sector)
        vals = []
        for k, v in sel.items():
            if isinstance(v, str) and k not in ("not",):
                v = [v]
            if k == "category":
                vals.append(T if cat in self.vocab.expand("categories", v) else F)
            elif k == "roles":
                vals.append(T if roles & self.vocab.expand("roles", v) else F)
            elif k == "sector":
                vals.append(T if sector in self.vocab.expand("sectors", v) else F)
            elif k in ("level", "employer_level", "unit_kinds", "within", "sex", "age"):
                vals.append(U)
            elif k == "all_of":
                vals.append(k_and(self.kleene(s, cat, roles, sector) for s in v))
            elif k == "any_of":
                vals.append(k_or(self.kleene(s, cat, roles, sector) for s in v))
            elif k == "not":
                vals.append(k_not(self.kleene(v, cat, roles, sector)))
            else:
                raise KeyError(k)
        return k_and(vals)

    def mentioned(self, sel: Any, field: str, acc: set) -> set:
        if isinstance(sel, str):
            return self.mentioned(self.groups[sel], field, acc)
        for k, v in sel.items():
            if k == field:
                acc |= self.vocab.expand({"category": "categories", "roles": "roles", "sector": "sectors"}[field],
                                    [v] if isinstance(v, str) else v)
            elif k in ("all_of", "any_of"):
                for s in v:
                    self.mentioned(s, field, acc)
            elif k == "not":
                self.mentioned(v, field, acc)
        return acc

    def quota_counts(self, q: dict, pop: Any) -> bool:
        """§7 / team decision: some post with the quota's category, roles (exactly) and sector could be in pop."""
        cats = [q["category"]] if q.get("category") else sorted(self.mentioned(pop, "category", set())) + ["~other"]
        secs = [q["sector"]] if q.get("sector") else sorted(self.mentioned(pop, "sector", set())) + ["~other"]
        if q.get("roles"):
            role_sets = [set(q["roles"])]
        else:
            ms = sorted(self.mentioned(pop, "roles", set()))
            role_sets = [{ms[i] for i in range(len(ms)) if mask >> i & 1} for mask in range(1 << len(ms))]
        return any(self.kleene(pop, c, rs, s) != F for c in cats for rs in role_sets for s in secs)

    # --- criteria ---------------------------------------------------------------------------
    def meets(self, crit: Any, person: str, a: D, e: D) -> bool:
        if isinstance(crit, str):
            return self.meets(self.criteria[crit], person, a, e)
        (k, v), = crit.items()
        if k == "all_of":
            return all(self.meets(c, person, a, e) for c in v)
        if k == "any_of":
            return any(self.meets(c, person, a, e) for c in v)
        if k == "not":
            return not self.meets(v, person, a, e)
        if k == "training":
            within = v.get("within", "window")
            if within == "window":
                lo, lo_open = a, False
            elif within == "ever":
                lo, lo_open = None, False
            else:
                lo, lo_open = shift(e, within, -1), True
            hours = Fraction(0)
            found = False
            for c, s in self.r.completions.get(person, []):
                if c > e or (lo is not None and (c <= lo if lo_open else c < lo)):
                    continue
                course = self.r.courses[s["course"]]
                if not self.course_matches(course, v):
                    continue
                found = True
                hours += Fraction(str(course.get("hours", 0)))
            if not found:
                return False
            return "min_hours" not in v or hours >= Fraction(str(v["min_hours"]))
        if k == "qualification":
            kind = v["kind"]
            for qk, code, field in self.r.held(person, e):
                if qk != kind:
                    continue
                if "codes" in v or "min_rank" in v:
                    ok = "codes" in v and code in self.vocab.expand(kind, v["codes"])
                    if not ok and "min_rank" in v:
                        rk, need = self.vocab.rank(kind, code), self.vocab.rank(kind, v["min_rank"])
                        ok = rk is not None and need is not None and rk >= need
                    if not ok:
                        continue
                if "fields" in v and (field is None or field not in self.vocab.expand("fields", v["fields"])):
                    continue
                return True
            return False
        raise KeyError(k)

    def course_matches(self, course: dict, f: dict) -> bool:
        if "courses" in f and course["id"] not in f["courses"]:
            return False
        if "kinds" in f and course["kind"] not in self.vocab.expand("training_kinds", f["kinds"]):
            return False
        if "topics" in f and not (set(course["topics"]) & self.vocab.expand("topics", f["topics"])):
            return False
        return True

    # --- milestones -------------------------------------------------------------------------
    def milestones(self, t: dict) -> list[tuple[str, D, D, dict]]:
        """(label, a, due, threshold) per milestone (per year for annual targets)."""
        out = []
        if t["measure"] == "annual_person_coverage":
            years = t.get("years") or list(range(self.period[0].year, self.period[1].year + 1))
            for y in years:
                out.append((str(y), D(y, 1, 1), D(y, 12, 31), {"min_percent": t["min_percent"]}))
            return out
        for m in t["milestones"]:
            if "phase" in m:
                a, due = self.phases[m["phase"]]
                label = m["phase"]
            elif "window" in m:
                a, due = day(m["window"]["start"]), day(m["window"]["end"])
                label = ISO(due)
            else:
                a, due = self.period[0], day(m["by"])
                label = ISO(due)
            thr = {k: m[k] for k in ("min_percent", "min", "max") if k in m}
            out.append((label, a, due, thr))
        return out

    # --- figures of one milestone at evaluation point e ----------------------------------
    def scope(self, e: D) -> Optional[tuple[str, set]]:
        root = self.r.resolve(self.plan["issuer"], e)
        if root is None:
            return None
        return root, self.r.subtree(root, e)

    def place(self, units_of: dict, scope: set, e: D) -> dict:
        """{key: set of mapped units} -> {unit in scope: set of keys with a unit in its subtree}."""
        at: dict[str, set] = {u: set() for u in scope}
        for key, units in units_of.items():
            for mu in units:
                for x in self.r.ancestors(mu, e):
                    if x in at:
                        at[x].add(key)
        return at

    def posts_at(self, pop: Any, e: D, scope: set) -> dict:
        """person -> mapped units of their posts active at e that match pop and lie in the scope."""
        out: dict[str, set] = {}
        for asg in self.r.assignments:
            if not (day(asg["start"]) <= e and (asg.get("end") is None or e <= day(asg["end"]))):
                continue
            mu = self.r.resolve(asg["unit"], e)
            if mu is None or mu not in scope:
                continue
            if self.match(pop, asg, e, mu):
                out.setdefault(asg["person"], set()).add(mu)
        return out

    def posts_during(self, pop: Any, a: D, e: D, scope: set) -> tuple[dict, dict]:
        """in_post_during_window: posts active on some day of [a, e], matched in the tree at e; last day in post."""
        out: dict[str, set] = {}
        last: dict[str, D] = {}
        for asg in self.r.assignments:
            s, en = day(asg["start"]), day(asg.get("end"))
            if not (s <= e and (en is None or a <= en)):
                continue
            mu = self.r.resolve(asg["unit"], e)
            if mu is None or mu not in scope:
                continue
            if self.match(pop, asg, e, mu):
                p = asg["person"]
                out.setdefault(p, set()).add(mu)
                ld = e if en is None else min(en, e)
                last[p] = max(last.get(p, ld), ld)
        return out, last

    def figures(self, t: dict, a: D, e: D) -> Optional[tuple[str, set, dict]]:
        """(scope root, scope, {unit: (numerator, denominator)} or {unit: value}) for the window [a, e]."""
        sc = self.scope(e)
        if sc is None:
            return None
        root, scope = sc
        m = t["measure"]
        if m in ("person_coverage", "annual_person_coverage"):
            if t.get("denominator") == "in_post_during_window":
                posts, last = self.posts_during(t["population"], a, e, scope)
                done = {p for p in posts if self.meets(t["criterion"], p, a, last[p])}
            else:
                posts = self.posts_at(t["population"], e, scope)
                done = {p for p in posts if self.meets(t["criterion"], p, a, e)}
            at = self.place(posts, scope, e)
            return root, scope, {u: (len(ps & done), len(ps)) for u, ps in at.items()}
        if m == "unit_coverage":
            posts = self.posts_at(t["population"], e, scope)
            if "criterion" in t:
                posts = {p: us for p, us in posts.items() if self.meets(t["criterion"], p, a, e)}
            at = self.place(posts, scope, e)
            k = t.get("min_per_unit", 1)
            level_units = {u for u in scope if self.r.level(u) == t["unit_level"]}
            covered = {u for u in level_units if len(at[u]) >= k}
            under = self.place({u: {u} for u in level_units}, scope, e)
            return root, scope, {u: (len(under[u] & covered), len(under[u])) for u in scope}
        if m == "staffing_fill":
            posts = self.posts_at(t["population"], e, scope)
            at = self.place(posts, scope, e)
            quota = {u: 0 for u in scope}
            for q in self.r.quotas:
                f, to = day(q.get("from")), day(q.get("to"))
                if not ((f is None or f <= e) and (to is None or e <= to)):
                    continue
                mu = self.r.resolve(q["unit"], e)
                if mu is None or mu not in scope:
                    continue
                if not self.quota_counts(q, t["population"]):
                    continue
                for x in self.r.ancestors(mu, e):
                    if x in quota:
                        quota[x] += q["count"]
            return root, scope, {u: (len(at[u]), quota[u]) for u in scope}
        if m == "activity_count":
            return root, scope, self.activity(t, a, e, root, scope)
        raise KeyError(m)

    def activity(self, t: dict, a: D, e: D, root: str, scope: set) -> dict:
        r = self.r
        kind = t["count"]
        flt = t.get("filter", {})
        value: dict[str, Fraction] = {u: Fraction(0) for u in scope}

        def add(unit: str, amount) -> None:
            for x in r.ancestors(unit, e):
                if x in value:
                    value[x] += amount

        def organized(s: dict) -> Optional[str]:
            if not s.get("organizer"):
                return root
            u = r.map_organizer(s["organizer"], e)
            return u if u in scope else None

        if kind in ("sessions", "cost_vnd"):
            for s in r.sessions.values():
                if not (a <= day(s["start"]) <= e) or not self.course_matches(r.courses[s["course"]], flt):
                    continue
                u = organized(s)
                if u is not None:
                    add(u, 1 if kind == "sessions" else s.get("cost_vnd", 0))
            return value
        # person_times, unique_persons, hours
        per_person: dict[str, set] = {}
        for en in r.enrollments:
            if en["status"] != "completed":
                continue
            s = r.sessions[en["session"]]
            c = day(en.get("completed_on")) or day(s["end"])
            course = r.courses[s["course"]]
            if not (a <= c <= e) or not self.course_matches(course, flt):
                continue
            units = set()
            for asg in r.assignments:
                if asg["person"] != en["person"]:
                    continue
                if not (day(asg["start"]) <= c and (asg.get("end") is None or c <= day(asg["end"]))):
                    continue
                mu_e = r.resolve(asg["unit"], e)
                if mu_e is None or mu_e not in scope:
                    continue
                if "population" in t:
                    mu_c = r.resolve(asg["unit"], c)
                    if mu_c is None or not self.match(t["population"], asg, c, mu_c):
                        continue
                units.add(mu_e)
            if not units:
                continue
            rows = set()
            for mu in units:
                rows |= {x for x in r.ancestors(mu, e) if x in value}
            if kind == "unique_persons":
                for x in rows:
                    per_person.setdefault(x, set()).add(en["person"])
            else:
                amount = 1 if kind == "person_times" else Fraction(str(course.get("hours", 0)))
                for x in rows:
                    value[x] += amount
        if kind == "unique_persons":
            return {u: Fraction(len(per_person.get(u, ()))) for u in scope}
        for s in r.sessions.values():
            if not s.get("attendance") or not (a <= day(s["end"]) <= e):
                continue
            course = r.courses[s["course"]]
            if not self.course_matches(course, flt):
                continue
            u = organized(s)
            if u is None:
                continue
            n = sum(x["count"] for x in s["attendance"])
            add(u, n if kind == "person_times" else n * Fraction(str(course.get("hours", 0))))
        return value

    # --- rows, thresholds, statuses -----------------------------------------------------------
    def evaluate(self, D_: D, levels: Optional[list] = None) -> dict:
        """{"targets": [{"id", "measure", "milestones": [{label, start, due, evaluated_at, status, rows, no_scope}]}]}"""
        out = []
        for t in self.plan["targets"]:
            ms = []
            for label, a, due, thr in self.milestones(t):
                ms.append(self.milestone(t, label, a, due, thr, D_, levels))
            out.append({"id": t["id"], "measure": t["measure"], "count": t.get("count"), "milestones": ms})
        return {"as_of": D_, "targets": out}

    def milestone(self, t: dict, label: str, a: D, due: D, thr: dict, D_: D, requested: Optional[list] = None) -> dict:
        res = {"label": label, "start": a, "due": due, "evaluated_at": None, "status": "not_started",
               "rows": {}, "no_scope": False}
        if D_ < a:
            return res
        e = min(D_, due)
        res["evaluated_at"] = e
        fig = self.figures(t, a, e)
        if fig is None:
            res["status"] = "no_data"
            res["no_scope"] = True
            return res
        root, scope, vals = fig
        base = self.figures(t, a, a)
        base_vals = base[2] if base is not None else {}
        is_count = t["measure"] == "activity_count"
        if is_count:
            levels = {self.r.level(u) for u, v in vals.items() if v != 0}
        else:
            levels = {self.r.level(u) for u, (n, dd) in vals.items() if dd > 0}
        if requested is not None:  # §4: the requested levels instead of the non-empty ones
            levels = set(requested)
        units = {root} | {u for u in scope if self.r.level(u) in levels}
        for u in sorted(units):
            res["rows"][u] = self.row(t, u, u == root, vals[u], base_vals.get(u), thr, a, due, D_)
        res["status"] = res["rows"][root]["status"]
        return res

    def row(self, t, u, is_root, v, bv, thr, a, due, D_) -> dict:
        row = {"unit": u, "level": self.r.level(u), "numerator": None, "denominator": None, "percent": None,
               "value": None, "gap": None, "status": None, "expected": None, "projected": None, "tie": False}
        f = None if due == a else min(max(Fraction((D_ - a).days, (due - a).days), Fraction(0)), Fraction(1))
        done = D_ >= due
        if t["measure"] == "activity_count":
            value = v
            row["value"] = value
            if not is_root:
                row["status"] = "none"
                return row
            mn, mx = thr.get("min"), thr.get("max")
            met = (mn is None or value >= mn) and (mx is None or value <= mx)
            row["gap"] = max(Fraction(0), mn - value) if mn is not None else Fraction(0)
            baseline = bv if bv is not None else Fraction(0)
            if done:
                row["status"] = "achieved" if met else "missed"
                row["expected"] = Fraction(mn) if mn is not None else None
                row["projected"] = value
                return row
            if f is not None and f > 0:
                row["projected"] = max(Fraction(0), baseline + (value - baseline) / f)
            expected = baseline + (mn - baseline) * f if mn is not None else None
            row["expected"] = expected
            if met:
                row["status"] = "achieved"
            elif mx is not None and value > mx:
                row["status"] = "off_track"
            else:
                row["status"], row["tie"] = self.trajectory(value, expected)
            return row
        num, den = v
        row["numerator"], row["denominator"] = num, den
        tx = round(Fraction(str(thr["min_percent"])) * 100)
        if den == 0:
            row["status"] = "no_data"  # no percent, gap, expected or projected (the engine's representation)
            return row
        percent = Fraction(100 * num, den)
        row["percent"] = percent
        met = num * 10000 >= tx * den
        row["gap"] = max(0, -((num * 10000 - tx * den) // 10000))  # ceil((tx*den - 10000 num) / 10000)
        threshold = Fraction(tx, 100)
        if bv is None or bv[1] == 0:
            baseline = Fraction(0)
        else:
            baseline = Fraction(100 * bv[0], bv[1])
        if done:
            row["status"] = "achieved" if met else "missed"
            row["expected"] = threshold
            row["projected"] = min(Fraction(100), max(Fraction(0), percent))
            return row
        if f is not None and f > 0:
            row["projected"] = min(Fraction(100), max(Fraction(0), baseline + (percent - baseline) / f))
        expected = baseline + (threshold - baseline) * f
        row["expected"] = expected
        if met:
            row["status"] = "achieved"
        else:
            row["status"], row["tie"] = self.trajectory(percent, expected)
        return row

    def trajectory(self, value: Fraction, expected: Fraction) -> tuple[str, bool]:
        tol = Fraction(1, 10**9) * max(Fraction(1), abs(expected))
        tie = abs(value - expected) <= tol or abs(value - self.ratio * expected) <= tol
        if value >= expected:
            return "on_track", tie
        if value >= self.ratio * expected:
            return "at_risk", tie
        return "off_track", tie


# ============================================================================================
# Random registries and plans

CATEGORIES = VOCAB.codes("categories")
ROLES = VOCAB.codes("roles")
SECTORS = VOCAB.codes("sectors")
TOPICS = VOCAB.codes("topics")[:6]
# Codes a registry may add (vocabularies.md): each makes an existing code a group.
EXTRA_VOCAB = {
    "topics": [{"code": "dan_so_vung_cao", "vi": "Dân số vùng cao", "en": "Highland population work",
                "parent": "dan_so_co_ban"}],
    "categories": [{"code": "ctv_thon", "vi": "CTV thôn", "en": "Village collaborator", "parent": "cong_tac_vien"}],
    "roles": [{"code": "ctv_dan_so_thon", "vi": "CTV dân số thôn", "en": "Village population collaborator",
               "parent": "cong_tac_vien_dan_so"}],
}
KINDS = VOCAB.codes("training_kinds")
QUAL_KINDS = ["education", "professional_title", "certificate", "political_theory", "state_management", "it",
              "language"]
RANKED = ["education", "professional_title", "political_theory", "state_management", "it", "language"]
PERIODS = ["P5Y", "P12M", "P1Y6M", "P2W", "P30D", "P3Y", "P1M"]
WITHINS = ["window", "ever", "P12M", "P2Y", "P6M", "P1Y6M", "P30D", "P1M"]
PLAN_START, PLAN_END = D(2021, 1, 1), D(2030, 12, 31)


def rdate(rnd: random.Random, lo: D, hi: D) -> D:
    return lo + dt.timedelta(days=rnd.randint(0, (hi - lo).days))


class Gen:
    def __init__(self, seed: int):
        self.rnd = random.Random(seed)
        self.seed = seed
        self.extra = self.rnd.random() < 0.4
        self.cats = CATEGORIES + (["ctv_thon", "ctv_thon"] if self.extra else [])
        self.roles = ROLES + (["ctv_dan_so_thon"] if self.extra else [])
        self.topics = TOPICS + (["dan_so_vung_cao"] if self.extra else [])

    # --- the tree -----------------------------------------------------------------------
    def tree(self) -> list[dict]:
        rnd = self.rnd
        R = rnd.choice([D(2025, 7, 1), D(2025, 7, 1), D(2023, 1, 1), D(2027, 4, 15)])
        self.reorg = R
        old_end = R - ONE
        units = [{"id": "P", "name": "Tỉnh P", "level": "tinh", "kind": "tinh"},
                 {"id": "Q", "name": "Tỉnh Q", "level": "tinh", "kind": "tinh"},
                 {"id": "QX", "name": "Xã QX", "level": "xa", "kind": "xa", "parent": "Q"}]
        if rnd.random() < 0.25:  # a national root above both provinces
            units[0]["parent"] = units[1]["parent"] = "VN"
            units.insert(0, {"id": "VN", "name": "Việt Nam", "level": "quoc_gia"})
        new_communes: list[dict] = []
        nd = rnd.randint(1, 3)
        districts = []
        for i in range(1, nd + 1):
            did = f"D{i}"
            abolished = rnd.random() < 0.6
            u = {"id": did, "name": f"Huyện {i}", "level": "huyen", "kind": rnd.choice(["huyen", "quan", "thi_xa"]),
                 "parent": "P"}
            if abolished:
                u["valid_to"] = ISO(old_end)
            units.append(u)
            districts.append((did, abolished))
        permanent = [d for d, ab in districts if not ab]
        for did, ab in districts:
            if ab and permanent and rnd.random() < 0.25:
                next(u for u in units if u["id"] == did)["successor"] = rnd.choice(permanent)
        for did, abolished in districts:
            for j in range(1, rnd.randint(1, 3) + 1):
                cid = f"{did}C{j}"
                c = {"id": cid, "name": f"Xã {did}.{j}", "level": "xa", "kind": rnd.choice(["xa", "phuong", "thi_tran"])}
                fate = rnd.choice(["merge", "merge", "move", "vanish"] if abolished else
                                  ["stay", "stay", "merge_local"])
                new_parent = None
                if fate in ("merge", "merge_local"):
                    par = "P" if fate == "merge" else did
                    pool = [n for n in new_communes if n["parent"] == par]
                    if pool and rnd.random() < 0.5:
                        n = rnd.choice(pool)
                    else:
                        n = {"id": f"N{len(new_communes) + 1}", "name": f"Xã mới {len(new_communes) + 1}",
                             "level": "xa", "kind": rnd.choice(["xa", "phuong"]), "parent": par,
                             "valid_from": ISO(R)}
                        new_communes.append(n)
                    c["parent"] = did
                    c["valid_to"] = ISO(old_end)
                    c["successor"] = n["id"]
                    new_parent = n["id"]
                elif fate == "move":
                    c["parents"] = [{"unit": did, "to": ISO(old_end)}, {"unit": "P", "from": ISO(R)}]
                elif fate == "vanish":
                    c["parent"] = did
                    c["valid_to"] = ISO(old_end)
                else:
                    c["parent"] = did
                units.append(c)
                for k in range(1, rnd.randint(0, 3) + 1):
                    vid = f"{cid}V{k}"
                    v = {"id": vid, "name": f"Thôn {cid}.{k}", "level": "thon",
                         "kind": rnd.choice(["thon", "ban", "to_dan_pho", "khom", "ap", "tram_y_te"])}
                    if new_parent:
                        if rnd.random() < 0.8:
                            v["parents"] = [{"unit": cid, "to": ISO(old_end)}, {"unit": new_parent, "from": ISO(R)}]
                        else:
                            v["parent"] = cid
                            v["valid_to"] = ISO(old_end)
                            if rnd.random() < 0.5:
                                # succeeded by a new village under the merged commune
                                nv = {"id": f"{vid}N", "name": f"Thôn mới {vid}", "level": "thon", "kind": "thon",
                                      "parent": new_parent, "valid_from": ISO(R)}
                                v["successor"] = nv["id"]
                                units.append(nv)
                    elif fate == "vanish":
                        v["parent"] = cid
                        v["valid_to"] = ISO(old_end)
                    else:
                        v["parent"] = cid
                        if rnd.random() < 0.15:
                            v["valid_from"] = ISO(rdate(rnd, D(2021, 1, 1), D(2029, 1, 1)))
                    units.append(v)
        units.extend(new_communes)
        # villages lent for a while to another commune: overlapping `parents` links (the first that applies wins)
        stay = [u["id"] for u in units if u["level"] == "xa" and "valid_to" not in u and "valid_from" not in u
                and u["id"] != "QX"]
        for v in units:
            if v["level"] == "thon" and v.get("parent") in stay and "valid_to" not in v and len(stay) > 1 \
                    and rnd.random() < 0.3:
                other = rnd.choice([c for c in stay if c != v["parent"]])
                f = rdate(rnd, D(2020, 1, 1), D(2029, 1, 1))
                link = {"unit": other, "from": ISO(f)}
                if rnd.random() < 0.7:
                    link["to"] = ISO(rdate(rnd, f, f + dt.timedelta(days=1500)))
                v["parents"] = [link, {"unit": v.pop("parent")}]
        # villages created under a new commune
        for n in new_communes:
            if rnd.random() < 0.4:
                units.append({"id": f"{n['id']}V1", "name": f"Thôn {n['id']}", "level": "thon", "kind": "ban",
                              "parent": n["id"], "valid_from": ISO(R)})
        return units

    # --- the registry -------------------------------------------------------------------
    def registry(self) -> dict:
        rnd = self.rnd
        units = self.tree()
        self.units = units
        by_id = {u["id"]: u for u in units}

        def span(u):
            return day(u.get("valid_from")) or D(2015, 1, 1), day(u.get("valid_to")) or D(2032, 12, 31)

        persons = []
        big = rnd.random() < 0.1  # now and then a larger registry
        for i in range(rnd.randint(4, 120 if big else 36)):
            p = {"id": f"p{i}", "name": f"Người {i}"}
            if rnd.random() < 0.8:
                p["sex"] = rnd.choice(["F", "M", "F", "M", "X"])
            if rnd.random() < 0.8:
                b = rdate(rnd, D(1960, 1, 1), D(2004, 12, 31))
                if (b.month, b.day) == (2, 29):
                    b = b.replace(day=28)
                p["birth_date"] = ISO(b)
            persons.append(p)
        assignments = []
        used: dict = {}
        for p in persons:
            for _ in range(rnd.choice([1, 1, 1, 2, 2, 3])):
                u = rnd.choice(units)
                lo, hi = span(u)
                if u.get("valid_from") and rnd.random() < 0.15:
                    lo -= dt.timedelta(days=rnd.randint(1, 700))  # recorded before the unit begins
                lo, hi = max(lo, D(2017, 1, 1)), min(hi, D(2031, 12, 31))
                if lo > hi:
                    continue
                start = rdate(rnd, lo, hi)
                end = None if rnd.random() < 0.45 else rdate(rnd, start, start + dt.timedelta(days=rnd.randint(0, 3000)))
                a = {"person": p["id"], "unit": u["id"]}
                if rnd.random() < 0.2:
                    cands = []
                    for emp in units:
                        elo, ehi = span(emp)
                        if elo <= start <= ehi and emp["id"] != u["id"]:  # it may end while the post goes on
                            cands.append(emp["id"])
                    if cands:
                        a["employer"] = rnd.choice(cands)
                a["category"] = rnd.choice(self.cats)
                roles = rnd.sample(self.roles, rnd.choice([0, 1, 1, 2]))
                if roles:
                    a["roles"] = roles
                a["sector"] = rnd.choice(["dan_so", "dan_so", "dan_so"] + SECTORS)
                a["start"] = ISO(start)
                if end:
                    a["end"] = ISO(end)
                key = (p["id"], a["unit"], a.get("employer"), a["category"], a["sector"])
                if key in used:
                    continue
                used[key] = True
                assignments.append(a)
        quals = []
        for p in persons:
            for _ in range(rnd.choice([0, 0, 1, 1, 2, 3])):
                kind = rnd.choice(QUAL_KINDS + ["education", "certificate"])
                q = {"person": p["id"], "kind": kind, "code": rnd.choice(VOCAB.codes(kind))}
                if kind == "education" and rnd.random() < 0.7:
                    q["field"] = rnd.choice(VOCAB.codes("fields"))
                if rnd.random() < 0.7:
                    q["awarded"] = ISO(rdate(rnd, D(2000, 1, 1), D(2030, 12, 31)))
                if rnd.random() < 0.3:
                    lo = day(q.get("awarded")) or D(2015, 1, 1)
                    q["expires"] = ISO(rdate(rnd, lo, lo + dt.timedelta(days=3000)))
                quals.append(q)
        courses = []
        for i in range(rnd.randint(2, 5)):
            c = {"id": f"C{i}", "title": f"Khóa {i}", "kind": rnd.choice(KINDS),
                 "topics": rnd.sample(self.topics, rnd.randint(1, 2))}
            if rnd.random() < 0.8:
                c["hours"] = rnd.choice([8, 16, 24, 40, 120, 4.5, 0])
            if rnd.random() < 0.5:
                kind = rnd.choice(["certificate", "certificate", "education", "professional_title"])
                c["confers"] = {"kind": kind, "code": rnd.choice(VOCAB.codes(kind))}
                if rnd.random() < 0.7:
                    c["confers"]["valid_for"] = rnd.choice(PERIODS)
            courses.append(c)
        sessions = []
        for i in range(rnd.randint(2, 30 if big else 18)):
            start = rdate(rnd, D(2019, 6, 1), D(2031, 6, 30))
            end = start + dt.timedelta(days=rnd.choice([0, 0, 1, 4, 10, 40]))
            s = {"id": f"S{i}", "course": rnd.choice(courses)["id"], "start": ISO(start), "end": ISO(end)}
            if rnd.random() < 0.85:
                cands = [u["id"] for u in units if span(u)[0] <= start <= span(u)[1] or rnd.random() < 0.05]
                s["organizer"] = rnd.choice(cands)
            if rnd.random() < 0.6:
                s["cost_vnd"] = rnd.choice([0, 1500000, 86000000, 4050000, 12345678])
            if rnd.random() < 0.35:
                att = []
                for _ in range(rnd.randint(1, 3)):
                    x = {"count": rnd.randint(0, 15)}
                    if rnd.random() < 0.5:
                        x["category"] = rnd.choice(self.cats)
                    if rnd.random() < 0.5:
                        x["sex"] = rnd.choice(["F", "M"])
                    att.append(x)
                s["attendance"] = att
            sessions.append(s)
        enrollments = []
        by_person = {p["id"]: p for p in persons}
        pairs = set()
        for _ in range(rnd.randint(0, 7 * len(persons))):
            p, s = rnd.choice(persons), rnd.choice(sessions)
            if rnd.random() < 0.6:  # mostly persons in post when the session ends
                end = day(s["end"])
                holders = [a["person"] for a in assignments
                           if day(a["start"]) <= end and (a.get("end") is None or end <= day(a["end"]))]
                if holders:
                    p = by_person[rnd.choice(holders)]
            if (p["id"], s["id"]) in pairs:
                continue
            pairs.add((p["id"], s["id"]))
            en = {"person": p["id"], "session": s["id"],
                  "status": rnd.choice(["completed"] * 6 + ["failed", "withdrawn", "registered", "attended"])}
            if rnd.random() < 0.4:
                en["completed_on"] = ISO(rdate(rnd, day(s["start"]), day(s["end"]) + dt.timedelta(days=60)))
            enrollments.append(en)
        quotas = []
        for _ in range(rnd.randint(0, 8)):
            u = rnd.choice(units)
            q = {"unit": u["id"]}
            if rnd.random() < 0.6:
                q["category"] = rnd.choice(self.cats)
            if rnd.random() < 0.4:
                q["roles"] = rnd.sample(self.roles, rnd.randint(1, 2))
            if rnd.random() < 0.6:
                q["sector"] = rnd.choice(["dan_so", "dan_so", "y_te"])
            q["count"] = rnd.randint(0, 5)
            if rnd.random() < 0.4:
                q["from"] = ISO(rdate(rnd, D(2019, 1, 1), D(2028, 1, 1)))
            if rnd.random() < 0.4:
                q["to"] = ISO(rdate(rnd, day(q.get("from")) or D(2020, 1, 1), D(2031, 1, 1)))
            quotas.append(q)
        self.persons = persons
        self.courses = courses
        return {"format": "nangluc/registry@1", "profile": "vn-population",
                **({"vocabularies": EXTRA_VOCAB} if self.extra else {}), "units": units, "persons": persons,
                "assignments": assignments, "qualifications": quals, "courses": courses, "sessions": sessions,
                "enrollments": enrollments, "quotas": quotas}

    # --- the plan -----------------------------------------------------------------------
    def selector(self, depth: int = 0, groups: Optional[list] = None) -> Any:
        rnd = self.rnd
        groups = groups or []
        if groups and rnd.random() < 0.2:
            return rnd.choice(groups)
        sel: dict = {}
        fields = ["category", "roles", "sector", "level", "employer_level", "unit_kinds", "within", "sex", "age"]
        if depth < 2:
            fields += ["all_of", "any_of", "not"]
        for f in rnd.sample(fields, rnd.choice([0, 1, 1, 2, 2, 3])):
            if f == "category":
                sel[f] = rnd.sample(self.cats, rnd.randint(1, 3))
            elif f == "roles":
                sel[f] = rnd.sample(self.roles, rnd.randint(1, 3))
            elif f == "sector":
                sel[f] = rnd.sample(SECTORS, rnd.randint(1, 2))
            elif f in ("level", "employer_level"):
                sel[f] = rnd.sample(["tinh", "huyen", "xa", "thon"], rnd.randint(1, 2))
            elif f == "unit_kinds":
                sel[f] = rnd.sample(["xa", "phuong", "thon", "ban", "tram_y_te", "huyen", "quan"], rnd.randint(1, 3))
            elif f == "within":
                sel[f] = rnd.sample([u["id"] for u in self.units], rnd.randint(1, 2))
            elif f == "sex":
                sel[f] = rnd.sample(["F", "M", "X"], rnd.randint(1, 2))
            elif f == "age":
                lo = rnd.randint(18, 50)
                age = rnd.choice([{"min": lo}, {"max": lo + 10}, {"min": lo, "max": lo + rnd.randint(0, 20)}])
                sel[f] = age
            elif f in ("all_of", "any_of"):
                sel[f] = [self.selector(depth + 1, groups) for _ in range(rnd.randint(1, 3))]
            elif f == "not":
                sel[f] = self.selector(depth + 1, groups)
        if depth == 0 and rnd.random() < 0.5 and "sector" not in sel:
            sel["sector"] = ["dan_so"]  # keep populations from being empty too often
        return sel

    def simple_selector(self) -> dict:
        """One field whose truth changes with the date: the tree (within, level, kinds) or the age."""
        rnd = self.rnd
        f = rnd.choice(["within", "within", "age", "level", "unit_kinds", "employer_level"])
        if f == "within":
            ended = [u["id"] for u in self.units if u.get("valid_to") or u.get("parents")]
            pool = ended if ended and rnd.random() < 0.7 else [u["id"] for u in self.units if u["id"] not in ("Q", "QX")]
            return {"within": rnd.sample(pool, 1)}
        if f == "age":
            lo = rnd.randint(20, 60)
            return {"age": rnd.choice([{"min": lo}, {"max": lo}, {"min": lo, "max": lo + rnd.randint(0, 3)}])}
        if f == "unit_kinds":
            return {"unit_kinds": rnd.sample(["xa", "phuong", "thi_tran", "thon", "ban", "huyen"], 2)}
        return {f: rnd.sample(["huyen", "xa", "thon", "tinh"], rnd.randint(1, 2))}

    def criterion(self, depth: int = 0, names: Optional[list] = None) -> Any:
        rnd = self.rnd
        names = names or []
        if names and rnd.random() < 0.2:
            return rnd.choice(names)
        kinds = ["training", "training", "training", "qualification", "qualification"]
        if depth < 2:
            kinds += ["all_of", "any_of", "not"]
        k = rnd.choice(kinds)
        if k == "training":
            v: dict = {}
            if rnd.random() < 0.15:
                return {"training": v}
            if rnd.random() < 0.4:
                v["courses"] = rnd.sample([c["id"] for c in self.courses], rnd.randint(1, len(self.courses)))
            if rnd.random() < 0.3:
                v["kinds"] = rnd.sample(KINDS, rnd.randint(1, 2))
            if rnd.random() < 0.3:
                v["topics"] = rnd.sample(self.topics, rnd.randint(1, 3))
            if rnd.random() < 0.5:
                v["within"] = rnd.choice(WITHINS)
            if rnd.random() < 0.25:
                v["min_hours"] = rnd.choice([1, 8, 16, 30, 100, 4.5])
            return {"training": v}
        if k == "qualification":
            conferred = [c["confers"] for c in self.courses if c.get("confers")]
            if conferred and rnd.random() < 0.4:  # a qualification some course confers
                conf = rnd.choice(conferred)
                return {"qualification": {"kind": conf["kind"], "codes": [conf["code"]]}}
            kind = rnd.choice(QUAL_KINDS + ["education", "certificate"])
            v = {"kind": kind}
            r = rnd.random()
            if r < 0.4:
                v["codes"] = rnd.sample(VOCAB.codes(kind), rnd.randint(1, 2))
            elif r < 0.7 and kind in RANKED:
                v["min_rank"] = rnd.choice(VOCAB.codes(kind))
            elif r < 0.8 and kind in RANKED:
                v["codes"] = rnd.sample(VOCAB.codes(kind), 1)
                v["min_rank"] = rnd.choice(VOCAB.codes(kind))
            if kind == "education" and rnd.random() < 0.5:
                v["fields"] = rnd.sample(VOCAB.codes("fields"), rnd.randint(1, 2))
            return {"qualification": v}
        if k == "not":
            return {"not": self.criterion(depth + 1, names)}
        return {k: [self.criterion(depth + 1, names) for _ in range(rnd.randint(1, 3))]}

    def milestones(self, kind: str) -> list[dict]:
        rnd = self.rnd
        out, labels = [], set()
        for _ in range(rnd.randint(1, 3)):
            r = rnd.random()
            if r < 0.3:
                m = {"phase": rnd.choice(["P1", "P2", "P3"])}
                label = m["phase"]
            elif r < 0.65:
                if rnd.random() < 0.2:
                    s = e = rdate(rnd, PLAN_START, PLAN_END)
                else:
                    s = rdate(rnd, PLAN_START, PLAN_END)
                    e = rdate(rnd, s, min(PLAN_END, s + dt.timedelta(days=rnd.randint(0, 2000))))
                m = {"window": {"start": ISO(s), "end": ISO(e)}}
                label = ISO(e)
            else:
                b = rnd.choice([D(2025, 12, 31), D(2030, 12, 31), rdate(rnd, PLAN_START, PLAN_END), PLAN_START])
                m = {"by": ISO(b)}
                label = ISO(b)
            if label in labels and rnd.random() < 0.8:
                continue
            labels.add(label)
            if kind == "count":
                r = rnd.random()
                if r < 0.5:
                    m["min"] = rnd.choice([0, 1, 2, 3, 5, 10, 50, 200000000])
                elif r < 0.75:
                    m["max"] = rnd.choice([0, 1, 3, 10, 100000000])
                else:
                    lo = rnd.choice([0, 1, 2, 5])
                    m["min"], m["max"] = lo, lo + rnd.choice([0, 1, 5, 20])
            else:
                m["min_percent"] = rnd.choice([0, 50, 66.67, 75, 80, 95, 100, 100, 33.33,
                                               round(rnd.uniform(0, 100), 2)])
            out.append(m)
        return out

    def plan(self) -> dict:
        rnd = self.rnd
        r = rnd.random()
        ids = [u["id"] for u in self.units]
        if r < 0.75:
            issuer = "VN" if "VN" in ids and rnd.random() < 0.3 else "P"
        elif r < 0.85:
            issuer = rnd.choice([u for u in ids if u.startswith("D") and "C" not in u])
        else:
            issuer = rnd.choice([u for u in ids if u not in ("Q", "QX", "VN")])
        groups: dict = {}
        for i in range(rnd.randint(0, 3)):
            groups[f"g{i}"] = self.selector(0, list(groups))
        criteria: dict = {}
        for i in range(rnd.randint(0, 3)):
            criteria[f"c{i}"] = self.criterion(0, list(criteria))
        gnames, cnames = list(groups), list(criteria)
        targets = []
        measures = ["person_coverage", "annual_person_coverage", "unit_coverage", "activity_count", "staffing_fill"]
        for i in range(rnd.randint(3, 7)):
            m = measures[i] if i < len(measures) and rnd.random() < 0.7 else rnd.choice(measures)
            t: dict = {"id": f"T{i}", "title": f"Chỉ tiêu {i}", "measure": m}
            if m in ("person_coverage", "annual_person_coverage"):
                t["population"] = self.selector(0, gnames) if rnd.random() < 0.75 else self.simple_selector()
                t["criterion"] = self.criterion(0, cnames)
                if rnd.random() < 0.4:
                    t["denominator"] = rnd.choice(["in_post_during_window", "in_post_at_end"])
                if m == "annual_person_coverage":
                    t["min_percent"] = rnd.choice([50, 80, 100, 66.67])
                    if rnd.random() < 0.5:
                        t["years"] = rnd.sample(range(2021, 2031), rnd.randint(1, 3))
                else:
                    t["milestones"] = self.milestones("percent")
            elif m == "unit_coverage":
                t["unit_level"] = rnd.choice(["thon", "thon", "xa", "huyen"])
                t["population"] = self.selector(0, gnames)
                if rnd.random() < 0.6:
                    t["criterion"] = self.criterion(0, cnames)
                if rnd.random() < 0.3:
                    t["min_per_unit"] = rnd.randint(1, 3)
                t["milestones"] = self.milestones("percent")
            elif m == "activity_count":
                t["count"] = rnd.choice(["sessions", "person_times", "unique_persons", "hours", "cost_vnd"])
                if rnd.random() < 0.5:
                    f: dict = {}
                    if rnd.random() < 0.5:
                        f["courses"] = rnd.sample([c["id"] for c in self.courses], 1)
                    if rnd.random() < 0.5:
                        f["kinds"] = rnd.sample(KINDS, rnd.randint(1, 2))
                    if rnd.random() < 0.3:
                        f["topics"] = rnd.sample(self.topics, rnd.randint(1, 2))
                    t["filter"] = f
                if rnd.random() < 0.5 and t["count"] in ("person_times", "unique_persons", "hours"):
                    t["population"] = self.selector(0, gnames) if rnd.random() < 0.5 else self.simple_selector()
                t["milestones"] = self.milestones("count")
            else:
                t["population"] = self.selector(0, gnames)
                t["milestones"] = self.milestones("percent")
            targets.append(t)
        plan = {"format": "nangluc/plan@1", "id": f"RND-{self.seed}", "title": {"vi": "Kế hoạch thử", "en": "Random plan"},
                "issuer": issuer, "period": {"start": ISO(PLAN_START), "end": ISO(PLAN_END)},
                "phases": [{"id": "P1", "start": "2021-01-01", "end": "2025-12-31"},
                           {"id": "P2", "start": "2026-01-01", "end": "2030-12-31"},
                           {"id": "P3", "start": "2023-03-15", "end": "2024-09-30"}],
                "targets": targets}
        if rnd.random() < 0.4:
            plan["at_risk_ratio"] = rnd.choice([0.5, 0.9, 1, 0.25])
        if groups:
            plan["groups"] = groups
        if criteria:
            plan["criteria"] = criteria
        return plan

    def dates(self, plan: dict) -> list[D]:
        rnd = self.rnd
        edges = [D(2020, 12, 31), PLAN_START, PLAN_END, D(2025, 12, 31), D(2026, 1, 1), self.reorg, self.reorg - ONE]
        for t in plan["targets"]:
            for m in t.get("milestones", []):
                if "window" in m:
                    edges += [day(m["window"]["start"]), day(m["window"]["end"])]
                if "by" in m:
                    edges.append(day(m["by"]))
        # days where something changes: a qualification begins or ends, a post begins or ends,
        # a completion leaves a rolling `within` period, a conferred qualification expires
        reg = self.reg
        for q in reg["qualifications"]:
            edges += [day(q[k]) for k in ("awarded", "expires") if q.get(k)]
        for a in reg["assignments"]:
            edges += [day(a[k]) for k in ("start", "end") if a.get(k)]
        sessions = {x["id"]: x for x in reg["sessions"]}
        courses = {x["id"]: x for x in reg["courses"]}
        for en in reg["enrollments"]:
            if en["status"] != "completed":
                continue
            c = day(en.get("completed_on")) or day(sessions[en["session"]]["end"])
            conf = courses[sessions[en["session"]]["course"]].get("confers") or {}
            for per in WITHINS[2:] + ([conf["valid_for"]] if conf.get("valid_for") else []):
                x = shift(c, per, +1)
                if x is not None and x.year < 2032:
                    edges.append(x)
        out = []
        for _ in range(rnd.randint(2, 4)):
            if rnd.random() < 0.5:
                x = rnd.choice(edges) + rnd.choice([-1, 0, 0, 1]) * ONE
            else:
                x = rdate(rnd, D(2020, 6, 1), D(2031, 6, 30))
            out.append(x)
        return out


def generate(seed: int) -> tuple[dict, dict, list[D]]:
    g = Gen(seed)
    reg = g.reg = g.registry()
    plan = g.plan()
    return reg, plan, g.dates(plan)


# ============================================================================================
# Comparison with the engine


@dataclasses.dataclass
class Disagreement:
    seed: int
    kind: str  # e.g. "activity_count/hours: value"
    where: str  # as_of, target, milestone, unit
    model: Any
    engine: Any
    context: Any = None  # the whole rows, when a row differs

    def __str__(self) -> str:
        s = f"seed {self.seed}: [{self.kind}] {self.where}: model {self.model!r} engine {self.engine!r}"
        if self.context:
            s += f"\n    model row  {self.context[0]}\n    engine row {self.context[1]}"
        return s


def close(x, y) -> bool:
    if x is None or y is None:
        return x is None and y is None
    x, y = float(x), float(y)
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def plain(v):
    return float(v) if isinstance(v, Fraction) else v


def engine_report(report) -> dict:
    out = {"targets": [], "warnings": [str(w) for w in report.warnings]}
    for t in report.targets:
        ms = []
        for m in t.milestones:
            rows = {}
            for r in m.rows:
                rows[r.unit] = {k: getattr(r, k) for k in
                                ("unit", "level", "numerator", "denominator", "percent", "value", "gap", "status",
                                 "expected", "projected")}
            ms.append({"label": m.label, "start": m.start, "due": m.due, "evaluated_at": m.evaluated_at,
                       "status": m.status, "rows": rows})
        out["targets"].append({"id": t.target_id, "milestones": ms})
    return out


NEIGHBOURS = {("on_track", "at_risk"), ("at_risk", "on_track"), ("at_risk", "off_track"), ("off_track", "at_risk")}


def compare_report(seed: int, model: dict, eng: dict, tag: str = "", issuer: str = "") -> list[Disagreement]:
    out: list[Disagreement] = []
    as_of = ISO(model["as_of"])
    for mt, et in zip(model["targets"], eng["targets"]):
        kind0 = mt["measure"] + (f"/{mt['count']}" if mt["count"] else "")
        assert mt["id"] == et["id"], (mt["id"], et["id"])
        if len(mt["milestones"]) != len(et["milestones"]):
            out.append(Disagreement(seed, f"{kind0}: milestone count", f"{tag}{as_of} {mt['id']}",
                                    [m["label"] for m in mt["milestones"]], [m["label"] for m in et["milestones"]]))
            continue
        for mm, em in zip(mt["milestones"], et["milestones"]):
            where = f"{tag}{as_of} {mt['id']} {mm['label']}"
            for k in ("label", "start", "due", "evaluated_at"):
                if mm[k] != em[k]:
                    out.append(Disagreement(seed, f"{kind0}: milestone {k}", where, mm[k], em[k]))
            if mm["no_scope"]:
                if em["rows"] or em["status"] != "no_data":
                    out.append(Disagreement(seed, f"{kind0}: issuer without unit", where,
                                            "no rows, no_data", (em["status"], sorted(em["rows"]))))
                if not any(issuer in w for w in eng["warnings"]):
                    out.append(Disagreement(seed, "issuer without unit: warning", where,
                                            f"a warning naming {issuer}", eng["warnings"]))
                continue
            if set(mm["rows"]) != set(em["rows"]):
                out.append(Disagreement(seed, f"{kind0}: row set", where,
                                        sorted(set(mm["rows"]) - set(em["rows"])),
                                        sorted(set(em["rows"]) - set(mm["rows"]))))
            row_reported = False
            for u in sorted(set(mm["rows"]) & set(em["rows"])):
                mr, er = mm["rows"][u], em["rows"][u]
                w = f"{where} unit {u}"
                ctx = ({k: plain(v) for k, v in mr.items()}, er)
                if mr["level"] != er["level"]:
                    out.append(Disagreement(seed, f"{kind0}: level", w, mr["level"], er["level"]))
                fields = ["value"] if mt["measure"] == "activity_count" else ["numerator", "denominator", "percent"]
                for k in fields + ["gap", "expected", "projected"]:
                    if not close(mr[k], er[k]):
                        out.append(Disagreement(seed, f"{kind0}: {k}", w, plain(mr[k]), er[k], ctx))
                        row_reported = True
                if mr["status"] != er["status"] and not (mr["status"] == "none" and er["status"] is None):
                    if mr["tie"] and (mr["status"], er["status"]) in NEIGHBOURS:
                        if mm["status"] == mr["status"]:
                            row_reported = True  # the milestone status follows its root row
                    else:
                        out.append(Disagreement(seed, f"{kind0}: status {mr['status']}->{er['status']}", w,
                                                mr["status"], er["status"], ctx))
                        row_reported = True
            if mm["status"] != em["status"] and not row_reported:
                out.append(Disagreement(seed, f"{kind0}: milestone status", where, mm["status"], em["status"]))
    return out


def compare(seed: int, nangluc=None, series: bool = True) -> tuple[list[Disagreement], int]:
    """Generate case `seed`, evaluate it with the model and the engine; (disagreements, rows compared)."""
    if nangluc is None:
        import nangluc  # noqa: F811
    reg, plan, dates = generate(seed)
    opt = random.Random(seed * 7919 + 17)
    levels = None
    if opt.random() < 0.2:  # requested levels, as `nangluc evaluate --level`
        levels = opt.sample(["quoc_gia", "tinh", "huyen", "xa", "thon"], opt.randint(1, 3))
    if opt.random() < 0.2:  # the same date twice in a series
        dates = dates + [opt.choice(dates)]
    ereg = nangluc.read_registry_json(json.dumps(reg, ensure_ascii=False))
    eplan = nangluc.read_plan_json(json.dumps(plan, ensure_ascii=False))
    ev = nangluc.Evaluator(eplan, ereg)
    model = Model(reg, plan)
    out: list[Disagreement] = []
    rows = 0
    tag = f"levels={levels} " if levels else ""
    first = model.evaluate(dates[0], levels)
    rows += sum(len(m["rows"]) for t in first["targets"] for m in t["milestones"])
    out += compare_report(seed, first, engine_report(ev.evaluate(dates[0], levels=levels)), tag=tag,
                          issuer=plan["issuer"])
    if series:
        reports = ev.evaluate_series(dates, levels=levels)
        if len(reports) != len(dates):
            out.append(Disagreement(seed, "series length", ISO(dates[0]), len(dates), len(reports)))
        for d, rep in zip(dates, reports):
            if rep.as_of != d:
                out.append(Disagreement(seed, "series as_of", ISO(d), d, rep.as_of))
            mrep = first if d == dates[0] else model.evaluate(d, levels)
            rows += sum(len(m["rows"]) for t in mrep["targets"] for m in t["milestones"])
            out += compare_report(seed, mrep, engine_report(rep), tag=tag + "series ", issuer=plan["issuer"])
    return out, rows


def main(argv: list[str]) -> int:
    seed = int(argv[1])
    reg, plan, dates = generate(seed)
    if "--dump" in argv:
        print(json.dumps({"registry": reg, "plan": plan, "dates": [ISO(d) for d in dates]}, ensure_ascii=False, indent=1))
        return 0
    dis, rows = compare(seed)
    for x in dis:
        print(x)
    print(f"{rows} rows, {len(dis)} disagreements")
    return 1 if dis else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
