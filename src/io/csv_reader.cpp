// Reading a registry from a folder of CSV tables (model.md §4). Rows become records through the
// same builder and converters as JSON, so both formats mean the same; every problem is located
// as file:line:column.

#include <nangluc/io.hpp>

#include "io/csv_table.hpp"
#include "io/json_records.hpp"
#include "io/read_file.hpp"
#include "io/registry_builder.hpp"
#include "model/problems.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

namespace nangluc {
namespace detail {
namespace {

using json = nlohmann::json;

constexpr std::uint32_t no_column = std::numeric_limits<std::uint32_t>::max();

// An ISO date cell straight to its day number (days_from_civil, H. Hinnant), without the
// calendar objects parse_day goes through: dates are a quarter of the cells of a registry.
// Anything but a valid YYYY-MM-DD gives none, and parse_day has the last word.
std::optional<day> iso_day(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[8];
  constexpr int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 0; i < 8; ++i) {
    const char c = s[static_cast<std::size_t>(at[i])];
    if (c < '0' || c > '9') return std::nullopt;
    v[i] = c - '0';
  }
  const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
  if (y < 1400 || m < 1 || m > 12 || d < 1) return std::nullopt;
  constexpr int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > month_days[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  const int yy = m <= 2 ? y - 1 : y;
  const int era = yy / 400;  // years are >= 1400: no negative division
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

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

struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
// Codes already interned, so a repeated code costs one hash lookup and no allocation.
using code_cache = std::unordered_map<std::string, term, string_hash, std::equal_to<>>;

// Turns the rows of one table into records (the CSV twin of json_records.cpp's readers).
class table_loader final : public csv_row_sink {
 public:
  table_loader(table t, registry_builder& b, csv_source_map& where, std::vector<misfiled_problem>& misfiled)
      : table_(t),
        schema_(schema_of(t)),
        b_(b),
        where_(where),
        info_(where.tables[static_cast<std::size_t>(t)]),
        misfiled_(misfiled),
        reporter_{b, info_.file, [this](std::string_view field) {
                    return where_.location(schema_.list, index_, field);
                  }} {
    known_.fill(no_column);
  }
  table_loader(const table_loader&) = delete;
  table_loader& operator=(const table_loader&) = delete;

  /// Whether a header was read and every required column is there.
  [[nodiscard]] bool usable() const noexcept { return have_header_ && usable_; }
  [[nodiscard]] bool have_header() const noexcept { return have_header_; }

  bool header(const csv_row& row) override {
    have_header_ = true;
    auto& problems = b_.problems();
    info_.header.clear();
    for (std::size_t i = 0; i < row.size(); ++i) info_.header.emplace_back(row.text(i));
    std::unordered_map<std::string_view, std::size_t> seen;
    bool unreadable_name = false;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string& name = info_.header[i];
      const auto col = static_cast<std::uint32_t>(i);
      if (row.bad(i)) {  // reported; a column we cannot name makes the table unreadable
        unreadable_name = true;
        usable_ = false;
        continue;
      }
      if (name.empty()) {  // spreadsheets leave these; they may only hold empty cells
        unnamed_.push_back(col);
        continue;
      }
      if (auto [it, inserted] = seen.try_emplace(name, i); !inserted) {
        problems.error("duplicate_column", info_.file, csv_location(row.line(i), i + 1),
                       "column '" + name + "' appears twice (first as column " +
                           std::to_string(it->second + 1) + ")");
        usable_ = false;
        continue;
      }
      const auto known = std::find(schema_.columns.begin(), schema_.columns.end(), name);
      if (known != schema_.columns.end()) {
        known_[static_cast<std::size_t>(known - schema_.columns.begin())] = col;
      } else if (schema_.external_ids && name.starts_with(external_ids_prefix)) {
        external_.emplace_back(name.substr(external_ids_prefix.size()), col);
      } else if (is_extension_name(name)) {
        extensions_.emplace_back(name, col);
      } else if (name.find(';') != std::string::npos || name.find('\t') != std::string::npos) {
        // Excel in some locales saves "CSV" with semicolons (or tabs) between the columns.
        problems.error("unknown_field", info_.file, csv_location(row.line(i), i + 1),
                       "unknown column '" + name + "' in " + std::string(schema_.file_name) +
                           " (the columns seem to be separated by ';' or tabs: save the table as "
                           "CSV with commas)");
      } else {
        problems.error("unknown_field", info_.file, csv_location(row.line(i), i + 1),
                       "unknown column '" + name + "' in " + std::string(schema_.file_name) +
                           " (extension columns must start with x_)");
      }
    }
    for (const auto k : schema_.required)
      if (known_[k] == no_column && !unreadable_name) {  // it may be the column we cannot read
        problems.error("missing_column", info_.file, csv_location(row.first_line(), 1),
                       std::string(schema_.file_name) + " needs a column '" +
                           std::string(schema_.columns[k]) + "'");
        usable_ = false;
      }
    // The JSON reader meets an object's keys in sorted order; so do these, for equal records.
    std::sort(external_.begin(), external_.end());
    std::sort(extensions_.begin(), extensions_.end());
    return usable_;
  }

  void row(const csv_row& row) override {
    row_ = &row;
    index_ = info_.records;
    info_.add_record(row.first_line());
    if (row.spans_lines()) {
      std::vector<std::uint32_t> lines(row.size());
      for (std::size_t i = 0; i < row.size(); ++i) lines[i] = row.line(i);
      info_.cell_lines.emplace(index_, std::move(lines));
    }
    for (const auto col : unnamed_)
      if (!row.text(col).empty())
        b_.problems().error("unknown_field", info_.file, csv_location(row.line(col), std::uint64_t{col} + 1),
                            "a value in a column without a name");
    switch (table_) {
      case table::units: read_unit(); break;
      case table::persons: read_person(); break;
      case table::assignments: read_assignment(); break;
      case table::qualifications: read_qualification(); break;
      case table::courses: read_course(); break;
      case table::sessions: read_session(); break;
      case table::enrollments: read_enrollment(); break;
      case table::quotas: read_quota(); break;
    }
  }

 private:
  // ---- cells ------------------------------------------------------------------------------
  [[nodiscard]] std::string_view name(std::uint8_t k) const { return schema_.columns[k]; }
  [[nodiscard]] std::string_view cell(std::uint8_t k) const {
    const auto col = known_[k];
    return col == no_column ? std::string_view{} : row_->text(col);
  }
  // `line:column` of a known column's cell in the current row.
  [[nodiscard]] std::string here(std::uint8_t k) const {
    const auto col = known_[k];
    if (col == no_column) return csv_location(row_->first_line(), 1);
    return csv_location(row_->line(col), std::uint64_t{col} + 1);
  }
  void error(std::uint8_t k, std::string code, std::string message) const {
    b_.problems().error(std::move(code), info_.file, here(k), std::move(message));
  }

  // A missing column was reported once with the header, an undecodable cell where it is.
  void missing(std::uint8_t k) const {
    const auto col = known_[k];
    if (col == no_column || row_->bad(col)) return;
    error(k, "missing_field", "required field '" + std::string(name(k)) + "' is missing");
  }

  std::string text(std::uint8_t k, bool required) const {
    const auto v = cell(k);
    if (v.empty() && required) missing(k);
    return std::string(v);
  }

  day date(std::uint8_t k, bool required, day absent) const {
    const auto v = cell(k);
    if (v.empty()) {
      if (required) missing(k);
      return absent;
    }
    if (auto d = iso_day(v)) return *d;
    if (auto d = parse_day(v)) return *d;
    error(k, "bad_date", "'" + std::string(v) + "' is not a date (YYYY-MM-DD or dd/mm/yyyy)");
    return absent;
  }

  term intern(code_cache& cache, std::string_view vocabulary_name, std::string_view code) {
    if (auto it = cache.find(code); it != cache.end()) return it->second;
    const term t = b_.intern(vocabulary_name, code);
    cache.emplace(std::string(code), t);
    return t;
  }

  term code(std::uint8_t k, std::string_view vocabulary_name, bool required) {
    const auto v = cell(k);
    if (v.empty()) {
      if (required) missing(k);
      return {};
    }
    return intern(caches_[k], vocabulary_name, v);
  }

  // A list of codes joined with `;` (spaces around each code are ignored).
  std::vector<term> codes(std::uint8_t k, std::string_view vocabulary_name, bool required) {
    std::vector<term> out;
    std::string_view v = cell(k);
    if (v.empty()) {
      if (required) missing(k);
      return out;
    }
    for (std::size_t i = 0;; ++i) {
      const auto semi = v.find(';');
      std::string_view c = v.substr(0, semi);
      while (!c.empty() && (c.front() == ' ' || c.front() == '\t')) c.remove_prefix(1);
      while (!c.empty() && (c.back() == ' ' || c.back() == '\t')) c.remove_suffix(1);
      if (c.empty())
        reporter_.error(std::string(name(k)) + "/" + std::to_string(i), "wrong_type",
                        "an empty code in the list '" + std::string(name(k)) +
                            "' (codes are separated by ';')");
      else
        out.push_back(intern(caches_[k], vocabulary_name, c));
      if (semi == std::string_view::npos) break;
      v.remove_prefix(semi + 1);
    }
    return out;
  }

  std::optional<std::int64_t> integer(std::uint8_t k, bool required) const {
    const auto v = cell(k);
    if (v.empty()) {
      if (required) missing(k);
      return std::nullopt;
    }
    const char* end = v.data() + v.size();
    std::int64_t n = 0;
    const auto r = std::from_chars(v.data(), end, n);
    if (r.ptr == end && r.ec == std::errc{}) return n;
    if (r.ptr == end && r.ec == std::errc::result_out_of_range) {
      error(k, "bad_value", "'" + std::string(name(k)) + "' is too large");
      return std::nullopt;
    }
    double d = 0;  // 40.0 and 4e1 are whole numbers too, as in JSON
    const auto rd = std::from_chars(v.data(), end, d);
    if (rd.ptr == end && rd.ec == std::errc{} && std::trunc(d) == d && std::fabs(d) < 9.0e15)
      return static_cast<std::int64_t>(d);
    error(k, "wrong_type", "'" + std::string(name(k)) + "' must be a whole number, not '" + std::string(v) + "'");
    return std::nullopt;
  }

  std::optional<double> number(std::uint8_t k) const {
    const auto v = cell(k);
    if (v.empty()) return std::nullopt;
    const char* end = v.data() + v.size();
    double d = 0;
    const auto r = std::from_chars(v.data(), end, d);
    if (r.ptr == end && r.ec == std::errc{} && std::isfinite(d)) return d;
    error(k, "wrong_type", "'" + std::string(name(k)) + "' must be a number, not '" + std::string(v) + "'");
    return std::nullopt;
  }

  // A reference by id. Rows often come grouped (a person's enrollments one after another), so
  // each column remembers its last id and skips the builder's lookup when it repeats.
  template <class Ref>
  auto reference(std::uint8_t k, bool required, Ref ref) -> decltype(ref(std::string_view{})) {
    using handle_type = decltype(ref(std::string_view{}));
    const auto v = cell(k);
    if (v.empty()) {
      if (required) missing(k);
      return {};
    }
    auto& last = last_refs_[k];
    if (last.valid && v == last.id) return handle_type{last.value};
    const handle_type h = ref(v);
    last.id.assign(v);
    last.value = h.value;
    last.valid = true;
    return h;
  }
  unit_ix unit_ref(std::uint8_t k, bool required) {
    return reference(k, required, [this](std::string_view id) { return b_.ref_unit(id); });
  }
  person_ix person_ref(std::uint8_t k, bool required) {
    return reference(k, required, [this](std::string_view id) { return b_.ref_person(id); });
  }

  sex sex_value(std::uint8_t k) const {
    const auto v = cell(k);
    if (v.empty()) return sex::unknown;
    if (v == "F") return sex::female;
    if (v == "M") return sex::male;
    if (v == "X") return sex::other;
    error(k, "bad_value", "'" + std::string(name(k)) + "' must be \"F\", \"M\" or \"X\"");
    return sex::unknown;
  }

  // A cell holding JSON text (`parents`, `attendance`, `confers`).
  std::optional<json> json_cell(std::uint8_t k, std::string_view example) const {
    const auto v = cell(k);
    if (v.empty()) return std::nullopt;
    auto r = parse_json_cell(v, name(k));
    for (auto& [code, message] : r.problems) error(k, std::move(code), std::move(message));
    if (r.not_json)
      error(k, "bad_value", "'" + std::string(name(k)) + "' must be JSON text such as " + std::string(example));
    return std::move(r.value);
  }

  // The `x_` cells: JSON text when the cell parses as JSON, else a string.
  extra_fields extras() const {
    extra_fields out;
    for (const auto& [key, col] : extensions_) {
      const auto v = row_->text(col);
      if (v.empty()) continue;
      auto r = parse_json_cell(v, key);
      for (auto& [code, message] : r.problems)
        b_.problems().error(std::move(code), info_.file, csv_location(row_->line(col), std::uint64_t{col} + 1),
                            std::move(message));
      if (!r.problems.empty()) continue;
      out.emplace_back(key, r.value ? r.value->dump() : json(std::string(v)).dump());
    }
    return out;
  }

  // Adds a record; a duplicate id the builder reports is then moved to this table's file.
  template <class Add>
  void add(Add&& add_record) {
    auto& problems = b_.problems();
    const auto before = problems.items().size();
    std::forward<Add>(add_record)();
    if (problems.items().size() > before && problems.items()[before].code == "duplicate_id")
      misfiled_.push_back({before, static_cast<std::size_t>(table_)});
  }

  // ---- records ----------------------------------------------------------------------------
  void read_unit() {
    using namespace unit_col;
    unit u;
    u.id = text(id, true);
    u.name = text(unit_col::name, true);
    u.level = code(level, vocab::levels, true);
    u.kind = code(kind, vocab::unit_kinds, false);
    u.valid.from = date(valid_from, false, day_min);
    u.valid.to = date(valid_to, false, day_max);
    u.successor = unit_ref(successor, false);
    const auto one = cell(parent);
    if (!one.empty() && !cell(parents).empty()) {
      error(parents, "bad_value", "give either 'parent' or 'parents', not both");
    } else if (!one.empty()) {
      parent_link link;
      link.unit = unit_ref(parent, true);
      u.parents.push_back(std::move(link));
    } else if (auto ps = json_cell(parents, R"([{"unit": "105", "from": "2020-01-01", "to": "2025-06-30"}])")) {
      u.parents = read_parent_links(*ps, "parents", reporter_);
      u.parents_over_time = true;
    }
    add([&] { b_.add_unit(std::move(u), extras(), here(id)); });
  }

  void read_person() {
    using namespace person_col;
    person p;
    p.id = text(id, true);
    p.name = text(person_col::name, true);
    p.sex = sex_value(person_col::sex);
    p.birth_date = date(birth_date, false, day_min);
    p.ethnicity = code(ethnicity, vocab::ethnicities, false);
    for (const auto& [key, col] : external_) {
      const auto v = row_->text(col);
      if (!v.empty()) p.external_ids.emplace_back(key, v);
    }
    add([&] { b_.add_person(std::move(p), extras(), here(id)); });
  }

  void read_assignment() {
    using namespace assignment_col;
    assignment a;
    a.person = person_ref(person, true);
    a.unit = unit_ref(unit, true);
    a.employer = unit_ref(employer, false);
    a.category = code(category, vocab::categories, true);
    a.roles = codes(roles, vocab::roles, false);
    a.sector = code(sector, vocab::sectors, true);
    a.when.from = date(start, true, day_min);
    a.when.to = date(end, false, day_max);
    b_.add_assignment(std::move(a), extras());
  }

  void read_qualification() {
    using namespace qualification_col;
    qualification q;
    q.person = person_ref(person, true);
    q.kind = code(kind, vocab::qualification_kinds, true);
    // The code belongs to the vocabulary the kind names.
    if (const auto k = cell(kind); !k.empty()) {
      if (const auto c = cell(qualification_col::code); !c.empty()) {
        auto it = kind_caches_.find(k);
        if (it == kind_caches_.end()) it = kind_caches_.emplace(std::string(k), code_cache{}).first;
        q.code = intern(it->second, k, c);
      } else {
        missing(qualification_col::code);
      }
    } else if (cell(qualification_col::code).empty()) {
      missing(qualification_col::code);
    }
    q.field = code(field, vocab::fields, false);
    q.awarded = date(awarded, false, day_min);
    q.expires = date(expires, false, day_max);
    q.issuer = text(issuer, false);
    b_.add_qualification(std::move(q), extras());
  }

  void read_course() {
    using namespace course_col;
    course c;
    c.id = text(id, true);
    c.title = text(title, true);
    c.kind = code(kind, vocab::training_kinds, true);
    c.topics = codes(topics, vocab::topics, true);
    c.hours = number(hours);
    if (auto conf = json_cell(confers, R"({"kind": "certificate", "code": "bd_dan_so_vien", "valid_for": "P5Y"})"))
      c.confers = read_conferral(*conf, "confers", reporter_);
    add([&] { b_.add_course(std::move(c), extras(), here(id)); });
  }

  void read_session() {
    using namespace session_col;
    session s;
    s.id = text(id, true);
    s.course = reference(course, true, [this](std::string_view v) { return b_.ref_course(v); });
    s.when.from = date(start, true, day_min);
    s.when.to = date(end, true, day_max);
    s.organizer = unit_ref(organizer, false);
    s.location = text(location, false);
    s.capacity = integer(capacity, false);
    s.cost_vnd = integer(cost_vnd, false);
    s.funding = code(funding, vocab::funding_sources, false);
    if (auto att = json_cell(attendance, R"([{"category": "cong_tac_vien", "sex": "F", "count": 12}])"))
      s.attendance = read_attendance(*att, "attendance", reporter_);
    add([&] { b_.add_session(std::move(s), extras(), here(id)); });
  }

  void read_enrollment() {
    using namespace enrollment_col;
    enrollment e;
    e.person = person_ref(person, true);
    e.session = reference(session, true, [this](std::string_view v) { return b_.ref_session(v); });
    if (const auto st = cell(status); st.empty()) {
      missing(status);
    } else if (st == last_status_text_) {
      e.status = last_status_;
    } else if (auto s = parse_enrollment_status(st)) {
      e.status = *s;
      last_status_text_.assign(st);
      last_status_ = *s;
    } else {
      error(status, "bad_value", "'status' must be one of registered, attended, completed, failed, withdrawn");
    }
    e.completed_on = date(completed_on, false, day_min);
    if (auto sc = number(score)) e.score = *sc;
    b_.add_enrollment(e, extras());
  }

  void read_quota() {
    using namespace quota_col;
    quota q;
    q.unit = unit_ref(unit, true);
    q.category = code(category, vocab::categories, false);
    q.roles = codes(roles, vocab::roles, false);
    q.sector = code(sector, vocab::sectors, false);
    q.count = integer(count, true).value_or(0);
    q.when.from = date(from, false, day_min);
    q.when.to = date(to, false, day_max);
    b_.add_quota(std::move(q), extras());
  }

  table table_;
  const table_schema& schema_;
  registry_builder& b_;
  csv_source_map& where_;
  csv_source_map::table_info& info_;
  std::vector<misfiled_problem>& misfiled_;
  record_reporter reporter_;

  bool have_header_ = false;
  bool usable_ = true;
  std::array<std::uint32_t, max_known_columns> known_{};  // header position of each known column
  std::vector<std::pair<std::string, std::uint32_t>> external_;    // (KEY, position), by KEY
  std::vector<std::pair<std::string, std::uint32_t>> extensions_;  // (x_ name, position), by name
  std::vector<std::uint32_t> unnamed_;                             // columns without a name
  std::array<code_cache, max_known_columns> caches_;
  struct last_ref {
    std::string id;
    std::uint32_t value = 0;
    bool valid = false;
  };
  std::array<last_ref, max_known_columns> last_refs_;
  std::string last_status_text_;  // statuses repeat: the last one read, and its value
  enrollment_status last_status_ = enrollment_status::registered;
  std::unordered_map<std::string, code_cache, string_hash, std::equal_to<>> kind_caches_;

  const csv_row* row_ = nullptr;
  std::uint32_t index_ = 0;  // the record being read
};


// meta.json: what registry JSON holds at the top level besides the lists.
void read_meta(const std::filesystem::path& path, const std::string& file, registry_builder& b) {
  const std::string text = read_file(path, max_small_file_bytes);
  auto& problems = b.problems();
  auto parsed = parse_json_input(text, problems, {.file = file});
  if (!parsed) return;
  const json& root = *parsed;
  if (!root.is_object()) {
    problems.error("wrong_type", file, "", "meta.json must hold a JSON object, not " + json_type_name(root));
    return;
  }
  if (auto it = root.find("format"); it == root.end()) {
    problems.error("missing_field", file, "/format", "missing \"format\": \"nangluc/tables@1\"");
  } else if (*it != "nangluc/tables@1") {
    problems.error("bad_format", file, "/format", "format must be \"nangluc/tables@1\", not " + it->dump());
  }
  if (auto it = root.find("profile"); it != root.end()) {
    if (it->is_string()) b.set_profile(it->get<std::string>(), "/profile");
    else problems.error("wrong_type", file, "/profile", "'profile' must be a string");
  }
  if (auto it = root.find("vocabularies"); it != root.end())
    read_vocabulary_additions(*it, "/vocabularies", b, file);
  for (const auto& [key, value] : root.items()) {
    if (is_extension_name(key)) b.add_top_level_extra(key, value.dump());
    else if (key != "format" && key != "profile" && key != "vocabularies")
      problems.error("unknown_field", file, "/" + pointer_token(key),
                     "unknown key '" + key + "' in meta.json (extension keys must start with x_)");
  }
}

// Moves the problems of `from` to `to`, giving misfiled ones their table's file and the line
// of the record they point back to.
void transfer_problems(problem_list& from, problem_list& to, const std::vector<misfiled_problem>& misfiled,
                       const csv_source_map& where) {
  std::size_t next = 0, kept_errors = 0;
  const auto& items = from.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    problem p = items[i];
    if (p.severity == severity::error) ++kept_errors;
    if (next < misfiled.size() && misfiled[next].index == i) {
      const auto& info = where.tables[misfiled[next].table];
      p.file = info.file;
      // "(first at /units/3)" names a record by index; say its line instead.
      const std::string marker = "(first at /" + std::string(table_schemas()[misfiled[next].table].list) + "/";
      if (auto at = p.message.find(marker); at != std::string::npos) {
        std::size_t n = 0;
        const char* b = p.message.data() + at + marker.size();
        const char* e = p.message.data() + p.message.size();
        const auto r = std::from_chars(b, e, n);
        if (r.ec == std::errc{} && n < info.records)
          p.message = p.message.substr(0, at) + "(first on line " + std::to_string(info.line_of(n)) +
                      std::string(r.ptr, e);
      }
      ++next;
    }
    to.add(std::move(p));
  }
  // Errors past the limit were only counted; count them again so the total stays right.
  for (auto n = from.errors() - std::min(from.errors(), kept_errors); n > 0; --n) to.error({}, {}, {}, {});
}

}  // namespace
}  // namespace detail

