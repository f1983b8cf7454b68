// Reading and writing registries: JSON (`nangluc/registry@1`) and folders of CSV tables.
// Loading is all-or-nothing; writing goes to a temporary file renamed into place.
#pragma once

#include <nangluc/registry.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace nangluc {

struct load_options {
  /// Stop collecting after this many errors (the last problem then says how many were cut).
  std::size_t max_errors = 1000;
};

/// How CSV tables write dates.
enum class csv_date_style { iso, dmy };

struct csv_options {
  csv_date_style dates = csv_date_style::iso;
  bool bom = true;   ///< start each file with a UTF-8 byte-order mark (Excel reads it as UTF-8)
  bool crlf = true;  ///< end lines with CRLF (RFC 4180)
};

/// Reads a registry from a JSON file or a folder of CSV tables (decided by what the path is).
/// Throws io_error when the path cannot be read, validation_error when the content is invalid.
[[nodiscard]] registry load_registry(const std::filesystem::path& path, const load_options& = {});

/// Reads a registry JSON document from text; `file` names it in problem locations.
[[nodiscard]] registry read_registry_json(std::string_view text, std::string_view file = "<memory>",
                                          const load_options& = {});
/// Reads a registry from a folder of CSV tables (`units.csv`, `persons.csv`, … and an optional
/// `meta.json` holding the profile, vocabulary additions and top-level `x_` fields).
[[nodiscard]] registry read_registry_csv(const std::filesystem::path& folder, const load_options& = {});

/// Writes the registry as JSON text (one record per line, canonical key order).
void write_registry_json(const registry& reg, std::ostream& out);
[[nodiscard]] std::string write_registry_json(const registry& reg);

/// Saves a registry: as JSON when `path` ends in `.json`, else as a folder of CSV tables.
/// The output appears whole or not at all.
void save_registry(const registry& reg, const std::filesystem::path& path, const csv_options& = {});
/// Saves as JSON to `path`, atomically.
void save_registry_json(const registry& reg, const std::filesystem::path& path);
/// Saves as a folder of CSV tables at `folder`, atomically (a folder already there is replaced).
void save_registry_csv(const registry& reg, const std::filesystem::path& folder, const csv_options& = {});

/// Reads a vocabulary file (`nangluc/vocabulary@1`) into a vocabulary set.
[[nodiscard]] vocabulary_set read_vocabulary_json(std::string_view text, std::string_view file = "<memory>");

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so that
/// readers never see a half-written file.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);
/// The same, with the content streamed by `write` (nothing held whole in memory). If `write`
/// throws, the temporary file is removed and `path` is left as it was.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

}  // namespace nangluc
