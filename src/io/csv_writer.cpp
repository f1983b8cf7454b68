// Saving a registry as a folder of CSV tables (model.md §4). Every table gets all its known
// columns in a fixed order, so spreadsheets see a stable shape. The folder is written beside the
// target and renamed into place, so it appears whole or not at all.

#include <nangluc/io.hpp>

#include "io/csv_table.hpp"
#include "io/read_file.hpp"
#include "io/text_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <set>
#include <optional>

#include <unistd.h>

namespace nangluc {
namespace detail {

std::filesystem::path temporary_sibling(const std::filesystem::path&);

namespace {

using json = nlohmann::json;

// A file written through a large buffer; close() reports any failure.
class output_file {
 public:
  explicit output_file(std::filesystem::path path) : path_(std::move(path)) {
    f_ = std::fopen(path_.c_str(), "wb");
    if (!f_) throw io_error(path_.string(), std::string("cannot write: ") + std::strerror(errno));
  }
  ~output_file() {
    if (f_) std::fclose(f_);
  }
  output_file(const output_file&) = delete;
  output_file& operator=(const output_file&) = delete;

  std::string& buffer() noexcept { return buf_; }
  void flush_if_full() {
    if (buf_.size() >= (std::size_t{1} << 20)) flush();
  }
  void close() {
    flush();
    std::FILE* f = f_;
    f_ = nullptr;
    // On disk before the folder is renamed into place (see sync_to_disk).
    const bool synced = std::fflush(f) == 0 && (::fsync(::fileno(f)) == 0 || errno == EINVAL);
    if (std::fclose(f) != 0 || !synced)
      throw io_error(path_.string(), std::string("write failed: ") + std::strerror(errno));
  }

 private:
  void flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
      throw io_error(path_.string(), std::string("write failed: ") + std::strerror(errno));
    buf_.clear();
  }

  std::filesystem::path path_;
  std::FILE* f_ = nullptr;
  std::string buf_;
};

// Formatted dates, remembered: registries repeat the same few thousand dates millions of times.
class date_texts {
 public:
  explicit date_texts(csv_date_style style) : style_(style) { keys_.fill(day_min); }
  std::string_view operator()(day d) {
    const auto slot = static_cast<std::size_t>(static_cast<std::uint32_t>(d) % keys_.size());
    if (keys_[slot] != d) {
      const std::string s = style_ == csv_date_style::dmy ? format_day_dmy(d) : format_day(d);
      texts_[slot].size = static_cast<std::uint8_t>(std::min(s.size(), texts_[slot].text.size()));
      std::memcpy(texts_[slot].text.data(), s.data(), texts_[slot].size);
      keys_[slot] = d;
    }
    return {texts_[slot].text.data(), texts_[slot].size};
  }

 private:
  struct text {
    std::array<char, 15> text{};
    std::uint8_t size = 0;
  };
  csv_date_style style_;
  std::array<day, 4096> keys_{};
  std::array<text, 4096> texts_{};
};

// The cell of an `x_` field: a string as itself unless it would read back as other JSON (then
// as its JSON text, quoted), anything else as compact JSON text.
std::string extension_cell(std::string_view json_text) {
  if (!json_text.empty() && json_text.front() == '"') {
    const json v = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (v.is_string()) {
      const auto& s = v.get_ref<const std::string&>();
      if (s.empty() || json::accept(s)) return v.dump();
      return s;
    }
  }
  if (json_text.find_first_of(" \t\r\n") != std::string_view::npos) {
    const json v = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (!v.is_discarded()) return v.dump();
  }
  return std::string(json_text);
}

// Writes the tables of one registry.
class tables_writer {
 public:
  tables_writer(const registry_data& d, const csv_options& opt) : d_(d), opt_(opt), dates_(opt.dates) {}

