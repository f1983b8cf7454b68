// The bounds of docs/limits.md: each refused with its own located code, and adversarial inputs
// read in time that grows in step with their size. These tests assert no timings: an input
// that took quadratic time would run for hours and trip ctest's time limit instead.
#include <catch2/catch.hpp>

#include <nangluc/nangluc.hpp>
#include <nangluc/plan.hpp>

#include "io/csv_table.hpp"
#include "io/limits.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

using namespace nangluc;

namespace {

// The adversarial sizes. Under the sanitizers (the asan preset), where every access is checked
// and the suite runs many times slower, they are a tenth: that run is there to find memory
// errors, and the full sizes of the other presets are what would expose a quadratic path.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t scale = 10;
#else
constexpr std::size_t scale = 1;
#endif
constexpr std::size_t chain_length = 100'000 / scale;
constexpr std::size_t duplicates = 1'000'000 / scale;
constexpr std::size_t many_items = 200'000 / scale;

const std::string head = R"({"format": "nangluc/registry@1", "profile": "vn-population", )";

// The problems of a refused registry; fails the test when the text loads.
std::vector<problem> problems_of(const std::string& text, const load_options& opt = {}) {
  try {
    (void)read_registry_json(text, "registry.json", opt);
  } catch (const validation_error& e) {
    return e.problems();
  }
  FAIL("the registry loaded");
  return {};
}

const problem* find_code(const std::vector<problem>& ps, std::string_view code) {
  auto it = std::find_if(ps.begin(), ps.end(), [&](const problem& p) { return p.code == code; });
  return it == ps.end() ? nullptr : &*it;
}

std::size_t count_code(const std::vector<problem>& ps, std::string_view code) {
  return static_cast<std::size_t>(std::count_if(ps.begin(), ps.end(), [&](const problem& p) { return p.code == code; }));
}

// A level without a depth, so that a chain of any length is a valid tree.
const std::string group_level =
    R"("vocabularies": {"levels": [{"code": "nhom", "vi": "Nhóm", "en": "Group"}]}, )";

std::string unit_chain(std::size_t n, bool links_back_to_top) {
  std::string s = head + group_level + R"("units": [)";
  s.reserve(n * 120);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ',';
    s += R"({"id": "u)" + std::to_string(i) + R"(", "name": "n", "level": "nhom")";
    if (links_back_to_top) {
      // Before 2001 under the next unit, from 2001 under u0: a cycle through every unit.
      s += R"(, "parents": [{"unit": "u)" + std::to_string((i + 1) % n) +
           R"(", "to": "2000-12-31"}, {"unit": "u0", "from": "2001-01-01"}])";
    } else if (i) {
      s += R"(, "parent": "u)" + std::to_string(i - 1) + '"';
    }
    s += '}';
  }
  return s + "]}";
}

}  // namespace

TEST_CASE("a chain of 100,000 units, each the parent of the next, loads and is walked without recursion",
          "[limits]") {
  const auto reg = read_registry_json(unit_chain(chain_length, false));
  REQUIRE(reg.units().size() == chain_length);
  const auto top = reg.unit_at("u0");
  const auto bottom = reg.unit_at("u" + std::to_string(chain_length - 1));
  const day d = to_day(parse_date("2024-01-01"));
  CHECK(reg.ancestors(bottom, d).size() == chain_length - 1);
  CHECK(reg.subtree(top, d).size() == chain_length);
  const unit_tree tree(reg, d);
  CHECK(tree.subtree(top).size() == chain_length);
  CHECK(write_registry_json(read_registry_json(write_registry_json(reg))) == write_registry_json(reg));
}

TEST_CASE("100,000 cycles through a 100,000-unit chain are reported with short messages", "[limits]") {
  const auto ps = problems_of(unit_chain(chain_length, true));
  // (The first cycle problem is u0 naming itself as parent; the long ones follow.)
  auto it = std::find_if(ps.begin(), ps.end(), [](const problem& p) {
    return p.code == "cycle" && p.message.rfind("parent links form a cycle: 'u0' -> 'u1'", 0) == 0;
  });
  REQUIRE(it != ps.end());
  const problem* c = &*it;
  CHECK(c->location.rfind("/units/", 0) == 0);
  CHECK(c->message.find("more) ->") != std::string::npos);
  CHECK(c->message.size() < 400);
  CHECK(ps.back().code == "too_many_errors");
}

