// Reading a registry from a folder of CSV tables (model.md §4): meta.json, the tables (each read
// by csv_reader.cpp), and the problems, each moved to the file it belongs to.

#include <nangluc/io.hpp>

#include "io/csv_source_map.hpp"
#include "io/json_records.hpp"
#include "io/read_file.hpp"
#include "model/problems.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace nangluc {
namespace detail {
namespace {

using json = nlohmann::json;

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
    const auto status = read_csv_table(static_cast<table>(t), path, builder, where, misfiled);
    if (!status.well_formed) whole = false;
    if (!status.have_header) {
      if (static_cast<table>(t) == table::units) {
        read_problems.error("missing_column", info.file, csv_location(1, 1),
                            "units.csv is empty: it needs a header row (id, name, level, …)");
        whole = false;
      }
    } else if (!status.usable) {
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
