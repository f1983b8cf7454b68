// CSV tables: a registry saved as a folder of tables reads back equal; spreadsheet habits (BOM,
// CRLF, quoted line breaks, dd/mm/yyyy, decomposed text) are accepted; problems name file:line:column.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using namespace nangluc;
namespace fs = std::filesystem;

namespace {

// Every field of every list, extension fields of every JSON type, Vietnamese text, and text
// that only survives CSV when quoted (commas, quotes, line breaks, edge spaces).
const char* const every_field = R"({
  "format": "nangluc/registry@1",
  "profile": "vn-population",
  "vocabularies": {"roles": [{"code": "y_te_thon_ban", "vi": "Y tế thôn bản", "en": "Village health worker"}],
                   "qualification_kinds": [{"code": "my_titles", "vi": "Danh hiệu", "en": "Titles"}],
                   "my_titles": [{"code": "a", "vi": "A", "en": "A", "rank": 1}]},
  "x_exported_by": {"system": "Excel", "version": 16},
  "x_note": "xuất từ \"HIS\", bản 2",
  "units": [
    {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh", "kind": "tinh"},
    {"id": "C1", "name": "Xã San Thàng", "level": "xa", "kind": "xa", "parent": "12", "valid_from": "2008-01-01",
     "valid_to": "2025-06-30", "successor": "C2", "x_gso_code": "03199"},
    {"id": "C2", "name": "Phường Tân Phong", "level": "xa", "kind": "phuong", "parent": "12", "valid_from": "2025-07-01"},
    {"id": "V1", "name": "Bản Nà Nèn", "level": "thon", "kind": "ban", "valid_from": "2008-01-01",
     "parents": [{"unit": "C1", "to": "2025-06-30", "x_decision": "1670/NQ-UBTVQH15"}, {"unit": "12", "from": "2025-07-01"}]}
  ],
  "persons": [
    {"id": "p1", "name": "Lò Thị Hoa", "sex": "F", "birth_date": "1990-03-01", "ethnicity": "thai",
     "external_ids": {"staff_no": "LC-001"},
     "x_phone": "0912 345 678", "x_code": "123", "x_flag": true, "x_n": 42, "x_obj": {"a": [1, 2.5, "b"]},
     "x_empty": "", "x_null": null, "x_quote": "say \"hi\"", "x_brace": "{not json", "x_padded": " padded ",
     "x_json_string": "\"quoted\""},
    {"id": "p2", "name": " Nguyễn Văn An, con", "sex": "M", "external_ids": {"cccd": "012345678901", "staff_no": "LC-002"},
     "x_code": "abc"},
    {"id": "p3", "name": "Giàng A Páo", "sex": "X"}
  ],
  "assignments": [
    {"person": "p1", "unit": "C1", "employer": "12", "category": "vien_chuc",
     "roles": ["chuyen_trach_dan_so_xa", "y_te_thon_ban"], "sector": "dan_so", "start": "2019-01-01", "end": "2025-06-30",
     "x_decision": "12/QĐ"},
    {"person": "p2", "unit": "C2", "category": "cong_tac_vien", "sector": "dan_so", "start": "2025-07-01"}
  ],
  "qualifications": [
    {"person": "p1", "kind": "education", "code": "dai_hoc", "field": "y_te_cong_cong", "awarded": "2012-06-30",
     "expires": "2099-12-31", "issuer": "Trường Đại học Y Hà Nội"},
    {"person": "p1", "kind": "my_titles", "code": "a"}
  ],
  "courses": [
    {"id": "BD1", "title": "Bồi dưỡng dân số viên", "kind": "boi_duong", "topics": ["dan_so_co_ban", "truyen_thong_tu_van"],
     "hours": 37.5, "confers": {"kind": "certificate", "code": "bd_dan_so_vien", "valid_for": "P5Y", "x_form": "B"}},
    {"id": "TH1", "title": "Tập huấn", "kind": "tap_huan", "topics": ["cntt"]}
  ],
  "sessions": [
    {"id": "S1", "course": "BD1", "start": "2022-05-09", "end": "2022-05-13", "organizer": "12",
     "location": "Hội trường,\nphố \"Mới\", Lai Châu", "capacity": 40, "cost_vnd": 125000000, "funding": "ngan_sach_dia_phuong",
     "attendance": [{"category": "cong_tac_vien", "sex": "F", "count": 12, "x_note": "ghi tay"}, {"count": 3}]},
    {"id": "S2", "course": "TH1", "start": "2023-01-02", "end": "2023-01-02"}
  ],
  "enrollments": [
    {"person": "p1", "session": "S1", "status": "completed", "completed_on": "2022-05-10", "score": 8.25, "x_cert_no": "A-12"},
    {"person": "p1", "session": "S2", "status": "failed", "score": 4},
    {"person": "p2", "session": "S2", "status": "withdrawn"}
  ],
  "quotas": [{"unit": "C1", "category": "vien_chuc", "roles": ["chuyen_trach_dan_so_xa"], "sector": "dan_so", "count": 1,
              "from": "2020-01-01", "to": "2025-06-30"},
             {"unit": "C2", "count": 0}]
})";

