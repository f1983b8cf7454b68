// Each validation rule of model.md §5, on the smallest registry that breaks it.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>

#include <nlohmann/json.hpp>

using namespace nangluc;
using json = nlohmann::json;

namespace {

json base() {
  return json::parse(R"({
    "format": "nangluc/registry@1",
    "units": [
      {"id": "12", "name": "Tỉnh", "level": "tinh"},
      {"id": "105", "name": "Huyện", "level": "huyen", "parent": "12", "valid_to": "2025-06-30"},
      {"id": "C1", "name": "Xã", "level": "xa", "parent": "105", "valid_to": "2025-06-30", "successor": "C2"},
      {"id": "C2", "name": "Xã mới", "level": "xa", "parent": "12", "valid_from": "2025-07-01"}
    ],
    "persons": [{"id": "p1", "name": "Lò Thị Hoa"}],
    "assignments": [{"person": "p1", "unit": "C1", "category": "vien_chuc", "sector": "dan_so", "start": "2020-01-01"}],
    "courses": [{"id": "K", "title": "Khóa", "kind": "tap_huan", "topics": ["dan_so_co_ban"]}],
    "sessions": [{"id": "S", "course": "K", "start": "2022-01-10", "end": "2022-01-12"}],
    "enrollments": [{"person": "p1", "session": "S", "status": "completed"}],
    "quotas": [{"unit": "C1", "count": 1}]
  })");
}

// The (code, location) of every problem reading `doc` finds; empty when it loads cleanly.
std::vector<std::pair<std::string, std::string>> problems(const json& doc, bool warnings = false) {
  std::vector<std::pair<std::string, std::string>> out;
  try {
    const auto r = read_registry_json(doc.dump(), "r.json");
    if (warnings)
      for (const auto& w : r.warnings()) out.emplace_back(w.code, w.location);
  } catch (const validation_error& e) {
    for (const auto& p : e.problems())
      if (p.severity == severity::error || warnings) out.emplace_back(p.code, p.location);
  }
  std::sort(out.begin(), out.end());
  return out;
}

using P = std::vector<std::pair<std::string, std::string>>;

// Expected problems, in the order problems() gives them (sorted: list order in a file varies).
P S(P p) {
  std::sort(p.begin(), p.end());
  return p;
}

}  // namespace

TEST_CASE("the base registry of these tests is valid and has no warnings", "[validation]") {
  CHECK(problems(base(), true).empty());
}

TEST_CASE("a missing required field is an error", "[validation]") {
  auto d = base();
  d["units"][1].erase("level");
  d["assignments"][0].erase("start");
  CHECK(problems(d) == S({{"missing_field", "/units/1/level"}, {"missing_field", "/assignments/0/start"}}));
}

TEST_CASE("a value of the wrong type is an error", "[validation]") {
  auto d = base();
  d["persons"][0]["name"] = 7;
  d["quotas"][0]["count"] = "one";
  CHECK(problems(d) == S({{"wrong_type", "/persons/0/name"}, {"wrong_type", "/quotas/0/count"}}));
}

TEST_CASE("an unknown field is an error unless it starts with x_", "[validation]") {
  auto d = base();
  d["persons"][0]["nickname"] = "Hoa";
  d["persons"][0]["x_nickname"] = "Hoa";
  d["x_source"] = "so-y-te";
  CHECK(problems(d) == S({{"unknown_field", "/persons/0/nickname"}}));
}

TEST_CASE("a code missing from its vocabulary is an error", "[validation]") {
  auto d = base();
  d["assignments"][0]["category"] = "cong_chuk";
  d["assignments"][0]["roles"] = {"lanh_dao", "boss"};
  CHECK(problems(d) == S({{"unknown_code", "/assignments/0/category"}, {"unknown_code", "/assignments/0/roles/1"}}));
}

TEST_CASE("an id used twice is an error", "[validation]") {
  auto d = base();
  d["persons"].push_back({{"id", "p1"}, {"name", "Another"}});
  CHECK(problems(d) == S({{"duplicate_id", "/persons/1"}}));
}

TEST_CASE("a reference to a record that does not exist is an error", "[validation]") {
  auto d = base();
  d["enrollments"][0]["session"] = "S9";
  d["units"][2]["successor"] = "C9";
  CHECK(problems(d) == S({{"dangling_reference", "/units/2/successor"}, {"dangling_reference", "/enrollments/0/session"}}));
}

TEST_CASE("an impossible date is an error", "[validation]") {
  auto d = base();
  d["sessions"][0]["start"] = "2022-02-30";
  CHECK(problems(d) == S({{"bad_date", "/sessions/0/start"}}));
}

