// The evaluator (evaluation.md §4): binds a plan to a registry once, prepares compact per-person
// arrays, and evaluates dates and series — the tree at each evaluation point, the person counts
// of a whole series in one pass per target, milestones already due computed once, and each
// milestone's rows with their thresholds, statuses and trajectories.

#include <nangluc/evaluation.hpp>
#include <nangluc/registry.hpp>

#include "engine/engine.hpp"
#include "engine/milestones.hpp"
#include "engine/thresholds.hpp"
#include "model/problems.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>
#include <thread>
#include <tuple>

namespace nangluc {

std::string_view to_string(status s) noexcept {
  switch (s) {
    case status::not_started: return "not_started";
    case status::no_data: return "no_data";
    case status::achieved: return "achieved";
    case status::missed: return "missed";
    case status::on_track: return "on_track";
    case status::at_risk: return "at_risk";
    case status::off_track: return "off_track";
    case status::none: return "none";
  }
  return "none";
}

struct evaluator::impl {
  nangluc::plan plan;
  const nangluc::registry* reg;
  std::vector<detail::bound_target> targets;

  detail::prepared prep;

  impl(const nangluc::plan& p, const nangluc::registry& r) : plan(p), reg(&r) {
    detail::problem_list problems;
    // A plan built or changed in code meets the checks of a plan file, with the same codes;
    // only then is it bound (a window ending before it starts never reaches the engine).
    for (auto& found : validate(plan))
      if (found.severity == severity::error) problems.add(std::move(found));
    problems.throw_if_errors();
    targets = detail::bind_plan(plan, r, problems, plan.source.empty() ? "plan" : plan.source);
    problems.throw_if_errors();
    prepare();
  }

  // One pass over the enrollments and one over the posts per target, so that person passes
  // never chase enrollment → session → course, nor visit persons who can never match.
  void prepare() {
    const auto& r = *reg;
    // Each session's (end, course), compact, so the pass over ten million enrollments does not
    // visit the session records.
    std::vector<detail::completion> session_end(r.sessions().size());
    for (std::size_t s = 0; s < session_end.size(); ++s)
      session_end[s] = {r.sessions()[s].when.to, r.sessions()[s].course.value};
    std::size_t completed = 0;
    for (const auto& en : r.enrollments()) completed += en.status == enrollment_status::completed;
    prep.completions.reserve(completed);
    prep.completion_offsets.assign(r.persons().size() + 1, 0);
    for (std::uint32_t p = 0; p < r.persons().size(); ++p) {
      for (auto ex : r.enrollments_of(person_ix{p})) {
        const auto& en = r[ex];
        if (en.status != enrollment_status::completed) continue;
        const auto& s = session_end[en.session.value];
        prep.completions.push_back({en.completed_on != day_min ? en.completed_on : s.done, s.course});
      }
      prep.completion_offsets[p + 1] = static_cast<std::uint32_t>(prep.completions.size());
      for (auto ax : r.assignments_of(person_ix{p}))
        if (r[r[ax].unit].valid.to != day_max) prep.ending_posts.push_back(ax);
    }
    const auto eng = engine(1);
    prep.level_of.resize(r.units().size());
    for (std::size_t u = 0; u < r.units().size(); ++u) prep.level_of[u] = r.units()[u].level.value;
    prep.person_class.resize(targets.size());
    for (std::size_t t = 0; t < targets.size(); ++t) {
      prep.person_class[t] = t;
      const auto& a = *targets[t].source;
      if (!a.population() || a.measure() == measure::activity_count) continue;
      auto same = [](const auto* x, const auto* y) { return x == y || (x && y && *x == *y); };
      for (std::size_t k = 0; k < t; ++k) {
        const auto& b = *targets[k].source;
        if (b.measure() != measure::activity_count && same(a.population(), b.population()) &&
            same(a.criterion(), b.criterion()) && a.denominator() == b.denominator()) {
          prep.person_class[t] = prep.person_class[k];
          break;
        }
      }
    }
    prep.candidates.resize(targets.size());
    prep.candidates_match.assign(targets.size(), false);
    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (!targets[t].population) continue;
      prep.candidates_match[t] = detail::engine::decided_by_may_match(*targets[t].population);
      auto& out = prep.candidates[t];
      for (std::uint32_t p = 0; p < r.persons().size(); ++p)
        for (auto ax : r.assignments_of(person_ix{p}))
          if (eng.may_match(*targets[t].population, r[ax])) out.push_back(ax);
      out.shrink_to_fit();
    }
  }

