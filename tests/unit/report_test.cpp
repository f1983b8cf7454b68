// Reports: percentages rounded from exact counts, the report@1 JSON shape, the CSV table, the
// terminal table in both languages, and needs lists.
#include <catch2/catch.hpp>

#include <nangluc/evaluation.hpp>
#include <nangluc/nangluc.hpp>
#include <nangluc/plan.hpp>
#include <nangluc/report.hpp>

#include <nlohmann/json.hpp>

#include "report/format.hpp"

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace nangluc;
using json = nlohmann::json;

namespace {

// Province 12 > district 105 > communes 03199 and 03200 (a name with a comma and a quote, to
// exercise CSV quoting) > village 03199-01.
const char* const registry_text = R"({
  "format": "nangluc/registry@1",
  "units": [
    {"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh"},
    {"id": "105", "name": "Huyện Tam Đường", "level": "huyen", "parent": "12"},
    {"id": "03199", "name": "Xã Bình Lư", "level": "xa", "parent": "105"},
    {"id": "03200", "name": "Xã \"Mới\", Tam Đường", "level": "xa", "parent": "105"},
    {"id": "03199-01", "name": "Bản Nà Đon", "level": "thon", "parent": "03199"}
  ],
  "persons": [
    {"id": "P1", "name": "Lò Thị Mai"},
    {"id": "P2", "name": "Tòng Văn Hùng"}
  ],
  "assignments": [
    {"person": "P1", "unit": "03199", "category": "cong_chuc", "roles": ["chuyen_trach_dan_so_xa", "lanh_dao"],
     "sector": "dan_so", "start": "2020-01-01"},
    {"person": "P2", "unit": "03200", "category": "vien_chuc", "sector": "dan_so", "start": "2020-01-01"}
  ]
})";

const char* const plan_text = R"({
  "format": "nangluc/plan@1",
  "id": "LC-TEST",
  "title": {"vi": "Kế hoạch thử", "en": "Test plan"},
  "issuer": "12",
  "period": {"start": "2021-01-01", "end": "2030-12-31"},
  "phases": [
    {"id": "P1", "start": "2021-01-01", "end": "2025-12-31"},
    {"id": "P2", "start": "2026-01-01", "end": "2030-12-31"}
  ],
  "targets": [
    {"id": "T1", "title": {"vi": "Công chức được bồi dưỡng", "en": "Civil servants trained"},
     "measure": "person_coverage", "population": {"sector": ["dan_so"]},
     "criterion": {"training": {"topics": ["dan_so_co_ban"]}},
     "milestones": [{"phase": "P1", "min_percent": 66.67}, {"phase": "P2", "min_percent": 80}]},
    {"id": "A1", "title": {"vi": "Số lớp", "en": "Classes"},
     "measure": "activity_count", "count": "sessions",
     "milestones": [{"phase": "P1", "min": 10, "max": 20}]},
    {"id": "V1", "title": {"vi": "Thôn có cộng tác viên", "en": "Villages with a collaborator"},
     "measure": "unit_coverage", "unit_level": "thon", "population": {"sector": ["dan_so"]},
     "milestones": [{"phase": "P1", "min_percent": 100}]}
  ]
})";

struct fixture {
  registry reg = read_registry_json(registry_text, "registry.json");
  plan p = read_plan_json(plan_text, "plan.json");
  unit_ix province = reg.unit_at("12"), district = reg.unit_at("105"), commune = reg.unit_at("03199"),
          commune2 = reg.unit_at("03200"), village = reg.unit_at("03199-01");
};

result_row coverage_row(unit_ix u, std::int64_t num, std::int64_t den, status s) {
  result_row r;
  r.unit = u;
  r.numerator = num;
  r.denominator = den;
  if (den) r.percent = 100.0 * static_cast<double>(num) / static_cast<double>(den);
  r.status = s;
  r.expected = 40.0;
  r.projected = 100.0 * static_cast<double>(num) / static_cast<double>(den ? den : 1);
  return r;
}