TEST_CASE("a million persons with one id give 1,000 duplicate_id errors and a count of the rest", "[limits]") {
  std::string s = head + R"("units": [{"id": "12", "name": "Tỉnh Lai Châu", "level": "tinh"}], "persons": [)";
  for (std::size_t i = 0; i < duplicates; ++i) s += i ? R"(,{"id":"p","name":"n"})" : R"({"id":"p","name":"n"})";
  s += "]}";
  const auto ps = problems_of(s);
  CHECK(count_code(ps, "duplicate_id") == 1000);
  CHECK(ps.back().code == "too_many_errors");
  CHECK(ps.back().message == std::to_string(duplicates - 1 - 1000) + " more errors not shown");
}

TEST_CASE("an object of 200,000 keys, or of one key 200,000 times, is read in linear time", "[limits]") {
  std::string many = head + R"("units": [{"id": "12", "name": "n", "level": "tinh")";
  std::string same = many;
  for (std::size_t i = 0; i < many_items; ++i) {
    many += R"(, "x_)" + std::to_string(i) + R"(": 1)";
    same += R"(, "x_a": 1)";
  }
  many += "}]}";
  same += "}]}";
  const auto reg = read_registry_json(many);
  CHECK(reg.units().size() == 1);
  const auto ps = problems_of(same);
  CHECK(count_code(ps, "duplicate_key") == 1000);
  CHECK(find_code(ps, "duplicate_key")->location == "/units/0/x_a");
}

TEST_CASE("200,000 distinct unknown codes are refused without searching the vocabulary for each",
          "[limits]") {
  std::string s = head + R"("units": [{"id": "12", "name": "n", "level": "tinh"}], "persons": [{"id": "p", "name": "n"}], "assignments": [)";
  for (std::size_t i = 0; i < many_items; ++i) {
    if (i) s += ',';
    s += R"({"person":"p","unit":"12","category":"c)" + std::to_string(i) +
         R"(","sector":"dan_so","start":"2020-01-01"})";
  }
  s += "]}";
  const auto ps = problems_of(s);
  REQUIRE(count_code(ps, "unknown_code") == 1000);
  CHECK(ps.front().message ==
        "unknown code 'c0' in vocabulary 'categories'; nearest known codes: can_bo, cong_chuc, vien_chuc");
  CHECK(ps[999].message == "unknown code 'c999' in vocabulary 'categories'");
}

TEST_CASE("lists nested a million deep stop reading at level 64 with too_deep", "[limits]") {
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  const auto ps = problems_of(head + R"("units": [], "x_deep": )" + deep + "}");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].code == "too_deep");
  CHECK(ps[0].location == "/x_deep");
  CHECK(ps[0].message == "nested more than 64 levels deep");

  try {
    (void)read_plan_json(R"({"format": "nangluc/plan@1", "x_deep": )" + deep + "}", "plan.json");
    FAIL("the plan loaded");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == "too_deep");
  }
}

TEST_CASE("a string longer than 1 MiB is too_long where it is", "[limits]") {
  const std::string big(detail::max_string_bytes + 1, 'a');
  const auto ps = problems_of(head + R"("units": [{"id": "12", "name": ")" + big + R"(", "level": "tinh"}]})");
  const auto* p = find_code(ps, "too_long");
  REQUIRE(p);
  CHECK(p->location == "/units/0");
  CHECK(p->message == "a string of 1048577 bytes is longer than the limit of 1048576 bytes");

  try {
    (void)read_plan_json(R"({"format": "nangluc/plan@1", "id": ")" + big + R"("})", "plan.json");
    FAIL("the plan loaded");
  } catch (const validation_error& e) {
    const auto* q = find_code(e.problems(), "too_long");
    REQUIRE(q);
    CHECK(q->location == "/id");
  }
}