// A fresh folder under the system's temporary folder.
fs::path fresh_folder(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("nangluc_csv_io_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A folder holding the given files (name -> bytes).
fs::path folder_with(const std::string& name, const std::map<std::string, std::string>& files) {
  const auto dir = fresh_folder(name);
  for (const auto& [file, bytes] : files) {
    std::ofstream out(dir / file, std::ios::binary);
    out << bytes;
  }
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The problems of a folder that must fail to load, one `file:location: error[code]: …` per line.
std::vector<std::string> problems_of(const fs::path& dir, const load_options& opt = {}) {
  try {
    (void)read_registry_csv(dir, opt);
  } catch (const validation_error& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.to_string());
    return out;
  }
  FAIL("expected a validation error");
  return {};
}

// Whether some problem starts with `prefix` (e.g. "DIR/units.csv:3:2: error[bad_date]").
bool reported(const std::vector<std::string>& problems, const std::string& prefix) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.rfind(prefix, 0) == 0; });
}

std::string all(const std::vector<std::string>& problems) {
  std::string s;
  for (const auto& p : problems) s += p + "\n";
  return s;
}

std::string at(const fs::path& dir, const std::string& file, const std::string& location,
               const std::string& code) {
  return (dir / file).string() + ":" + location + ": error[" + code + "]";
}

const std::string units_header = "id,name,level,kind,parent,parents,valid_from,valid_to,successor";

}  // namespace

TEST_CASE("a registry saved as CSV tables reads back equal and writes the same JSON", "[csv]") {
  const auto r1 = read_registry_json(every_field, "every_field.json");
  const auto json1 = write_registry_json(r1);
  csv_options opt;
  SECTION("with the defaults: ISO dates, BOM, CRLF") {}
  SECTION("with dd/mm/yyyy dates, no BOM, LF") {
    opt.dates = csv_date_style::dmy;
    opt.bom = false;
    opt.crlf = false;
  }
  const auto dir = fresh_folder("round_trip");
  save_registry_csv(r1, dir / "tables", opt);
  const auto r2 = read_registry_csv(dir / "tables");
  CHECK(r1.data() == r2.data());
  CHECK(write_registry_json(r2) == json1);
  CHECK(r2.warnings().size() == r1.warnings().size());
  // Saved again, the tables are the same bytes.
  save_registry_csv(r2, dir / "again", opt);
  for (const auto* f : {"units.csv", "persons.csv", "sessions.csv", "meta.json"}) {
    INFO(f);
    CHECK(slurp(dir / "tables" / f) == slurp(dir / "again" / f));
  }
  fs::remove_all(dir);
}