registry read_registry_csv(const std::filesystem::path& folder, const load_options& opt) {
  using namespace detail;
  std::error_code ec;
  if (!std::filesystem::exists(folder, ec)) throw io_error(folder.string(), "no such folder");
  if (!std::filesystem::is_directory(folder, ec))
    throw io_error(folder.string(), "is not a folder of CSV tables");

  // The builder reports duplicate ids under one file name; its problems are collected apart
  // and moved over with the right file once reading is done.
  problem_list read_problems(opt.max_errors);
  const auto meta_path = folder / "meta.json";
  registry_builder builder(read_problems, meta_path.string());
  csv_source_map where;
  where.default_file = folder.string();
  if (std::filesystem::is_regular_file(meta_path, ec)) read_meta(meta_path, meta_path.string(), builder);

  // A misspelled table (person.csv) would otherwise be skipped in silence, its rows lost; JSON
  // refuses unknown keys the same way. Tables of the data owner's own start with x_.
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() != ".csv" || name.starts_with("x_")) continue;
    const bool known = std::any_of(table_schemas().begin(), table_schemas().end(),
                                   [&](const auto& schema) { return schema.file_name == name; });
    if (!known)
      read_problems.error("unknown_table", entry.path().string(), "",
                          "'" + name + "' is not a table of a registry (units.csv, persons.csv, assignments.csv, "
                          "qualifications.csv, courses.csv, sessions.csv, enrollments.csv, quotas.csv); "
                          "tables of your own must start with x_");
  }

  // A table that could not be read whole (malformed, or a header without the columns a
  // record needs) would make every reference into it dangle: such problems are reported alone.
  bool whole = true;
  std::vector<misfiled_problem> misfiled;
  for (std::size_t t = 0; t < table_count; ++t) {
    const auto& schema = table_schemas()[t];
    const auto path = folder / schema.file_name;
    auto& info = where.tables[t];
    info.file = path.string();
    if (!std::filesystem::exists(path, ec)) {
      if (static_cast<table>(t) == table::units) {
        read_problems.error("missing_file", info.file, "",
                            "a registry folder needs units.csv (the other tables and meta.json are optional)");
        whole = false;
      }
      continue;
    }
    table_loader loader(static_cast<table>(t), builder, where, misfiled);
    if (!read_csv_file(path, info.file, read_problems, loader)) whole = false;
    if (!loader.have_header()) {
      if (static_cast<table>(t) == table::units) {
        read_problems.error("missing_column", info.file, csv_location(1, 1),
                            "units.csv is empty: it needs a header row (id, name, level, …)");
        whole = false;
      }
    } else if (!loader.usable()) {
      whole = false;
    }
  }

  registry_data data;
  if (whole) data = builder.finish(where);
  problem_list problems(opt.max_errors);
  transfer_problems(read_problems, problems, misfiled, where);
  if (!whole) throw validation_error(problems.take());
  return make_registry(std::move(data), where, problems);
}

}  // namespace nangluc