// As of 2023-06-30: T1's first phase on its way (25 of 38 in the province), the second not
// started; A1 counting classes; a warning from the evaluation.
report sample_report(const fixture& f) {
  report rep;
  rep.plan_id = "LC-TEST";
  rep.scope = f.province;
  rep.as_of = *parse_day("2023-06-30");

  target_result t1;
  t1.target_id = "T1";
  milestone_result p1;
  p1.label = "P1";
  p1.window = {*parse_day("2021-01-01"), *parse_day("2025-12-31")};
  p1.due = p1.window.to;
  p1.evaluated_at = rep.as_of;
  p1.threshold.min_percent_x100 = 6667;
  p1.status = status::on_track;
  auto root = coverage_row(f.province, 25, 38, status::on_track);
  root.gap = 1;
  p1.rows = {root, coverage_row(f.district, 25, 38, status::on_track),
             coverage_row(f.commune, 2, 3, status::achieved), coverage_row(f.commune2, 0, 0, status::no_data)};
  p1.rows.back().expected.reset();
  p1.rows.back().projected.reset();
  milestone_result p2;
  p2.label = "P2";
  p2.window = {*parse_day("2026-01-01"), *parse_day("2030-12-31")};
  p2.due = p2.window.to;
  p2.threshold.min_percent_x100 = 8000;
  p2.status = status::not_started;
  t1.results = {p1, p2};

  target_result a1;
  a1.target_id = "A1";
  milestone_result c1;
  c1.label = "P1";
  c1.window = p1.window;
  c1.due = p1.due;
  c1.evaluated_at = rep.as_of;
  c1.threshold.min = 10;
  c1.threshold.max = 20;
  c1.status = status::at_risk;
  result_row croot;
  croot.unit = f.province;
  croot.value = 4;
  croot.gap = 6;
  croot.status = status::at_risk;
  croot.expected = 5.0;
  croot.projected = 8.5;
  result_row cchild;
  cchild.unit = f.district;
  cchild.value = 1.5;
  cchild.status = status::none;
  c1.rows = {croot, cchild};
  a1.results = {c1};

  rep.targets = {t1, a1};
  problem w;
  w.severity = severity::warning;
  w.code = "left_out";
  w.file = "registry.json";
  w.location = "/assignments/1";
  w.message = "the post's unit has ended with no successor";
  rep.warnings = {w};
  return rep;
}

std::vector<std::string> lines_of(const std::string& text, const std::string& eol) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto end = text.find(eol, pos);
    if (end == std::string::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, end - pos));
    pos = end + eol.size();
  }
  return lines;
}

}  // namespace

// ---- format_percent ------------------------------------------------------------------------

TEST_CASE("25 of 38 is 65.79 rounded half-up and 65.78 truncated, as Vietnamese reports print it", "[report]") {
  CHECK(format_percent(25, 38, 2, rounding::half_up) == "65.79");
  CHECK(format_percent(25, 38, 2, rounding::truncate) == "65.78");
  CHECK(format_percent(25, 38, 1, rounding::half_up) == "65.8");
  CHECK(format_percent(25, 38, 1, rounding::truncate) == "65.7");
}

TEST_CASE("percentages are exact where a double would drift", "[report]") {
  CHECK(format_percent(4, 5, 1, rounding::half_up) == "80.0");
  CHECK(format_percent(4, 5, 1, rounding::truncate) == "80.0");
  CHECK(format_percent(2, 3, 2, rounding::half_up) == "66.67");
  CHECK(format_percent(2, 3, 2, rounding::truncate) == "66.66");
  CHECK(format_percent(1, 3, 6, rounding::half_up) == "33.333333");
  CHECK(format_percent(0, 7, 1, rounding::half_up) == "0.0");
  CHECK(format_percent(38, 38, 2, rounding::truncate) == "100.00");
}

TEST_CASE("an exact half rounds up, and a carry runs through every digit", "[report]") {
  CHECK(format_percent(1, 8, 0, rounding::half_up) == "13");  // 12.5
  CHECK(format_percent(1, 8, 0, rounding::truncate) == "12");
  CHECK(format_percent(1, 8, 1, rounding::half_up) == "12.5");
  CHECK(format_percent(9995, 10000, 1, rounding::half_up) == "100.0");  // 99.95
  CHECK(format_percent(9995, 10000, 1, rounding::truncate) == "99.9");
  CHECK(format_percent(1, 200000, 2, rounding::half_up) == "0.00");  // 0.0005
  CHECK(format_percent(1, 200000, 3, rounding::half_up) == "0.001");
}

