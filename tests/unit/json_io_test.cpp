// Registry JSON: reading in any key order, writing canonically, and losing nothing.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>

#include <filesystem>
#include <fstream>

using namespace nangluc;

namespace {

// Lists in an unusual order (enrollments before the persons and sessions they name, a child
// unit before its parent), every optional field, and extension fields everywhere.
const char* const everything = R"({
  "x_exported_by": {"system": "Excel", "version": 16},
  "enrollments": [
    {"person": "p1", "session": "S1", "status": "completed", "completed_on": "2022-05-10", "score": 8.5, "x_cert_no": "A-12"},
    {"person": "p1", "session": "S1", "status": "failed", "score": 4}
  ],
  "units": [
    {"id": "V1", "name": "Bản Nà Nèn", "level": "thon", "kind": "ban", "valid_from": "2008-01-01",
     "parents": [{"unit": "C1", "to": "2025-06-30", "x_decision": "1670/NQ-UBTVQH15"}, {"unit": "12", "from": "2025-07-01"}]},
    {"id": "C1", "name": "Xã San Thàng", "level": "xa", "kind": "xa", "parent": "12", "valid_from": "2008-01-01",
     "valid_to": "2025-06-30", "successor": "C2", "x_gso_code": "03199"},
    {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh", "kind": "tinh"},
    {"id": "C2", "name": "Phường Tân Phong", "level": "xa", "kind": "phuong", "parent": "12", "valid_from": "2025-07-01"}
  ],
  "format": "nangluc/registry@1",
  "profile": "vn-population",
  "vocabularies": {"roles": [{"code": "y_te_thon_ban", "vi": "Y tế thôn bản", "en": "Village health worker", "x_since": 2019}],
                   "qualification_kinds": [{"code": "my_titles", "vi": "Danh hiệu", "en": "Titles"}],
                   "my_titles": [{"code": "a", "vi": "A", "en": "A", "rank": 1}]},
  "persons": [
    {"id": "p1", "name": "Lò Thị Hoa", "sex": "F", "birth_date": "1990-03-01", "ethnicity": "thai",
     "external_ids": {"cccd": "012345678901", "staff_no": "LC-001"}, "x_phone": "0912 345 678"}
  ],
  "assignments": [
    {"person": "p1", "unit": "C1", "employer": "12", "category": "vien_chuc",
     "roles": ["chuyen_trach_dan_so_xa", "y_te_thon_ban"], "sector": "dan_so", "start": "2019-01-01", "end": "2025-06-30"}
  ],
  "qualifications": [
    {"person": "p1", "kind": "education", "code": "dai_hoc", "field": "y_te_cong_cong", "awarded": "2012-06-30",
     "issuer": "Trường Đại học Y Hà Nội"},
    {"person": "p1", "kind": "my_titles", "code": "a"}
  ],
  "courses": [
    {"id": "BD1", "title": "Bồi dưỡng dân số viên", "kind": "boi_duong", "topics": ["dan_so_co_ban", "truyen_thong_tu_van"],
     "hours": 37.5, "confers": {"kind": "certificate", "code": "bd_dan_so_vien", "valid_for": "P5Y", "x_form": "B"}}
  ],
  "sessions": [
    {"id": "S1", "course": "BD1", "start": "2022-05-09", "end": "2022-05-13", "organizer": "12",
     "location": "Hội trường, phố \"Mới\", Lai Châu", "capacity": 40, "cost_vnd": 125000000, "funding": "ngan_sach_dia_phuong",
     "attendance": [{"category": "cong_tac_vien", "sex": "F", "count": 12, "x_note": "ghi tay"}, {"count": 3}]}
  ],
  "quotas": [{"unit": "C1", "category": "vien_chuc", "roles": ["chuyen_trach_dan_so_xa"], "sector": "dan_so", "count": 1,
              "from": "2020-01-01", "to": "2025-06-30"}]
})";

}  // namespace

TEST_CASE("lists may come in any order and refer to records defined later", "[json]") {
  const auto r = read_registry_json(everything, "everything.json");
  CHECK(r.units().size() == 4);
  CHECK(r[r.parent(r.unit_at("V1"), *parse_day("2024-01-01"))].id == "C1");
  CHECK(r[r[enrollment_ix{0}].person].id == "p1");
  CHECK(r[r[enrollment_ix{0}].session].id == "S1");
  CHECK(r.warnings().empty());
}

TEST_CASE("a registry written and read back is equal, and writing it again gives the same text", "[json]") {
  const auto r1 = read_registry_json(everything, "everything.json");
  const auto text1 = write_registry_json(r1);
  const auto r2 = read_registry_json(text1, "written.json");
  CHECK(r1.data() == r2.data());
  CHECK(write_registry_json(r2) == text1);
}

TEST_CASE("extension fields are kept verbatim wherever they appear", "[json]") {
  const auto text = write_registry_json(read_registry_json(everything, "everything.json"));
  for (const char* kept : {R"("x_exported_by": {"system":"Excel","version":16})", R"("x_cert_no": "A-12")",
                           R"("x_decision": "1670/NQ-UBTVQH15")", R"("x_gso_code": "03199")",
                           R"("x_phone": "0912 345 678")", R"("x_form": "B")", R"("x_note": "ghi tay")"}) {
    INFO(kept);
    CHECK(text.find(kept) != std::string::npos);
  }
}