  void write(const std::filesystem::path& folder) {
    write_units(folder);
    if (!d_.persons.empty()) write_persons(folder);
    if (!d_.assignments.empty()) write_assignments(folder);
    if (!d_.qualifications.empty()) write_qualifications(folder);
    if (!d_.courses.empty()) write_courses(folder);
    if (!d_.sessions.empty()) write_sessions(folder);
    if (!d_.enrollments.empty()) write_enrollments(folder);
    if (!d_.quotas.empty()) write_quotas(folder);
    write_meta(folder);
  }

 private:
  // ---- one table --------------------------------------------------------------------------
  // Starts a table: the file, its BOM and its header (known columns, external ids, x_ columns).
  void begin(const std::filesystem::path& folder, table t, const extras_table& extras, std::size_t n) {
    const auto& schema = schema_of(t);
    out_.emplace(folder / schema.file_name);
    if (opt_.bom) out_->buffer() += "\xEF\xBB\xBF";
    extension_names_.clear();
    if (!extras.empty())
      for (std::size_t i = 0; i < n; ++i)
        if (const auto* x = extras.find(static_cast<std::uint32_t>(i)))
          for (const auto& [key, value] : *x)
            if (std::find(extension_names_.begin(), extension_names_.end(), key) == extension_names_.end())
              extension_names_.push_back(key);
    extras_ = &extras;
    first_ = true;
    for (const auto& c : schema.columns) cell(c);
    for (const auto& key : external_keys_) cell(std::string(external_ids_prefix) + key);
    for (const auto& key : extension_names_) cell(key);
    end_row();
  }

  void end_record(std::size_t i) {
    if (!extension_names_.empty()) {
      const auto* x = extras_->find(static_cast<std::uint32_t>(i));
      for (const auto& key : extension_names_) {
        const std::string* value = nullptr;
        if (x)
          for (const auto& [k, v] : *x)
            if (k == key) {
              value = &v;
              break;
            }
        if (value) cell(extension_cell(*value));
        else none();
      }
    }
    end_row();
  }

  void finish_table() {
    out_->close();
    out_.reset();
    external_keys_.clear();
  }

