// The workforce structure report: who is counted where, and how.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>

using namespace nangluc;

namespace {

const char* const small = R"({
  "format": "nangluc/registry@1",
  "units": [
    {"id": "12", "name": "Tỉnh", "level": "tinh"},
    {"id": "105", "name": "Huyện A", "level": "huyen", "parent": "12", "valid_to": "2025-06-30"},
    {"id": "C1", "name": "Xã 1", "level": "xa", "parent": "105", "valid_to": "2025-06-30", "successor": "N1"},
    {"id": "C2", "name": "Xã 2", "level": "xa", "parent": "105", "valid_to": "2025-06-30", "successor": "N1"},
    {"id": "N1", "name": "Xã mới", "level": "xa", "parent": "12", "valid_from": "2025-07-01"}
  ],
  "persons": [
    {"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}, {"id": "d", "name": "D"}
  ],
  "assignments": [
    {"person": "a", "unit": "12", "category": "cong_chuc", "sector": "dan_so", "start": "2015-01-01"},
    {"person": "b", "unit": "C1", "employer": "105", "category": "vien_chuc", "sector": "dan_so", "start": "2015-01-01"},
    {"person": "c", "unit": "C1", "category": "vien_chuc", "sector": "dan_so", "start": "2015-01-01"},
    {"person": "c", "unit": "C2", "category": "khong_chuyen_trach", "sector": "dan_so", "start": "2015-01-01"},
    {"person": "d", "unit": "C2", "category": "vien_chuc", "sector": "y_te", "start": "2015-01-01"}
  ],
  "qualifications": [
    {"person": "a", "kind": "education", "code": "thac_si", "field": "y_khoa"},
    {"person": "a", "kind": "education", "code": "dai_hoc", "field": "y_khoa"},
    {"person": "b", "kind": "education", "code": "trung_cap", "field": "dieu_duong_ho_sinh"},
    {"person": "c", "kind": "education", "code": "dai_hoc", "field": "luat"},
    {"person": "c", "kind": "certificate", "code": "bd_dan_so_vien", "awarded": "2019-01-01"}
  ],
  "courses": [{"id": "K", "title": "Bồi dưỡng dân số viên", "kind": "boi_duong", "topics": ["dan_so_co_ban"],
               "confers": {"kind": "certificate", "code": "bd_dan_so_vien"}}],
  "sessions": [{"id": "S", "course": "K", "start": "2020-03-02", "end": "2020-03-06"}],
  "enrollments": [{"person": "b", "session": "S", "status": "completed"}],
  "quotas": [
    {"unit": "12", "sector": "dan_so", "count": 3},
    {"unit": "C1", "count": 1}, {"unit": "C2", "count": 1},
    {"unit": "C2", "sector": "y_te", "count": 2}
  ]
})";

const structure_level& level(const structure_report& s, const std::string& code) {
  for (const auto& l : s.levels)
    if (l.level == code) return l;
  FAIL("no level " << code);
  throw;
}

std::int64_t count(const code_counts& c, const std::string& code) {
  for (const auto& [k, n] : c)
    if (k == code) return n;
  return 0;
}

}  // namespace

TEST_CASE("the structure report counts each person once per level", "[structure]") {
  const auto r = read_registry_json(small, "small.json");
  const auto s = workforce_structure(r, *parse_day("2020-01-01"));
  CHECK(s.levels.size() == 2);  // no district-level post: only tinh and xa
  const auto& xa = level(s, "xa");
  CHECK(xa.present == 2);  // b, c (twice, once counted); d is y_te
  CHECK(count(xa.by_category, "vien_chuc") == 2);
  CHECK(count(xa.by_category, "khong_chuyen_trach") == 1);
  CHECK(xa.quota == 2);  // quotas without a sector count for every sector; the y_te quota not
  const auto& tinh = level(s, "tinh");
  CHECK(tinh.present == 1);
  CHECK(tinh.quota == 3);
  CHECK(tinh.education == code_counts{{"thac_si", 1}});  // highest only
  CHECK(tinh.education_y_duoc == code_counts{{"thac_si", 1}});
}

TEST_CASE("a seconded officer counts at the level of the unit she works in", "[structure]") {
  const auto r = read_registry_json(small, "small.json");
  const auto s = workforce_structure(r, *parse_day("2020-01-01"));
  CHECK(count(level(s, "xa").education, "trung_cap") == 1);  // b, employed by the district
  CHECK(count(level(s, "xa").education_y_duoc, "trung_cap") == 1);
  CHECK(count(level(s, "xa").education_y_duoc, "dai_hoc") == 0);  // c studied law
}

TEST_CASE("certificates count holders, recorded or conferred by a completed course", "[structure]") {
  const auto r = read_registry_json(small, "small.json");
  CHECK(count(level(workforce_structure(r, *parse_day("2020-01-01")), "xa").certificates, "bd_dan_so_vien") == 1);
  CHECK(count(level(workforce_structure(r, *parse_day("2020-03-06")), "xa").certificates, "bd_dan_so_vien") == 2);
}

TEST_CASE("after the reorganisation posts and quotas count for the successor commune", "[structure]") {
  const auto r = read_registry_json(small, "small.json");
  const auto s = workforce_structure(r, *parse_day("2026-01-01"));
  const auto& xa = level(s, "xa");
  CHECK(xa.present == 2);
  CHECK(xa.quota == 2);  // open-ended quotas of the old communes carry over, like their posts
}

TEST_CASE("the report can count every sector, and refuses an unknown one", "[structure]") {
  const auto r = read_registry_json(small, "small.json");
  const auto all = workforce_structure(r, *parse_day("2020-01-01"), "");
  CHECK(level(all, "xa").present == 3);
  CHECK(level(all, "xa").quota == 4);
  CHECK_THROWS_AS(workforce_structure(r, *parse_day("2020-01-01"), "giao_duc"), argument_error);
}
