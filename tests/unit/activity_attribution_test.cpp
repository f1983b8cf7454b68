// Activity counts: classes held by a unit that was later abolished still count.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>
#include <nangluc/evaluation.hpp>
#include <nangluc/plan.hpp>

using namespace nangluc;

TEST_CASE("sessions of an organizer abolished with no successor count for the unit above it", "[evaluation][activity]") {
  // District 105 held two classes in 2024 and was abolished on 2025-06-30 with no successor;
  // the province held one in 2025. As of 2025-12-31 all three belong to the province's phase.
  const auto reg = read_registry_json(R"({"format": "nangluc/registry@1",
    "units": [{"id": "12", "name": "Tỉnh", "level": "tinh"},
              {"id": "105", "name": "Huyện", "level": "huyen", "parent": "12", "valid_to": "2025-06-30"}],
    "courses": [{"id": "K", "title": "Tập huấn", "kind": "tap_huan", "topics": ["dan_so_co_ban"]}],
    "sessions": [{"id": "S1", "course": "K", "start": "2024-03-01", "end": "2024-03-02", "organizer": "105"},
                 {"id": "S2", "course": "K", "start": "2024-09-01", "end": "2024-09-02", "organizer": "105"},
                 {"id": "S3", "course": "K", "start": "2025-09-01", "end": "2025-09-02", "organizer": "12"}]})");
  const auto plan = read_plan_json(R"({"format": "nangluc/plan@1", "id": "P", "title": "P", "issuer": "12",
    "period": {"start": "2021-01-01", "end": "2025-12-31"}, "phases": [{"id": "P1", "start": "2021-01-01", "end": "2025-12-31"}],
    "targets": [{"id": "A", "title": "Lớp", "measure": "activity_count", "count": "sessions",
                 "milestones": [{"phase": "P1", "min": 3}]}]})");
  const evaluator ev(plan, reg);
  const auto before = ev.evaluate(*parse_day("2024-12-31"));
  const auto after = ev.evaluate(*parse_day("2025-12-31"));
  const auto& b = before.targets[0].results[0].rows;
  const auto& a = after.targets[0].results[0].rows;
  REQUIRE(b.size() == 2);  // province and district
  CHECK(b[0].value == 2);
  CHECK(b[1].value == 2);
  REQUIRE(a.size() == 1);  // the district is gone; its classes are the province's
  CHECK(a[0].value == 3);
  CHECK(a[0].status == status::achieved);
}

TEST_CASE("an activity threshold stays the scope root's when rows are restricted to a unit", "[evaluation][activity]") {
  const auto reg = read_registry_json(R"({"format": "nangluc/registry@1",
    "units": [{"id": "12", "name": "Tỉnh", "level": "tinh"}, {"id": "105", "name": "Huyện", "level": "huyen", "parent": "12"}],
    "courses": [{"id": "K", "title": "Tập huấn", "kind": "tap_huan", "topics": ["dan_so_co_ban"]}],
    "sessions": [{"id": "S1", "course": "K", "start": "2024-03-01", "end": "2024-03-02", "organizer": "105"}]})");
  const auto plan = read_plan_json(R"({"format": "nangluc/plan@1", "id": "P", "title": "P", "issuer": "12",
    "period": {"start": "2021-01-01", "end": "2025-12-31"}, "phases": [{"id": "P1", "start": "2021-01-01", "end": "2025-12-31"}],
    "targets": [{"id": "A", "title": "Lớp", "measure": "activity_count", "count": "sessions",
                 "milestones": [{"phase": "P1", "min": 3}]}]})");
  evaluation_options only_district;
  only_district.unit = "105";
  const auto rep = evaluator(plan, reg).evaluate(*parse_day("2025-12-31"), only_district);
  const auto& rows = rep.targets[0].results[0].rows;
  REQUIRE(rows.size() == 1);
  CHECK(reg[rows[0].unit].id == "105");
  CHECK(rows[0].value == 1);
  CHECK(rows[0].status == status::none);
}

TEST_CASE("quotas count for a fill target when the selector allows them through all_of", "[evaluation][fill]") {
  const auto reg = read_registry_json(R"({"format": "nangluc/registry@1",
    "units": [{"id": "12", "name": "Tỉnh", "level": "tinh"}],
    "persons": [{"id": "a", "name": "A"}],
    "assignments": [{"person": "a", "unit": "12", "category": "cong_tac_vien", "sector": "dan_so", "start": "2020-01-01"}],
    "quotas": [{"unit": "12", "category": "cong_tac_vien", "count": 4}, {"unit": "12", "category": "vien_chuc", "count": 1}]})");
  const auto plan = read_plan_json(R"({"format": "nangluc/plan@1", "id": "P", "title": "P", "issuer": "12",
    "period": {"start": "2021-01-01", "end": "2025-12-31"},
    "targets": [{"id": "F", "title": "Biên chế", "measure": "staffing_fill",
                 "population": {"all_of": [{"category": ["cong_tac_vien"]}]},
                 "milestones": [{"by": "2025-12-31", "min_percent": 90}]}]})");
  const evaluator ev(plan, reg);
  const auto rep = ev.evaluate(*parse_day("2025-12-31"));
  const auto& root = rep.targets[0].results[0].rows.at(0);
  CHECK(root.numerator == 1);
  CHECK(root.denominator == 4);  // the vien_chuc quota is not the collaborators'
  CHECK(root.gap == 3);
  const auto needs = ev.needs("F", *parse_day("2025-12-31"));
  REQUIRE(needs.size() == 1);
  CHECK(needs[0].persons == 1);
  CHECK(needs[0].missing == 3);  // adds up to the row's gap
}