TEST_CASE("figures for display absorb a double's noise under a step, and large counts keep their last digit",
          "[report]") {
  using detail::format_decimal;
  CHECK(format_decimal(29.999999999999996, 1, rounding::truncate) == "30.0");
  CHECK(format_decimal(65000000.0, 1, rounding::half_up) == "65000000.0");
  CHECK(format_decimal(65000000.0, 1, rounding::truncate) == "65000000.0");
  CHECK(format_decimal(110302197.85, 1, rounding::truncate) == "110302197.8");
  CHECK(format_decimal(123456789012.0, 2, rounding::half_up) == "123456789012.00");
}

TEST_CASE("percentages with no denominator are blank, and decimals stay within 0 to 6", "[report]") {
  CHECK(format_percent(3, 0, 1, rounding::half_up).empty());
  CHECK(format_percent(0, 0, 2, rounding::truncate).empty());
  CHECK_THROWS_AS(format_percent(1, 2, 7, rounding::half_up), argument_error);
  CHECK_THROWS_AS(format_percent(1, 2, -1, rounding::half_up), argument_error);
}

TEST_CASE("percentages of counts near the integer limits do not overflow", "[report]") {
  constexpr auto big = std::numeric_limits<std::int64_t>::max();
  CHECK(format_percent(big, big, 2, rounding::half_up) == "100.00");
  CHECK(format_percent(big / 2, big, 1, rounding::truncate) == "49.9");
  CHECK(format_percent(big, 1, 0, rounding::half_up) == std::to_string(big) + "00");
  CHECK(format_percent(-1, 3, 2, rounding::half_up) == "-33.33");
}

// ---- JSON ----------------------------------------------------------------------------------

TEST_CASE("the JSON report has the report@1 shape", "[report]") {
  const fixture f;
  std::ostringstream out;
  write_report_json(sample_report(f), f.p, f.reg, out);
  const auto j = json::parse(out.str());

  CHECK(j["format"] == "nangluc/report@1");
  CHECK(j["plan"] == "LC-TEST");
  CHECK(j["scope"] == "12");
  CHECK(j["as_of"] == "2023-06-30");
  REQUIRE(j["targets"].size() == 2);

  const auto& t1 = j["targets"][0];
  CHECK(t1["id"] == "T1");
  CHECK(t1["measure"] == "person_coverage");
  CHECK(t1["title"] == json{{"vi", "Công chức được bồi dưỡng"}, {"en", "Civil servants trained"}});
  REQUIRE(t1["results"].size() == 2);
  const auto& p1 = t1["results"][0];
  CHECK(p1["label"] == "P1");
  CHECK(p1["window"] == json{{"start", "2021-01-01"}, {"end", "2025-12-31"}});
  CHECK(p1["due"] == "2025-12-31");
  CHECK(p1["evaluated_at"] == "2023-06-30");
  CHECK(p1["threshold"]["min_percent"].get<double>() == 66.67);
  REQUIRE(p1["rows"].size() == 4);
  const auto& row = p1["rows"][0];
  CHECK(row["unit"] == "12");
  CHECK(row["name"] == "Tỉnh Lai Châu");
  CHECK(row["level"] == "tinh");
  CHECK(row["numerator"] == 25);
  CHECK(row["denominator"] == 38);
  CHECK(row["percent"].get<double>() == 100.0 * 25 / 38);  // exact, not rounded for display
  CHECK(row["gap"] == 1);
  CHECK(row["status"] == "on_track");
  CHECK(row["expected_percent"].is_number_integer());  // 40, not 40.0
  CHECK(row["expected_percent"] == 40);
  CHECK_FALSE(row.contains("value"));
  CHECK(p1["rows"][3]["percent"].is_null());  // denominator 0
  CHECK(p1["rows"][3]["status"] == "no_data");
  CHECK(p1["rows"][3]["expected_percent"].is_null());
}

