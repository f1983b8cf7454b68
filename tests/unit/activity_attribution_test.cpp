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
