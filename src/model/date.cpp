// Parsing and formatting dates and ISO 8601 periods; calendar arithmetic via Boost.

#include <nangluc/date.hpp>
#include <nangluc/error.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <charconv>
#include <cstdio>

namespace nangluc {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::optional<day> make_day(int y, int m, int d) {
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  const auto last = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(y), static_cast<unsigned short>(m));
  if (d > last) return std::nullopt;
  return to_day(date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                     static_cast<unsigned short>(d)));
}

}  // namespace

std::optional<day> parse_day(std::string_view s) {
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return make_day(to_int(y), to_int(m), to_int(d));
  }
  // dd/mm/yyyy, day and month with one or two digits.
  const auto a = s.find('/');
  if (a == std::string_view::npos) return std::nullopt;
  const auto b = s.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  auto d = s.substr(0, a), m = s.substr(a + 1, b - a - 1), y = s.substr(b + 1);
  if (d.size() > 2 || m.size() > 2 || y.size() != 4) return std::nullopt;
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  return make_day(to_int(y), to_int(m), to_int(d));
}

date parse_date(std::string_view text) {
  auto d = parse_day(text);
  if (!d) throw argument_error("not a date (YYYY-MM-DD or dd/mm/yyyy): '" + std::string(text) + "'");
  return to_date(*d);
}

std::string format_day(day n) {
  const auto ymd = to_date(n).year_month_day();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year),
                static_cast<int>(ymd.month), static_cast<int>(ymd.day));
  return buf;
}

std::string format_day_dmy(day n) {
  const auto ymd = to_date(n).year_month_day();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", static_cast<int>(ymd.day),
                static_cast<int>(ymd.month), static_cast<int>(ymd.year));
  return buf;
}

std::optional<period> parse_period(std::string_view s) {
  // PnYnMnWnD, at least one component, no time part.
  if (s.size() < 3 || s[0] != 'P') return std::nullopt;
  period p;
  std::size_t i = 1;
  int last = -1;  // order of components: Y=0, M=1, W=2, D=3
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    // Periods of training validity are years, not millennia: bound each part (docs/data-format.md).
    if (j == i || j == s.size() || j - i > 5) return std::nullopt;
    const int v = to_int(s.substr(i, j - i));
    int order;
    switch (s[j]) {
      case 'Y': order = 0; p.years = v; break;
      case 'M': order = 1; p.months = v; break;
      case 'W': order = 2; p.days += 7 * v; break;
      case 'D': order = 3; p.days += v; break;
      default: return std::nullopt;
    }
    if (order <= last) return std::nullopt;
    if (p.years > 1000 || p.months > 12000 || p.days > 366000) return std::nullopt;
    last = order;
    i = j + 1;
  }
  return p;
}

std::string format_period(const period& p) {
  std::string out = "P";
  if (p.years) out += std::to_string(p.years) + "Y";
  if (p.months) out += std::to_string(p.months) + "M";
  if (p.days || out == "P") out += std::to_string(p.days) + "D";
  return out;
}

namespace {
day shift(day d, int sign, const period& p) {
  const auto ymd = to_date(d).year_month_day();
  long months = static_cast<long>(ymd.year) * 12 + (static_cast<long>(ymd.month) - 1) +
                sign * (static_cast<long>(p.years) * 12 + p.months);
  const int y = static_cast<int>(months / 12);
  const int m = static_cast<int>(months % 12) + 1;
  // Past the calendar's ends the result saturates: "expires after 9999" is "does not expire".
  if (y > 9999) return day_max;
  if (y < 1400) return day_min;
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(y), static_cast<unsigned short>(m));
  const int dd = std::min(static_cast<int>(ymd.day), last);
  const auto base = static_cast<std::int64_t>(to_day(date(static_cast<unsigned short>(y),
                                                          static_cast<unsigned short>(m),
                                                          static_cast<unsigned short>(dd))));
  const auto max_day = static_cast<std::int64_t>(to_day(date(9999, 12, 31)));
  const auto min_day = static_cast<std::int64_t>(to_day(date(1400, 1, 1)));
  const std::int64_t result = base + sign * static_cast<std::int64_t>(p.days);
  if (result > max_day) return day_max;
  if (result < min_day) return day_min;
  return static_cast<day>(result);
}
}  // namespace

day add_period(day d, const period& p) { return shift(d, +1, p); }
day subtract_period(day d, const period& p) { return shift(d, -1, p); }

int age_on(day birth, day on) {
  const auto b = to_date(birth).year_month_day(), o = to_date(on).year_month_day();
  int age = static_cast<int>(o.year) - static_cast<int>(b.year);
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --age;
  return age;
}

}  // namespace nangluc
