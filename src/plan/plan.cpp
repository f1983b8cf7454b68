// The plan model (evaluation.md §1–3): lookups, the measures' common fields, names of its
// enumerations, and validation of a plan built in code — through the one reader of plan files,
// so that a plan from code meets exactly the checks and codes of a plan from a file.

#include <nangluc/plan.hpp>

#include "io/plan_json.hpp"

namespace nangluc {

const target* plan::find_target(std::string_view target_id) const {
  for (const auto& t : targets)
    if (t.id == target_id) return &t;
  return nullptr;
}

const phase* plan::find_phase(std::string_view phase_id) const {
  for (const auto& ph : phases)
    if (ph.id == phase_id) return &ph;
  return nullptr;
}

day_range milestone_window(const plan& p, const milestone& m) {
  switch (m.what) {
    case milestone::kind::phase:
      if (const auto* ph = p.find_phase(m.phase)) return ph->when;
      throw argument_error("a milestone names phase '" + m.phase + "', which plan '" + p.id + "' does not have");
    case milestone::kind::window: return m.window;
    case milestone::kind::by: return {p.period.from, m.window.to};
  }
  return m.window;
}

std::string_view to_string(measure m) noexcept {
  switch (m) {
    case measure::person_coverage: return "person_coverage";
    case measure::annual_person_coverage: return "annual_person_coverage";
    case measure::unit_coverage: return "unit_coverage";
    case measure::activity_count: return "activity_count";
    case measure::staffing_fill: return "staffing_fill";
  }
  return "person_coverage";
}

std::string_view to_string(count_kind c) noexcept {
  switch (c) {
    case count_kind::sessions: return "sessions";
    case count_kind::person_times: return "person_times";
    case count_kind::unique_persons: return "unique_persons";
    case count_kind::hours: return "hours";
    case count_kind::cost_vnd: return "cost_vnd";
  }
  return "person_times";
}

std::string_view to_string(denominator_policy d) noexcept {
  return d == denominator_policy::in_post_at_end ? "in_post_at_end" : "in_post_during_window";
}

const selector* target::population() const noexcept {
  return std::visit(
      [](const auto& m) -> const selector* {
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, activity_count>) return m.population ? &*m.population : nullptr;
        else return &m.population;
      },
      spec);
}

const nangluc::criterion* target::criterion() const noexcept {
  return std::visit(
      [](const auto& m) -> const nangluc::criterion* {
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, person_coverage> || std::is_same_v<M, annual_person_coverage>)
          return &m.criterion;
        else if constexpr (std::is_same_v<M, unit_coverage>) return m.criterion ? &*m.criterion : nullptr;
        else return nullptr;
      },
      spec);
}

denominator_policy target::denominator() const noexcept {
  if (const auto* m = as<person_coverage>()) return m->denominator;
  if (const auto* m = as<annual_person_coverage>()) return m->denominator;
  return denominator_policy::in_post_at_end;
}

std::vector<problem> validate(const plan& p) {
  // The plan's JSON form has the plan's structure, so the reader's JSON pointers locate each
  // problem in the plan as built (/targets/0/milestones/1/min_percent).
  return detail::check_plan_json(write_plan_json(p), p.source.empty() ? "plan" : p.source);
}

}  // namespace nangluc