TEST_CASE("the writer puts one record per line in canonical key order", "[json]") {
  const auto text = write_registry_json(read_registry_json(everything, "everything.json"));
  CHECK(text.rfind("{\n  \"format\": \"nangluc/registry@1\",\n  \"profile\": \"vn-population\"", 0) == 0);
  CHECK(text.find(R"({"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh", "kind": "tinh"})") != std::string::npos);
  CHECK(text.find(R"("hours": 37.5)") != std::string::npos);
  CHECK(text.find(R"("score": 4})") != std::string::npos);  // a whole number stays whole
  CHECK(text.find(R"("location": "Hội trường, phố \"Mới\", Lai Châu")") != std::string::npos);
  CHECK(text.find("\"units\"") < text.find("\"persons\""));
  CHECK(text.find("\"persons\"") < text.find("\"enrollments\""));
}

TEST_CASE("text is normalised to NFC on input", "[json][unicode]") {
  // "Hoà" with a decomposed grave accent (a + U+0300) becomes the precomposed "à".
  const std::string decomposed = "Ho\x61\xCC\x80";
  const std::string composed = "Ho\xC3\xA0";
  const auto r = read_registry_json(R"({"format": "nangluc/registry@1", "units": [{"id": "1", "name": ")" +
                                    decomposed + R"(", "level": "tinh"}]})");
  CHECK(r.units()[0].name == composed);
}

TEST_CASE("vocabulary additions declare codes a registry uses, and are written back", "[json][vocabulary]") {
  const auto r = read_registry_json(everything, "everything.json");
  const auto& roles = r.vocab(vocab::roles);
  CHECK(roles[roles.at("y_te_thon_ban")].vi == "Y tế thôn bản");
  CHECK(roles.find("lanh_dao").has_value());  // the profile's codes remain
  CHECK(r.data().additions.at("roles").size() == 1);
  const auto text = write_registry_json(r);
  CHECK(text.find(R"({"code": "y_te_thon_ban", "vi": "Y tế thôn bản", "en": "Village health worker", "x_since": 2019})") !=
        std::string::npos);
}

TEST_CASE("a file is loaded all or nothing, with every problem located", "[json][validation]") {
  const char* bad = R"({"format": "nangluc/registry@1",
    "units": [{"id": "12", "name": "T", "level": "tinh"}, {"id": "12", "name": "U", "level": "tinh"}],
    "persons": [{"id": "p", "name": "P"}],
    "assignments": [{"person": "q", "unit": "12", "category": "cong_chuc", "sector": "dan_so", "start": "2020-31-01"}]})";
  try {
    (void)read_registry_json(bad, "bad.json");
    FAIL("expected a validation error");
  } catch (const validation_error& e) {
    std::vector<std::string> lines;
    for (const auto& p : e.problems()) lines.push_back(p.to_string());
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
            return l.rfind("bad.json:/units/1: error[duplicate_id]", 0) == 0;
          }) == 1);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
            return l.rfind("bad.json:/assignments/0/person: error[dangling_reference]", 0) == 0;
          }) == 1);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
            return l.rfind("bad.json:/assignments/0/start: error[bad_date]", 0) == 0;
          }) == 1);
  }
}

TEST_CASE("a syntax error is located by line and column", "[json][validation]") {
  try {
    (void)read_registry_json("{\"format\": \"nangluc/registry@1\",\n  \"units\": [,]}", "s.json");
    FAIL("expected a validation error");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == "json_syntax");
    CHECK(e.problems()[0].location == "2:13");
  }
}

TEST_CASE("errors past the limit are counted, not listed", "[json][validation]") {
  std::string units;
  for (int i = 0; i < 30; ++i) units += std::string(i ? "," : "") + R"({"id": "u", "name": "U", "level": "xa"})";
  load_options opt;
  opt.max_errors = 10;
  try {
    (void)read_registry_json(R"({"format": "nangluc/registry@1", "units": [)" + units + "]}", "many.json", opt);
    FAIL("expected a validation error");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 11);
    CHECK(e.problems().back().code == "too_many_errors");
    CHECK(e.problems().back().message == "19 more errors not shown");
  }
}

TEST_CASE("saving writes the whole file atomically and leaves no temporary behind", "[json][io]") {
  const auto dir = std::filesystem::temp_directory_path() / "nangluc_json_io_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto r = read_registry_json(everything, "everything.json");
  save_registry(r, dir / "out.json");
  const auto back = load_registry(dir / "out.json");
  CHECK(back.data() == r.data());
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
  CHECK_THROWS_AS(save_registry(r, dir / "missing-folder" / "out.json"), io_error);
  CHECK_THROWS_AS(load_registry(dir / "nothing.json"), io_error);
  std::filesystem::remove_all(dir);
}

TEST_CASE("an empty external id is no id, as an empty CSV cell is", "[json]") {
  const auto r = read_registry_json(R"({"format": "nangluc/registry@1", "units": [{"id": "1", "name": "T", "level": "tinh"}],
    "persons": [{"id": "p", "name": "P", "external_ids": {"cccd": "", "staff_no": "7"}}]})");
  CHECK(r.persons()[0].external_ids == std::vector<std::pair<std::string, std::string>>{{"staff_no", "7"}});
}

TEST_CASE("a repeated key whose value is an object does not confuse the keys that follow", "[json]") {
  try {
    (void)read_registry_json(R"({"format": "nangluc/registry@1",
      "units": [{"x_meta": {"id": 1}, "x_meta": {"id": 2}, "id": "12", "name": "T", "level": "tinh"}]})",
                             "dup.json");
    FAIL("expected a validation error");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == "duplicate_key");
    CHECK(e.problems()[0].location == "/units/0/x_meta");
  }
}
