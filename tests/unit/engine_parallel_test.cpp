// The evaluation engine's shared and parallel work (performance.md): the person pass split across
// threads, and a series sharing work across dates, must give exactly the reports of one thread
// and of one date at a time.
#include <catch2/catch.hpp>

#include <nangluc/evaluation.hpp>
#include <nangluc/nangluc.hpp>
#include <nangluc/plan.hpp>

#include "generate/generate.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace nangluc;

namespace {

std::string source(const std::string& path) { return std::string(NANGLUC_SOURCE_DIR) + "/" + path; }

day on(unsigned short y, unsigned char m, unsigned char d) { return to_day(date(y, m, d)); }

// Dates before, inside and after both phases, at and between due dates, around the 2025
// reorganisation (communes and provinces ending on 2025-06-30).
std::vector<day> dates_to_check() {
  std::vector<day> out{on(2020, 12, 31), on(2021, 1, 1), on(2023, 6, 15), on(2025, 6, 30), on(2025, 7, 1)};
  for (unsigned short y = 2021; y <= 2031; ++y) out.push_back(on(y, 12, 31));
  return out;
}

std::size_t rows_of(const report& r) {
  std::size_t n = 0;
  for (const auto& t : r.targets)
    for (const auto& m : t.results) n += m.rows.size();
  return n;
}

// 1,001 persons, each in post at three communes of one province at once: 3,003 candidate posts,
// so the person pass is cut into blocks and most cuts fall inside a person's posts unless the
// engine moves them to a person boundary.
registry three_posts_each() {
  std::string units = R"({"id": "12", "name": "Tỉnh", "level": "tinh", "kind": "tinh"})";
  for (int c = 1; c <= 3; ++c)
    units += R"(, {"id": "X)" + std::to_string(c) + R"(", "name": "Xã )" + std::to_string(c) +
             R"(", "level": "xa", "kind": "xa", "parent": "12"})";
  std::string persons, posts, enrollments;
  for (int i = 0; i < 1001; ++i) {
    const std::string id = "P" + std::to_string(i);
    persons += std::string(i ? "," : "") + R"({"id": ")" + id + R"(", "name": "Cán bộ )" + id + "\"}";
    for (int c = 1; c <= 3; ++c)
      posts += std::string(i || c > 1 ? "," : "") + R"({"person": ")" + id + R"(", "unit": "X)" + std::to_string(c) +
               R"(", "category": "cong_chuc", "sector": "dan_so", "start": "2020-01-01"})";
    if (i % 3 == 0)
      enrollments += std::string(i ? "," : "") + R"({"person": ")" + id + R"(", "session": "S1", "status": "completed"})";
  }
  return read_registry_json(R"({"format": "nangluc/registry@1", "units": [)" + units + R"(], "persons": [)" + persons +
                            R"(], "assignments": [)" + posts +
                            R"(], "courses": [{"id": "K1", "title": "Bồi dưỡng", "kind": "boi_duong", "topics": ["dan_so_co_ban"]}],
                               "sessions": [{"id": "S1", "course": "K1", "start": "2022-03-01", "end": "2022-03-05"}],
                               "enrollments": [)" + enrollments + "]}",
                            "three-posts.json");
}

}  // namespace

TEST_CASE("a person with several posts counts once per unit whatever the thread count", "[engine][threads]") {
  const auto reg = three_posts_each();
  const auto plan = read_plan_json(R"({"format": "nangluc/plan@1", "id": "KH", "title": "KH", "issuer": "12",
    "period": {"start": "2021-01-01", "end": "2030-12-31"},
    "targets": [{"id": "T", "title": "T", "measure": "person_coverage",
                 "population": {"category": ["cong_chuc"]}, "criterion": {"training": {"topics": ["dan_so_co_ban"]}},
                 "milestones": [{"by": "2025-12-31", "min_percent": 30}]}]})",
                                   "three-posts-plan.json");
  const evaluator ev(plan, reg);
  for (unsigned threads : {1u, 2u, 3u, 4u, 5u}) {
    CAPTURE(threads);
    evaluation_options o;
    o.threads = threads;
    const auto rep = ev.evaluate(on(2025, 12, 31), o);
    const auto& rows = rep.targets.at(0).results.at(0).rows;
    REQUIRE(rows.size() == 4);  // the province, then its three communes
    for (const auto& row : rows) {
      CHECK(row.denominator == 1001);
      CHECK(row.numerator == 334);  // P0, P3, …, P1000
    }
  }
}

TEST_CASE("the national plan gives the same report on one thread and on several", "[engine][threads]") {
  // Enough persons that the person pass is cut into several blocks, persons kept whole.
  const auto reg = generate_national({20'000, 7});
  const auto plan = load_plan(source("bench/national-plan.json"));
  const evaluator ev(plan, reg);
  for (day d : {on(2021, 12, 31), on(2025, 12, 31), on(2026, 6, 30)}) {
    evaluation_options one;
    one.threads = 1;
    const auto expected = ev.evaluate(d, one);
    REQUIRE(rows_of(expected) > 1000);
    for (unsigned threads : {0u, 2u, 3u, 4u, 7u}) {
      CAPTURE(format_day(d), threads);
      evaluation_options many;
      many.threads = threads;
      CHECK(ev.evaluate(d, many) == expected);
    }
  }
}

TEST_CASE("a series on several threads equals each date evaluated alone on one thread", "[engine][series]") {
  const auto reg = generate_national({5'000, 3});
  const auto plan = load_plan(source("bench/national-plan.json"));
  const evaluator ev(plan, reg);
  const auto dates = dates_to_check();
  evaluation_options one, many;
  one.threads = 1;
  many.threads = 4;
  const auto series = ev.evaluate_series(dates, many);
  REQUIRE(series.size() == dates.size());
  for (std::size_t i = 0; i < dates.size(); ++i) {
    CAPTURE(format_day(dates[i]));
    CHECK(series[i] == ev.evaluate(dates[i], one));
  }
}

TEST_CASE("a series of the example plans equals their one-date reports, in any date order", "[engine][series]") {
  for (const char* example : {"lai-chau", "dong-thap"}) {
    CAPTURE(example);
    const auto reg = load_registry(source(std::string("examples/") + example + "/registry.json"));
    const auto plan = load_plan(source(std::string("examples/") + example + "/plan.json"));
    const evaluator ev(plan, reg);
    auto dates = dates_to_check();
    // Later dates first and a repeated date: what is shared must not depend on the order.
    std::reverse(dates.begin(), dates.end());
    dates.push_back(dates.front());
    const auto series = ev.evaluate_series(dates);
    REQUIRE(series.size() == dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) {
      CAPTURE(format_day(dates[i]));
      CHECK(series[i] == ev.evaluate(dates[i]));
    }
  }
}

TEST_CASE("the needs lists are the same whatever the evaluation's thread count", "[engine][threads]") {
  // needs() counts the persons of unit coverage and staffing fill with the rows' person pass.
  const auto reg = generate_national({5'000, 5});
  const auto plan = load_plan(source("bench/national-plan.json"));
  const evaluator ev(plan, reg);
  evaluation_options one, many;
  one.threads = 1;
  many.threads = 3;
  for (const char* target : {"T1", "T5b", "B1", "B3"}) {
    CAPTURE(target);
    CHECK(ev.needs(target, on(2025, 12, 31), many) == ev.needs(target, on(2025, 12, 31), one));
  }
}
