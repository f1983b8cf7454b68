// Saving a registry as a folder of CSV tables (model.md §4). Every table gets all its known
// columns in a fixed order, so spreadsheets see a stable shape. The folder is written beside the
// target and renamed into place, so it appears whole or not at all.

#include <nangluc/io.hpp>

#include "io/csv_table.hpp"
#include "io/read_file.hpp"
#include "io/record_json.hpp"
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
    // units.csv is always written, even empty; the other tables only when they hold records.
    std::size_t t = 0;
    for_each_record_kind([&](auto kind) { write_table<typename decltype(kind)::type>(folder, static_cast<table>(t++)); });
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
  void integer(std::int64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    cell(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  }

  // ---- the tables -------------------------------------------------------------------------
  template <class Rec>
  void write_table(const std::filesystem::path& folder, table t) {
    const auto& records = d_.*record_description<Rec>::records;
    if (records.empty() && !std::is_same_v<Rec, unit>) return;
    if constexpr (std::is_same_v<Rec, person>)
      for (const auto& p : records)
        for (const auto& [key, value] : p.external_ids)
          if (std::find(external_keys_.begin(), external_keys_.end(), key) == external_keys_.end())
            external_keys_.push_back(key);
    begin(folder, t, d_.record_extras.*record_description<Rec>::extras, records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      for_each_field<Rec>([&](const auto& fd, std::size_t) { write_cell(fd, records[i]); });
      end_record(i);
    }
    finish_table();
  }

  // One field's cell (or cells, for external ids), as its description says it is spelt.
  template <class Rec, class F>
  void write_cell(const F& fd, const Rec& rec) {
    const auto& v = fd.get(rec);
    using T = std::remove_cvref_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::vector<std::pair<std::string, std::string>>>) {
      for (const auto& key : external_keys_) {
        const auto it = std::find_if(v.begin(), v.end(), [&](const auto& kv) { return kv.first == key; });
        if (it != v.end()) cell(it->second);
        else none();
      }
    } else if (!field_given(fd, rec)) {
      none();
    } else if constexpr (std::is_same_v<T, std::string>) {
      cell(v);
    } else if constexpr (std::is_same_v<T, day>) {
      cell(dates_(v));
    } else if constexpr (std::is_same_v<T, std::vector<term>>) {
      scratch_.clear();
      for (const auto t : v) {
        const auto c = code_text(d_, fd.vocabulary, t);
        if (c.empty()) continue;
        if (!scratch_.empty()) scratch_ += ';';
        scratch_ += c;
      }
      cell(scratch_);
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      integer(v);
    } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
      integer(*v);
    } else if constexpr (std::is_same_v<T, std::vector<headcount>> || std::is_same_v<T, std::optional<conferral>> ||
                         std::is_same_v<T, std::vector<parent_link>>) {
      if (fd.encoding != cell_encoding::json_text) return cell(plain_text(fd, rec, d_, scratch_));
      scratch_.clear();
      append_json_value(scratch_, fd, rec, d_, true);
      cell(scratch_);
    } else {
      cell(plain_text(fd, rec, d_, scratch_));
    }
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
