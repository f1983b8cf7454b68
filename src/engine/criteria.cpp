// Criteria (evaluation.md §2): whether a person meets one on a day, from the compact completions
// the evaluator prepares, and the last matching completion for needs lists.

#include "engine/engine.hpp"
#include <algorithm>

namespace nangluc::detail {

// ---- criteria -------------------------------------------------------------------------------
bool engine::meets(const bound_criterion& c, person_ix person, day a, day e) const {
  switch (c.what) {
    case bound_criterion::kind::training: {
      day from = a;
      if (c.within.what == training_range::kind::ever) from = day_min;
      else if (c.within.what == training_range::kind::period) from = subtract_period(e, c.within.length) + 1;
      std::int64_t n = 0;
      double hours = 0;
      const auto* first = prep.completions.data() + prep.completion_offsets[person.value];
      const auto* last = prep.completions.data() + prep.completion_offsets[person.value + 1];
      for (const auto* k = first; k != last; ++k) {
        if (k->done < from || k->done > e || !c.course_matches[k->course]) continue;
        if (!c.min_hours) return true;  // one completion is enough
        ++n;
        hours += r.courses()[k->course].hours.value_or(0);
      }
      return n > 0 && (!c.min_hours || hours >= *c.min_hours);
    }
    case bound_criterion::kind::qualification: {
      if (c.qualification_kind.is_none()) return false;
      auto fits = [&](term kind, term code, term field) {
        if (kind != c.qualification_kind) return false;
        bool code_ok = c.codes.any() && !c.min_rank;
        if (!c.codes.any() && c.codes.has(code)) code_ok = true;
        if (c.min_rank && code.value < c.rank_of.size() && c.rank_of[code.value] >= *c.min_rank) code_ok = true;
        return code_ok && (c.fields.any() || c.fields.has(field));
      };
      // What registry::qualifications_held gives, without building the list: recorded
      // qualifications held on e, then those conferred by courses completed by e, unexpired.
      for (auto q : r.qualifications_of(person)) {
        const auto& rec = r[q];
        if (rec.is_held_at(e) && fits(rec.kind, rec.code, rec.field)) return true;
      }
      const auto* first = prep.completions.data() + prep.completion_offsets[person.value];
      const auto* last = prep.completions.data() + prep.completion_offsets[person.value + 1];
      for (const auto* k = first; k != last; ++k) {
        const auto& confers = r.courses()[k->course].confers;
        if (!confers || k->done > e || !fits(confers->kind, confers->code, term{})) continue;
        if (confers->valid_for)
          if (const day end = add_period(k->done, *confers->valid_for); end != day_max && e > end - 1) continue;
        return true;
      }
      return false;
    }
    case bound_criterion::kind::all_of:
      return std::all_of(c.children.begin(), c.children.end(),
                         [&](const bound_criterion& k) { return meets(k, person, a, e); });
    case bound_criterion::kind::any_of:
      return std::any_of(c.children.begin(), c.children.end(),
                         [&](const bound_criterion& k) { return meets(k, person, a, e); });
    case bound_criterion::kind::negation:
      return !c.children.empty() && !meets(c.children.front(), person, a, e);
  }
  return false;
}

// The last completion on or before e of a course any training part of `c` looks for.
std::optional<day> engine::last_completion(const bound_criterion& c, person_ix person, day e) const {
  std::optional<day> best;
  auto visit = [&](auto&& self, const bound_criterion& node) -> void {
    if (node.what == bound_criterion::kind::training) {
      for (auto ex : r.enrollments_of(person)) {
        const auto& en = r[ex];
        if (en.status != enrollment_status::completed) continue;
        if (!node.course_matches[r[en.session].course.value]) continue;
        const day done = r.completion_day(ex);
        if (done <= e && (!best || done > *best)) best = done;
      }
    }
    for (const auto& k : node.children) self(self, k);
  };
  visit(visit, c);
  return best;
}

}  // namespace nangluc::detail
