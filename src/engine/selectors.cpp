// Selectors (evaluation.md §1): the filter on the fields that do not depend on the evaluation
// point, which lets the evaluator keep only the posts that can ever match (matches() itself is
// a template in engine.hpp: it runs in the tree at e, or of a completion day).

#include "engine/engine.hpp"

namespace nangluc::detail {

// Whether a post can match the selector on some day: the fields that do not depend on the
// evaluation point (category, roles, sector, sex), through all_of. A conservative filter:
// the person pass still checks everything with matches().
bool engine::may_match(const bound_selector& s, const assignment& a) const {
  if (!s.category.any() && !s.category.has(a.category)) return false;
  if (!s.roles.any() && std::none_of(a.roles.begin(), a.roles.end(), [&](term t) { return s.roles.has(t); }))
    return false;
  if (!s.sector.any() && !s.sector.has(a.sector)) return false;
  if (!s.sexes.empty() && std::find(s.sexes.begin(), s.sexes.end(), r[a.person].sex) == s.sexes.end()) return false;
  return std::all_of(s.all_of.begin(), s.all_of.end(), [&](const bound_selector& c) { return may_match(c, a); });
}

// Whether may_match decides the selector: no field that depends on the evaluation point.
bool engine::decided_by_may_match(const bound_selector& s) {
  return s.level.any() && s.employer_level.any() && s.unit_kinds.any() && s.within.empty() &&
         s.within_units.empty() && !s.age_min && !s.age_max && s.any_of.empty() && s.negated.empty() &&
         std::all_of(s.all_of.begin(), s.all_of.end(), [](const bound_selector& c) { return decided_by_may_match(c); });
}

}  // namespace nangluc::detail
