// Internal: turning JSON values into model records, field by field, reporting each problem
// where it is. Used by the JSON reader for whole records and by the CSV reader for the cells
// that hold JSON text (`parents`, `attendance`, `confers`).
#pragma once

#include "io/limits.hpp"
#include "io/registry_builder.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace nangluc::detail {

/// Reports problems of one record: `where(field)` gives the location of a field
/// (a JSON pointer such as `/units/4/level`, or `line:column` in a CSV table).
struct record_reporter {
  registry_builder& builder;
  std::string file;
  std::function<std::string(std::string_view field)> where;

  void error(std::string_view field, std::string code, std::string message) const {
    builder.problems().error(std::move(code), file, where(field), std::move(message));
  }
  void warning(std::string_view field, std::string code, std::string message) const {
    builder.problems().warning(std::move(code), file, where(field), std::move(message));
  }
};


/// One JSON value parsed from text (a CSV cell, a meta file) under the nesting limit.
/// nullopt when malformed or too deep, with the reason in `why` and `too_deep` set for the latter.
[[nodiscard]] std::optional<nlohmann::json> parse_json_text(std::string_view text, std::string* why = nullptr,
                                                           bool* too_deep = nullptr);

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

// Whole records (the JSON reader). Each reads one object, reports its problems and adds the
// record to the builder (even when it has problems, so indexes stay aligned with the file).
void read_unit(const nlohmann::json& obj, const record_reporter& r);
void read_person(const nlohmann::json& obj, const record_reporter& r);
void read_assignment(const nlohmann::json& obj, const record_reporter& r);
void read_qualification(const nlohmann::json& obj, const record_reporter& r);
void read_course(const nlohmann::json& obj, const record_reporter& r);
void read_session(const nlohmann::json& obj, const record_reporter& r);
void read_enrollment(const nlohmann::json& obj, const record_reporter& r);
void read_quota(const nlohmann::json& obj, const record_reporter& r);

// Parts of records held as JSON text in CSV cells. `field` names the field for locations;
// nested problems are reported at `where(field + "/…")`.
[[nodiscard]] std::vector<parent_link> read_parent_links(const nlohmann::json& v, std::string_view field,
                                                         const record_reporter& r);
[[nodiscard]] std::vector<headcount> read_attendance(const nlohmann::json& v, std::string_view field,
                                                     const record_reporter& r);
[[nodiscard]] std::optional<conferral> read_conferral(const nlohmann::json& v, std::string_view field,
                                                      const record_reporter& r);

/// The registry's `vocabularies` additions: `{NAME: [{code, vi, en, rank?, parent?, depth?}]}`.
void read_vocabulary_additions(const nlohmann::json& v, const std::string& pointer,
                               registry_builder& b, const std::string& file);

}  // namespace nangluc::detail
