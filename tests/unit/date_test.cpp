// Dates as day numbers, the two accepted spellings, and ISO 8601 periods.
#include <catch2/catch.hpp>

#include <nangluc/date.hpp>
#include <nangluc/error.hpp>

using namespace nangluc;

TEST_CASE("dates read in ISO and in Vietnamese dd/mm/yyyy spelling", "[date]") {
  CHECK(parse_day("2025-07-01") == to_day(date(2025, 7, 1)));
  CHECK(parse_day("01/07/2025") == to_day(date(2025, 7, 1)));
  CHECK(parse_day("1/7/2025") == to_day(date(2025, 7, 1)));
  CHECK(parse_day("1970-01-01") == 0);
  CHECK(format_day(*parse_day("29/02/2024")) == "2024-02-29");
  CHECK(format_day_dmy(*parse_day("2024-02-29")) == "29/02/2024");
}

TEST_CASE("impossible or malformed dates are refused", "[date]") {
  for (const char* bad : {"2025-02-29", "2025-13-01", "2025-00-10", "31/04/2025", "2025/07/01", "2025-7-1",
                          "", "yesterday", "2025-07-01T00:00", "32/01/2025", "01/01/25"})
    CHECK_FALSE(parse_day(bad).has_value());
  CHECK_THROWS_AS(parse_date("30/02/2025"), argument_error);
}

TEST_CASE("day numbers and Boost dates convert both ways", "[date]") {
  for (auto d : {date(1900, 1, 1), date(2016, 2, 29), date(2025, 6, 30), date(2099, 12, 31)})
    CHECK(to_date(to_day(d)) == d);
  CHECK(to_day(date(2025, 7, 1)) - to_day(date(2025, 6, 30)) == 1);
}

TEST_CASE("ISO 8601 periods add on the calendar, clamping at a month's end", "[date]") {
  CHECK(parse_period("P5Y") == period{5, 0, 0});
  CHECK(parse_period("P1Y6M") == period{1, 6, 0});
  CHECK(parse_period("P2W") == period{0, 0, 14});
  CHECK_FALSE(parse_period("P").has_value());
  CHECK_FALSE(parse_period("5Y").has_value());
  CHECK_FALSE(parse_period("P1M1Y").has_value());
  CHECK_FALSE(parse_period("PT5H").has_value());
  CHECK(format_period(period{1, 6, 0}) == "P1Y6M");
  CHECK(add_period(*parse_day("2024-01-31"), period{0, 1, 0}) == *parse_day("2024-02-29"));
  CHECK(add_period(*parse_day("2024-02-29"), period{1, 0, 0}) == *parse_day("2025-02-28"));
  CHECK(subtract_period(*parse_day("2025-12-31"), period{0, 12, 0}) == *parse_day("2024-12-31"));
  CHECK(add_period(*parse_day("2025-12-31"), period{0, 0, 1}) == *parse_day("2026-01-01"));
}

TEST_CASE("age is counted in whole years", "[date]") {
  CHECK(age_on(*parse_day("2000-03-01"), *parse_day("2025-02-28")) == 24);
  CHECK(age_on(*parse_day("2000-03-01"), *parse_day("2025-03-01")) == 25);
}