TEST_CASE("the folder holds a table for each list with records, and meta.json", "[csv]") {
  const auto dir = fresh_folder("files");
  auto r = read_registry_json(R"({"format": "nangluc/registry@1", "units": [{"id": "12", "name": "T", "level": "tinh"}]})");
  save_registry_csv(r, dir / "t");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir / "t")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"meta.json", "units.csv"});
  CHECK(slurp(dir / "t" / "units.csv") == "\xEF\xBB\xBF" + units_header + "\r\n12,T,tinh,,,,,,\r\n");
  CHECK(slurp(dir / "t" / "meta.json") == "{\n  \"format\": \"nangluc/tables@1\",\n  \"profile\": \"vn-population\"\n}\n");
  fs::remove_all(dir);
}

TEST_CASE("tables have every known column in model order, then external ids, then x_ columns", "[csv]") {
  const auto dir = fresh_folder("columns");
  save_registry_csv(read_registry_json(every_field, "every_field.json"), dir / "t");
  auto header = [&](const char* file) {
    const auto text = slurp(dir / "t" / file);
    return text.substr(3, text.find("\r\n") - 3);
  };
  CHECK(header("units.csv") == units_header + ",x_gso_code");
  CHECK(header("persons.csv") ==
        "id,name,sex,birth_date,ethnicity,external_ids.staff_no,external_ids.cccd,x_brace,x_code,x_empty,"
        "x_flag,x_json_string,x_n,x_null,x_obj,x_padded,x_phone,x_quote");
  CHECK(header("assignments.csv") == "person,unit,employer,category,roles,sector,start,end,x_decision");
  CHECK(header("qualifications.csv") == "person,kind,code,field,awarded,expires,issuer");
  CHECK(header("courses.csv") == "id,title,kind,topics,hours,confers");
  CHECK(header("sessions.csv") ==
        "id,course,start,end,organizer,location,capacity,cost_vnd,funding,attendance");
  CHECK(header("enrollments.csv") == "person,session,status,completed_on,score,x_cert_no");
  CHECK(header("quotas.csv") == "unit,category,roles,sector,count,from,to");
  fs::remove_all(dir);
}

