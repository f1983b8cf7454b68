// Reading the tables of a registry folder (model.md §4): rows become records, field by field as
// the record descriptions (model/record_fields.hpp) list them, through the same builder and
// converters as JSON, so both formats mean the same; every problem is located as
// file:line:column. The folder itself (meta.json, which tables) is read in csv_folder.cpp.

#include <nangluc/io.hpp>

#include "io/csv_source_map.hpp"
#include "io/csv_table.hpp"
#include "io/json_records.hpp"
#include "io/read_file.hpp"
#include "io/registry_builder.hpp"
#include "model/record_fields.hpp"
#include "model/problems.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>
#include <unordered_map>

namespace nangluc {
namespace detail {
namespace {

using json = nlohmann::json;

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
      case table::units: read_record<unit>(); break;
      case table::persons: read_record<person>(); break;
      case table::assignments: read_record<assignment>(); break;
      case table::qualifications: read_record<qualification>(); break;
      case table::courses: read_record<course>(); break;
      case table::sessions: read_record<session>(); break;
      case table::enrollments: read_record<enrollment>(); break;
      case table::quotas: read_record<quota>(); break;
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
    error(k, "bad_value", std::string(name(k)) + " '" + std::string(v) + "' is not one of F, M, X");
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
  // A record, field by field as its description lists them; column k holds field k.
  template <class Rec>
  void read_record() {
    Rec rec;
    for_each_field<Rec>([&](const auto& fd, std::size_t k) { read_field(fd, static_cast<std::uint8_t>(k), rec); });
    if constexpr (field_names<Rec>[0] == "id")
      add([&] { b_.add(std::move(rec), extras(), here(0)); });
    else
      b_.add(std::move(rec), extras(), no_location_);
  }

  template <class Rec, class F>
  void read_field(const F& fd, std::uint8_t k, Rec& rec) {
    auto& v = fd.get(rec);
    using T = std::remove_cvref_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string>) {
      const auto c = cell(k);
      if (c.empty() && fd.required) missing(k);
      v.assign(c);
    } else if constexpr (std::is_same_v<T, term>) {
      static constexpr auto kind = static_cast<std::uint8_t>(field_index<Rec>("kind"));
      v = fd.role == field_role::code_of_kind ? code_of_kind(k, kind) : code(k, fd.vocabulary, fd.required);
    } else if constexpr (std::is_same_v<T, std::vector<term>>) {
      v = codes(k, fd.vocabulary, fd.required);
    } else if constexpr (std::is_same_v<T, day>) {
      v = date(k, fd.required, fd.absent);
    } else if constexpr (std::is_same_v<T, unit_ix>) {
      v = unit_ref(k, fd.required);
    } else if constexpr (std::is_same_v<T, person_ix>) {
      v = person_ref(k, fd.required);
    } else if constexpr (std::is_same_v<T, course_ix>) {
      v = reference(k, fd.required, [this](std::string_view id) { return b_.ref_course(id); });
    } else if constexpr (std::is_same_v<T, session_ix>) {
      v = reference(k, fd.required, [this](std::string_view id) { return b_.ref_session(id); });
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      v = integer(k, fd.required).value_or(0);
    } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
      v = integer(k, fd.required);
    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
      v = number(k);
    } else if constexpr (std::is_same_v<T, double>) {
      if (auto n = number(k)) v = *n;
    } else if constexpr (std::is_same_v<T, sex>) {
      v = sex_value(k);
    } else if constexpr (std::is_same_v<T, enrollment_status>) {
      v = status(k);
    } else {
      read_structured_field(fd, k, v, rec);
    }
  }

  // The fields that are more than one value: parent links, attendance, confers, external ids.
  template <class Rec, class F, class T>
  void read_structured_field(const F& fd, std::uint8_t k, T& v, Rec& rec) {
    if constexpr (std::is_same_v<T, std::vector<parent_link>>) {
      static constexpr auto parent = static_cast<std::uint8_t>(field_index<Rec>("parent"));
      static constexpr auto parents = static_cast<std::uint8_t>(field_index<Rec>("parents"));
      if (fd.role == field_role::single_parent) {
        if (!cell(parent).empty() && !cell(parents).empty()) {
          error(parents, "bad_value", "give either 'parent' or 'parents', not both");
        } else if (!cell(parent).empty()) {
          parent_link link;
          link.unit = unit_ref(parent, true);
          v.push_back(std::move(link));
        }
      } else if (cell(parent).empty()) {
        if (auto ps = json_cell(k, fd.example)) {
          v = read_parent_links(*ps, fd.name, reporter_);
          rec.parents_over_time = true;
        }
      }
    } else if constexpr (std::is_same_v<T, std::vector<headcount>>) {
      if (auto att = json_cell(k, fd.example)) v = read_attendance(*att, fd.name, reporter_);
    } else if constexpr (std::is_same_v<T, std::optional<conferral>>) {
      if (auto conf = json_cell(k, fd.example)) v = read_conferral(*conf, fd.name, reporter_);
    } else {
      static_assert(std::is_same_v<T, std::vector<std::pair<std::string, std::string>>>, "a field type to read");
      for (const auto& [key, col] : external_) {
        const auto text = row_->text(col);
        if (!text.empty()) v.emplace_back(key, text);
      }
    }
  }

  // The code of a qualification: in the vocabulary its kind names.
  term code_of_kind(std::uint8_t k, std::uint8_t kind) {
    const auto c = cell(k);
    if (const auto kind_text = cell(kind); !kind_text.empty()) {
      if (c.empty()) {
        missing(k);
        return {};
      }
      auto it = kind_caches_.find(kind_text);
      if (it == kind_caches_.end()) it = kind_caches_.emplace(std::string(kind_text), code_cache{}).first;
      return intern(it->second, kind_text, c);
    }
    if (c.empty()) missing(k);
    return {};
  }

  // Statuses repeat: the last one read is remembered with its value.
  enrollment_status status(std::uint8_t k) {
    const auto st = cell(k);
    if (st.empty()) {
      missing(k);
    } else if (st == last_status_text_) {
      return last_status_;
    } else if (auto s = parse_enrollment_status(st)) {
      last_status_text_.assign(st);
      last_status_ = *s;
      return *s;
    } else {
      error(k, "bad_value", "status '" + std::string(st) + "' is not one of registered, attended, completed, failed, withdrawn");
    }
    return enrollment_status::registered;
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
  const std::string no_location_;
};

}  // namespace

csv_table_status read_csv_table(table t, const std::filesystem::path& path, registry_builder& builder,
                                csv_source_map& where, std::vector<misfiled_problem>& misfiled) {
  table_loader loader(t, builder, where, misfiled);
  const bool well_formed = read_csv_file(path, where.tables[static_cast<std::size_t>(t)].file, builder.problems(), loader);
  return {well_formed, loader.have_header(), loader.usable()};
}

}  // namespace detail
}  // namespace nangluc
