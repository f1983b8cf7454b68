// Internal: a plan's selectors and criteria bound to one registry — codes turned into term
// membership tables (groups expanded), unit ids into handles, courses into match flags — so the
// engine tests an assignment or a person with array lookups only.
#pragma once

#include <nangluc/plan.hpp>
#include <nangluc/registry.hpp>

#include "model/problems.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nangluc::detail {

/// Membership of terms of one vocabulary; empty means "any".
struct term_set {
  std::vector<bool> member;
  [[nodiscard]] bool any() const noexcept { return member.empty(); }
  [[nodiscard]] bool has(term t) const noexcept { return !t.is_none() && t.value < member.size() && member[t.value]; }
};

struct bound_selector {
  term_set category, roles, sector, level, employer_level, unit_kinds;
  std::vector<std::string> within;   // unit ids, resolved on the evaluation date
  std::vector<unit_ix> within_units;
  std::vector<nangluc::sex> sexes;
  std::optional<int> age_min, age_max;
  std::vector<bound_selector> all_of, any_of, negated;
};

// A criterion bound to a registry: a tagged struct, so the engine's per-person checks switch on
// a small enum; named criteria are resolved away.
struct bound_criterion {
  enum class kind : std::uint8_t { training, qualification, all_of, any_of, negation } what = kind::training;
  // training
  std::vector<bool> course_matches;  // by course index
  training_range within;
  std::optional<double> min_hours;
  // qualification
  term qualification_kind;
  std::string code_vocabulary;
  term_set codes;
  std::optional<int> min_rank;
  std::vector<int> rank_of;          // by term of the code vocabulary; -1 unranked
  term_set fields;
  std::vector<bound_criterion> children;
};

// A target bound to a registry: its measure's fields in the form the engine reads.
struct bound_target {
  const nangluc::target* source = nullptr;
  nangluc::measure measure = measure::person_coverage;
  std::optional<bound_selector> population;
  std::optional<bound_criterion> criterion;
  denominator_policy denominator = denominator_policy::in_post_at_end;  // person counts
  std::vector<bool> activity_courses;  // activity_count: by course index
  count_kind count = count_kind::person_times;  // activity_count
  term unit_level;                     // unit_coverage
  std::int64_t min_per_unit = 1;       // unit_coverage
};

/// Binds every target of `p` to `r`, reporting unknown codes, units and courses into
/// `problems` (located by JSON pointers into the plan).
std::vector<bound_target> bind_plan(const plan& p, const registry& r, problem_list& problems,
                                    const std::string& file);

}  // namespace nangluc::detail
