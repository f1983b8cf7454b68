// CSV tables: the columns of each table, an RFC 4180 reader on libcsv that tracks physical
// lines, and the writer's quoting rule.

#include "io/csv_table.hpp"

#include "io/limits.hpp"
#include "io/read_file.hpp"
#include "model/record_fields.hpp"

#include "text/unicode.hpp"

#include <nangluc/error.hpp>

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <exception>

namespace nangluc::detail {

// ---- the tables -------------------------------------------------------------------------

namespace {

template <class Rec>
constexpr table_schema schema_for(std::string_view file_name) {
  return {record_description<Rec>::list, file_name, column_names<Rec>, required_columns<Rec>,
          field_index<Rec>("external_ids") < field_count<Rec>};
}

constexpr std::array<table_schema, table_count> schemas{{
    schema_for<unit>("units.csv"),
    schema_for<person>("persons.csv"),
    schema_for<assignment>("assignments.csv"),
    schema_for<qualification>("qualifications.csv"),
    schema_for<course>("courses.csv"),
    schema_for<session>("sessions.csv"),
    schema_for<enrollment>("enrollments.csv"),
    schema_for<quota>("quotas.csv"),
}};

constexpr std::size_t most_columns = [] {
  std::size_t n = 0;
  for (const auto& s : schemas) n = std::max(n, s.columns.size());
  return n;
}();
static_assert(most_columns == max_known_columns);

}  // namespace

const std::array<table_schema, table_count>& table_schemas() noexcept { return schemas; }

std::string csv_location(std::uint64_t line, std::uint64_t column) {
  char buf[48];
  auto r = std::to_chars(buf, buf + 20, line);
  *r.ptr++ = ':';
  r = std::to_chars(r.ptr, buf + sizeof buf, column);
  return std::string(buf, r.ptr);
}

// ---- reading ----------------------------------------------------------------------------

namespace {

// libcsv's parser states (libcsv.c); the struct is public, the names are not.
constexpr int row_not_begun = 0;
constexpr int field_might_have_ended = 3;

bool all_ascii(std::string_view s) noexcept {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t acc = 0;
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    acc |= w;
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    acc |= static_cast<unsigned char>(*p++);
    --n;
  }
  return (acc & 0x8080808080808080ull) == 0;
}

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

}  // namespace

struct csv_reader::state {
  state(std::string f, problem_list& p, csv_row_sink& s) : file(std::move(f)), problems(p), sink(s) {
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    // Cells grow in steps of this size; libcsv's default (128 bytes) makes long cells slow.
    csv_set_blk_size(&parser, 4096);
  }
  ~state() { csv_free(&parser); }
  state(const state&) = delete;
  state& operator=(const state&) = delete;

  csv_parser parser{};
  std::string file;
  problem_list& problems;
  csv_row_sink& sink;
  csv_row row;

  std::uint32_t line = 1;        // the physical line being fed
  std::uint32_t field_line = 1;  // the line the current cell started on
  bool at_line_start = true;
  bool bom_checked = false;
  std::string head;              // the first bytes, until the BOM question is settled
  bool have_header = false;
  bool usable = true;            // whether the sink wants rows
  std::size_t header_size = 0;
  std::size_t rows = 0;          // rows after the header
  std::size_t max_rows = max_records;
  bool malformed = false;
  bool stopped = false;          // a syntax error ended the parse
  std::exception_ptr failure;    // an exception thrown inside a libcsv callback

  static void on_field(void* bytes, std::size_t len, void* self) noexcept {
    auto& s = *static_cast<state*>(self);
    if (s.failure) return;
    try {
      auto& r = s.row;
      r.cells_.push_back({r.text_.size(), len, s.field_line, false, false});
      if (len) r.text_.append(static_cast<const char*>(bytes), len);
      s.field_line = s.line;  // the next cell starts after this one's delimiter, on this line
    } catch (...) {
      s.failure = std::current_exception();
    }
  }

  static void on_row(int, void* self) noexcept {
    auto& s = *static_cast<state*>(self);
    if (s.failure) return;
    try {
      s.end_row();
    } catch (...) {
      s.failure = std::current_exception();
    }
  }

