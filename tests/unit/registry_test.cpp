// The registry's queries as of a date, on both sides of the 2025-07-01 reorganisation.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>

#include <algorithm>

using namespace nangluc;

namespace {

// Province 12 with districts 105 and 106 until 2025-06-30; communes 03001, 03002 (under 105)
// and 03003 (under 106) merge on 2025-07-01 into 03101 and 03102 directly under the province.
// Village V1 hangs under 03001, then under 03101.
const char* const reorganised = R"({
  "format": "nangluc/registry@1",
  "units": [
    {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh", "kind": "tinh"},
    {"id": "105", "name": "Thành phố Lai Châu", "level": "huyen", "parent": "12", "valid_to": "2025-06-30"},
    {"id": "106", "name": "Huyện Tam Đường", "level": "huyen", "parent": "12", "valid_to": "2025-06-30"},
    {"id": "03001", "name": "Phường Tân Phong", "level": "xa", "parent": "105", "valid_to": "2025-06-30", "successor": "03101"},
    {"id": "03002", "name": "Xã San Thàng", "level": "xa", "parent": "105", "valid_to": "2025-06-30", "successor": "03101"},
    {"id": "03003", "name": "Xã Bình Lư", "level": "xa", "parent": "106", "valid_to": "2025-06-30", "successor": "03102"},
    {"id": "03101", "name": "Phường Tân Phong", "level": "xa", "parent": "12", "valid_from": "2025-07-01"},
    {"id": "03102", "name": "Xã Bình Lư", "level": "xa", "parent": "12", "valid_from": "2025-07-01"},
    {"id": "V1", "name": "Bản Nà Nèn", "level": "thon", "parents": [
      {"unit": "03001", "to": "2025-06-30"}, {"unit": "03101", "from": "2025-07-01"}]}
  ],
  "persons": [
    {"id": "p1", "name": "Lò Thị Hoa", "sex": "F", "birth_date": "1990-03-01"},
    {"id": "p2", "name": "Giàng A Páo", "sex": "M"}
  ],
  "assignments": [
    {"person": "p1", "unit": "03001", "employer": "105", "category": "vien_chuc",
     "roles": ["chuyen_trach_dan_so_xa"], "sector": "dan_so", "start": "2019-01-01"},
    {"person": "p2", "unit": "V1", "category": "cong_tac_vien", "sector": "dan_so",
     "start": "2018-01-01", "end": "2024-12-31"},
    {"person": "p2", "unit": "105", "category": "vien_chuc", "sector": "dan_so", "start": "2020-06-01", "end": "2025-06-30"}
  ],
  "qualifications": [
    {"person": "p1", "kind": "education", "code": "trung_cap", "field": "dan_so_y_te", "awarded": "2010-06-30"},
    {"person": "p1", "kind": "education", "code": "dai_hoc", "field": "y_te_cong_cong", "awarded": "2021-06-30"},
    {"person": "p1", "kind": "certificate", "code": "chuan_cdnn_dan_so", "awarded": "2019-05-01", "expires": "2023-04-30"},
    {"person": "p2", "kind": "education", "code": "cao_dang"},
    {"person": "p2", "kind": "education", "code": "dai_hoc", "awarded": "2030-01-01"}
  ],
  "courses": [
    {"id": "BDDSV", "title": "Bồi dưỡng dân số viên", "kind": "boi_duong", "topics": ["dan_so_co_ban"],
     "hours": 40, "confers": {"kind": "certificate", "code": "bd_dan_so_vien", "valid_for": "P2Y"}}
  ],
  "sessions": [
    {"id": "S1", "course": "BDDSV", "start": "2022-05-09", "end": "2022-05-13", "organizer": "12"},
    {"id": "S2", "course": "BDDSV", "start": "2023-05-08", "end": "2023-05-12", "organizer": "12"}
  ],
  "enrollments": [
    {"person": "p1", "session": "S1", "status": "completed", "completed_on": "2022-05-10"},
    {"person": "p2", "session": "S2", "status": "withdrawn"}
  ]
})";

const registry& reg() {
  static const registry r = read_registry_json(reorganised, "reorganised.json");
  return r;
}

day D(const char* s) { return *parse_day(s); }

