// The one place that branches on the measure: which counting and which needs list a target uses.

#include "engine/engine.hpp"

namespace nangluc::detail {

void engine::count(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
  switch (t.measure) {
    case measure::person_coverage:
    case measure::annual_person_coverage: count_persons(t, a, pt, scope, out); break;
    case measure::unit_coverage: count_units(t, a, pt, scope, out); break;
    case measure::staffing_fill: count_fill(t, a, pt, scope, out); break;
    case measure::activity_count: count_activity(t, a, pt, scope, out); break;
  }
}

std::vector<need> engine::needs(const bound_target& t, day a, const point& pt, unit_ix scope, unit_ix root) const {
  switch (t.measure) {
    case measure::person_coverage:
    case measure::annual_person_coverage: return person_needs(t, a, pt, root);
    case measure::unit_coverage: return unit_needs(t, a, pt, scope, root);
    case measure::staffing_fill: return fill_needs(t, a, pt, scope, root);
    case measure::activity_count: break;  // refused by evaluator::needs
  }
  return {};
}

}  // namespace nangluc::detail