TEST_CASE("a result whose window has not started says so and has no rows", "[report]") {
  const fixture f;
  std::ostringstream out;
  write_report_json(sample_report(f), f.p, f.reg, out);
  const auto p2 = json::parse(out.str())["targets"][0]["results"][1];
  CHECK(p2["status"] == "not_started");
  CHECK(p2["rows"].empty());
  CHECK(p2["evaluated_at"].is_null());
  CHECK(p2["threshold"] == json{{"min_percent", 80}});
  CHECK(p2["threshold"]["min_percent"].is_number_integer());
}

TEST_CASE("activity counts carry a value instead of counts and percentages", "[report]") {
  const fixture f;
  std::ostringstream out;
  write_report_json(sample_report(f), f.p, f.reg, out);
  const auto c1 = json::parse(out.str())["targets"][1]["results"][0];
  CHECK(c1["threshold"] == json{{"min", 10}, {"max", 20}});
  const auto& root = c1["rows"][0];
  CHECK(root["value"] == 4);
  CHECK(root["expected"] == 5);
  CHECK(root["projected"].get<double>() == 8.5);
  for (const char* key : {"numerator", "denominator", "percent", "expected_percent", "projected_percent"})
    CHECK_FALSE(root.contains(key));
  const auto& child = c1["rows"][1];
  CHECK(child["value"].get<double>() == 1.5);
  CHECK(child["status"].is_null());  // no threshold binds the rows under the root
}

TEST_CASE("the JSON report lists warnings with code, message and where", "[report]") {
  const fixture f;
  std::ostringstream out;
  write_report_json(sample_report(f), f.p, f.reg, out);
  const auto w = json::parse(out.str())["warnings"];
  REQUIRE(w.size() == 1);
  CHECK(w[0] == json{{"code", "left_out"},
                     {"message", "the post's unit has ended with no successor"},
                     {"where", "registry.json:/assignments/1"}});
}

TEST_CASE("an empty report is still a whole report@1 document", "[report]") {
  const fixture f;
  report rep;
  rep.plan_id = "LC-TEST";
  rep.scope = f.province;
  rep.as_of = *parse_day("2021-01-01");
  std::ostringstream out;
  write_report_json(rep, f.p, f.reg, out);
  const auto j = json::parse(out.str());
  CHECK(j["targets"].empty());
  CHECK(j["warnings"].empty());
}

// ---- CSV -----------------------------------------------------------------------------------

TEST_CASE("the CSV report has one row per target, milestone and unit", "[report]") {
  const fixture f;
  format_options o;
  o.decimals = 2;
  o.rounding = rounding::truncate;
  std::ostringstream out;
  write_report_csv(sample_report(f), f.p, f.reg, o, out);
  const auto text = out.str();
  CHECK(text.substr(0, 3) != "\xEF\xBB\xBF");  // no BOM on a stream
  REQUIRE(text.size() > 2);
  CHECK(text.substr(text.size() - 2) == "\r\n");
  const auto lines = lines_of(text, "\r\n");
  REQUIRE(lines.size() == 1 + 4 + 1 + 2);  // header, T1/P1 × 4 units, T1/P2 not started, A1 × 2
  CHECK(lines[0] ==
        "target,measure,label,window_start,window_end,due,evaluated_at,unit,unit_name,level,numerator,"
        "denominator,value,percent,threshold,gap,status,expected_percent,projected_percent");
  CHECK(lines[1] ==
        "T1,person_coverage,P1,2021-01-01,2025-12-31,2025-12-31,2023-06-30,12,Tỉnh Lai Châu,tinh,25,38,,65.78,"
        "66.67,1,on_track,40.00,65.78");
  CHECK(lines[3] ==
        "T1,person_coverage,P1,2021-01-01,2025-12-31,2025-12-31,2023-06-30,03199,Xã Bình Lư,xa,2,3,,66.66,"
        "66.67,0,achieved,40.00,66.66");
  // A name with a comma and quotes is quoted, quotes doubled; no figures without a denominator.
  CHECK(lines[4] ==
        "T1,person_coverage,P1,2021-01-01,2025-12-31,2025-12-31,2023-06-30,03200,\"Xã \"\"Mới\"\", Tam Đường\",xa,"
        "0,0,,,66.67,,no_data,,");
  CHECK(lines[5] == "T1,person_coverage,P2,2026-01-01,2030-12-31,2030-12-31,,,,,,,,,80,,not_started,,");
  CHECK(lines[6] ==
        "A1,activity_count,P1,2021-01-01,2025-12-31,2025-12-31,2023-06-30,12,Tỉnh Lai Châu,tinh,,,4,,10..20,6,"
        "at_risk,5.00,8.50");
  CHECK(lines[7] ==
        "A1,activity_count,P1,2021-01-01,2025-12-31,2025-12-31,2023-06-30,105,Huyện Tam Đường,huyen,,,1.50,,,,,,");
}