  void error(std::string code, std::uint64_t at_line, std::uint64_t column, std::string message) {
    problems.error(std::move(code), file, csv_location(at_line, column), std::move(message));
  }

  // Checks UTF-8 and brings every cell to NFC.
  void normalize_row() {
    if (all_ascii(row.text_)) return;
    for (std::size_t i = 0; i < row.cells_.size(); ++i) {
      auto& c = row.cells_[i];
      const std::string_view text(row.text_.data() + c.offset, c.size);
      if (all_ascii(text)) continue;
      if (!is_valid_utf8(text)) {
        error("bad_encoding", c.line, i + 1,
              "the text is not valid UTF-8 (save the table as \"CSV UTF-8\")");
        c.bad = true;
        c.size = 0;
        continue;
      }
      std::string nfc = to_nfc(text);
      if (nfc == text) continue;
      c.offset = row.normalized_.size();
      c.size = nfc.size();
      c.normalized = true;
      row.normalized_ += nfc;
    }
  }

  // Cells past the length limit are reported and emptied, as cells with bad UTF-8 are.
  void check_lengths() {
    for (std::size_t i = 0; i < row.cells_.size(); ++i) {
      auto& c = row.cells_[i];
      if (c.size <= max_string_bytes) continue;
      error("too_long", c.line, i + 1,
            "a cell of " + std::to_string(c.size) + " bytes is longer than the limit of " +
                std::to_string(max_string_bytes) + " bytes");
      c.bad = true;
      c.size = 0;
    }
  }

  void end_row() {
    check_lengths();
    if (!have_header) {
      have_header = true;
      header_size = row.cells_.size();
      normalize_row();
      usable = sink.header(row);
    } else if (row.cells_.size() != header_size) {
      const auto n = row.cells_.size();
      malformed = true;
      if (n > header_size)
        error("csv_syntax", row.cells_[header_size].line, header_size + 1,
              "this row has " + std::to_string(n) + " cells, the header has " + std::to_string(header_size));
      else
        error("csv_syntax", row.cells_.back().line, n + 1,
              "this row has " + std::to_string(n) + " cells, the header has " + std::to_string(header_size));
    } else if (++rows > max_rows) {
      error("too_many_records", row.first_line(), 1,
            "the table holds more than " + std::to_string(max_rows) + " records, the limit");
      stopped = true;  // the rest is not read; the load fails on this error
    } else if (usable) {
      normalize_row();
      sink.row(row);
    }
    row.text_.clear();
    row.normalized_.clear();
    row.cells_.clear();
  }

  void check_failure() {
    if (failure) {
      auto f = failure;
      failure = nullptr;
      stopped = true;
      std::rethrow_exception(f);
    }
  }

  // Feeds libcsv one physical line at a time, so every callback knows the line it is on. A
  // whole line without quotes needs none of libcsv's states and is split here, several times
  // faster, with the same result.
  void parse(const char* p, std::size_t n) {
    while (n > 0 && !stopped) {
      bool row_start = false;
      if (at_line_start) {
        row_start = parser.pstate == row_not_begun;
        if (row_start) field_line = line;
        at_line_start = false;
      }
      const auto* nl = static_cast<const char*>(std::memchr(p, '\n', n));
      const std::size_t len = nl ? static_cast<std::size_t>(nl - p) + 1 : n;
      if (!(row_start && nl && split_plain_line(p, len - 1))) {
        const std::size_t done = csv_parse(&parser, p, len, on_field, on_row, this);
        check_failure();
        if (done != len) {
          syntax_error();
          return;
        }
      }
      if (nl) {
        ++line;
        at_line_start = true;
      }
      p += len;
      n -= len;
    }
  }

  // Splits a line holding no quote and no carriage return (but a final one) as libcsv would:
  // cells between commas, spaces and tabs around them dropped, a blank line no row at all.
  // Returns false, having done nothing, for any other line.
  bool split_plain_line(const char* p, std::size_t n) {
    if (n > 0 && p[n - 1] == '\r') --n;
    if (std::memchr(p, '"', n) || std::memchr(p, '\r', n)) return false;
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    std::size_t first = 0;
    while (first < n && blank(p[first])) ++first;
    if (first == n) return true;  // blank: libcsv reports no row either
    auto& r = row;
    const char* end = p + n;
    const char* cell = p;
    for (;;) {
      const auto* comma = static_cast<const char*>(std::memchr(cell, ',', static_cast<std::size_t>(end - cell)));
      const char* stop = comma ? comma : end;
      const char* b = cell;
      const char* e = stop;
      while (b < e && blank(*b)) ++b;
      while (e > b && blank(e[-1])) --e;
      const auto size = static_cast<std::size_t>(e - b);
      r.cells_.push_back({r.text_.size(), size, line, false, false});
      r.text_.append(b, size);
      if (!comma) break;
      cell = comma + 1;
    }
    end_row();
    return true;
  }

