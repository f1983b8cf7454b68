// Fuzz target: the JSON front-end (src/io/json_input.cpp) every JSON input goes through, and the
// vocabulary file reader on it. Whatever the input: no crash; a text read without problems is
// the JSON value nlohmann's own parser reads (duplicate keys aside, which the front-end
// refuses), and one it refuses has a located problem; streaming gives the same records.

#include <nangluc/io.hpp>

#include "fuzz_support.hpp"
#include "io/json_input.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using json = nlohmann::json;

void check_front_end(std::string_view text) {
  using namespace nangluc::detail;
  problem_list problems(50);
  const auto doc = parse_json_input(text, problems, {.max_file_bytes = max_registry_file_bytes});
  for (const auto& p : problems.items())
    if (p.code.empty() || p.to_string().find('\n') != std::string::npos) nangluc::fuzz::fail("a bad problem");
  if (problems.has_errors()) {
    if (doc && problems.items().front().code == "json_syntax") nangluc::fuzz::fail("a document despite a syntax error");
    return;
  }
  if (!doc) nangluc::fuzz::fail("no document and no problem");
  const json theirs = json::parse(text.begin(), text.end(), nullptr, false);
  if (theirs.is_discarded() || theirs != *doc) nangluc::fuzz::fail("the front-end reads another value than nlohmann");

  // Streaming the members at depth 2 sees each of them once, in order.
  std::size_t streamed = 0;
  problem_list again(50);
  json_input_options opt{.max_file_bytes = max_registry_file_bytes};
  opt.stream_depth = 2;
  opt.on_element = [&](const json_path& p, json&) {
    if (p.size() != 2) nangluc::fuzz::fail("streamed at the wrong depth");
    ++streamed;
    return element_action::consume;
  };
  (void)parse_json_input(text, again, opt);
  std::size_t expected = 0;
  if (doc->is_structured())
    for (const auto& member : *doc)
      if (member.is_structured()) expected += member.size();
  if (streamed != expected) nangluc::fuzz::fail("streaming missed or repeated members");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_front_end(text);
  (void)nangluc::detail::parse_json_cell(text, "x_cell");
  try {
    (void)nangluc::read_vocabulary_json(text, "fuzz-vocabulary.json");
  } catch (const nangluc::validation_error& e) {
    nangluc::fuzz::check_problems(e);
  }
  return 0;
}
