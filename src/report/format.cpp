// Figures as text. Percentages are rounded from the exact fraction by long division, so that
// 25 of 38 truncated at two decimals is 65.78 — the figure a Vietnamese report prints — and
// never 65.79 or 65.77 from a double's noise.

#include "report/format.hpp"

#include "io/text_format.hpp"

#include <nangluc/error.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace nangluc {
namespace detail {
namespace {

// Adds one unit in the last place of a string of decimal digits.
void increment_digits(std::string& digits) {
  for (auto i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return;
    }
    digits[i] = '0';
  }
  digits.insert(digits.begin(), '1');
}

// "12345" with 2 decimals → "123.45"; leading zeros of the integer part dropped (one kept).
std::string place_point(std::string digits, int decimals, bool negative) {
  const auto d = static_cast<std::size_t>(decimals);
  if (digits.size() <= d) digits.insert(0, d + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - d);
  const std::string frac = digits.substr(digits.size() - d);
  const auto nonzero = whole.find_first_not_of('0');
  whole = nonzero == std::string::npos ? "0" : whole.substr(nonzero);
  const bool zero = whole == "0" && frac.find_first_not_of('0') == std::string::npos;
  std::string s = negative && !zero ? "-" : "";
  s += whole;
  if (d > 0) s += '.' + frac;
  return s;
}

}  // namespace

void check_decimals(int decimals) {
  if (decimals < 0 || decimals > max_decimals)
    throw argument_error("decimals must be between 0 and " + std::to_string(max_decimals) + ", not " +
                         std::to_string(decimals));
}

std::string format_decimal(double v, int decimals, rounding mode) {
  check_decimals(decimals);
  if (!std::isfinite(v)) return "";
  static constexpr std::array<double, max_decimals + 1> scale{1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  const bool negative = v < 0;
  const double scaled = std::fabs(v) * scale[static_cast<std::size_t>(decimals)];
  if (scaled >= 9.0e15) return format_number(v);  // beyond exact integers: print as is
  // Absorbs a double's noise just under a rounding step (29.999999999999996 truncates to 30.0),
  // never a real part of a step: a relative tolerance alone would turn 65,000,000.0 into .1.
  const double tolerance = std::min(1e-9 * std::max(1.0, scaled), 1e-6);
  const double whole = mode == rounding::half_up ? std::floor(scaled + 0.5 + tolerance)
                                                 : std::floor(scaled + tolerance);
  return place_point(std::to_string(static_cast<long long>(whole)), decimals, negative);
}

std::string format_decimal(const std::optional<double>& v, int decimals, rounding mode) {
  return v ? format_decimal(*v, decimals, mode) : std::string();
}

std::string format_count(double v, int decimals, rounding mode) {
  if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9.0e15) return format_number(v);
  return format_decimal(v, decimals, mode);
}

std::string format_hundredths(std::int64_t x100) {
  const bool negative = x100 < 0;
  const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(x100) : static_cast<std::uint64_t>(x100);
  std::string s = place_point(std::to_string(magnitude), 2, negative);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string threshold_csv(const threshold& t) {
  if (t.min_percent_x100) return format_hundredths(*t.min_percent_x100);
  if (t.min && t.max) return std::to_string(*t.min) + ".." + std::to_string(*t.max);
  if (t.min) return ">=" + std::to_string(*t.min);
  if (t.max) return "<=" + std::to_string(*t.max);
  return "";
}

void append_csv_field(std::string& line, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += field;
    return;
  }
  line += '"';
  for (char c : field) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

std::string format_day_in(day d, language lang) {
  return lang == language::en ? format_day(d) : format_day_dmy(d);
}

}  // namespace detail

std::string format_percent(std::int64_t numerator, std::int64_t denominator, int decimals, rounding mode) {
  detail::check_decimals(decimals);
  if (denominator == 0) return "";
  const bool negative = (numerator < 0) != (denominator < 0) && numerator != 0;
  auto magnitude = [](std::int64_t x) {
    return x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
  };
  const std::uint64_t n = magnitude(numerator), d = magnitude(denominator);

  // Long division of n / d: the quotient's integer digits, then two more (×100, a percentage)
  // and `decimals` more. Each step adds the remainder to itself ten times modulo d, which
  // cannot overflow since both are below d <= 2^63.
  std::string digits = std::to_string(n / d);
  std::uint64_t rem = n % d;
  for (int i = 0; i < 2 + decimals; ++i) {
    std::uint64_t next = 0;
    char digit = '0';
    for (int k = 0; k < 10; ++k) {
      next += rem;
      if (next >= d) {
        next -= d;
        ++digit;
      }
    }
    digits += digit;
    rem = next;
  }
  // Half-up: the discarded part rem/d is at least one half.
  if (mode == rounding::half_up && rem >= d - rem) detail::increment_digits(digits);
  return detail::place_point(std::move(digits), decimals, negative);
}

}  // namespace nangluc
