// A target's milestones as the engine evaluates them: a label, a window and a threshold —
// annual targets expanded to one per year (evaluation.md §3).
#pragma once

#include <nangluc/plan.hpp>

#include <string>
#include <vector>

namespace nangluc::detail {

// A milestone as the engine sees it: a label, a window and a threshold.
struct milestone_spec {
  std::string label;
  day_range window;
  nangluc::threshold threshold;
};

[[nodiscard]] std::vector<milestone_spec> milestones_of(const plan& p, const target& t);

}  // namespace nangluc::detail