std::vector<std::string> ids(const std::vector<unit_ix>& us) {
  std::vector<std::string> out;
  for (auto u : us) out.push_back(reg()[u].id);
  return out;
}

const day before = D("2024-06-30");
const day after = D("2026-01-01");

}  // namespace

TEST_CASE("a unit's parent is the one in force on the date", "[registry][tree]") {
  const auto& r = reg();
  CHECK(r[r.parent(r.unit_at("03001"), before)].id == "105");
  CHECK(r.parent(r.unit_at("03001"), after).is_none());  // the commune has ended
  CHECK(r[r.parent(r.unit_at("V1"), before)].id == "03001");
  CHECK(r[r.parent(r.unit_at("V1"), after)].id == "03101");
  CHECK(r[r.parent(r.unit_at("V1"), D("2025-06-30"))].id == "03001");
  CHECK(r[r.parent(r.unit_at("V1"), D("2025-07-01"))].id == "03101");
  CHECK(r.parent(r.unit_at("12"), before).is_none());
  CHECK(r[r.parent(r.unit_at("105"), parse_date("2024-06-30"))].id == "12");
}

TEST_CASE("ancestors lead to the root through the tree of the date", "[registry][tree]") {
  const auto& r = reg();
  CHECK(ids(r.ancestors(r.unit_at("V1"), before)) == std::vector<std::string>{"03001", "105", "12"});
  CHECK(ids(r.ancestors(r.unit_at("V1"), after)) == std::vector<std::string>{"03101", "12"});
  CHECK(r.ancestors(r.unit_at("12"), after).empty());
}

TEST_CASE("a subtree holds the units under a unit on the date", "[registry][tree]") {
  const auto& r = reg();
  auto b = ids(r.subtree(r.unit_at("12"), before));
  std::sort(b.begin(), b.end());
  CHECK(b == std::vector<std::string>{"03001", "03002", "03003", "105", "106", "12", "V1"});
  auto a = ids(r.subtree(r.unit_at("12"), after));
  std::sort(a.begin(), a.end());
  CHECK(a == std::vector<std::string>{"03101", "03102", "12", "V1"});
  CHECK(ids(r.subtree(r.unit_at("105"), before)) == std::vector<std::string>{"105", "03001", "V1", "03002"});
  CHECK(r.subtree(r.unit_at("105"), after).empty());
  CHECK(r.subtree(r.unit_at("03101"), before).empty());  // not yet created
}

TEST_CASE("a unit's level and depth come from the levels vocabulary", "[registry][tree]") {
  const auto& r = reg();
  const auto& levels = r.vocab(vocab::levels);
  CHECK(levels.code(r[r.unit_at("105")].level) == "huyen");
  CHECK(r.depth(r.unit_at("12")) == 1);
  CHECK(r.depth(r.unit_at("03101")) == 3);
  CHECK(r.depth(r.unit_at("V1")) == 4);
}

TEST_CASE("an ended unit resolves along its successor chain", "[registry][tree]") {
  const auto& r = reg();
  CHECK(r[r.resolve(r.unit_at("03001"), before)].id == "03001");
  CHECK(r[r.resolve(r.unit_at("03001"), after)].id == "03101");
  CHECK(r[r.resolve(r.unit_at("03002"), after)].id == "03101");
  CHECK(r[r.resolve(r.unit_at("03003"), D("2025-07-01"))].id == "03102");
  CHECK(r.resolve(r.unit_at("105"), after).is_none());   // a district with no successor
  CHECK(r.resolve(r.unit_at("03101"), before).is_none()); // not begun yet
}

TEST_CASE("the tree snapshot of a date answers subtree questions in constant time", "[registry][tree]") {
  const auto& r = reg();
  const auto t1 = r.tree_at(before);
  const auto t2 = r.tree_at(parse_date("2026-01-01"));
  const auto p = r.unit_at("12"), d105 = r.unit_at("105"), v1 = r.unit_at("V1"), c1 = r.unit_at("03001"),
             n1 = r.unit_at("03101");
  CHECK(t1.in_subtree(v1, d105));
  CHECK(t1.in_subtree(v1, p));
  CHECK_FALSE(t1.in_subtree(v1, r.unit_at("106")));
  CHECK_FALSE(t2.contains(d105));
  CHECK_FALSE(t2.contains(c1));
  CHECK(t2.in_subtree(v1, n1));
  CHECK(t2.parent(n1) == p);
  CHECK(ids(t1.roots()) == std::vector<std::string>{"12"});
  CHECK(t1.subtree(p).size() == 7);
  CHECK(t2.subtree(p).size() == 4);
  CHECK(t1.preorder().front() == p);
}