TEST_CASE("a start after its end is an error", "[validation]") {
  auto d = base();
  d["sessions"][0]["start"] = "2022-01-13";
  d["assignments"][0]["end"] = "2019-12-31";
  CHECK(problems(d) == S({{"bad_range", "/assignments/0/start"}, {"bad_range", "/sessions/0/start"}}));
}

TEST_CASE("the same person twice in the same post at once is an error", "[validation]") {
  auto d = base();
  d["assignments"].push_back(
      {{"person", "p1"}, {"unit", "C1"}, {"category", "vien_chuc"}, {"sector", "dan_so"}, {"start", "2021-01-01"}});
  // A different post (another sector) at the same time is fine.
  d["assignments"].push_back(
      {{"person", "p1"}, {"unit", "C1"}, {"category", "vien_chuc"}, {"sector", "y_te"}, {"start", "2021-01-01"}});
  CHECK(problems(d) == S({{"overlapping_assignment", "/assignments/1/start"}}));
}

TEST_CASE("a cycle in the unit tree is an error", "[validation]") {
  auto d = base();
  d["units"].push_back({{"id", "A"}, {"name", "A"}, {"level", "thon"}, {"parent", "B"}});
  d["units"].push_back({{"id", "B"}, {"name", "B"}, {"level", "thon"}, {"parent", "A"}});
  const auto p = problems(d);
  CHECK(std::count(p.begin(), p.end(), std::pair<std::string, std::string>{"cycle", "/units/4/parent"}) == 1);
}

TEST_CASE("a successor chain that loops is an error", "[validation]") {
  auto d = base();
  d["units"][3]["valid_to"] = "2026-12-31";
  d["units"][3]["successor"] = "C1";
  CHECK(problems(d) == S({{"cycle", "/units/2/successor"}}));
}

TEST_CASE("a unit must be at a deeper level than its parent", "[validation]") {
  auto d = base();
  d["units"][1]["level"] = "tinh";
  CHECK(problems(d) == S({{"level_order", "/units/1/parent"}}));
}

TEST_CASE("a parent must exist whenever its child hangs under it", "[validation]") {
  auto d = base();
  d["units"][2].erase("valid_to");  // the commune outlives its district
  d["units"][2].erase("successor");
  CHECK(problems(d) == S({{"parent_not_valid", "/units/2/parent"}}));
}

TEST_CASE("negative counts and money are errors", "[validation]") {
  auto d = base();
  d["quotas"][0]["count"] = -1;
  d["sessions"][0]["cost_vnd"] = -5000;
  d["sessions"][0]["attendance"] = {{{"count", -2}}};
  CHECK(problems(d) == S({{"negative_value", "/sessions/0/cost_vnd"},
                         {"negative_value", "/sessions/0/attendance/0/count"},
                         {"negative_value", "/quotas/0/count"}}));
}

TEST_CASE("a completion while the person held no post is a warning", "[validation][warning]") {
  auto d = base();
  d["assignments"][0]["start"] = "2023-01-01";
  CHECK(problems(d, true) == S({{"completion_without_post", "/enrollments/0"}}));
}

TEST_CASE("a post outliving its unit with no successor is a warning", "[validation][warning]") {
  auto d = base();
  d["assignments"][0]["unit"] = "105";
  CHECK(problems(d, true) == S({{"ended_unit_without_successor", "/assignments/0/unit"}}));
}

TEST_CASE("a qualification awarded after it expires is a warning", "[validation][warning]") {
  auto d = base();
  d["qualifications"] = {{{"person", "p1"}, {"kind", "certificate"}, {"code", "bd_dan_so_vien"},
                          {"awarded", "2024-01-01"}, {"expires", "2023-12-31"}}};
  CHECK(problems(d, true) == S({{"awarded_after_expiry", "/qualifications/0/expires"}}));
}

TEST_CASE("registry data built in code is validated the same way", "[validation]") {
  auto data = registry_data::with_profile();
  unit u;
  u.id = "1";
  u.name = "Tỉnh";
  u.level = data.vocabularies.at(vocab::levels).at("tinh");
  data.units.push_back(u);
  assignment a;
  a.person = person_ix{5};  // no such person
  a.unit = unit_ix{0};
  a.category = data.vocabularies.at(vocab::categories).at("cong_chuc");
  a.sector = data.vocabularies.at(vocab::sectors).at("dan_so");
  a.when.from = *parse_day("2020-01-01");
  data.assignments.push_back(a);
  try {
    (void)registry::from_data(data);
    FAIL("expected a validation error");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == "dangling_reference");
    CHECK(e.problems()[0].location == "/assignments/0/person");
  }
}

TEST_CASE("a unit cannot be its own parent", "[validation]") {
  auto d = base();
  d["units"][1]["parent"] = "105";
  CHECK(problems(d) == S({{"cycle", "/units/1/parent"}}));
}
