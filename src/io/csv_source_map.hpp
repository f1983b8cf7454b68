// Internal: where the records of a CSV folder came from (each table's file, header and the line
// of every record), and reading one table of the folder into a registry_builder.
#pragma once

#include <nangluc/registry.hpp>

#include "io/csv_table.hpp"
#include "io/registry_builder.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace nangluc::detail {

inline constexpr std::uint32_t no_column = std::numeric_limits<std::uint32_t>::max();

// Where each record came from: `<list>.csv` and the line and column of its cells.
class csv_source_map final : public source_map {
 public:
  struct table_info {
    std::string file;                      // the table's path, as given
    std::vector<std::string> header;       // column names, in file order
    std::uint32_t records = 0;
    // The line each record starts on. Usually record i is on line first_line + i, and nothing
    // is stored; a blank line or a quoted line break makes them a list.
    std::uint32_t first_line = 0;
    bool consecutive = true;
    std::vector<std::uint32_t> lines;
    // Records with a quoted line break: the line of each of their cells.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> cell_lines;

    void add_record(std::uint32_t line) {
      if (records == 0) {
        first_line = line;
      } else if (consecutive && line != first_line + records) {
        consecutive = false;
        lines.reserve(std::size_t{records} * 2);
        for (std::uint32_t i = 0; i < records; ++i) lines.push_back(first_line + i);
      }
      if (!consecutive) lines.push_back(line);
      ++records;
    }
    [[nodiscard]] std::uint32_t line_of(std::size_t index) const {
      return consecutive ? first_line + static_cast<std::uint32_t>(index) : lines[index];
    }
  };
  std::array<table_info, table_count> tables;

  [[nodiscard]] std::string file(std::string_view list) const override {
    const auto* t = find(list);
    return t && !t->file.empty() ? t->file : default_file;
  }

  [[nodiscard]] std::string location(std::string_view list, std::size_t index,
                                     std::string_view field) const override {
    const auto* t = find(list);
    if (!t || index >= t->records) return source_map::location(list, index, field);
    const auto column = column_of(*t, field);
    auto line = t->line_of(index);
    if (column == no_column) return csv_location(line, 1);
    if (!t->cell_lines.empty())
      if (auto it = t->cell_lines.find(static_cast<std::uint32_t>(index));
          it != t->cell_lines.end() && column < it->second.size())
        line = it->second[column];
    return csv_location(line, std::uint64_t{column} + 1);
  }

 private:
  [[nodiscard]] const table_info* find(std::string_view list) const {
    for (std::size_t t = 0; t < table_count; ++t)
      if (table_schemas()[t].list == list) return &tables[t];
    return nullptr;
  }

  // The column holding a field: `roles/2` and `parents/0/unit` are in the cell of the part
  // before the first slash, `external_ids/KEY` in `external_ids.KEY`.
  static std::uint32_t column_of(const table_info& t, std::string_view field) {
    if (field.empty()) return no_column;
    const auto slash = field.find('/');
    std::string_view name = field.substr(0, slash);
    std::string joined;
    if (name == "external_ids" && slash != std::string_view::npos) {
      joined = std::string(external_ids_prefix) + std::string(field.substr(slash + 1));
      name = joined;
    }
    for (std::size_t i = 0; i < t.header.size(); ++i)
      if (t.header[i] == name) return static_cast<std::uint32_t>(i);
    return no_column;
  }
};

// A problem the builder reported under the wrong file (it knows one file; a folder has many):
// its index in the problem list and the table it belongs to.
struct misfiled_problem {
  std::size_t index;
  std::size_t table;
};

/// How reading one table went.
struct csv_table_status {
  bool well_formed = true;  ///< no csv_syntax problem
  bool have_header = false;
  bool usable = false;      ///< a header with every required column
};

/// Reads `path` as table `t` into `builder` (problems into the builder's list), recording where
/// each record is in `where` and the duplicate-id problems reported under the wrong file.
[[nodiscard]] csv_table_status read_csv_table(table t, const std::filesystem::path& path, registry_builder& builder,
                                              csv_source_map& where, std::vector<misfiled_problem>& misfiled);

}  // namespace nangluc::detail