TEST_CASE("a person's active assignments are those in post on the date", "[registry][person]") {
  const auto& r = reg();
  const auto p2 = r.person_at("p2");
  CHECK(r.active_assignments(p2, D("2019-01-01")).size() == 1);
  CHECK(r.active_assignments(p2, D("2024-12-31")).size() == 2);
  CHECK(r.active_assignments(p2, D("2025-01-01")).size() == 1);
  CHECK(r.active_assignments(p2, D("2025-07-01")).empty());
  CHECK(r.active_assignments(p2, D("2017-12-31")).empty());
  const auto p1 = r.person_at("p1");
  const auto a = r.active_assignments(p1, after);
  REQUIRE(a.size() == 1);
  CHECK(r[r[a[0]].employer].id == "105");  // seconded: employed by the district
}

TEST_CASE("qualifications held on a date include those conferred by completed courses", "[registry][person]") {
  const auto& r = reg();
  const auto p1 = r.person_at("p1");
  const auto& kinds = r.vocab(vocab::qualification_kinds);
  const auto cert = kinds.at("certificate");
  auto certificates = [&](day d) {
    std::vector<std::string> out;
    for (const auto& h : r.qualifications_held(p1, d))
      if (h.kind == cert) out.push_back(r.vocab("certificate").code(h.code));
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(certificates(D("2019-04-30")).empty());
  CHECK(certificates(D("2019-05-01")) == std::vector<std::string>{"chuan_cdnn_dan_so"});
  CHECK(certificates(D("2022-05-10")) == std::vector<std::string>{"bd_dan_so_vien", "chuan_cdnn_dan_so"});
  CHECK(certificates(D("2023-04-30")) == std::vector<std::string>{"bd_dan_so_vien", "chuan_cdnn_dan_so"});
  CHECK(certificates(D("2023-05-01")) == std::vector<std::string>{"bd_dan_so_vien"});
  // Conferred for P2Y from 2022-05-10: the last day held is 2024-05-09.
  CHECK(certificates(D("2024-05-09")) == std::vector<std::string>{"bd_dan_so_vien"});
  CHECK(certificates(D("2024-05-10")).empty());
  // A withdrawn enrollment confers nothing.
  for (const auto& h : r.qualifications_held(r.person_at("p2"), D("2024-01-01"))) CHECK(h.kind != cert);
}

TEST_CASE("highest education is the held education of greatest rank", "[registry][person]") {
  const auto& r = reg();
  const auto& edu = r.vocab(vocab::education);
  const auto p1 = r.person_at("p1");
  CHECK(edu.code(r.highest_education(p1, D("2020-01-01"))->code) == "trung_cap");
  CHECK(edu.code(r.highest_education(p1, D("2021-06-30"))->code) == "dai_hoc");
  CHECK_FALSE(r.highest_education(p1, D("2009-01-01")).has_value());
  // An education of unknown award date is held always; one awarded in 2030 only from then.
  const auto p2 = r.person_at("p2");
  CHECK(edu.code(r.highest_education(p2, D("2000-01-01"))->code) == "cao_dang");
  CHECK(edu.code(r.highest_education(p2, D("2030-01-01"))->code) == "dai_hoc");
}

TEST_CASE("an enrollment completes on its completed_on, else on its session's end", "[registry][training]") {
  const auto& r = reg();
  CHECK(r.completion_day(enrollment_ix{0}) == D("2022-05-10"));
  CHECK(r.completion_day(enrollment_ix{1}) == D("2023-05-12"));
}

TEST_CASE("lookups by id find records and refuse unknown ids", "[registry]") {
  const auto& r = reg();
  CHECK(r.find_unit("105").has_value());
  CHECK_FALSE(r.find_unit("999").has_value());
  CHECK(r.find_course("BDDSV").has_value());
  CHECK(r.find_session("S2").has_value());
  CHECK_THROWS_AS(r.unit_at("999"), argument_error);
  CHECK_THROWS_AS(r.person_at("nobody"), argument_error);
}