  // ---- cells ------------------------------------------------------------------------------
  void separator() {
    if (!first_) out_->buffer() += ',';
    first_ = false;
  }
  void cell(std::string_view text) {
    separator();
    append_csv_cell(out_->buffer(), text);
  }
  void none() { separator(); }
  void end_row() {
    out_->buffer() += opt_.crlf ? "\r\n" : "\n";
    first_ = true;
    out_->flush_if_full();
  }
  void date(day d) {
    if (d == day_min || d == day_max) none();
    else cell(dates_(d));
  }
  void code(std::string_view vocabulary_name, term t) {
    if (t.is_none()) return none();
    const auto* v = d_.vocabularies.find(vocabulary_name);
    if (!v || t.value >= v->size()) return none();
    cell(v->code(t));
  }
  void codes(std::string_view vocabulary_name, const std::vector<term>& ts) {
    scratch_.clear();
    const auto* v = d_.vocabularies.find(vocabulary_name);
    for (const auto t : ts) {
      if (!v || t.is_none() || t.value >= v->size()) continue;
      if (!scratch_.empty()) scratch_ += ';';
      scratch_ += v->code(t);
    }
    cell(scratch_);
  }
  void integer(std::int64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    cell(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  }
  void sex_cell(sex s) {
    const char letter = static_cast<char>(s);
    cell(std::string_view(&letter, 1));
  }
  template <class List, class Ix>
  void id(const List& list, Ix h) {
    if (h.is_none() || h.value >= list.size()) return none();
    cell(list[h.value].id);
  }
  // The code of a qualification: in the vocabulary the kind names.
  std::string_view kind_code(term kind, term c) const {
    const auto* kinds = d_.vocabularies.find(vocab::qualification_kinds);
    if (!kinds || kind.is_none() || kind.value >= kinds->size() || c.is_none()) return {};
    const auto* v = d_.vocabularies.find(kinds->code(kind));
    if (!v || c.value >= v->size()) return {};
    return v->code(c);
  }
  std::string_view code_text(std::string_view vocabulary_name, term t) const {
    const auto* v = d_.vocabularies.find(vocabulary_name);
    if (!v || t.is_none() || t.value >= v->size()) return {};
    return v->code(t);
  }

  // JSON text cells, compact.
  static void json_key(std::string& s, std::string_view key) {
    if (s.back() != '{') s += ',';
    append_json_string(s, key);
    s += ':';
  }
  static void json_extras(std::string& s, const extra_fields& x) {
    for (const auto& [k, v] : x) {
      json_key(s, k);
      s += v;
    }
  }
  static void json_date(std::string& s, std::string_view key, day d) {
    if (d == day_min || d == day_max) return;
    json_key(s, key);
    append_json_string(s, format_day(d));
  }

  // ---- the tables -------------------------------------------------------------------------
  void write_units(const std::filesystem::path& folder) {
    const auto& units = d_.units;
    begin(folder, table::units, d_.record_extras.units, units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
      const auto& u = units[i];
      cell(u.id);
      cell(u.name);
      code(vocab::levels, u.level);
      code(vocab::unit_kinds, u.kind);
      if (!u.parents_over_time && !u.parents.empty()) id(units, u.parents[0].unit);
      else none();
      if (u.parents_over_time) {
        scratch_ = "[";
        for (const auto& link : u.parents) {
          if (scratch_.size() > 1) scratch_ += ',';
          scratch_ += '{';
          if (!link.unit.is_none() && link.unit.value < units.size()) {
            json_key(scratch_, "unit");
            append_json_string(scratch_, units[link.unit.value].id);
          }
          json_date(scratch_, "from", link.when.from);
          json_date(scratch_, "to", link.when.to);
          json_extras(scratch_, link.extras);
          scratch_ += '}';
        }
        scratch_ += ']';
        cell(scratch_);
      } else {
        none();
      }
      date(u.valid.from);
      date(u.valid.to);
      id(units, u.successor);
      end_record(i);
    }
    finish_table();
  }

  void write_persons(const std::filesystem::path& folder) {
    const auto& persons = d_.persons;
    for (const auto& p : persons)
      for (const auto& [key, value] : p.external_ids)
        if (std::find(external_keys_.begin(), external_keys_.end(), key) == external_keys_.end())
          external_keys_.push_back(key);
    begin(folder, table::persons, d_.record_extras.persons, persons.size());
    for (std::size_t i = 0; i < persons.size(); ++i) {
      const auto& p = persons[i];
      cell(p.id);
      cell(p.name);
      if (p.sex == sex::unknown) none();
      else sex_cell(p.sex);
      date(p.birth_date);
      code(vocab::ethnicities, p.ethnicity);
      for (const auto& key : external_keys_) {
        const std::string* value = nullptr;
        for (const auto& [k, v] : p.external_ids)
          if (k == key) {
            value = &v;
            break;
          }
        if (value) cell(*value);
        else none();
      }
      end_record(i);
    }
    finish_table();
  }

  void write_assignments(const std::filesystem::path& folder) {
    const auto& as = d_.assignments;
    begin(folder, table::assignments, d_.record_extras.assignments, as.size());
    for (std::size_t i = 0; i < as.size(); ++i) {
      const auto& a = as[i];
      id(d_.persons, a.person);
      id(d_.units, a.unit);
      id(d_.units, a.employer);
      code(vocab::categories, a.category);
      codes(vocab::roles, a.roles);
      code(vocab::sectors, a.sector);
      date(a.when.from);
      date(a.when.to);
      end_record(i);
    }
    finish_table();
  }

  void write_qualifications(const std::filesystem::path& folder) {
    const auto& qs = d_.qualifications;
    begin(folder, table::qualifications, d_.record_extras.qualifications, qs.size());
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const auto& q = qs[i];
      id(d_.persons, q.person);
      code(vocab::qualification_kinds, q.kind);
      cell(kind_code(q.kind, q.code));
      code(vocab::fields, q.field);
      date(q.awarded);
      date(q.expires);
      cell(q.issuer);
      end_record(i);
    }
    finish_table();
  }