TEST_CASE("CSV percentages follow --decimals and --rounding", "[report]") {
  const fixture f;
  auto first_row = [&](int decimals, rounding mode) {
    format_options o;
    o.decimals = decimals;
    o.rounding = mode;
    std::ostringstream out;
    write_report_csv(sample_report(f), f.p, f.reg, o, out);
    return lines_of(out.str(), "\r\n")[1];
  };
  CHECK(first_row(1, rounding::half_up).find(",25,38,,65.8,") != std::string::npos);
  CHECK(first_row(2, rounding::half_up).find(",25,38,,65.79,") != std::string::npos);
  CHECK(first_row(0, rounding::truncate).find(",25,38,,65,") != std::string::npos);
}

// ---- the terminal table --------------------------------------------------------------------

TEST_CASE("the table speaks Vietnamese by default", "[report]") {
  const fixture f;
  format_options o;  // vi, 1 decimal, half-up
  std::ostringstream out;
  write_report_table(sample_report(f), f.p, f.reg, o, out);
  const auto text = out.str();
  CHECK(text.find("Kế hoạch thử") != std::string::npos);
  CHECK(text.find("30/06/2023") != std::string::npos);  // dates as dd/mm/yyyy
  CHECK(text.find("Công chức được bồi dưỡng") != std::string::npos);
  CHECK(text.find("Đơn vị") != std::string::npos);
  CHECK(text.find("Đúng tiến độ") != std::string::npos);
  CHECK(text.find("Không có dữ liệu") != std::string::npos);
  CHECK(text.find("Chưa bắt đầu") != std::string::npos);
  CHECK(text.find("Có nguy cơ") != std::string::npos);
  CHECK(text.find("65.8") != std::string::npos);
  CHECK(text.find("≥ 66.67%") != std::string::npos);
  CHECK(text.find("on_track") == std::string::npos);
  CHECK(text.find("Cảnh báo") != std::string::npos);
}

TEST_CASE("the table speaks English with --lang en", "[report]") {
  const fixture f;
  format_options o;
  o.lang = language::en;
  o.decimals = 2;
  o.rounding = rounding::truncate;
  std::ostringstream out;
  write_report_table(sample_report(f), f.p, f.reg, o, out);
  const auto text = out.str();
  CHECK(text.find("Test plan") != std::string::npos);
  CHECK(text.find("2023-06-30") != std::string::npos);
  CHECK(text.find("Civil servants trained") != std::string::npos);
  CHECK(text.find("Unit") != std::string::npos);
  CHECK(text.find("on track") != std::string::npos);
  CHECK(text.find("no data") != std::string::npos);
  CHECK(text.find("not started") != std::string::npos);
  CHECK(text.find("achieved") != std::string::npos);
  CHECK(text.find("65.78") != std::string::npos);
  CHECK(text.find("Đạt") == std::string::npos);
  CHECK(text.find("Warnings") != std::string::npos);
}

TEST_CASE("the table indents each unit under the unit above it", "[report]") {
  const fixture f;
  format_options o;
  o.lang = language::en;
  std::ostringstream out;
  auto rep = sample_report(f);
  // Rows come by level; the table puts them in tree order all the same.
  std::swap(rep.targets[0].results[0].rows[1], rep.targets[0].results[0].rows[3]);
  write_report_table(rep, f.p, f.reg, o, out);
  const auto text = out.str();
  auto indent_of = [&](const std::string& name) {  // on the first table line starting with it
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      const auto at = line.find_first_not_of(' ');
      if (at != std::string::npos && line.compare(at, name.size(), name) == 0) return at;
    }
    FAIL("no table line for " << name);
    return std::string::npos;
  };
  const auto province = indent_of("Tỉnh Lai Châu"), district = indent_of("Huyện Tam Đường"),
             commune = indent_of("Xã Bình Lư");
  CHECK(district == province + 2);
  CHECK(commune == district + 2);
  CHECK(text.find("Huyện Tam Đường") < text.find("Xã Bình Lư"));
  CHECK(text.find("Xã Bình Lư") < text.find("Mới"));
}

