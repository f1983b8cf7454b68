// Internal: how the report writers turn figures into text — decimals rounded from exact
// fractions or from doubles, thresholds, CSV fields — shared by the CSV, table and needs writers.
#pragma once

#include <nangluc/plan.hpp>
#include <nangluc/report.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nangluc::detail {

/// Throws argument_error unless 0 <= decimals <= max_decimals.
void check_decimals(int decimals);
inline constexpr int max_decimals = 6;

/// A double with `decimals` digits after the point, rounded half-up (away from zero) or
/// truncated (toward zero). Doubles carry binary noise (0.145 is stored as 0.14499…), so values
/// within a billionth of a digit boundary count as on it. Empty for NaN or infinity.
[[nodiscard]] std::string format_decimal(double v, int decimals, rounding mode);
[[nodiscard]] std::string format_decimal(const std::optional<double>& v, int decimals, rounding mode);

/// A count as text: an integer without a point, else rounded like format_decimal.
[[nodiscard]] std::string format_count(double v, int decimals, rounding mode);

/// A percentage held in hundredths, written exactly: 8000 → "80", 6667 → "66.67", 8050 → "80.5".
[[nodiscard]] std::string format_hundredths(std::int64_t x100);

/// The threshold in CSV form: "80" for a percentage; ">=10", "<=20" or "10..20" for counts;
/// "" when there is none.
[[nodiscard]] std::string threshold_csv(const threshold& t);

/// Appends `field` to `line`, quoted as RFC 4180 requires (when it holds a comma, a quote or a
/// line break; quotes doubled).
void append_csv_field(std::string& line, std::string_view field);

/// The dates of a report in a language: dd/mm/yyyy for Vietnamese, ISO otherwise.
[[nodiscard]] std::string format_day_in(day d, language lang);

}  // namespace nangluc::detail
