// Calendar dates: Boost.Date_Time in the public API, day numbers inside.
// Every question nangluc answers is asked as of a date; intervals are closed [from, to].
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace nangluc {

/// A calendar date, as in the public API.
using date = boost::gregorian::date;

/// A date as a day number (days since 1970-01-01), used in storage and the engine.
using day = std::int32_t;

/// An absent lower bound ("since always", unknown award date) and an absent upper bound
/// ("open-ended"). Never a real date, so "absent" survives a write and a read.
inline constexpr day day_min = std::numeric_limits<day>::min();
inline constexpr day day_max = std::numeric_limits<day>::max();

/// Julian day number of 1970-01-01: Boost numbers days from 4713 BC.
inline constexpr std::int64_t unix_epoch_jdn = 2440588;

/// Converts a Boost date to a day number. The date must be a real date (not special).
[[nodiscard]] inline day to_day(const date& d) {
  return static_cast<day>(static_cast<std::int64_t>(d.day_number()) - unix_epoch_jdn);
}

/// Converts a day number back to a Boost date.
[[nodiscard]] inline date to_date(day n) {
  return date(boost::gregorian::gregorian_calendar::from_day_number(
      static_cast<boost::gregorian::gregorian_calendar::date_int_type>(n + unix_epoch_jdn)));
}

/// Parses `YYYY-MM-DD` (ISO 8601) or `dd/mm/yyyy` (as Vietnamese spreadsheets write dates,
/// day and month may have one digit). Returns nullopt for anything else or an impossible date.
[[nodiscard]] std::optional<day> parse_day(std::string_view text);

/// Parses a date like parse_day, throwing argument_error for bad text.
[[nodiscard]] date parse_date(std::string_view text);

/// Formats a day number as `YYYY-MM-DD`.
[[nodiscard]] std::string format_day(day d);
/// Formats a day number as `dd/mm/yyyy`.
[[nodiscard]] std::string format_day_dmy(day d);

/// A closed interval of days; day_min / day_max stand for an open end.
struct day_range {
  day from = day_min;
  day to = day_max;
  [[nodiscard]] constexpr bool contains(day d) const noexcept { return from <= d && d <= to; }
  [[nodiscard]] constexpr bool overlaps(const day_range& o) const noexcept {
    return from <= o.to && o.from <= to;
  }
  friend constexpr bool operator==(const day_range&, const day_range&) = default;
};

/// An ISO 8601 duration of whole years, months and days (`P5Y`, `P12M`, `P1Y6M`, `P30D`, `P2W`).
struct period {
  int years = 0;
  int months = 0;
  int days = 0;
  friend constexpr bool operator==(const period&, const period&) = default;
};

/// Parses an ISO 8601 period of years, months, weeks and days; nullopt when malformed.
[[nodiscard]] std::optional<period> parse_period(std::string_view text);
/// Writes a period back in ISO 8601 (`P1Y6M`; `P0D` for an empty one).
[[nodiscard]] std::string format_period(const period& p);

/// d + p. Months are added on the calendar; a day past the month's end is clamped to it
/// (2024-01-31 + P1M = 2024-02-29), never rolled into the next month.
[[nodiscard]] day add_period(day d, const period& p);
/// Whole years between `birth` and `on` (a person born 2000-03-01 is 25 on 2025-03-01).
[[nodiscard]] int age_on(day birth, day on);

/// d - p, with the same clamping.
[[nodiscard]] day subtract_period(day d, const period& p);

}  // namespace nangluc
