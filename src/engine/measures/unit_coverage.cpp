// unit_coverage (evaluation.md §3): units at a level with enough persons of the population
// (meeting the criterion) in their subtree, and the uncovered units.

#include "engine/engine.hpp"

namespace nangluc::detail {

// Unit coverage: per unit at the target level, distinct persons in its subtree.
void engine::count_units(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
  tallies persons(pt);
  count_persons(t, a, pt, scope, persons);
  out.dropped = persons.dropped;
  const auto& covered = t.criterion ? persons.numerator : persons.denominator;
  for (unit_ix u : pt.tree.subtree(scope)) {
    if (r[u].level != t.unit_level) continue;
    out.denominator.add({u});
    if (covered.at(u) >= static_cast<double>(t.min_per_unit)) out.numerator.add({u});
  }
  out.denominator.finish();
  out.numerator.finish();
}

// Every unit at the target level under `root` with fewer than min_per_unit persons, with the
// persons it has and how many it lacks.
std::vector<need> engine::unit_needs(const bound_target& t, day a, const point& pt, unit_ix scope,
                                     unit_ix root) const {
  tallies persons(pt);
  count_persons(t, a, pt, scope, persons);
  const auto& covered = t.criterion ? persons.numerator : persons.denominator;
  std::vector<need> out;
  for (unit_ix u : pt.tree.subtree(root)) {
    if (r[u].level != t.unit_level) continue;
    const auto have = static_cast<std::int64_t>(covered.at(u));
    if (have >= t.min_per_unit) continue;
    need n;
    n.unit = u;
    n.persons = have;
    n.missing = t.min_per_unit - have;
    out.push_back(n);
  }
  return out;
}

}  // namespace nangluc::detail
