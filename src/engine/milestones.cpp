// A target's milestones as the engine evaluates them (evaluation.md §3).

#include "engine/milestones.hpp"

namespace nangluc::detail {

std::vector<milestone_spec> milestones_of(const plan& p, const target& t) {
  std::vector<milestone_spec> out;
  if (const auto* annual = t.as<annual_person_coverage>()) {
    std::vector<int> years = annual->years;
    if (years.empty()) {
      const int first = to_date(p.period.from).year(), last = to_date(p.period.to).year();
      for (int y = first; y <= last; ++y) years.push_back(y);
    }
    for (int y : years) {
      milestone_spec m;
      m.label = std::to_string(y);
      m.window = {to_day(date(static_cast<unsigned short>(y), 1, 1)), to_day(date(static_cast<unsigned short>(y), 12, 31))};
      m.threshold.min_percent_x100 = annual->min_percent_x100;
      out.push_back(std::move(m));
    }
    return out;
  }
  for (const auto& m : t.milestones) {
    milestone_spec spec;
    spec.window = milestone_window(p, m);
    spec.label = m.what == milestone::kind::phase ? m.phase : format_day(spec.window.to);
    spec.threshold = m.threshold;
    out.push_back(std::move(spec));
  }
  return out;
}

}  // namespace nangluc::detail
