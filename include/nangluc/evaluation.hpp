// The evaluation engine: a plan's targets against a registry as of a date — every unit at every
// level, exact counts and percentages, gaps, statuses against the trajectory, needs lists.
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/error.hpp>
#include <nangluc/handle.hpp>
#include <nangluc/plan.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nangluc {

class registry;

/// Where a row stands (evaluation.md §4). `none`: no threshold applies to the row (the rows
/// below the scope root of an activity count); written as null.
enum class status { not_started, no_data, achieved, missed, on_track, at_risk, off_track, none };
[[nodiscard]] std::string_view to_string(status s) noexcept;

/// One unit's figures for one milestone.
struct result_row {
  unit_ix unit;
  std::int64_t numerator = 0;     ///< persons (units, for unit_coverage) meeting the criterion
  std::int64_t denominator = 0;   ///< persons (units) in the population; quota for staffing_fill
  double value = 0;               ///< activity_count: the count (hours may be fractional)
  /// 100 * numerator / denominator, exact as a double; none when the denominator is 0.
  std::optional<double> percent;
  /// Persons (units, count) still needed to meet the threshold; 0 when met.
  double gap = 0;
  nangluc::status status = status::no_data;
  /// On the straight line from the baseline to the threshold, where the row should be now
  /// (a percentage; a count for activity_count). None where there is no trajectory.
  std::optional<double> expected;
  /// The current pace carried to the due date (capped at 100 for percentages).
  std::optional<double> projected;
  friend bool operator==(const result_row&, const result_row&) = default;
};

/// One milestone of a target (one year, for annual targets).
struct milestone_result {
  std::string label;              ///< phase id, year, or due date
  day_range window;               ///< [a, due]
  day due = 0;
  std::optional<day> evaluated_at;  ///< e = min(as_of, due); none when not started
  nangluc::threshold threshold;
  nangluc::status status = status::not_started;  ///< not_started, or the scope root's status
  std::vector<result_row> rows;   ///< the scope root first, then by level and tree order
  friend bool operator==(const milestone_result&, const milestone_result&) = default;
};

struct target_result {
  std::string target_id;
  std::vector<milestone_result> results;
  friend bool operator==(const target_result&, const target_result&) = default;
};

/// Everything one evaluation date gives (`nangluc/report@1`).
struct report {
  std::string plan_id;
  unit_ix scope;
  day as_of = 0;
  std::vector<target_result> targets;
  std::vector<problem> warnings;
  friend bool operator==(const report&, const report&) = default;
};

/// A person still missing from a target's numerator (or an uncovered unit, for unit_coverage).
struct need {
  person_ix person;               ///< none for unit_coverage
  assignment_ix assignment;       ///< the post that puts the person in the population
  unit_ix unit;                   ///< that post's unit as of the evaluation point
  std::optional<day> last_completed;  ///< last matching completion, if any
  std::int64_t persons = 0;       ///< unit_coverage: persons the unit has
  std::int64_t missing = 0;       ///< unit_coverage: persons it lacks
  friend bool operator==(const need&, const need&) = default;
};

struct evaluation_options {
  /// Levels to give rows for (codes of `levels`); empty: every level with a non-empty
  /// denominator. The scope root always has a row.
  std::vector<std::string> levels;
  /// Only rows of this unit's subtree (a unit id); empty: the plan's whole scope.
  std::string unit;
  /// Threads for the person passes: 0 (the default) uses every core, 1 runs on the calling
  /// thread only. Results are identical whatever the count.
  unsigned threads = 0;
};

/// A plan bound to a registry: codes, groups and unit ids resolved once, ready to evaluate any
/// number of dates. Throws validation_error when the plan names codes or units the registry
/// does not have.
class evaluator {
 public:
  evaluator(const plan& p, const registry& r);
  ~evaluator();
  evaluator(evaluator&&) noexcept;
  evaluator& operator=(evaluator&&) noexcept;

  /// The report as of one date.
  [[nodiscard]] report evaluate(day as_of, const evaluation_options& options = {}) const;
  [[nodiscard]] report evaluate(const date& as_of, const evaluation_options& options = {}) const {
    return evaluate(to_day(as_of), options);
  }
  /// Reports for several dates in one call (e.g. every 31 December), sharing the work that
  /// does not depend on the date.
  [[nodiscard]] std::vector<report> evaluate_series(std::span<const day> dates,
                                                    const evaluation_options& options = {}) const;
  /// Who still needs it: for the target's milestone in progress on `as_of` (else the last one
  /// due), every person in the denominator not in the numerator; for unit_coverage, every
  /// uncovered unit. Throws argument_error for an unknown target id.
  [[nodiscard]] std::vector<need> needs(std::string_view target_id, day as_of,
                                        const evaluation_options& options = {}) const;

  [[nodiscard]] const nangluc::plan& plan() const noexcept;
  [[nodiscard]] const nangluc::registry& registry() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Evaluates a plan against a registry as of one date (binds and evaluates once).
[[nodiscard]] report evaluate(const plan& p, const registry& r, day as_of,
                              const evaluation_options& options = {});

}  // namespace nangluc