TEST_CASE("an id or a code longer than 256 bytes is too_long, quoted in part", "[limits]") {
  const std::string long_id(300, 'u');
  const std::string long_code(100'000, 'x');
  const auto ps = problems_of(head + R"("units": [{"id": ")" + long_id + R"(", "name": "n", "level": "tinh"},)" +
                              R"({"id": "13", "name": "n", "level": ")" + long_code + R"("}]})");
  REQUIRE(count_code(ps, "too_long") == 2);
  CHECK(ps[0].location == "/units/0/id");
  CHECK(ps[0].message == "an id of 300 bytes is longer than the limit of 256 bytes ('" + std::string(32, 'u') + "…')");
  CHECK(ps[1].location == "/units/1/level");
  CHECK(ps[1].message.size() < 200);
}

TEST_CASE("a number too large for a double is a located json_syntax error", "[limits]") {
  const auto ps = problems_of(head + "\"units\": [],\n \"x_n\": 1e309}");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].code == "json_syntax");
  CHECK(ps[0].location == "2:9");
  CHECK(ps[0].message == "number overflow parsing '1e309'");
}

TEST_CASE("a plan larger than 64 MiB is refused before it is parsed", "[limits]") {
  const std::string huge(static_cast<std::size_t>(detail::max_small_file_bytes) + 1, ' ');
  try {
    (void)read_plan_json(huge, "plan.json");
    FAIL("the plan loaded");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == "file_too_large");
    CHECK(e.problems()[0].file == "plan.json");
    CHECK(e.problems()[0].message ==
          "the file holds 67108865 bytes; nangluc reads files of at most 64 MiB here (docs/limits.md)");
  }
}

TEST_CASE("a registry file larger than 2 GiB is refused without being read", "[limits]") {
  namespace fs = std::filesystem;
  const auto path = fs::temp_directory_path() / "nangluc_limits_test_huge.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{}";
  }
  // A sparse file: its size is on record, its blocks are not on disk.
  fs::resize_file(path, detail::max_registry_file_bytes + 1);
  try {
    (void)load_registry(path);
    FAIL("the registry loaded");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == "file_too_large");
    CHECK(e.problems()[0].location.empty());
  }
  fs::remove(path);
}

namespace {
struct counting_sink : detail::csv_row_sink {
  bool header(const detail::csv_row&) override { return true; }
  void row(const detail::csv_row& r) override {
    ++rows;
    if (r.size() > 1) second_cell_sizes.push_back(r.text(1).size());
  }
  std::size_t rows = 0;
  std::vector<std::size_t> second_cell_sizes;
};
}  // namespace

TEST_CASE("a CSV cell longer than 1 MiB is too_long at its line and column, and emptied", "[limits][csv]") {
  detail::problem_list problems;
  counting_sink sink;
  detail::csv_reader reader("units.csv", problems, sink);
  reader.feed("id,name\n1,\"");
  reader.feed(std::string(detail::max_string_bytes + 1, 'n'));
  reader.feed("\"\n2,ok\n");
  CHECK(reader.finish());
  REQUIRE(problems.items().size() == 1);
  CHECK(problems.items()[0].code == "too_long");
  CHECK(problems.items()[0].location == "2:2");
  CHECK(sink.rows == 2);
  CHECK(sink.second_cell_sizes == std::vector<std::size_t>{0, 2});
}

TEST_CASE("rows past the bound are too_many_records at the first one, and reading stops", "[limits][csv]") {
  detail::problem_list problems;
  counting_sink sink;
  detail::csv_reader reader("enrollments.csv", problems, sink, 3);
  reader.feed("person,session\np1,s1\np2,s1\n\np3,s1\np4,s1\np5,s1\n");
  reader.finish();
  CHECK(sink.rows == 3);
  REQUIRE(problems.items().size() == 1);
  CHECK(problems.items()[0].code == "too_many_records");
  CHECK(problems.items()[0].location == "6:1");
  CHECK(problems.items()[0].message == "the table holds more than 3 records, the limit");
}

TEST_CASE("past 1,000 warnings the rest are counted in too_many_warnings and the registry loads", "[limits]") {
  std::string s = head + R"("units": [{"id": "12", "name": "n", "level": "tinh"}], "persons": [{"id": "p", "name": "n"}], "qualifications": [)";
  for (int i = 0; i < 1005; ++i)
    s += std::string(i ? "," : "") +
         R"({"person": "p", "kind": "certificate", "code": "bd_dan_so_vien", "awarded": "2024-06-01", "expires": "2019-06-01"})";
  s += "]}";
  const auto reg = read_registry_json(s, "registry.json");
  REQUIRE(reg.warnings().size() == 1001);
  CHECK(reg.warnings().back().code == "too_many_warnings");
  CHECK(reg.warnings().back().message == "5 more warnings not shown");
}
