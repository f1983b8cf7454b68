// Internal: the one way nangluc reads JSON text — registries, meta.json, vocabulary files, the
// JSON cells of CSV tables (and plans). One set of limits (docs/limits.md): nesting depth,
// string length, file size, duplicate keys and numbers too large for a double, each reported
// with its code and located by JSON pointer (RFC 6901); syntax errors at `line:column`.
//
// Usage, the simple case (a plan, meta.json, a vocabulary file):
//
//   problem_list problems;
//   if (auto doc = parse_json_input(text, problems, {.file = "plan.json"})) { … read *doc … }
//
// Large inputs stream: `on_element` receives each value that completes at `stream_depth`
// (a registry's records at depth 2, `/units/4`) and may consume it, so the document never
// holds them all.
#pragma once

#include "io/limits.hpp"
#include "model/problems.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nangluc::detail {

/// One step of a path in a JSON document: a key of an object or an index of a list.
struct json_step {
  bool is_index = false;
  std::size_t index = 0;
  std::string key;
};

/// Where a value is in the document being read: the steps from the root to it.
class json_path {
 public:
  json_path(const json_step* steps, std::size_t size) noexcept : steps_(steps), size_(size) {}
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] const json_step& operator[](std::size_t i) const noexcept { return steps_[i]; }
  /// The JSON pointer of the first `n` steps (all by default): `/units/4/name`.
  [[nodiscard]] std::string pointer(std::size_t n = static_cast<std::size_t>(-1)) const;

 private:
  const json_step* steps_;
  std::size_t size_;
};

/// What `on_element` did with a value.
enum class element_action : std::uint8_t {
  keep,     ///< leave it in the document
  consume,  ///< it was used: drop it from the document
  stop,     ///< a limit was hit (already reported): stop reading
};

/// How to read one JSON text. Every field has the library's default.
struct json_input_options {
  std::string file{};                                 ///< names the input in problems
  std::uint64_t max_file_bytes = max_small_file_bytes;  ///< `file_too_large` past this (throws)
  int max_depth = max_json_depth;                     ///< `too_deep` past this; reading stops
  std::size_t max_string = max_string_bytes;          ///< `too_long` for a longer key or string
  /// Where a limit problem (too_deep, too_long, duplicate_key's object) is located; by
  /// default the full JSON pointer. A registry names the record instead (`/units/4`).
  std::function<std::string(const json_path&)> locate{};
  /// Values completing at this depth (number of steps) go to `on_element`; 0 = none.
  std::size_t stream_depth = 0;
  std::function<element_action(const json_path&, nlohmann::json&)> on_element{};
};

/// Parses `text` under the limits. Problems go to `problems`: `json_syntax` (located
/// `line:column`; also text that is not UTF-8 and numbers too large for a double),
/// `too_deep` (reading stops), `too_long` (the string is dropped), `duplicate_key` (the first
/// value is kept and the second skipped, so one slip does not cascade). Returns the document,
/// or nullopt when it could not be read to its end. Throws validation_error (`file_too_large`)
/// when the text is larger than `max_file_bytes`, before reading it.
[[nodiscard]] std::optional<nlohmann::json> parse_json_input(std::string_view text, problem_list& problems,
                                                             const json_input_options& options);

/// JSON text held in one cell of a table (`parents`, `attendance`, `confers`, `x_…`), read
/// under the same limits. The cell is the location of its problems, so they come back as
/// `(code, message)`: `too_deep` and `duplicate_key` (their messages say where in the text)
/// are to be reported; a syntax error leaves `not_json` set and nothing to report, as the
/// caller decides what text that is not JSON means.
struct json_cell_result {
  std::optional<nlohmann::json> value;                  ///< set when the text was read cleanly
  bool not_json = false;                                ///< a syntax error
  std::vector<std::pair<std::string, std::string>> problems;  ///< (code, message) to report
};
[[nodiscard]] json_cell_result parse_json_cell(std::string_view text, std::string_view column);

/// `line:column` (1-based, column in bytes) of a byte offset in text: where a syntax error is.
[[nodiscard]] std::string line_column(std::string_view text, std::size_t offset);

/// `line:column` of the token a JSON parser's error quotes (`number overflow parsing '1e999'`),
/// for its errors that carry no position; empty when it cannot be found.
[[nodiscard]] std::string token_location(std::string_view text, const std::exception& e);

/// A JSON parser's message without its own position prefix, with control and non-ASCII bytes
/// replaced so it is safe to print on one line.
[[nodiscard]] std::string json_syntax_message(const std::exception& e);

/// `key` escaped as one JSON pointer token (RFC 6901: `~` → `~0`, `/` → `~1`).
[[nodiscard]] std::string pointer_token(std::string_view key);

/// A JSON type's name for messages ("a number", "an object").
[[nodiscard]] std::string json_type_name(const nlohmann::json& v);

}  // namespace nangluc::detail