  void write_courses(const std::filesystem::path& folder) {
    const auto& cs = d_.courses;
    begin(folder, table::courses, d_.record_extras.courses, cs.size());
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const auto& c = cs[i];
      cell(c.id);
      cell(c.title);
      code(vocab::training_kinds, c.kind);
      codes(vocab::topics, c.topics);
      if (c.hours) cell(format_number(*c.hours));
      else none();
      if (c.confers) {
        scratch_ = "{";
        json_key(scratch_, "kind");
        append_json_string(scratch_, code_text(vocab::qualification_kinds, c.confers->kind));
        json_key(scratch_, "code");
        append_json_string(scratch_, kind_code(c.confers->kind, c.confers->code));
        if (c.confers->valid_for) {
          json_key(scratch_, "valid_for");
          append_json_string(scratch_, format_period(*c.confers->valid_for));
        }
        json_extras(scratch_, c.confers->extras);
        scratch_ += '}';
        cell(scratch_);
      } else {
        none();
      }
      end_record(i);
    }
    finish_table();
  }

  void write_sessions(const std::filesystem::path& folder) {
    const auto& ss = d_.sessions;
    begin(folder, table::sessions, d_.record_extras.sessions, ss.size());
    for (std::size_t i = 0; i < ss.size(); ++i) {
      const auto& s = ss[i];
      cell(s.id);
      id(d_.courses, s.course);
      date(s.when.from);
      date(s.when.to);
      id(d_.units, s.organizer);
      cell(s.location);
      if (s.capacity) integer(*s.capacity);
      else none();
      if (s.cost_vnd) integer(*s.cost_vnd);
      else none();
      code(vocab::funding_sources, s.funding);
      if (!s.attendance.empty()) {
        scratch_ = "[";
        for (const auto& h : s.attendance) {
          if (scratch_.size() > 1) scratch_ += ',';
          scratch_ += '{';
          if (const auto c = code_text(vocab::categories, h.category); !c.empty()) {
            json_key(scratch_, "category");
            append_json_string(scratch_, c);
          }
          if (h.sex != sex::unknown) {
            json_key(scratch_, "sex");
            const char letter = static_cast<char>(h.sex);
            append_json_string(scratch_, std::string_view(&letter, 1));
          }
          json_key(scratch_, "count");
          scratch_ += std::to_string(h.count);
          json_extras(scratch_, h.extras);
          scratch_ += '}';
        }
        scratch_ += ']';
        cell(scratch_);
      } else {
        none();
      }
      end_record(i);
    }
    finish_table();
  }

  void write_enrollments(const std::filesystem::path& folder) {
    const auto& es = d_.enrollments;
    begin(folder, table::enrollments, d_.record_extras.enrollments, es.size());
    for (std::size_t i = 0; i < es.size(); ++i) {
      const auto& e = es[i];
      id(d_.persons, e.person);
      id(d_.sessions, e.session);
      cell(to_string(e.status));
      date(e.completed_on);
      if (e.has_score()) cell(format_number(e.score));
      else none();
      end_record(i);
    }
    finish_table();
  }

  void write_quotas(const std::filesystem::path& folder) {
    const auto& qs = d_.quotas;
    begin(folder, table::quotas, d_.record_extras.quotas, qs.size());
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const auto& q = qs[i];
      id(d_.units, q.unit);
      code(vocab::categories, q.category);
      codes(vocab::roles, q.roles);
      code(vocab::sectors, q.sector);
      integer(q.count);
      date(q.when.from);
      date(q.when.to);
      end_record(i);
    }
    finish_table();
  }