  void syntax_error() {
    stopped = true;
    malformed = true;
    const int status = csv_error(&parser);
    if (status != CSV_EPARSE)
      throw io_error(file, "line " + std::to_string(line) + ": cannot read: " + csv_strerror(status));
    const auto column = row.cells_.size() + 1;
    if (parser.pstate == field_might_have_ended)
      error("csv_syntax", line, column,
            "text after the closing quote of a cell (a quote inside a quoted cell is written twice: \"\")");
    else
      error("csv_syntax", line, column,
            "a quote inside an unquoted cell (quote the whole cell and write the quote twice: \"\")");
  }

  void feed(std::string_view bytes) {
    if (stopped) return;
    if (!bom_checked) {
      const auto take = std::min(bytes.size(), utf8_bom.size() - head.size());
      head.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (head.size() < utf8_bom.size()) return;
      settle_bom();
    }
    parse(bytes.data(), bytes.size());
  }

  void settle_bom() {
    bom_checked = true;
    std::string first = std::move(head);
    if (first != utf8_bom) parse(first.data(), first.size());
  }

  bool finish() {
    if (!bom_checked) settle_bom();
    if (!stopped) {
      const int r = csv_fini(&parser, on_field, on_row, this);
      check_failure();
      if (r != 0) {
        malformed = true;
        error("csv_syntax", field_line, row.cells_.size() + 1,
              "a quoted cell starting here is never closed (a quote is missing)");
      }
    }
    stopped = true;
    return !malformed;
  }
};

csv_reader::csv_reader(std::string file, problem_list& problems, csv_row_sink& sink, std::size_t max_rows)
    : s_(std::make_unique<state>(std::move(file), problems, sink)) {
  s_->max_rows = max_rows;
}

csv_reader::~csv_reader() = default;

void csv_reader::feed(std::string_view bytes) { s_->feed(bytes); }

bool csv_reader::finish() { return s_->finish(); }

bool read_csv_file(const std::filesystem::path& path, const std::string& file, problem_list& problems,
                   csv_row_sink& sink) {
  struct closer {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, closer> f(std::fopen(path.c_str(), "rb"));
  if (!f) throw io_error(file, std::string("cannot open: ") + std::strerror(errno));
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(path, ec); !ec)
    check_file_size(file, size, max_registry_file_bytes);
  csv_reader reader(file, problems, sink);
  constexpr std::size_t chunk = std::size_t{1} << 20;
  std::unique_ptr<char[]> buf(new char[chunk]);
  for (;;) {
    const std::size_t n = std::fread(buf.get(), 1, chunk, f.get());
    if (n > 0) reader.feed(std::string_view(buf.get(), n));
    if (n < chunk) {
      if (std::ferror(f.get())) throw io_error(file, std::string("read failed: ") + std::strerror(errno));
      break;
    }
  }
  return reader.finish();
}

// ---- writing ----------------------------------------------------------------------------

bool csv_needs_quotes(std::string_view text) noexcept {
  if (text.empty()) return false;
  const auto edge = [](char c) { return c == ' ' || c == '\t'; };
  if (edge(text.front()) || edge(text.back())) return true;
  for (const char c : text)
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  return false;
}

void append_csv_cell(std::string& out, std::string_view text) {
  if (!csv_needs_quotes(text)) {
    out += text;
    return;
  }
  out += '"';
  for (;;) {
    const auto q = text.find('"');
    if (q == std::string_view::npos) break;
    out += text.substr(0, q + 1);
    out += '"';
    text.remove_prefix(q + 1);
  }
  out += text;
  out += '"';
}

}  // namespace nangluc::detail
