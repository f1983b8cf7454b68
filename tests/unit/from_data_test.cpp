// One validation for every way in: cases of the bad-input catalogue (tests/cli/test_bad_input.py)
// built in code and passed to registry::from_data give the codes and locations the file readers
// give for the same mistake in a file.

#include <nangluc/io.hpp>
#include <nangluc/registry.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <set>

using namespace nangluc;
using json = nlohmann::json;

namespace {

const json base = json::parse(R"({"format": "nangluc/registry@1", "profile": "vn-population",
  "units": [{"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh"},
            {"id": "106", "name": "Huyện Tam Đường", "level": "huyen", "parent": "12"}],
  "persons": [{"id": "P1", "name": "Lò Thị Hoa"}, {"id": "P2", "name": "Tẩn Văn Sơn"}],
  "assignments": [{"person": "P1", "unit": "106", "category": "vien_chuc", "sector": "dan_so", "start": "2020-01-01"}],
  "courses": [{"id": "C1", "title": "Bồi dưỡng", "kind": "boi_duong", "topics": ["dan_so_co_ban"]}],
  "sessions": [{"id": "S1", "course": "C1", "start": "2022-05-16", "end": "2022-05-27"}],
  "enrollments": [{"person": "P1", "session": "S1", "status": "completed"}],
  "quotas": [{"unit": "106", "sector": "dan_so", "count": 1}]})");

using found = std::set<std::pair<std::string, std::string>>;  // (location, code) of errors

found errors_of(const std::vector<problem>& ps) {
  found out;
  for (const auto& p : ps)
    if (p.severity == severity::error) out.emplace(p.location, p.code);
  return out;
}

found from_file(const json& doc) {
  try {
    (void)read_registry_json(doc.dump(), "r.json");
  } catch (const validation_error& e) {
    return errors_of(e.problems());
  }
  return {};
}

found from_code(const std::function<void(registry_data&)>& edit) {
  registry_data d = read_registry_json(base.dump()).data();
  edit(d);
  try {
    (void)registry::from_data(std::move(d));
  } catch (const validation_error& e) {
    return errors_of(e.problems());
  }
  return {};
}

struct catalogue_case {
  std::string name;
  std::function<void(json&)> in_file;
  std::function<void(registry_data&)> in_code;
};

const std::string nfd_id = "Tra\xCC\x80m";  // "Tràm" decomposed
const std::string nfc_id = "Tr\xC3\xA0m";

}  // namespace

TEST_CASE("the bad-input catalogue built in code gives the readers' codes and locations", "[from_data][validation]") {
  const std::vector<catalogue_case> cases{
      {"duplicate person id", [](json& d) { d["persons"][1]["id"] = "P1"; },
       [](registry_data& d) { d.persons[1].id = "P1"; }},
      {"duplicate session id", [](json& d) { d["sessions"].push_back(d["sessions"][0]); },
       [](registry_data& d) { d.sessions.push_back(d.sessions[0]); }},
      {"duplicate unit id differing only in normalisation",
       [](json& d) {
         d["units"].push_back({{"id", nfd_id}, {"name", "A"}, {"level", "xa"}, {"parent", "106"}});
         d["units"].push_back({{"id", nfc_id}, {"name", "B"}, {"level", "xa"}, {"parent", "106"}});
       },
       [](registry_data& d) {
         for (const auto& id : {nfd_id, nfc_id}) {
           unit u = d.units[1];
           u.id = id;
           u.level = d.vocabularies.at("levels").at("xa");
           u.parents = {parent_link{unit_ix{1}, {}, {}}};
           d.units.push_back(u);
         }
       }},
      {"enrollment status out of range", [](json& d) { d["enrollments"][0]["status"] = "done"; },
       [](registry_data& d) { d.enrollments[0].status = static_cast<enrollment_status>(9); }},
      {"negative quota", [](json& d) { d["quotas"][0]["count"] = -1; }, [](registry_data& d) { d.quotas[0].count = -1; }},
      {"session ending before it starts", [](json& d) { d["sessions"][0]["end"] = "2022-05-01"; },
       [](registry_data& d) { d.sessions[0].when.to = d.sessions[0].when.from - 15; }},
      {"overlapping assignments", [](json& d) { d["assignments"].push_back(d["assignments"][0]); },
       [](registry_data& d) { d.assignments.push_back(d.assignments[0]); }},
      {"level not below the parent's", [](json& d) { d["units"][1]["level"] = "tinh"; },
       [](registry_data& d) { d.units[1].level = d.units[0].level; }},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    json doc = base;
    c.in_file(doc);
    const auto expected = from_file(doc);
    REQUIRE_FALSE(expected.empty());
    CHECK(from_code(c.in_code) == expected);
  }
}

TEST_CASE("from_data brings ids to NFC and refuses text that is not UTF-8", "[from_data][validation]") {
  registry_data d = read_registry_json(base.dump()).data();
  d.units[1].id = nfd_id;
  const auto reg = registry::from_data(d);
  CHECK(reg.find_unit(nfc_id));
  CHECK(reg.units()[1].id == nfc_id);

  d.persons[0].name = "L\xF2 Th\xEF";  // Latin-1, not UTF-8
  try {
    (void)registry::from_data(d);
    FAIL("loaded");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == "bad_encoding");
    CHECK(e.problems()[0].location == "/persons/0/name");
  }
}
