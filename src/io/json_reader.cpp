// Reading `nangluc/registry@1` JSON. Records are converted as the parser finishes each one and
// then dropped, so memory holds the model, never a DOM of the whole file.

#include <nangluc/io.hpp>

#include "io/json_input.hpp"
#include "io/json_records.hpp"
#include "io/read_file.hpp"
#include "model/record_fields.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <array>

namespace nangluc {
namespace detail {
namespace {

using json = nlohmann::json;

struct list_reader {
  std::string_view name;
  void (*read)(const json&, const record_reporter&);
};

template <class Rec>
constexpr list_reader reader_of() {
  return {record_description<Rec>::list, read_json_record<Rec>};
}

constexpr std::array<list_reader, 8> lists{{
    reader_of<unit>(), reader_of<person>(), reader_of<assignment>(), reader_of<qualification>(),
    reader_of<course>(), reader_of<session>(), reader_of<enrollment>(), reader_of<quota>(),
}};
}  // namespace

namespace {

// Where a limit problem is located in a registry: the record (`/units/4`) inside a record
// list, else the top-level key.
std::string registry_location(const json_path& p) {
  const bool in_record = p.size() >= 2 && p[1].is_index &&
                         std::any_of(lists.begin(), lists.end(), [&](const auto& l) { return l.name == p[0].key; });
  return p.pointer(in_record ? 2 : 1);
}

// The keys of the top level besides the record lists, in a fixed order: profile before
// vocabularies.
void read_top_level(const json& root, registry_builder& builder, problem_list& problems, const std::string& file) {
  if (auto it = root.find("format"); it == root.end()) {
    problems.error("missing_field", file, "/format", "missing \"format\": \"nangluc/registry@1\"");
  } else if (*it != "nangluc/registry@1") {
    problems.error("bad_format", file, "/format",
                   "format must be \"nangluc/registry@1\", not " + it->dump());
  }
  if (auto it = root.find("profile"); it != root.end()) {
    if (it->is_string()) builder.set_profile(it->get<std::string>(), "/profile");
    else problems.error("wrong_type", file, "/profile", "'profile' must be a string");
  }
  if (auto it = root.find("vocabularies"); it != root.end())
    read_vocabulary_additions(*it, "/vocabularies", builder, file);
  for (const auto& item : root.items()) {
    // Named, not structured bindings: clang 14 (the fuzz build) cannot capture those.
    const std::string& k = item.key();
    const json& value = item.value();
    const bool is_list = std::any_of(lists.begin(), lists.end(), [&](const auto& l) { return l.name == k; });
    if (is_list) {
      if (!value.is_array())
        problems.error("wrong_type", file, "/" + pointer_token(k), "'" + k + "' must be a list, not " + json_type_name(value));
    } else if (k.size() > 2 && k.rfind("x_", 0) == 0) {
      builder.add_top_level_extra(k, value.dump());
    } else if (k != "format" && k != "profile" && k != "vocabularies") {
      problems.error("unknown_field", file, "/" + pointer_token(k),
                     "unknown key '" + k + "' (extension keys must start with x_)");
    }
  }
  if (!root.contains("units")) problems.error("missing_field", file, "/units", "a registry needs a 'units' list");
}

}  // namespace

registry read_registry_json_impl(std::string_view text, const std::string& file, const load_options& opt) {
  problem_list problems(opt.max_errors);
  registry_builder builder(problems, file);
  source_map where;
  where.default_file = file;

  // Records are converted as the parser completes each one and then dropped.
  json_input_options input{.file = file, .max_file_bytes = max_registry_file_bytes};
  input.locate = registry_location;
  input.stream_depth = 2;
  input.on_element = [&](const json_path& p, json& value) {
    const auto list = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.name == p[0].key; });
    if (list == lists.end() || !p[1].is_index) return element_action::keep;
    const auto index = p[1].index;
    if (index >= max_records) {
      problems.error("too_many_records", file, p.pointer(),
                     "'" + std::string(list->name) + "' holds more than " + std::to_string(max_records) +
                         " records, the limit");
      return element_action::stop;
    }
    const record_reporter r{builder, file, [&where, list, index](std::string_view field) {
                              return where.location(list->name, index, field);
                            }};
    if (value.is_object()) list->read(value, r);
    else r.error("", "wrong_type", "an entry of '" + std::string(list->name) + "' must be an object, not " + json_type_name(value));
    return element_action::consume;
  };
  auto root = parse_json_input(text, problems, input);
  if (!root) throw validation_error(problems.take());
  if (!root->is_object()) {
    problems.error("wrong_type", file, "", "a registry must be a JSON object, not " + json_type_name(*root));
    throw validation_error(problems.take());
  }
  read_top_level(*root, builder, problems, file);
  auto data = builder.finish(where);
  return make_registry(std::move(data), where, problems);
}

}  // namespace detail

registry read_registry_json(std::string_view text, std::string_view file, const load_options& opt) {
  return detail::read_registry_json_impl(text, std::string(file), opt);
}

}  // namespace nangluc
