// person_coverage and annual_person_coverage (evaluation.md §3): their counts are the person
// counts of person_counts.cpp; here, who in the denominator does not meet the criterion.

#include "engine/engine.hpp"

namespace nangluc::detail {

// Every person of the population under `root` who does not meet the criterion, with the first
// matching post and the last matching completion.
std::vector<need> engine::person_needs(const bound_target& t, day a, const point& pt, unit_ix root) const {
  std::vector<need> out;
  std::vector<unit_ix> units;
  day last = 0;
  for (std::uint32_t pi = 0; pi < r.persons().size(); ++pi) {
    const person_ix person{pi};
    assignment_ix first;
    population_units(*t.population, r.assignments_of(person), a, pt, root, t.denominator, units, last, &first);
    if (units.empty()) continue;
    const day at = t.denominator == denominator_policy::in_post_at_end ? pt.e : last;
    if (t.criterion && meets(*t.criterion, person, a, at)) continue;
    need n;
    n.person = person;
    n.assignment = first;
    n.unit = units.front();
    if (t.criterion) n.last_completed = last_completion(*t.criterion, person, at);
    out.push_back(n);
  }
  return out;
}

}  // namespace nangluc::detail