  detail::engine engine(unsigned threads, detail::engine::person_memo* memo = nullptr) const {
    return detail::engine{*reg, plan, targets, prep, threads, memo};
  }
  detail::engine engine() const { return engine(1); }

  // What evaluations of several dates share: the points (trees and successor maps), the results
  // of milestones already due (the same for every later date), and baselines (counts as of a
  // milestone's first day, whatever the date).
  struct shared_work {
    std::map<day, detail::point> points;
    std::map<std::pair<std::size_t, std::size_t>, std::pair<milestone_result, std::vector<problem>>> due;
    std::map<std::pair<std::size_t, std::size_t>, detail::engine::tallies> baselines;
    detail::engine::person_memo persons;
  };

  // Points are shared by every target and milestone evaluated at the same day.
  const detail::point& point_at(shared_work& cache, day d) const {
    auto it = cache.points.find(d);
    if (it == cache.points.end()) it = cache.points.emplace(d, detail::point(*reg, d, prep.ending_posts)).first;
    return it->second;
  }

  static unsigned threads_of(const evaluation_options& opt) {
    if (opt.threads > 0) return opt.threads;
    return std::max(1u, std::thread::hardware_concurrency());
  }

  unit_ix rows_root(const detail::point& pt, unit_ix scope, const evaluation_options& opt) const {
    if (opt.unit.empty()) return scope;
    const auto u = reg->find_unit(opt.unit);
    if (!u) throw argument_error("no unit '" + opt.unit + "' in the registry");
    const unit_ix ru = pt.resolved[u->value];
    return !ru.is_none() && pt.tree.in_subtree(ru, scope) ? ru : unit_ix{};
  }