  // meta.json: the profile, vocabulary additions and top-level `x_` fields.
  void write_meta(const std::filesystem::path& folder) {
    output_file out(folder / "meta.json");
    auto& s = out.buffer();
    s = "{\n  \"format\": \"nangluc/tables@1\",\n  \"profile\": ";
    append_json_string(s, d_.profile);
    append_vocabulary_additions(s, d_.additions);
    for (const auto& [key, value] : d_.extras) {
      s += ",\n  ";
      append_json_string(s, key);
      s += ": ";
      s += value;
    }
    s += "\n}\n";
    out.close();
  }

  const registry_data& d_;
  const csv_options& opt_;
  date_texts dates_;
  std::optional<output_file> out_;
  bool first_ = true;                          // no cell yet in the current row
  const extras_table* extras_ = nullptr;
  std::vector<std::string> extension_names_;  // x_ columns of the current table
  std::vector<std::string> external_keys_;    // external_ids.KEY columns of persons.csv
  std::string scratch_;
};

// The target as a clean path with a file name ("out/" and "out/." name "out").
std::filesystem::path target_of(const std::filesystem::path& folder) {
  auto p = std::filesystem::absolute(folder).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p;
}

}  // namespace
}  // namespace detail

void save_registry_csv(const registry& reg, const std::filesystem::path& folder, const csv_options& opt) {
  namespace fs = std::filesystem;
  const auto target = detail::target_of(folder);
  const std::string shown = folder.string();
  std::error_code ec;
  const auto status = fs::status(target, ec);
  if (fs::exists(status) && !fs::is_directory(status))
    throw io_error(shown, "exists and is not a folder; not replacing it with CSV tables");
  // Only a folder of nangluc tables (or an empty one) is replaced: anything else in it would be
  // lost with it, and `convert reg.json ~` must never wipe a home folder.
  if (fs::is_directory(status)) {
    static const std::set<std::string> ours{"meta.json", "units.csv", "persons.csv", "assignments.csv",
                                            "qualifications.csv", "courses.csv", "sessions.csv",
                                            "enrollments.csv", "quotas.csv"};
    for (const auto& entry : fs::directory_iterator(target, ec)) {
      const auto name = entry.path().filename().string();
      if (!entry.is_regular_file() || !ours.count(name))
        throw io_error(shown, "holds '" + name +
                                  "', which is not a nangluc table; not replacing the folder (write to a new or empty one)");
    }
    if (ec) throw io_error(shown, "cannot list the folder: " + ec.message());
  }

  const auto tmp = detail::temporary_sibling(target);
  if (!fs::create_directory(tmp, ec) || ec)
    throw io_error(shown, "cannot create a folder beside it: " + ec.message());
  try {
    detail::tables_writer(reg.data(), opt).write(tmp);
    detail::sync_to_disk(tmp);
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }

  if (!fs::exists(status)) {
    fs::rename(tmp, target, ec);
    if (ec) {
      const auto message = ec.message();
      fs::remove_all(tmp, ec);
      throw io_error(shown, "cannot move the tables into place: " + message);
    }
    detail::sync_to_disk(target.parent_path());
    return;
  }
  // Replace: the old folder steps aside, the new one takes its name, the old one goes.
  const auto aside = detail::temporary_sibling(target);
  fs::rename(target, aside, ec);
  if (ec) {
    const auto message = ec.message();
    fs::remove_all(tmp, ec);
    throw io_error(shown, "cannot replace the folder: " + message);
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    const auto message = ec.message();
    std::error_code ignored;
    fs::rename(aside, target, ignored);
    fs::remove_all(tmp, ignored);
    throw io_error(shown, "cannot move the tables into place: " + message);
  }
  detail::sync_to_disk(target.parent_path());
  fs::remove_all(aside, ec);
}

}  // namespace nangluc
