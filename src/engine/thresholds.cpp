// Thresholds, gaps and trajectories (evaluation.md §4, §7).

#include "engine/thresholds.hpp"

#include <algorithm>

namespace nangluc::detail {

bool is_percentage(measure m) { return m != measure::activity_count; }

// Whether value meets the threshold: exact integers for percentages (n·10000 ≥ t·d).
bool threshold_met(const threshold& th, measure m, std::int64_t n, std::int64_t d, double value) {
  if (is_percentage(m)) {
    if (!th.min_percent_x100) return true;
    // Counts are persons or units (well under 10^14), so the products fit in 64 bits.
    return n * 10000 >= *th.min_percent_x100 * d;
  }
  if (th.min && value < static_cast<double>(*th.min)) return false;
  if (th.max && value > static_cast<double>(*th.max)) return false;
  return true;
}

// The smallest g ≥ 0 with (n + g)·10000 ≥ t·d; for counts, max(0, min − value).
double gap_of(const threshold& th, measure m, std::int64_t n, std::int64_t d, double value) {
  if (is_percentage(m)) {
    if (!th.min_percent_x100) return 0;
    const std::int64_t need = (*th.min_percent_x100 * d + 9999) / 10000;
    return need > n ? static_cast<double>(need - n) : 0.0;
  }
  return th.min ? std::max(0.0, static_cast<double>(*th.min) - value) : 0.0;
}

// The straight line from the baseline to the threshold (evaluation.md §4, §7): at fraction f of
// the window, expected = baseline + (threshold − baseline)·f, and the current pace carried to
// the due date, projected = baseline + (value − baseline)/f, clamped to [0, 100] for percentages
// and to ≥ 0 for counts. At f = 1 (due, or a one-day window) they are the threshold and the
// value; on day a (f = 0) there is no projection.
trajectory trajectory_at(double baseline, double value, std::optional<double> threshold, double f, bool percentage) {
  trajectory out;
  if (threshold) out.expected = f >= 1 ? *threshold : baseline + (*threshold - baseline) * f;
  if (f > 0) {
    const double projected = f >= 1 ? value : baseline + (value - baseline) / f;
    out.projected = percentage ? std::clamp(projected, 0.0, 100.0) : std::max(projected, 0.0);
  }
  return out;
}

void judge_row(result_row& row, const threshold& th, measure m, double baseline, double f, bool due,
               double at_risk_ratio) {
  const bool pct = is_percentage(m);
  if (pct && row.denominator == 0) {
    row.status = status::no_data;
    return;
  }
  const double value = pct ? row.percent.value_or(0) : row.value;
  const bool met = threshold_met(th, m, row.numerator, row.denominator, row.value);
  row.gap = gap_of(th, m, row.numerator, row.denominator, row.value);
  std::optional<double> target_value;
  if (pct && th.min_percent_x100) target_value = static_cast<double>(*th.min_percent_x100) / 100.0;
  if (!pct && th.min) target_value = static_cast<double>(*th.min);
  const auto line = trajectory_at(baseline, value, target_value, f, pct);
  row.expected = line.expected;
  row.projected = line.projected;
  // Counts only grow: a count already over its max before the due date cannot come back.
  const bool over_max = !pct && th.max && row.value > static_cast<double>(*th.max);
  if (due) row.status = met ? status::achieved : status::missed;
  else if (met) row.status = status::achieved;
  else if (over_max || !row.expected) row.status = status::off_track;
  else if (value >= *row.expected) row.status = status::on_track;
  else if (value >= at_risk_ratio * *row.expected) row.status = status::at_risk;
  else row.status = status::off_track;
}

}  // namespace nangluc::detail