  std::vector<unit_ix> row_units(const detail::point& pt, unit_ix root, const detail::engine::tallies& t,
                                 const target& tg, const evaluation_options& opt) const {
    const auto& levels = reg->vocab(vocab::levels);
    const auto sub = pt.tree.subtree(root).subspan(1);  // below the root
    std::vector<bool> wanted(levels.size(), false);
    if (!opt.levels.empty()) {
      for (const auto& code : opt.levels) wanted[levels.at(code).value] = true;
    } else {
      // The subtree is a range of preorder positions: sub[i] is at the root's position + 1 + i.
      const auto& filled = tg.measure() == measure::activity_count ? t.numerator : t.denominator;
      const std::uint32_t first = pt.tree.position(root) + 1;
      for (std::uint32_t i = 0; i < sub.size(); ++i)
        if (filled.at_position(first + i) > 0) wanted[prep.level_of[sub[i].value]] = true;
    }
    std::vector<std::pair<int, std::uint32_t>> order;  // (depth, level term)
    for (std::uint32_t l = 0; l < wanted.size(); ++l)
      if (wanted[l]) order.emplace_back(levels.entries()[l].depth.value_or(99), l);
    std::sort(order.begin(), order.end());
    // Levels in depth order, units of each level in tree order: one pass, one bucket per level.
    std::vector<std::uint32_t> rank(levels.size(), 0), start(order.size() + 1, 0);
    for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k].second] = k + 1;
    for (unit_ix u : sub)
      if (const auto k = rank[prep.level_of[u.value]]) ++start[k];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<unit_ix> out;
    out.reserve(1 + start.back());
    out.push_back(root);
    out.resize(1 + start.back());
    for (unit_ix u : sub)
      if (const auto k = rank[prep.level_of[u.value]]) out[1 + start[k - 1]++] = u;
    return out;
  }

  // A milestone as of D, from the shared work when it was already due on an earlier date.
  // `again`: a later date of the series will ask for this milestone once due too (only then is
  // the result kept).
  milestone_result evaluate_milestone(std::size_t ti, std::size_t mi, const detail::milestone_spec& m, day D,
                                      bool again, const evaluation_options& opt, shared_work& cache,
                                      std::vector<problem>& warnings) const {
    const bool due = D >= m.window.to;
    const auto key = std::make_pair(ti, mi);
    if (due) {
      if (auto it = cache.due.find(key); it != cache.due.end()) {
        warnings.insert(warnings.end(), it->second.second.begin(), it->second.second.end());
        if (again) return it->second.first;
        auto res = std::move(it->second.first);
        cache.due.erase(it);
        return res;
      }
    }
    std::vector<problem> own;
    auto res = compute_milestone(ti, mi, m, D, opt, cache, own);
    warnings.insert(warnings.end(), own.begin(), own.end());
    if (due && again) cache.due.emplace(key, std::make_pair(res, std::move(own)));
    return res;
  }

  // The warning for an evaluation point where the issuer stands for no unit (§7): it ended with
  // no successor, or had not begun. One per evaluation point (evaluate() drops repeats).
  problem issuer_missing(day e) const {
    std::string why;
    if (auto issuer = reg->find_unit(plan.issuer)) {
      const auto& u = (*reg)[*issuer];
      why = e < u.valid.from ? " (it begins on " + format_day(u.valid.from) + ")"
                             : " (it ended on " + format_day(u.valid.to) + " with no successor)";
    }
    return {severity::warning, "issuer_not_in_tree", plan.source.empty() ? "plan" : plan.source, "/issuer",
            "the plan's issuer '" + plan.issuer + "' is no unit on " + format_day(e) + why +
                ": its milestones evaluated on that day have no rows"};
  }

  milestone_result compute_milestone(std::size_t ti, std::size_t mi, const detail::milestone_spec& m, day D,
                                     const evaluation_options& opt, shared_work& cache,
                                     std::vector<problem>& warnings) const {
    const auto& bt = targets[ti];
    const auto& tg = *bt.source;
    milestone_result res;
    res.label = m.label;
    res.window = m.window;
    res.due = m.window.to;
    res.threshold = m.threshold;
    const day a = m.window.from, due = m.window.to;
    if (D < a) return res;  // not_started, no rows
    const day e = std::min(D, due);
    res.evaluated_at = e;
    const auto eng = engine(threads_of(opt), &cache.persons);
    const auto& pt = point_at(cache, e);
    const unit_ix scope = eng.scope_at(pt);
    if (scope.is_none()) {
      warnings.push_back(issuer_missing(e));
      res.status = status::no_data;
      return res;
    }
    // Person coverage reads the person counts made for the series in place; other measures
    // count here.
    std::optional<detail::engine::tallies> own_counts;
    const detail::engine::tallies* counted = nullptr;
    if (tg.measure() == measure::person_coverage || tg.measure() == measure::annual_person_coverage)
      if (auto it = cache.persons.find({prep.person_class[ti], a, e}); it != cache.persons.end()) counted = &it->second;
    if (!counted) {
      own_counts.emplace(pt);
      eng.count(bt, a, pt, scope, *own_counts);
      counted = &*own_counts;
    }
    const auto& now = *counted;
    if (now.dropped.count > 0) warnings.push_back(dropped_warning(tg, m, now.dropped));
    // The baseline: each row's own value as of day a, for the trajectory of a milestone in progress.
    const detail::engine::tallies* base = D < due ? &baseline(ti, mi, a, eng, cache) : nullptr;

    const unit_ix root = rows_root(pt, scope, opt);
    if (root.is_none()) {
      res.status = status::no_data;
      return res;
    }
    // Where D stands on the line from a to due: 1 once due, and for a one-day window (a = due).
    const double f = due > a ? std::clamp(static_cast<double>(D - a) / static_cast<double>(due - a), 0.0, 1.0) : 1.0;
    const auto units = row_units(pt, root, now, tg, opt);
    res.rows.reserve(units.size());
    for (unit_ix u : units) {
      result_row row = counts_of(u, tg.measure(), pt, now);
      // An activity threshold is the scope's, not each unit's (even under --unit).
      if (!detail::is_percentage(tg.measure()) && u != scope) {
        row.status = status::none;
      } else {
        const double start = base ? baseline_value(u, tg.measure(), *base) : 0.0;
        detail::judge_row(row, m.threshold, tg.measure(), start, f, D >= due, plan.at_risk_ratio);
      }
      res.rows.push_back(row);
    }
    res.status = res.rows.empty() ? status::no_data : res.rows.front().status;
    return res;
  }

  // A row's counts at e: numerator, denominator and exact percentage, or a count's value.
  static result_row counts_of(unit_ix u, measure m, const detail::point& pt, const detail::engine::tallies& now) {
    result_row row;
    row.unit = u;
    const std::uint32_t pos = pt.tree.position(u);  // rows are units of the tree at e
    if (!detail::is_percentage(m)) {
      row.value = now.numerator.at_position(pos);
      return row;
    }
    row.numerator = static_cast<std::int64_t>(now.numerator.at_position(pos));
    row.denominator = static_cast<std::int64_t>(now.denominator.at_position(pos));
    if (row.denominator > 0)
      row.percent = 100.0 * static_cast<double>(row.numerator) / static_cast<double>(row.denominator);
    return row;
  }

  // A row's value on day a (0 for a unit that did not exist then).
  static double baseline_value(unit_ix u, measure m, const detail::engine::tallies& base) {
    if (!detail::is_percentage(m)) return base.numerator.at(u);
    return base.denominator.at(u) > 0 ? 100.0 * base.numerator.at(u) / base.denominator.at(u) : 0.0;
  }

  // The counts of milestone mi of target ti as of its first day, counted once per series.
  const detail::engine::tallies& baseline(std::size_t ti, std::size_t mi, day a, const detail::engine& eng,
                                          shared_work& cache) const {
    auto it = cache.baselines.find({ti, mi});
    if (it == cache.baselines.end()) {
      const auto& pa = point_at(cache, a);
      it = cache.baselines.emplace(std::make_pair(ti, mi), detail::engine::tallies(pa)).first;
      const unit_ix scope_a = eng.scope_at(pa);
      if (!scope_a.is_none()) eng.count(targets[ti], a, pa, scope_a, it->second);
    }
    return it->second;
  }

  problem dropped_warning(const target& tg, const detail::milestone_spec& m, const detail::engine::left_out& dropped) const {
    const auto& as = (*reg)[dropped.example];
    const auto& u = (*reg)[as.unit];
    return {severity::warning, "ended_unit_without_successor", "", "/targets/" + tg.id + "/" + m.label,
            std::to_string(dropped.count) + " post(s) left out of " + tg.id + " " + m.label +
                " because their unit ended with no successor (e.g. person '" + (*reg)[as.person].id + "' at '" + u.id +
                "', ended " + format_day(u.valid.to) + ")"};
  }

  static bool counts_persons(const target& t) {
    return t.population() && t.measure() != measure::activity_count;
  }

  // The person counts target ti needs for every date of the series — each milestone begun, at
  // min(date, due), and the baselines of those in progress — counted in one batch.
  void count_target_persons(std::size_t ti, std::span<const day> dates, const evaluation_options& opt,
                            shared_work& cache) const {
    const auto& bt = targets[ti];
    if (!counts_persons(*bt.source)) return;
    const auto eng = engine(threads_of(opt), &cache.persons);
    const std::size_t cls = prep.person_class[ti];
    std::vector<std::pair<day, day>> wanted;  // (a, e)
    for (const auto& m : detail::milestones_of(plan, *bt.source))
      for (day D : dates) {
        if (D < m.window.from) continue;
        wanted.emplace_back(m.window.from, std::min(D, m.window.to));
        if (D < m.window.to) wanted.emplace_back(m.window.from, m.window.from);  // the baseline
      }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<detail::engine::batch_item> items;
    for (const auto& [a, e] : wanted) {
      const auto key = std::make_tuple(cls, a, e);
      if (cache.persons.count(key)) continue;  // counted for an earlier target of the class
      const auto& pt = point_at(cache, e);
      const unit_ix scope = eng.scope_at(pt);
      if (scope.is_none()) continue;
      auto& out = cache.persons.emplace(key, detail::engine::tallies(pt)).first->second;
      items.push_back({a, &pt, scope, &out});
    }
    if (!items.empty()) eng.count_persons_batch(bt, items);
  }

  // Reports for each date, built target by target so that a target's person counts for the
  // whole series are made in one pass and dropped once no later target of its class needs them.
  std::vector<report> evaluate(std::span<const day> dates, const evaluation_options& opt) const {
    shared_work cache;
    std::vector<report> reps(dates.size());
    for (std::size_t d = 0; d < dates.size(); ++d) {
      reps[d].plan_id = plan.id;
      reps[d].as_of = dates[d];
      if (auto issuer = reg->find_unit(plan.issuer)) reps[d].scope = *issuer;
      reps[d].warnings = plan.warnings;
    }
    for (std::size_t ti = 0; ti < targets.size(); ++ti) {
      count_target_persons(ti, dates, opt, cache);
      const auto specs = detail::milestones_of(plan, *targets[ti].source);
      for (std::size_t d = 0; d < dates.size(); ++d) {
        target_result tr;
        tr.target_id = targets[ti].source->id;
        for (std::size_t mi = 0; mi < specs.size(); ++mi) {
          const day due = specs[mi].window.to;
          const bool again = std::any_of(dates.begin() + static_cast<std::ptrdiff_t>(d) + 1, dates.end(),
                                         [&](day later) { return later >= due; });
          tr.results.push_back(evaluate_milestone(ti, mi, specs[mi], dates[d], again, opt, cache, reps[d].warnings));
        }
        reps[d].targets.push_back(std::move(tr));
      }
      const std::size_t cls = prep.person_class[ti];
      bool needed_later = false;
      for (std::size_t k = ti + 1; k < targets.size(); ++k) needed_later = needed_later || prep.person_class[k] == cls;
      if (!needed_later)
        std::erase_if(cache.persons, [&](const auto& entry) { return std::get<0>(entry.first) == cls; });
    }
    for (auto& rep : reps) drop_repeated(rep.warnings);
    return reps;
  }

  // The same warning once per report, in first-seen order.
  static void drop_repeated(std::vector<problem>& warnings) {
    std::vector<problem> kept;
    for (auto& w : warnings)
      if (std::find(kept.begin(), kept.end(), w) == kept.end()) kept.push_back(std::move(w));
    warnings = std::move(kept);
  }
};

