// The evaluation engine from Python: an Evaluator binds a plan to a registry once; evaluate()
// gives a Report for one date, evaluate_series() one per date in one call, needs() who still
// needs training. The GIL is released while the engine works, so evaluations in a thread pool
// run in parallel. Reports turn into tidy pandas columns without a Python loop per row.
#include "common.hpp"

#include <nangluc/report.hpp>

#include <pybind11/numpy.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <sstream>
#include <unordered_map>

namespace nangluc::python {

namespace {

using bound_holder = std::shared_ptr<bound_plan>;

/// A report and what it was computed from (kept alive for ids, labels and writers).
struct report_data {
  bound_ptr ctx;
  report rep;
};
using report_ptr = std::shared_ptr<const report_data>;

struct target_result_view {
  report_ptr r;
  std::size_t ix = 0;
  [[nodiscard]] const target_result& t() const { return r->rep.targets[ix]; }
};
struct milestone_view {
  report_ptr r;
  std::size_t target = 0, ix = 0;
  [[nodiscard]] const milestone_result& m() const { return r->rep.targets[target].results[ix]; }
};

/// One row as Python sees it: ids and codes resolved, absent values None.
struct row_view {
  std::optional<std::string> unit, unit_name, level;
  std::int64_t numerator = 0, denominator = 0;
  double value = 0;
  std::optional<double> percent, gap, expected, projected;
  std::optional<std::string> status;
};

std::optional<std::string> status_text(status s) {
  if (s == status::none) return std::nullopt;
  return std::string(to_string(s));
}

row_view make_row(const registry& r, const result_row& row) {
  row_view v;
  if (row.unit) {
    const auto& u = r[row.unit];
    v.unit = u.id;
    v.unit_name = u.name;
    v.level = code_of(r, vocab::levels, u.level);
  }
  v.numerator = row.numerator;
  v.denominator = row.denominator;
  v.value = row.value;
  v.percent = row.percent;
  if (row.status != status::none && row.status != status::no_data) v.gap = row.gap;
  v.expected = row.expected;
  v.projected = row.projected;
  v.status = status_text(row.status);
  return v;
}

format_options format_for(int decimals, std::string_view rounding_mode, std::string_view lang) {
  format_options f;
  f.decimals = decimals;
  if (rounding_mode == "truncate") f.rounding = rounding::truncate;
  else if (rounding_mode != "half_up") throw argument_error("rounding must be 'half_up' or 'truncate'");
  f.lang = parse_language(lang);
  return f;
}

evaluation_options options_for(const std::optional<std::vector<std::string>>& levels, const std::optional<std::string>& unit,
                               unsigned threads) {
  evaluation_options o;
  if (levels) o.levels = *levels;
  if (unit) o.unit = *unit;
  o.threads = threads;
  return o;
}

/// The columns of the tidy report frame (one row per report × target × milestone × unit),
/// as NumPy arrays and lists of shared str objects; nangluc/frames.py assembles the DataFrame.
py::dict frame_columns(const std::vector<report_ptr>& reports) {
  constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();  // NumPy's NaT
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  std::size_t n = 0;
  for (const auto& r : reports)
    for (const auto& t : r->rep.targets)
      for (const auto& m : t.results) n += m.rows.empty() ? 1 : m.rows.size();

  auto dates = [n] { return py::array_t<std::int64_t>(static_cast<py::ssize_t>(n)); };
  auto reals = [n] { return py::array_t<double>(static_cast<py::ssize_t>(n)); };
  auto ints = [n] { return py::array_t<std::int64_t>(static_cast<py::ssize_t>(n)); };
  auto flags = [n] { return py::array_t<bool>(static_cast<py::ssize_t>(n)); };
  auto as_of = dates(), window_start = dates(), window_end = dates(), due = dates(), evaluated_at = dates();
  auto numerator = ints(), denominator = ints(), threshold_min = ints(), threshold_max = ints();
  auto has_counts = flags(), has_min = flags(), has_max = flags();
  auto value = reals(), percent = reals(), threshold_percent = reals(), gap = reals(), expected = reals(),
       projected = reals();
  py::list target(n), measure(n), milestone(n), unit(n), unit_name(n), level(n), status_col(n);

  // Repeated text becomes one shared str object each (a national report has 10^6 rows).
  std::unordered_map<std::string, py::object> strings;
  auto text = [&](const std::string& s) -> py::object {
    auto [it, fresh] = strings.try_emplace(s);
    if (fresh) it->second = py::str(s);
    return it->second;
  };
  const py::object none = py::none();
  std::vector<py::object> unit_ids, unit_names, unit_levels;

  auto d = [](day x) { return x == day_min || x == day_max ? nat : static_cast<std::int64_t>(x); };
  auto o = [nan](const std::optional<double>& x) { return x ? *x : nan; };
  std::size_t i = 0;
  auto* a_as_of = as_of.mutable_data();
  auto *a_ws = window_start.mutable_data(), *a_we = window_end.mutable_data(), *a_due = due.mutable_data(),
       *a_ev = evaluated_at.mutable_data();
  auto *a_num = numerator.mutable_data(), *a_den = denominator.mutable_data(), *a_tmin = threshold_min.mutable_data(),
       *a_tmax = threshold_max.mutable_data();
  auto *a_hc = has_counts.mutable_data(), *a_hmin = has_min.mutable_data(), *a_hmax = has_max.mutable_data();
  auto *a_val = value.mutable_data(), *a_pct = percent.mutable_data(), *a_tp = threshold_percent.mutable_data(),
       *a_gap = gap.mutable_data(), *a_exp = expected.mutable_data(), *a_proj = projected.mutable_data();
  for (const auto& rp : reports) {
    const auto& reg = *rp->ctx->reg;
    const auto& pl = *rp->ctx->plan;
    const auto& levels = reg.vocab(vocab::levels);
    if (unit_ids.size() < reg.units().size()) {
      unit_ids.assign(reg.units().size(), py::object());
      unit_names.assign(reg.units().size(), py::object());
      unit_levels.assign(reg.units().size(), py::object());
    }
    for (const auto& tr : rp->rep.targets) {
      const nangluc::target* t = pl.find_target(tr.target_id);
      const bool counts = t && t->measure() == nangluc::measure::activity_count;
      const py::object target_id = text(tr.target_id);
      const py::object measure_code = t ? text(std::string(to_string(t->measure()))) : none;
      for (const auto& m : tr.results) {
        const py::object label = text(m.label);
        auto fill = [&](const result_row* row) {
          a_as_of[i] = d(rp->rep.as_of);
          a_ws[i] = d(m.window.from);
          a_we[i] = d(m.window.to);
          a_due[i] = d(m.due);
          a_ev[i] = m.evaluated_at ? d(*m.evaluated_at) : nat;
          target[i] = target_id;
          measure[i] = measure_code;
          milestone[i] = label;
          const bool bound = !row || display_of(*row).bound;
          a_tp[i] = bound && m.threshold.min_percent_x100 ? static_cast<double>(*m.threshold.min_percent_x100) / 100 : nan;
          a_hmin[i] = bound && m.threshold.min.has_value();
          a_tmin[i] = a_hmin[i] ? *m.threshold.min : 0;
          a_hmax[i] = bound && m.threshold.max.has_value();
          a_tmax[i] = a_hmax[i] ? *m.threshold.max : 0;
          if (!row) {
            unit[i] = none;
            unit_name[i] = none;
            level[i] = none;
            a_num[i] = a_den[i] = 0;
            a_hc[i] = false;
            a_val[i] = a_pct[i] = a_gap[i] = a_exp[i] = a_proj[i] = nan;
            status_col[i] = m.status == status::none ? none : text(std::string(to_string(m.status)));
            ++i;
            return;
          }
          if (row->unit) {
            const auto u = row->unit.value;
            if (!unit_ids[u]) {
              const auto& rec = reg.units()[u];
              unit_ids[u] = py::str(rec.id);
              unit_names[u] = py::str(rec.name);
              unit_levels[u] = rec.level ? text(levels.code(rec.level)) : none;
            }
            unit[i] = unit_ids[u];
            unit_name[i] = unit_names[u];
            level[i] = unit_levels[u];
          } else {
            unit[i] = none;
            unit_name[i] = none;
            level[i] = none;
          }
          a_hc[i] = !counts;
          a_num[i] = counts ? 0 : row->numerator;
          a_den[i] = counts ? 0 : row->denominator;
          a_val[i] = counts ? row->value : static_cast<double>(row->numerator);
          a_pct[i] = counts ? nan : o(row->percent);
          a_gap[i] = display_of(*row).has_gap ? row->gap : nan;
          a_exp[i] = o(row->expected);
          a_proj[i] = o(row->projected);
          status_col[i] = bound ? text(std::string(to_string(row->status))) : none;
          ++i;
        };
        if (m.rows.empty()) fill(nullptr);
        for (const auto& row : m.rows) fill(&row);
      }
    }
  }
  py::dict cols;
  cols["as_of"] = as_of;
  cols["target"] = target;
  cols["measure"] = measure;
  cols["milestone"] = milestone;
  cols["window_start"] = window_start;
  cols["window_end"] = window_end;
  cols["due"] = due;
  cols["evaluated_at"] = evaluated_at;
  cols["unit"] = unit;
  cols["unit_name"] = unit_name;
  cols["level"] = level;
  cols["numerator"] = numerator;
  cols["denominator"] = denominator;
  cols["has_counts"] = has_counts;
  cols["value"] = value;
  cols["percent"] = percent;
  cols["threshold_percent"] = threshold_percent;
  cols["threshold_min"] = threshold_min;
  cols["has_threshold_min"] = has_min;
  cols["threshold_max"] = threshold_max;
  cols["has_threshold_max"] = has_max;
  cols["gap"] = gap;
  cols["status"] = status_col;
  cols["expected"] = expected;
  cols["projected"] = projected;
  return cols;
}

/// A needs list and what it was computed from.
struct needs_data {
  bound_ptr ctx;
  std::string target_id;
  day as_of = 0;
  std::vector<need> items;
  [[nodiscard]] const target& t() const { return *ctx->plan->find_target(target_id); }
};
using needs_ptr = std::shared_ptr<const needs_data>;

struct need_view {
  std::optional<std::string> person, name, unit, unit_name;
  std::optional<date> last_completed;
  std::int64_t persons = 0, missing = 0;
};

need_view make_need(const registry& r, const need& n) {
  need_view v;
  if (n.person) {
    v.person = r[n.person].id;
    v.name = r[n.person].name;
  }
  v.unit = unit_id(r, n.unit);
  if (n.unit) v.unit_name = r[n.unit].name;
  if (n.last_completed) v.last_completed = to_date(*n.last_completed);
  v.persons = n.persons;
  v.missing = n.missing;
  return v;
}

template <class Write>
std::string to_text(Write&& write) {
  std::ostringstream out;
  write(out);
  return std::move(out).str();
}

}  // namespace

void register_evaluation(py::module_& m) {
  py::class_<row_view>(m, "ResultRow", "One unit's figures for one milestone.")
      .def_readonly("unit", &row_view::unit, "Unit id (None: the milestone has no rows).")
      .def_readonly("unit_name", &row_view::unit_name)
      .def_readonly("level", &row_view::level)
      .def_readonly("numerator", &row_view::numerator, "Persons (units) meeting the criterion.")
      .def_readonly("denominator", &row_view::denominator, "Persons (units) in the population; quota for staffing_fill.")
      .def_readonly("value", &row_view::value, "activity_count: the count.")
      .def_readonly("percent", &row_view::percent, "100 × numerator / denominator (None when the denominator is 0).")
      .def_readonly("gap", &row_view::gap, "Still needed to meet the threshold (0 when met).")
      .def_readonly("status", &row_view::status,
                    "achieved, missed, on_track, at_risk, off_track, not_started, no_data, or None (no threshold).")
      .def_readonly("expected", &row_view::expected, "Where the trajectory says the row should be now.")
      .def_readonly("projected", &row_view::projected, "The current pace carried to the due date.")
      .def("__repr__", [](const row_view& r) {
        return "<nangluc.ResultRow " + r.unit.value_or("-") + " " + std::to_string(r.numerator) + "/" +
               std::to_string(r.denominator) + " " + r.status.value_or("-") + ">";
      });

  py::class_<milestone_view>(m, "MilestoneResult", "One milestone (one year, for annual targets) of a target.")
      .def_property_readonly("label", [](const milestone_view& v) { return v.m().label; })
      .def_property_readonly("start", [](const milestone_view& v) { return to_optional_date(v.m().window.from); })
      .def_property_readonly("due", [](const milestone_view& v) { return to_optional_date(v.m().due); })
      .def_property_readonly("evaluated_at", [](const milestone_view& v) -> std::optional<date> {
        if (!v.m().evaluated_at) return std::nullopt;
        return to_date(*v.m().evaluated_at);
      }, "min(as_of, due); None when not started.")
      .def_property_readonly("threshold", [](const milestone_view& v) { return threshold_dict(v.m().threshold); })
      .def_property_readonly("status", [](const milestone_view& v) { return status_text(v.m().status); })
      .def_property_readonly("rows", [](const milestone_view& v) {
        std::vector<row_view> out;
        out.reserve(v.m().rows.size());
        for (const auto& row : v.m().rows) out.push_back(make_row(*v.r->ctx->reg, row));
        return out;
      }, "The scope root first, then by level and tree order.")
      .def_property_readonly("root", [](const milestone_view& v) -> std::optional<row_view> {
        if (v.m().rows.empty()) return std::nullopt;
        return make_row(*v.r->ctx->reg, v.m().rows.front());
      }, "The scope root's row, or None when not started.")
      .def("__repr__", [](const milestone_view& v) {
        return "<nangluc.MilestoneResult " + v.m().label + " " + status_text(v.m().status).value_or("-") + ">";
      });

  py::class_<target_result_view>(m, "TargetResult", "The results of one target: one per milestone.")
      .def_property_readonly("target_id", [](const target_result_view& v) { return v.t().target_id; })
      .def_property_readonly("milestones", [](const target_result_view& v) {
        std::vector<milestone_view> out;
        for (std::size_t i = 0; i < v.t().results.size(); ++i) out.push_back({v.r, v.ix, i});
        return out;
      })
      .def("__repr__", [](const target_result_view& v) {
        return "<nangluc.TargetResult " + v.t().target_id + ": " + std::to_string(v.t().results.size()) + " milestones>";
      });

  py::class_<report_data, std::shared_ptr<report_data>>(m, "Report",
      "A plan evaluated as of one date: every target, milestone and unit (nangluc/report@1).")
      .def_property_readonly("plan_id", [](const report_data& r) { return r.rep.plan_id; })
      .def_property_readonly("as_of", [](const report_data& r) { return to_date(r.rep.as_of); })
      .def_property_readonly("scope", [](const report_data& r) { return unit_id(*r.ctx->reg, r.rep.scope); })
      .def_property_readonly("warnings", [](const report_data& r) { return r.rep.warnings; })
      .def_property_readonly("targets", [](std::shared_ptr<report_data> r) {
        std::vector<target_result_view> out;
        for (std::size_t i = 0; i < r->rep.targets.size(); ++i) out.push_back({r, i});
        return out;
      })
      .def("target", [](std::shared_ptr<report_data> r, std::string_view id) {
        for (std::size_t i = 0; i < r->rep.targets.size(); ++i)
          if (r->rep.targets[i].target_id == id) return target_result_view{r, i};
        throw py::key_error(std::string(id));
      }, py::arg("id"))
      .def("to_json", [](const report_data& r) {
        return to_text([&](std::ostream& o) { write_report_json(r.rep, *r.ctx->plan, *r.ctx->reg, o); });
      }, "The report as nangluc/report@1 JSON text (what `nangluc evaluate --format json` prints).")
      .def("to_csv", [](const report_data& r, int decimals, std::string_view rounding_mode) {
        const auto f = format_for(decimals, rounding_mode, "vi");
        return to_text([&](std::ostream& o) { write_report_csv(r.rep, *r.ctx->plan, *r.ctx->reg, f, o); });
      }, py::arg("decimals") = 1, py::arg("rounding") = "half_up",
         "One CSV row per target × milestone × unit, percentages rounded from the exact counts.")
      .def("to_table", [](const report_data& r, std::string_view lang, int decimals, std::string_view rounding_mode) {
        const auto f = format_for(decimals, rounding_mode, lang);
        return to_text([&](std::ostream& o) { write_report_table(r.rep, *r.ctx->plan, *r.ctx->reg, f, o); });
      }, py::arg("lang") = "vi", py::arg("decimals") = 1, py::arg("rounding") = "half_up",
         "The table `nangluc evaluate` prints, with labels in 'vi' or 'en'.");

  m.def("_frame_columns", [](const std::vector<std::shared_ptr<report_data>>& reports) {
    std::vector<report_ptr> rs(reports.begin(), reports.end());
    return frame_columns(rs);
  }, py::arg("reports"));

  py::class_<need_view>(m, "Need", "A person still missing from a target's numerator, or an uncovered unit.")
      .def_readonly("person", &need_view::person, "Person id (None for unit_coverage and staffing_fill).")
      .def_readonly("name", &need_view::name)
      .def_readonly("unit", &need_view::unit, "The unit of the post (or the uncovered unit).")
      .def_readonly("unit_name", &need_view::unit_name)
      .def_readonly("last_completed", &need_view::last_completed, "Last matching completion, if any.")
      .def_readonly("persons", &need_view::persons, "unit_coverage: persons the unit has.")
      .def_readonly("missing", &need_view::missing, "unit_coverage / staffing_fill: persons it lacks.")
      .def("__repr__", [](const need_view& n) {
        return "<nangluc.Need " + n.person.value_or("") + (n.person ? " at " : "") + n.unit.value_or("-") + ">";
      });

  py::class_<needs_data, std::shared_ptr<needs_data>>(m, "Needs", "Who still needs training for a target.")
      .def_property_readonly("target", [](const needs_data& n) { return n.target_id; })
      .def_property_readonly("as_of", [](const needs_data& n) { return to_date(n.as_of); })
      .def("__len__", [](const needs_data& n) { return n.items.size(); })
      .def("__getitem__", [](const needs_data& n, std::int64_t i) {
        const auto size = static_cast<std::int64_t>(n.items.size());
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw py::index_error("index out of range");
        return make_need(*n.ctx->reg, n.items[static_cast<std::size_t>(i)]);
      })
      .def("to_csv", [](const needs_data& n) {
        return to_text([&](std::ostream& o) { write_needs_csv(n.items, n.t(), *n.ctx->reg, o); });
      }, "The list as CSV (what `nangluc needs` prints).")
      .def("to_json", [](const needs_data& n) {
        return to_text([&](std::ostream& o) { write_needs_json(n.items, n.t(), *n.ctx->reg, o); });
      }, "The list as JSON text (what `nangluc needs --format json` prints).")
      .def("__repr__", [](const needs_data& n) {
        return "<nangluc.Needs " + n.target_id + " as of " + format_day(n.as_of) + ": " + std::to_string(n.items.size()) + ">";
      });

  py::class_<bound_plan, bound_holder>(m, "Evaluator",
      "A plan bound to a registry (codes, groups and unit ids resolved once), ready to evaluate "
      "any number of dates. Raises ValidationError when the plan names codes or units the "
      "registry does not have.")
      .def(py::init([](std::shared_ptr<plan> p, std::shared_ptr<registry> r) {
             auto b = std::make_shared<bound_plan>();
             b->plan = p;
             b->reg = r;
             py::gil_scoped_release release;
             b->ev = std::make_unique<evaluator>(*p, *r);
             return b;
           }),
           py::arg("plan"), py::arg("registry"))
      .def_property_readonly("plan", [](const bound_plan& b) { return std::const_pointer_cast<plan>(b.plan); })
      .def_property_readonly("registry", [](const bound_plan& b) { return std::const_pointer_cast<registry>(b.reg); })
      .def("evaluate",
           [](bound_holder b, const date& as_of, const std::optional<std::vector<std::string>>& levels,
              const std::optional<std::string>& unit, unsigned threads) {
             const auto options = options_for(levels, unit, threads);
             auto out = std::make_shared<report_data>();
             out->ctx = b;
             {
               py::gil_scoped_release release;
               out->rep = b->ev->evaluate(as_of, options);
             }
             return out;
           },
           py::arg("as_of"), py::arg("levels") = py::none(), py::arg("unit") = py::none(), py::arg("threads") = 0,
           "The report as of one date. `levels`: only rows of these levels (codes of `levels`); "
           "`unit`: only rows of this unit's subtree; `threads`: 0 uses every core, 1 one thread "
           "(the results are the same).")
      .def("evaluate_series",
           [](bound_holder b, const std::vector<date>& dates, const std::optional<std::vector<std::string>>& levels,
              const std::optional<std::string>& unit, unsigned threads) {
             const auto options = options_for(levels, unit, threads);
             std::vector<day> days;
             for (const auto& d : dates) days.push_back(to_day(d));
             std::vector<report> reports;
             {
               py::gil_scoped_release release;
               reports = b->ev->evaluate_series(days, options);
             }
             std::vector<std::shared_ptr<report_data>> out;
             for (auto& r : reports) out.push_back(std::make_shared<report_data>(report_data{b, std::move(r)}));
             return out;
           },
           py::arg("dates"), py::arg("levels") = py::none(), py::arg("unit") = py::none(), py::arg("threads") = 0,
           "Reports for several dates in one call, sharing the work that does not depend on the date.")
      .def("needs",
           [](bound_holder b, std::string_view target_id, const date& as_of,
              const std::optional<std::vector<std::string>>& levels, const std::optional<std::string>& unit,
              unsigned threads) {
             const auto options = options_for(levels, unit, threads);
             auto out = std::make_shared<needs_data>();
             out->ctx = b;
             out->target_id = std::string(target_id);
             out->as_of = to_day(as_of);
             {
               py::gil_scoped_release release;
               out->items = b->ev->needs(target_id, out->as_of, options);
             }
             return out;
           },
           py::arg("target"), py::arg("as_of"), py::arg("levels") = py::none(), py::arg("unit") = py::none(),
           py::arg("threads") = 0,
           "Who still needs it for the target's milestone in progress on `as_of` (else the last one "
           "due): persons in the denominator not in the numerator; uncovered units for unit_coverage.")
      .def("_time_evaluate",
           [](const bound_plan& b, const date& as_of, int repeat, unsigned threads) {
             // The same call as evaluate(), timed in C++ (best of `repeat`): what a C++ caller
             // pays, for bench/python_overhead.py to compare with the call from Python.
             evaluation_options options;
             options.threads = threads;
             py::gil_scoped_release release;
             double best = std::numeric_limits<double>::infinity();
             for (int i = 0; i < repeat; ++i) {
               const auto t0 = std::chrono::steady_clock::now();
               const auto rep = b.ev->evaluate(as_of, options);
               best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
             }
             return best;
           },
           py::arg("as_of"), py::arg("repeat") = 5, py::arg("threads") = 0)
      .def("__repr__", [](const bound_plan& b) {
        return "<nangluc.Evaluator plan " + b.plan->id + ", " + std::to_string(b.reg->persons().size()) + " persons>";
      });
}

}  // namespace nangluc::python
