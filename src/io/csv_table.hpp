// Internal: the CSV tables of a registry folder (model.md §4) — the columns of each table, a
// reader that knows the line and column of every cell, and the writer's quoting rule.
#pragma once

#include "io/limits.hpp"
#include "model/problems.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nangluc::detail {

// ---- the tables -------------------------------------------------------------------------

/// The tables of a registry folder, in the order of model.md §2.
enum class table : std::uint8_t {
  units, persons, assignments, qualifications, courses, sessions, enrollments, quotas
};
inline constexpr std::size_t table_count = 8;

// The known columns of each table are the fields of its record's description
// (src/model/record_fields.hpp), numbered in its order, which is the order they are written in.

/// The most known columns any table has.
inline constexpr std::size_t max_known_columns = 10;  // sessions (checked in csv_table.cpp)

/// One table: the list it holds, its file and its known columns.
struct table_schema {
  std::string_view list;                       ///< "units"
  std::string_view file_name;                  ///< "units.csv"
  std::span<const std::string_view> columns;   ///< known columns, model.md §2 order
  std::span<const std::uint8_t> required;      ///< columns a header must have
  bool external_ids = false;                   ///< whether `external_ids.KEY` columns belong here
};

/// Every table, indexed by `table`.
[[nodiscard]] const std::array<table_schema, table_count>& table_schemas() noexcept;
[[nodiscard]] inline const table_schema& schema_of(table t) noexcept {
  return table_schemas()[static_cast<std::size_t>(t)];
}

/// Columns `external_ids.KEY` hold a person's external id KEY.
inline constexpr std::string_view external_ids_prefix = "external_ids.";

/// Whether a field or column name is an extension (`x_…`), kept and written back unchanged.
[[nodiscard]] constexpr bool is_extension_name(std::string_view name) noexcept {
  return name.size() > 2 && name[0] == 'x' && name[1] == '_';
}

/// `line:column`, as CSV problems are located.
[[nodiscard]] std::string csv_location(std::uint64_t line, std::uint64_t column);

// ---- reading ----------------------------------------------------------------------------

/// One row as the reader hands it over: each cell's text (valid UTF-8, in NFC) and the
/// physical line it starts on. Views stay valid until the next row.
class csv_row {
 public:
  [[nodiscard]] std::size_t size() const noexcept { return cells_.size(); }
  [[nodiscard]] std::string_view text(std::size_t i) const noexcept {
    const auto& c = cells_[i];
    return {(c.normalized ? normalized_ : text_).data() + c.offset, c.size};
  }
  /// The line the cell starts on (1-based; a quoted cell may run over several lines).
  [[nodiscard]] std::uint32_t line(std::size_t i) const noexcept { return cells_[i].line; }
  /// Whether the cell was not valid UTF-8 (already reported; its text is then empty).
  [[nodiscard]] bool bad(std::size_t i) const noexcept { return cells_[i].bad; }
  /// The line the row starts on.
  [[nodiscard]] std::uint32_t first_line() const noexcept { return cells_.empty() ? 0 : cells_[0].line; }
  /// Whether some cell starts on a later line than the first (a quoted line break before it).
  [[nodiscard]] bool spans_lines() const noexcept {
    return !cells_.empty() && cells_.back().line != cells_.front().line;
  }

 private:
  friend class csv_reader;
  struct cell {
    std::size_t offset;
    std::size_t size;
    std::uint32_t line;
    bool normalized;
    bool bad;
  };
  std::string text_;        // the cells' bytes as read, back to back
  std::string normalized_;  // NFC forms of the cells that were not in NFC
  std::vector<cell> cells_;
};

/// Receives the rows of one file.
class csv_row_sink {
 public:
  virtual ~csv_row_sink() = default;
  /// The first row. Returns false when the table cannot be read; its rows are then skipped.
  virtual bool header(const csv_row& row) = 0;
  /// Each further row; only rows with as many cells as the header are handed over.
  virtual void row(const csv_row& row) = 0;
};

/// An RFC 4180 reader (libcsv, strict) fed with bytes in any pieces. Accepts a UTF-8 BOM and
/// CRLF or LF line ends; skips blank lines; trims spaces around unquoted cells. Reports
/// malformed CSV (`csv_syntax`) and invalid UTF-8 (`bad_encoding`) as `file` `line:column`.
class csv_reader {
 public:
  /// Rows past `max_rows` (after the header) are refused with `too_many_records`.
  csv_reader(std::string file, problem_list& problems, csv_row_sink& sink, std::size_t max_rows = max_records);
  ~csv_reader();
  csv_reader(const csv_reader&) = delete;
  csv_reader& operator=(const csv_reader&) = delete;

  /// Parses the next bytes of the file.
  void feed(std::string_view bytes);
  /// Ends the file. Returns false when it was malformed (a `csv_syntax` problem was reported).
  bool finish();

 private:
  struct state;
  std::unique_ptr<state> s_;
};

/// Reads a CSV file in large chunks through a csv_reader; `file` names it in problems.
/// Returns false when it was malformed. Throws io_error when it cannot be read.
bool read_csv_file(const std::filesystem::path& path, const std::string& file, problem_list& problems,
                   csv_row_sink& sink);

// ---- writing ----------------------------------------------------------------------------

/// Whether a cell must be quoted: it holds `,` `"` CR or LF, or starts or ends with a space or
/// tab (readers trim those around unquoted cells).
[[nodiscard]] bool csv_needs_quotes(std::string_view text) noexcept;

/// Appends a cell, quoted (with `"` doubled) only when it must be.
void append_csv_cell(std::string& out, std::string_view text);

}  // namespace nangluc::detail
