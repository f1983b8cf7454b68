// Reports people read and systems consume: JSON (`nangluc/report@1`), CSV (one row per
// target × milestone × unit) and a bilingual terminal table; percentages rounded for display
// from the exact integer counts.
#pragma once

#include <nangluc/evaluation.hpp>
#include <nangluc/language.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace nangluc {

class registry;

enum class rounding { half_up, truncate };

struct format_options {
  int decimals = 1;               ///< digits after the decimal point in text and CSV
  nangluc::rounding rounding = rounding::half_up;
  nangluc::language lang = language::vi;  ///< labels and dates: Vietnamese or English
};

/// What every report shows of a row, decided once for JSON, CSV, the table and the Python
/// columns: whether a threshold binds it (not the rows below an activity count's root, whose
/// threshold is the scope's) and whether it has a gap (bound, and not `no_data`).
struct row_display {
  bool bound = true;
  bool has_gap = true;
};
[[nodiscard]] inline row_display display_of(const result_row& row) noexcept {
  const bool bound = row.status != status::none;
  return {bound, bound && row.status != status::no_data};
}

/// 100 * numerator / denominator with `decimals` digits, rounded from the exact fraction
/// (25 of 38 at 2 decimals: "65.79" half-up, "65.78" truncated). Empty when denominator is 0.
[[nodiscard]] std::string format_percent(std::int64_t numerator, std::int64_t denominator, int decimals,
                                         rounding mode);

/// The report as `nangluc/report@1` JSON (exact percentages as numbers).
void write_report_json(const report& rep, const plan& p, const registry& r, std::ostream& out);
/// One row per target × milestone × unit, with rounded percentages.
void write_report_csv(const report& rep, const plan& p, const registry& r, const format_options& f,
                      std::ostream& out);
/// A table a provincial officer can read, with labels in `f.lang`.
void write_report_table(const report& rep, const plan& p, const registry& r, const format_options& f,
                        std::ostream& out);

/// A needs list as CSV (`person,name,unit,unit_name,category,roles,last_completed`, or
/// `unit,unit_name,level,persons,missing` for unit_coverage and staffing_fill) or JSON (a list
/// of objects with the same keys).
void write_needs_csv(const std::vector<need>& needs, const target& t, const registry& r, std::ostream& out);
void write_needs_json(const std::vector<need>& needs, const target& t, const registry& r, std::ostream& out);

}  // namespace nangluc