TEST_CASE("cells are written as spreadsheets expect: lists joined, JSON text, quoting only when needed", "[csv]") {
  const auto dir = fresh_folder("cells");
  save_registry_csv(read_registry_json(every_field, "every_field.json"), dir / "t");
  const auto units = slurp(dir / "t" / "units.csv");
  CHECK(units.find("\r\nC1,Xã San Thàng,xa,xa,12,,2008-01-01,2025-06-30,C2,03199\r\n") != std::string::npos);
  CHECK(units.find(R"(V1,Bản Nà Nèn,thon,ban,,"[{""unit"":""C1"",""to"":""2025-06-30"",""x_decision"":""1670/NQ-UBTVQH15""},)"
                   R"({""unit"":""12"",""from"":""2025-07-01""}]",2008-01-01,,,)") != std::string::npos);
  const auto persons = slurp(dir / "t" / "persons.csv");
  // Strings that would read back as other JSON are written as JSON text; others as themselves.
  CHECK(persons.find(R"(p1,Lò Thị Hoa,F,1990-03-01,thai,LC-001,,{not json,"""123""","""""",true,)"
                     R"("""\""quoted\""""",42,null,"{""a"":[1,2.5,""b""]}"," padded ",0912 345 678,"say ""hi""")") !=
        std::string::npos);
  CHECK(persons.find("\r\np2,\" Nguyễn Văn An, con\",M,,,LC-002,012345678901,,abc,") != std::string::npos);
  const auto assignments = slurp(dir / "t" / "assignments.csv");
  CHECK(assignments.find("p1,C1,12,vien_chuc,chuyen_trach_dan_so_xa;y_te_thon_ban,dan_so,2019-01-01,2025-06-30,12/QĐ") !=
        std::string::npos);
  const auto sessions = slurp(dir / "t" / "sessions.csv");
  CHECK(sessions.find("S1,BD1,2022-05-09,2022-05-13,12,\"Hội trường,\nphố \"\"Mới\"\", Lai Châu\",40,125000000,") !=
        std::string::npos);
  const auto enrollments = slurp(dir / "t" / "enrollments.csv");
  CHECK(enrollments.find("\r\np1,S2,failed,,4,\r\n") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a quoted cell may hold a newline, commas and doubled quotes, in a file with BOM and CRLF", "[csv]") {
  const auto dir = folder_with("quoted", {
      {"units.csv", "\xEF\xBB\xBFid,name,level\r\n"
                    "12,\"Tỉnh \"\"Lai\"\"\r\nChâu, mới\",tinh\r\n"
                    "\r\n"  // a blank line is skipped
                    "\"13\",  Tỉnh Điện Biên  ,tinh"},                // no line end at the end of the file
  });
  const auto r = read_registry_csv(dir);
  REQUIRE(r.units().size() == 2);
  CHECK(r.units()[0].name == "Tỉnh \"Lai\"\r\nChâu, mới");
  CHECK(r.units()[1].id == "13");
  CHECK(r.units()[1].name == "Tỉnh Điện Biên");  // spaces around an unquoted cell are not part of it
  fs::remove_all(dir);
}

TEST_CASE("dates may be written dd/mm/yyyy, as Vietnamese spreadsheets do", "[csv]") {
  const auto dir = folder_with("dmy", {
      {"units.csv", "id,name,level,valid_from,valid_to\n12,T,tinh,1/7/2025,2030-12-31\n"},
  });
  const auto r = read_registry_csv(dir);
  CHECK(r.units()[0].valid.from == *parse_day("2025-07-01"));
  CHECK(r.units()[0].valid.to == *parse_day("2030-12-31"));
  fs::remove_all(dir);
}

TEST_CASE("decomposed Vietnamese text is read as NFC", "[csv][unicode]") {
  const std::string decomposed = "Ho\x61\xCC\x80 Bi\x65\xCC\x82\xCC\x81n";  // "Hoà Biến", combining marks
  const std::string composed = "Ho\xC3\xA0 Bi\xE1\xBA\xBFn";
  const auto dir = folder_with("nfc", {
      {"units.csv", "id,name,level\n12," + decomposed + ",tinh\n"},
      {"persons.csv", "id,name,x_note\np," + decomposed + "," + decomposed + "\n"},
  });
  const auto r = read_registry_csv(dir);
  CHECK(r.units()[0].name == composed);
  CHECK(r.persons()[0].name == composed);
  CHECK(r.data().record_extras.persons.find(0)->at(0).second == "\"" + composed + "\"");
  fs::remove_all(dir);
}

TEST_CASE("meta.json gives the profile, vocabulary additions and top-level x_ fields", "[csv]") {
  const auto dir = folder_with("meta", {
      {"meta.json", R"({"format": "nangluc/tables@1", "profile": "vn-population", "x_source": [1, "a"],
                        "vocabularies": {"roles": [{"code": "y_te_thon_ban", "vi": "Y tế thôn bản", "en": "VHW"}]}})"},
      {"units.csv", "id,name,level\n12,T,tinh\n"},
      {"persons.csv", "id,name\np,P\n"},
      {"assignments.csv", "person,unit,category,roles,sector,start\np,12,cong_chuc, y_te_thon_ban ;lanh_dao,dan_so,2020-01-01\n"},
      {"notes.txt", "unknown files are ignored"},
  });
  const auto r = read_registry_csv(dir);
  CHECK(r.data().extras == extra_fields{{"x_source", R"([1,"a"])"}});
  REQUIRE(r.assignments()[0].roles.size() == 2);
  CHECK(r.vocab(vocab::roles).code(r.assignments()[0].roles[0]) == "y_te_thon_ban");
  fs::remove_all(dir);
}

TEST_CASE("an empty cell is an absent field", "[csv]") {
  const auto dir = folder_with("empty", {
      {"units.csv", "id,name,level,kind,valid_to\n12,T,tinh,,\n"},
      {"persons.csv", "id,name,sex,x_note\np,P,,\n"},
  });
  const auto r = read_registry_csv(dir);
  CHECK(r.units()[0].kind.is_none());
  CHECK(r.units()[0].valid.to == day_max);
  CHECK(r.persons()[0].sex == sex::unknown);
  CHECK(r.data().record_extras.persons.empty());
  fs::remove_all(dir);
}

TEST_CASE("an unterminated quote is located where the quoted cell starts", "[csv][validation]") {
  const auto dir = folder_with("unterminated", {
      {"units.csv", "id,name,level\n12,T,tinh\n13,\"Tỉnh\nĐiện Biên,tinh\n14,U,tinh\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "units.csv", "3:2", "csv_syntax")));
  fs::remove_all(dir);
}

TEST_CASE("a quote inside an unquoted cell is a syntax error", "[csv][validation]") {
  const auto dir = folder_with("stray_quote", {{"units.csv", "id,name,level\n12,T\"x,tinh\n"}});
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "units.csv", "2:2", "csv_syntax")));
  fs::remove_all(dir);
}

TEST_CASE("a row with more or fewer cells than the header is a syntax error", "[csv][validation]") {
  const auto dir = folder_with("field_count", {
      {"units.csv", "id,name,level\n12,T,tinh\n13,U\n14,V,tinh,extra\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "units.csv", "3:3", "csv_syntax")));
  CHECK(reported(problems, at(dir, "units.csv", "4:4", "csv_syntax")));
  fs::remove_all(dir);
}

TEST_CASE("a bad date is located by line and column, counting quoted line breaks", "[csv][validation]") {
  const auto dir = folder_with("bad_date", {
      {"units.csv", "id,name,level\n12,T,tinh\n"},
      {"persons.csv", "id,name,birth_date\n"
                      "p1,\"Lò Thị\nHoa\",1990-02-30\n"  // the date cell is on line 3
                      "p2,An,31/12/1990\n"
                      "p3,Bình,1990/12/31\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "persons.csv", "3:3", "bad_date")));
  CHECK(reported(problems, at(dir, "persons.csv", "5:3", "bad_date")));
  CHECK(problems.size() == 2);
  fs::remove_all(dir);
}

TEST_CASE("an unknown code is located at its cell, with the nearest known codes", "[csv][validation]") {
  const auto dir = folder_with("unknown_code", {
      {"units.csv", "id,name,level\n12,T,tinh\n"},
      {"persons.csv", "id,name\np,P\n"},
      {"assignments.csv", "person,unit,category,roles,sector,start\n"
                          "p,12,cong_chuc,lanh_dao;chuyen_vien_dan_sooo,dan_so,2020-01-01\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  REQUIRE(problems.size() == 1);
  CHECK(reported(problems, at(dir, "assignments.csv", "2:4", "unknown_code")));
  CHECK(problems[0].find("chuyen_vien_dan_so") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("an unknown column is an error unless it starts with x_", "[csv][validation]") {
  const auto dir = folder_with("unknown_column", {{"units.csv", "id,name,x_ok,level,colour\n12,T,1,tinh,red\n"}});
  const auto problems = problems_of(dir);
  INFO(all(problems));
  REQUIRE(problems.size() == 1);
  CHECK(reported(problems, at(dir, "units.csv", "1:5", "unknown_field")));
  fs::remove_all(dir);
}

TEST_CASE("a table saved with semicolons between columns gets a hint", "[csv][validation]") {
  const auto dir = folder_with("semicolons", {{"units.csv", "id;name;level\n12;T;tinh\n"}});
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "units.csv", "1:1", "unknown_field")));
  CHECK(problems[0].find("separated by ';'") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a missing required column or a repeated column is reported with the header", "[csv][validation]") {
  const auto dir = folder_with("columns_bad", {
      {"units.csv", "name,level\nT,tinh\n"},
      {"persons.csv", "id,name,name\np,P,Q\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "units.csv", "1:1", "missing_column")));
  CHECK(reported(problems, at(dir, "persons.csv", "1:3", "duplicate_column")));
  CHECK(problems.size() == 2);  // and nothing about the records that could not be read
  fs::remove_all(dir);
}

TEST_CASE("a dangling reference is located at the referring row", "[csv][validation]") {
  const auto dir = folder_with("dangling", {
      {"units.csv", "id,name,level,parent\n12,T,tinh,\nC1,X,xa,12\n\nC2,Y,xa,99\n"},  // a blank line
      {"persons.csv", "id,name\np,P\n"},
      {"assignments.csv", "person,unit,category,sector,start\np,C1,cong_chuc,dan_so,2020-01-01\n"
                          "q,C1,cong_chuc,dan_so,2020-01-01\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "units.csv", "5:4", "dangling_reference")));
  CHECK(reported(problems, at(dir, "assignments.csv", "3:1", "dangling_reference")));
  fs::remove_all(dir);
}

TEST_CASE("a duplicate id names its own table and the line of the first", "[csv][validation]") {
  const auto dir = folder_with("duplicate", {
      {"units.csv", "id,name,level\n12,T,tinh\n"},
      {"persons.csv", "id,name\np,P\nq,Q\np,R\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  REQUIRE(problems.size() == 1);
  CHECK(reported(problems, at(dir, "persons.csv", "4:1", "duplicate_id")));
  CHECK(problems[0].find("first on line 2") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("values of the wrong kind are reported like in JSON", "[csv][validation]") {
  const auto dir = folder_with("wrong_values", {
      {"units.csv", "id,name,level\n12,T,tinh\n"},
      {"persons.csv", "id,name,sex\np,,Q\n"},
      {"courses.csv", "id,title,kind,topics,hours,confers\nC,T,tap_huan,cntt;,many,{kind\n"},
      {"sessions.csv", "id,course,start,end,capacity,cost_vnd,attendance\n"
                       "S,C,2020-01-01,2020-01-02,4.5,-3,\"[{\"\"count\"\": 1, \"\"colour\"\": 2}]\"\n"},
      {"enrollments.csv", "person,session,status\np,S,done\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "persons.csv", "2:2", "missing_field")));
  CHECK(reported(problems, at(dir, "persons.csv", "2:3", "bad_value")));
  CHECK(reported(problems, at(dir, "courses.csv", "2:4", "wrong_type")));
  CHECK(reported(problems, at(dir, "courses.csv", "2:5", "wrong_type")));
  CHECK(reported(problems, at(dir, "courses.csv", "2:6", "bad_value")));
  CHECK(reported(problems, at(dir, "sessions.csv", "2:5", "wrong_type")));
  CHECK(reported(problems, at(dir, "sessions.csv", "2:7", "unknown_field")));
  CHECK(reported(problems, at(dir, "enrollments.csv", "2:3", "bad_value")));
  fs::remove_all(dir);
}

TEST_CASE("a negative count is reported at its cell", "[csv][validation]") {
  const auto dir = folder_with("negative", {
      {"units.csv", "id,name,level\n12,T,tinh\n"},
      {"quotas.csv", "unit,count\n12,-1\n"},
  });
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "quotas.csv", "2:2", "negative_value")));
  fs::remove_all(dir);
}

TEST_CASE("text that is not UTF-8 is reported where it is", "[csv][validation][unicode]") {
  const auto dir = folder_with("latin1", {{"units.csv", "id,name,level\n12,T\xE2n,tinh\n"}});
  const auto problems = problems_of(dir);
  INFO(all(problems));
  CHECK(reported(problems, at(dir, "units.csv", "2:2", "bad_encoding")));
  fs::remove_all(dir);
}

TEST_CASE("a folder without units.csv, or with a bad meta.json, does not load", "[csv][validation]") {
  SECTION("no units.csv") {
    const auto dir = folder_with("no_units", {{"persons.csv", "id,name\np,P\n"}});
    CHECK(reported(problems_of(dir), (dir / "units.csv").string() + ": error[missing_file]"));
    fs::remove_all(dir);
  }
  SECTION("meta.json of another format") {
    const auto dir = folder_with("bad_meta", {{"units.csv", "id,name,level\n12,T,tinh\n"},
                                              {"meta.json", R"({"format": "nangluc/registry@1", "colour": 1})"}});
    const auto problems = problems_of(dir);
    CHECK(reported(problems, (dir / "meta.json").string() + ":/format: error[bad_format]"));
    CHECK(reported(problems, (dir / "meta.json").string() + ":/colour: error[unknown_field]"));
    fs::remove_all(dir);
  }
  SECTION("meta.json with a number too large for a double (found by fuzzing the JSON reader)") {
    const auto dir = folder_with("huge_number", {{"units.csv", "id,name,level\n12,T,tinh\n"},
                                                 {"meta.json", "{\"format\": \"nangluc/tables@1\",\n \"x_n\": 1e309}"}});
    const auto problems = problems_of(dir);
    INFO(all(problems));
    CHECK(reported(problems, (dir / "meta.json").string() + ":2:9: error[json_syntax]"));
    fs::remove_all(dir);
  }
  SECTION("not a folder") {
    CHECK_THROWS_AS(read_registry_csv(fs::temp_directory_path() / "nangluc_csv_io_test_nothing_here"), io_error);
  }
}

TEST_CASE("errors past the limit are counted, not listed (CSV)", "[csv][validation]") {
  std::string units = "id,name,level\n";
  for (int i = 0; i < 30; ++i) units += "u" + std::to_string(i) + ",U,xa,extra\n";
  const auto dir = folder_with("many", {{"units.csv", units}});
  load_options opt;
  opt.max_errors = 10;
  const auto problems = problems_of(dir, opt);
  REQUIRE(problems.size() == 11);
  CHECK(problems.back().find("20 more errors not shown") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("saving replaces a folder whole and leaves nothing temporary behind", "[csv][io]") {
  const auto dir = fresh_folder("replace");
  const auto big = read_registry_json(every_field, "every_field.json");
  const auto small = read_registry_json(
      R"({"format": "nangluc/registry@1", "units": [{"id": "12", "name": "T", "level": "tinh"}]})");
  save_registry(big, dir / "t");  // not .json: a folder of tables
  CHECK(fs::exists(dir / "t" / "enrollments.csv"));
  save_registry_csv(small, dir / "t");
  CHECK_FALSE(fs::exists(dir / "t" / "enrollments.csv"));  // the old folder is gone, not merged
  CHECK(load_registry(dir / "t").data() == small.data());
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  // A file in the way is not replaced, and a failed save leaves nothing behind.
  { std::ofstream(dir / "file") << "x"; }
  CHECK_THROWS_AS(save_registry_csv(small, dir / "file"), io_error);
  CHECK_THROWS_AS(save_registry_csv(small, dir / "missing" / "t"), io_error);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);
  fs::remove_all(dir);
}

TEST_CASE("saving never replaces a folder that holds anything but nangluc tables", "[csv][io]") {
  const auto dir = fresh_folder("refuse");
  const auto small = read_registry_json(
      R"({"format": "nangluc/registry@1", "units": [{"id": "12", "name": "T", "level": "tinh"}]})");
  fs::create_directories(dir / "home" / "documents");
  { std::ofstream(dir / "home" / "notes.txt") << "keep me"; }
  CHECK_THROWS_WITH(save_registry_csv(small, dir / "home"), Catch::Contains("notes.txt"));
  CHECK(fs::exists(dir / "home" / "notes.txt"));
  fs::remove(dir / "home" / "notes.txt");
  CHECK_THROWS_WITH(save_registry_csv(small, dir / "home"), Catch::Contains("documents"));
  CHECK(fs::exists(dir / "home" / "documents"));
  fs::remove(dir / "home" / "documents");
  save_registry_csv(small, dir / "home");  // an empty folder is fine
  CHECK(load_registry(dir / "home").data() == small.data());
  fs::remove_all(dir);
}