evaluator::evaluator(const nangluc::plan& p, const nangluc::registry& r) : impl_(std::make_unique<impl>(p, r)) {}
evaluator::~evaluator() = default;
evaluator::evaluator(evaluator&&) noexcept = default;
evaluator& evaluator::operator=(evaluator&&) noexcept = default;

const nangluc::plan& evaluator::plan() const noexcept { return impl_->plan; }
const nangluc::registry& evaluator::registry() const noexcept { return *impl_->reg; }

report evaluator::evaluate(day as_of, const evaluation_options& options) const {
  return std::move(impl_->evaluate(std::span(&as_of, 1), options).front());
}

std::vector<report> evaluator::evaluate_series(std::span<const day> dates, const evaluation_options& options) const {
  // Trees and successor maps are built once per distinct evaluation point across the series; a
  // target's person counts for every date are made in one pass; a milestone already due is
  // evaluated once, at its due date, for every later date; baselines are counted once.
  return impl_->evaluate(dates, options);
}

std::vector<need> evaluator::needs(std::string_view target_id, day as_of, const evaluation_options& options) const {
  const auto& im = *impl_;
  const detail::bound_target* bt = nullptr;
  for (const auto& t : im.targets)
    if (t.source->id == target_id) bt = &t;
  if (!bt) throw argument_error("no target '" + std::string(target_id) + "' in plan '" + im.plan.id + "'");
  const auto& tg = *bt->source;
  if (tg.measure() == measure::activity_count)
    throw argument_error("target '" + tg.id + "' counts activities: it has no needs list");

  // The milestone in progress on as_of, else the last one due before it.
  const auto specs = detail::milestones_of(im.plan, tg);
  const detail::milestone_spec* chosen = nullptr;
  for (const auto& m : specs)
    if (m.window.contains(as_of) && (!chosen || m.window.to < chosen->window.to)) chosen = &m;
  if (!chosen)
    for (const auto& m : specs)
      if (m.window.to < as_of && (!chosen || m.window.to > chosen->window.to)) chosen = &m;
  std::vector<need> out;
  if (!chosen) return out;

  const day a = chosen->window.from, e = std::min(as_of, chosen->window.to);
  const auto eng = im.engine(impl::threads_of(options));
  const detail::point pt(*im.reg, e, im.prep.ending_posts);
  const unit_ix scope = eng.scope_at(pt);
  if (scope.is_none()) return out;
  const unit_ix root = im.rows_root(pt, scope, options);
  if (root.is_none()) return out;
  return eng.needs(*bt, a, pt, scope, root);
}

report evaluate(const plan& p, const registry& r, day as_of, const evaluation_options& options) {
  return evaluator(p, r).evaluate(as_of, options);
}

}  // namespace nangluc
