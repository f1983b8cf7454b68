// The JSON front-end: one set of limits and one way of locating problems for every JSON input
// (registries, meta.json, vocabulary files, JSON cells of CSV tables).

#include <nangluc/io.hpp>

#include "io/json_input.hpp"
#include "io/vocabulary_json.hpp"

#include <catch2/catch.hpp>

using namespace nangluc;
using nangluc::detail::element_action;
using nangluc::detail::json_path;
using nangluc::detail::parse_json_input;
using nangluc::detail::problem_list;
using json = nlohmann::json;

namespace {
std::vector<problem> problems_of(std::string_view text) {
  problem_list problems;
  (void)parse_json_input(text, problems, {.file = "x.json"});
  return problems.items();
}
}  // namespace

TEST_CASE("the front-end reads what nlohmann reads", "[json_input]") {
  problem_list problems;
  const std::string text = R"({"a": [1, 2.5, "x", null, true, {"b": {}}], "c~/d": -3, "e": 18446744073709551615})";
  const auto doc = parse_json_input(text, problems, {});
  REQUIRE(doc);
  CHECK(problems.items().empty());
  CHECK(*doc == json::parse(text));
}

TEST_CASE("every problem is located by JSON pointer", "[json_input]") {
  SECTION("duplicate keys: the first is kept") {
    problem_list problems;
    const auto doc = parse_json_input(R"({"a": [{"k~/": 1, "k~/": {"deep": [2]}}], "a": 3})", problems, {});
    REQUIRE(problems.items().size() == 2);
    CHECK(problems.items()[0].code == "duplicate_key");
    CHECK(problems.items()[0].location == "/a/0/k~0~1");
    CHECK(problems.items()[0].message == "key 'k~/' appears twice in the same object (the first is kept)");
    CHECK(problems.items()[1].location == "/a");
    CHECK(problems.items()[1].message == "key 'a' appears twice");
    REQUIRE(doc);
    CHECK((*doc)["a"][0]["k~/"] == 1);
  }
  SECTION("nesting past 64 levels stops reading") {
    const auto ps = problems_of(R"({"a": [)" + std::string(70, '[') + std::string(70, ']') + "]}");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].code == "too_deep");
    CHECK(ps[0].location == "/a/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0");
  }
  SECTION("a string past 1 MiB") {
    const auto ps = problems_of(R"({"a": [")" + std::string(detail::max_string_bytes + 1, 'x') + R"("]})");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].code == "too_long");
    CHECK(ps[0].location == "/a/0");
  }
  SECTION("syntax, bad UTF-8 and numbers too large at line:column") {
    CHECK(problems_of("{\n \"a\": 1,}")[0].location == "2:9");
    CHECK(problems_of("{\"a\": \"\xff\"}")[0].code == "json_syntax");
    const auto big = problems_of("{\"a\":\n 1e999}");
    CHECK(big[0].location == "2:2");
    CHECK(big[0].message == "number overflow parsing '1e999'");
  }
}

TEST_CASE("large lists stream through on_element", "[json_input]") {
  problem_list problems;
  std::vector<std::string> seen;
  detail::json_input_options opt;
  opt.stream_depth = 2;
  opt.on_element = [&](const json_path& p, json& v) {
    seen.push_back(p.pointer() + "=" + v.dump());
    return p[0].key == "keep" ? element_action::keep : element_action::consume;
  };
  const auto doc = parse_json_input(R"({"list": [{"a": 1}, 2], "keep": [3], "x": 4})", problems, opt);
  REQUIRE(doc);
  CHECK(seen == std::vector<std::string>{"/list/0={\"a\":1}", "/list/1=2", "/keep/0=3"});
  CHECK(*doc == json::parse(R"({"list": [], "keep": [3], "x": 4})"));
}

TEST_CASE("JSON cells report their problems for the cell", "[json_input]") {
  const auto dup = detail::parse_json_cell(R"([{"unit": "1", "unit": "2"}])", "parents");
  CHECK_FALSE(dup.value);
  REQUIRE(dup.problems.size() == 1);
  CHECK(dup.problems[0].first == "duplicate_key");
  CHECK(dup.problems[0].second == "'parents' at /0/unit: key 'unit' appears twice in the same object (the first is kept)");
  const auto text = detail::parse_json_cell("Sở Y tế", "x_source");
  CHECK(text.not_json);
  CHECK(text.problems.empty());
}

TEST_CASE("one reader of vocabulary entries: files and registries agree", "[json_input][vocabulary]") {
  // Decomposed "Đại học" is read in NFC; ranks are whole numbers.
  const std::string entry = "{\"code\": \"dh\", \"vi\": \"\xC4\x90" "a\xCC\xA3i ho\xCC\xA3" "c\", \"rank\": 5}";
  const auto set = read_vocabulary_json(R"({"format": "nangluc/vocabulary@1", "name": "t", "vocabularies": {"v": [)" +
                                        entry + "]}}");
  CHECK(set.at("v").entries()[0].vi == "\xC4\x90\xE1\xBA\xA1i h\xE1\xBB\x8D" "c");
  try {
    (void)read_vocabulary_json(R"({"format": "nangluc/vocabulary@1", "vocabularies": {"v": [{"code": "a", "rank": 1.5}, 7, {"vi": "x"}]}})");
    FAIL("read");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 3);
    CHECK(e.problems()[0].location == "/vocabularies/v/0/rank");
    CHECK(e.problems()[0].message == "'rank' must be a whole number, not 1.5");
    CHECK(e.problems()[1].code == "wrong_type");
    CHECK(e.problems()[2].code == "missing_field");
  }
  try {
    (void)read_vocabulary_json("{\"format\": \"nangluc/vocabulary@1\", \"x_deep\": " + std::string(100, '[') +
                               std::string(100, ']') + "}");
    FAIL("read");
  } catch (const validation_error& e) {
    CHECK(e.problems()[0].code == "too_deep");
  }
}
