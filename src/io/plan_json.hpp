// The one reader of plan JSON, seen from the plan model: validate(plan) checks a plan built in
// code by reading its JSON form, so files and code meet the same checks and codes.
#pragma once

#include <nangluc/error.hpp>
#include <nangluc/plan.hpp>

#include <cstdint>
#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace nangluc::detail {

/// A target's measure-specific fields as a plan file spells them, all optional: what the reader
/// collects before it knows the measure, and what the writer writes. Each measure takes some of
/// them (evaluation.md §3).
struct target_fields {
  std::optional<selector> population;
  std::optional<nangluc::criterion> criterion;
  denominator_policy denominator = denominator_policy::in_post_at_end;
  std::string unit_level;
  std::int64_t min_per_unit = 1;
  count_kind count = count_kind::person_times;
  activity_filter filter;
  std::optional<std::int64_t> min_percent_x100;
  std::vector<int> years;
};

/// The measure's own struct from the fields (those it does not take are ignored).
[[nodiscard]] measure_spec measure_of(measure m, target_fields parts);
/// The fields a measure's struct gives, for writing.
[[nodiscard]] target_fields fields_of(const measure_spec& spec);

/// Every problem read_plan_json would find in `text` (errors and warnings), named as in `file`;
/// none when the plan is valid and has no warnings.
[[nodiscard]] std::vector<problem> check_plan_json(std::string_view text, const std::string& file);

}  // namespace nangluc::detail
