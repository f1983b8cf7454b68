// activity_count (evaluation.md §3, §7): sessions, costs and head-counts attributed to their
// organizer; completions to the post held on the completion day, mapped to the tree at e.

#include "engine/engine.hpp"

namespace nangluc::detail {

// Activity counts, attributed to organizers (sessions, costs, head-counts) or to the unit of
// the participant's post on the completion date.
void engine::count_activity(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
  const auto kind = t.count;
  auto organizer_unit = [&](const session& s) {
    if (s.organizer.is_none()) return scope;  // no organizer: the whole scope's, at its root
    // An organizer abolished with no successor (a district after 2025-07-01) still held its
    // classes: they count for the nearest unit above it that stands at e (§7) — an ancestor, or
    // the unit that took an ended ancestor over, as posts are mapped: a district's classes stay
    // in its province when the province merges into a new one.
    unit_ix u = pt.resolved[s.organizer.value];
    for (unit_ix o = s.organizer; u.is_none() && !o.is_none();) {
      o = r.parent(o, r[o].valid.to);
      if (!o.is_none()) u = pt.resolved[o.value];
    }
    return !u.is_none() && pt.tree.in_subtree(u, scope) ? u : unit_ix{};
  };
  if (kind == count_kind::sessions || kind == count_kind::cost_vnd || kind == count_kind::person_times ||
      kind == count_kind::hours) {
    for (const auto& s : r.sessions()) {
      if (!t.activity_courses[s.course.value]) continue;
      const bool starts_in = s.when.from >= a && s.when.from <= pt.e;
      const bool ends_in = s.when.to >= a && s.when.to <= pt.e;
      const unit_ix u = organizer_unit(s);
      if (u.is_none()) continue;
      if (kind == count_kind::sessions && starts_in) out.numerator.add({u});
      if (kind == count_kind::cost_vnd && starts_in && s.cost_vnd)
        out.numerator.add({u}, static_cast<double>(*s.cost_vnd));
      if ((kind == count_kind::person_times || kind == count_kind::hours) && ends_in) {
        std::int64_t heads = 0;
        for (const auto& h : s.attendance) heads += h.count;
        if (heads == 0) continue;
        const double hours = r[s.course].hours.value_or(0);
        out.numerator.add({u}, kind == count_kind::hours ? static_cast<double>(heads) * hours
                                                          : static_cast<double>(heads));
      }
    }
  }
  if (kind == count_kind::person_times || kind == count_kind::hours || kind == count_kind::unique_persons) {
    std::vector<unit_ix> units, all_units;
    for (std::uint32_t pi = 0; pi < r.persons().size(); ++pi) {
      const person_ix person{pi};
      all_units.clear();
      for (auto ex : r.enrollments_of(person)) {
        const auto& en = r[ex];
        if (en.status != enrollment_status::completed) continue;
        const auto course = r[en.session].course;
        if (!t.activity_courses[course.value]) continue;
        const day done = r.completion_day(ex);
        if (done < a || done > pt.e) continue;
        // The posts held on the completion date, mapped to the tree at e.
        units.clear();
        for (auto ax : r.assignments_of(person)) {
          const auto& as = r[ax];
          if (as.when.from > done) break;
          if (!as.when.contains(done)) continue;
          const unit_ix u = pt.resolved[as.unit.value];
          if (u.is_none() || !pt.tree.in_subtree(u, scope)) continue;
          if (t.population) {
            // The post is matched on the completion day, in that day's tree (§7): a
            // collaborator trained in 2022 who is a commune officer by e counts as a collaborator.
            const unit_ix then = r.resolve(as.unit, done);
            if (then.is_none() || !matches(*t.population, as, then, at_day{r, done})) continue;
          }
          units.push_back(u);
        }
        if (units.empty()) continue;
        if (kind == count_kind::unique_persons) all_units.insert(all_units.end(), units.begin(), units.end());
        else out.numerator.add(units, kind == count_kind::hours ? r[course].hours.value_or(0) : 1.0);
      }
      if (kind == count_kind::unique_persons && !all_units.empty()) out.numerator.add(all_units);
    }
  }
  out.numerator.finish();
}

}  // namespace nangluc::detail
