// Internal: turning JSON values into model records, field by field, reporting each problem
// where it is. Used by the JSON reader for whole records and by the CSV reader for the cells
// that hold JSON text (`parents`, `attendance`, `confers`).
#pragma once

#include "io/json_input.hpp"
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


// Whole records (the JSON reader): reads one object of record kind Rec (unit, person, …),
// reports its problems and adds the record to the builder (even when it has problems, so
// indexes stay aligned with the file). Driven by record_description<Rec>.
template <class Rec>
void read_json_record(const nlohmann::json& obj, const record_reporter& r);

// Parts of records held as JSON text in CSV cells. `field` names the field for locations;
// nested problems are reported at `where(field + "/…")`.
[[nodiscard]] std::vector<parent_link> read_parent_links(const nlohmann::json& v, std::string_view field,
                                                         const record_reporter& r);
[[nodiscard]] std::vector<headcount> read_attendance(const nlohmann::json& v, std::string_view field,
                                                     const record_reporter& r);
[[nodiscard]] std::optional<conferral> read_conferral(const nlohmann::json& v, std::string_view field,
                                                      const record_reporter& r);

/// The registry's `vocabularies` additions: `{NAME: [entry…]}`, each entry read by
/// read_vocabulary_entry (io/vocabulary_json.hpp).
void read_vocabulary_additions(const nlohmann::json& v, const std::string& pointer,
                               registry_builder& b, const std::string& file);

}  // namespace nangluc::detail