// ---- needs ---------------------------------------------------------------------------------

TEST_CASE("a needs list names each person with their post, roles and last completion", "[report]") {
  const fixture f;
  std::vector<need> needs(2);
  needs[0].person = f.reg.person_at("P1");
  needs[0].assignment = f.reg.assignments_of(needs[0].person).front();
  needs[0].unit = f.commune;
  needs[0].last_completed = *parse_day("2019-05-04");
  needs[1].person = f.reg.person_at("P2");
  needs[1].assignment = f.reg.assignments_of(needs[1].person).front();
  needs[1].unit = f.commune2;
  const auto& t1 = *f.p.find_target("T1");

  std::ostringstream csv;
  write_needs_csv(needs, t1, f.reg, csv);
  const auto lines = lines_of(csv.str(), "\r\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "person,name,unit,unit_name,category,roles,last_completed");
  CHECK(lines[1] == "P1,Lò Thị Mai,03199,Xã Bình Lư,cong_chuc,chuyen_trach_dan_so_xa;lanh_dao,2019-05-04");
  CHECK(lines[2] == "P2,Tòng Văn Hùng,03200,\"Xã \"\"Mới\"\", Tam Đường\",vien_chuc,,");

  std::ostringstream js;
  write_needs_json(needs, t1, f.reg, js);
  const auto j = json::parse(js.str());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["person"] == "P1");
  CHECK(j[0]["roles"] == json{"chuyen_trach_dan_so_xa", "lanh_dao"});
  CHECK(j[0]["last_completed"] == "2019-05-04");
  CHECK(j[1]["last_completed"].is_null());
  for (const char* key : {"person", "name", "unit", "unit_name", "category", "roles", "last_completed"})
    CHECK(j[0].contains(key));
}

TEST_CASE("a unit coverage needs list names each uncovered unit and what it lacks", "[report]") {
  const fixture f;
  std::vector<need> needs(1);
  needs[0].unit = f.village;
  needs[0].persons = 0;
  needs[0].missing = 1;
  const auto& v1 = *f.p.find_target("V1");

  std::ostringstream csv;
  write_needs_csv(needs, v1, f.reg, csv);
  CHECK(csv.str() == "unit,unit_name,level,persons,missing\r\n03199-01,Bản Nà Đon,thon,0,1\r\n");

  std::ostringstream js;
  write_needs_json(needs, v1, f.reg, js);
  CHECK(json::parse(js.str()) ==
        json::parse(R"([{"unit": "03199-01", "unit_name": "Bản Nà Đon", "level": "thon", "persons": 0, "missing": 1}])"));

  std::ostringstream empty;
  write_needs_json({}, v1, f.reg, empty);
  CHECK(json::parse(empty.str()) == json::array());
}

TEST_CASE("languages: vi and en, and an unknown one is an error rather than Vietnamese", "[report]") {
  CHECK(parse_language("vi") == language::vi);
  CHECK(parse_language("en") == language::en);
  CHECK(to_string(language::en) == "en");
  CHECK_THROWS_AS(parse_language("fr"), argument_error);
  CHECK_THROWS_WITH(parse_language("EN"), Catch::Contains("unknown language 'EN'"));
}

TEST_CASE("display rules, decided once: a no-data row keeps its threshold but has no gap; rows below an activity count's root have neither",
          "[report]") {
  result_row row;
  row.status = status::no_data;
  CHECK(display_of(row).bound);
  CHECK_FALSE(display_of(row).has_gap);
  row.status = status::none;
  CHECK_FALSE(display_of(row).bound);
  CHECK_FALSE(display_of(row).has_gap);
  row.status = status::missed;
  CHECK(display_of(row).has_gap);
}
