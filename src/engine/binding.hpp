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

struct bound_criterion {
  criterion::kind what = criterion::kind::training;
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

struct bound_target {
  const nangluc::target* source = nullptr;
  std::optional<bound_selector> population;
  std::optional<bound_criterion> criterion;
  std::vector<bool> activity_courses;  // activity_count: by course index
  term unit_level;                     // unit_coverage
};

/// Binds every target of `p` to `r`, reporting unknown codes, units and courses into
/// `problems` (located by JSON pointers into the plan).
std::vector<bound_target> bind_plan(const plan& p, const registry& r, problem_list& problems,
                                    const std::string& file);

}  // namespace nangluc::detail
