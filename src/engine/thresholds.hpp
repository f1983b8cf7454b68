// Thresholds, gaps and trajectories (evaluation.md §4, §7): pure functions of a row's counts,
// in one place for every measure.
#pragma once

#include <nangluc/evaluation.hpp>
#include <nangluc/plan.hpp>

#include <cstdint>
#include <optional>

namespace nangluc::detail {

/// Percentages for every measure but activity_count.
[[nodiscard]] bool is_percentage(measure m);
/// Whether the value meets the threshold: exact integers for percentages (n·10000 ≥ t·d).
[[nodiscard]] bool threshold_met(const threshold& th, measure m, std::int64_t n, std::int64_t d, double value);
/// The smallest g ≥ 0 with (n + g)·10000 ≥ t·d; for counts, max(0, min − value).
[[nodiscard]] double gap_of(const threshold& th, measure m, std::int64_t n, std::int64_t d, double value);

/// Where a row stands on the line from its baseline to the threshold.
struct trajectory {
  std::optional<double> expected, projected;
};
/// The straight line at fraction f of the window (1 once due, and for a one-day window).
[[nodiscard]] trajectory trajectory_at(double baseline, double value, std::optional<double> threshold, double f,
                                       bool percentage);

/// Judges a row whose counts (or value, for a count) are set: its gap, expected and projected
/// values and its status (evaluation.md §4, §7). `baseline`: the row's value on day a; `f`: where
/// the evaluation date stands in the window (1 once due); `due`: whether the date is past due.
void judge_row(result_row& row, const threshold& th, measure m, double baseline, double f, bool due,
               double at_risk_ratio);

}  // namespace nangluc::detail
