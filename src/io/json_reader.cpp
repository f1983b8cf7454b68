// Reading `nangluc/registry@1` JSON. Records are converted as the parser finishes each one and
// then dropped, so memory holds the model, never a DOM of the whole file.

#include <nangluc/io.hpp>

#include "io/json_records.hpp"
#include "io/read_file.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace nangluc {
namespace detail {
namespace {

using json = nlohmann::json;

struct list_reader {
  std::string_view name;
  void (*read)(const json&, const record_reporter&);
};

constexpr std::array<list_reader, 8> lists{{
    {"units", read_unit},
    {"persons", read_person},
    {"assignments", read_assignment},
    {"qualifications", read_qualification},
    {"courses", read_course},
    {"sessions", read_session},
    {"enrollments", read_enrollment},
    {"quotas", read_quota},
}};

}  // namespace

registry read_registry_json_impl(std::string_view text, const std::string& file, const load_options& opt) {
  check_file_size(file, text.size(), max_registry_file_bytes);
  problem_list problems(opt.max_errors);
  registry_builder builder(problems, file);
  source_map where;
  where.default_file = file;

  const list_reader* current = nullptr;  // the list whose elements are being read
  bool in_list = false;
  std::size_t index = 0;
  std::array<bool, lists.size()> seen{};
  std::string key;
  // Keys seen in the open object at each depth below the top level: nlohmann keeps the last of
  // two equal keys silently, and a record with "id" twice must not lose one unseen. Indexed by
  // depth and reset at each object's start, because a skipped value's end is never reported.
  // Hashed, so that an object of a million keys costs a million lookups, not a million squared.
  std::vector<std::unordered_set<std::string>> keys_at_depth;
  struct stop_reading {};  // past a limit: the rest of the file is not read

  auto reporter_for = [&](std::string_view list, std::size_t i) {
    return record_reporter{builder, file, [list, i, &where](std::string_view field) {
                             return where.location(list, i, field);
                           }};
  };

  // The record being read (`/units/4`), or the top-level key: where a limit is hit.
  auto here = [&] {
    return current && in_list ? "/" + std::string(current->name) + "/" + std::to_string(index)
                              : "/" + pointer_token(key);
  };

  json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
    using ev = json::parse_event_t;
    if ((event == ev::key || event == ev::value) && parsed.is_string() &&
        parsed.get_ref<const std::string&>().size() > max_string_bytes) {
      problems.error("too_long", file, here(),
                     std::string(event == ev::key ? "a key" : "a string") + " of " +
                         std::to_string(parsed.get_ref<const std::string&>().size()) +
                         " bytes is longer than the limit of " + std::to_string(max_string_bytes) + " bytes");
      if (event == ev::value) return false;  // dropped; the load fails anyway
    }
    if (event == ev::object_start || event == ev::array_start) {
      if (depth >= max_json_depth) {
        problems.error("too_deep", file, here(),
                       "nested more than " + std::to_string(max_json_depth) + " levels deep");
        throw stop_reading{};
      }
      if (event == ev::object_start && depth >= 1) {
        keys_at_depth.resize(static_cast<std::size_t>(depth) + 1);
        auto& keys = keys_at_depth[static_cast<std::size_t>(depth)];
        // clear() keeps (and wipes) every bucket: after one huge object, start afresh instead.
        if (keys.bucket_count() > 64) keys = {};
        else keys.clear();
      }
    }
    if (event == ev::key && depth >= 2 && static_cast<std::size_t>(depth) <= keys_at_depth.size()) {
      auto& keys = keys_at_depth[static_cast<std::size_t>(depth) - 1];
      const auto& k = parsed.get_ref<const std::string&>();
      if (!keys.insert(k).second) {
        problems.error("duplicate_key", file, here() + "/" + pointer_token(k),
                       "key '" + k + "' appears twice in the same object (the first is kept)");
        return false;  // skip the second value, so one mistake does not cascade into others
      }
    }
    if (depth == 1 && event == ev::key) {
      key = parsed.get<std::string>();
      current = nullptr;
      for (std::size_t k = 0; k < lists.size(); ++k)
        if (lists[k].name == key) {
          if (seen[k])
            problems.error("duplicate_key", file, "/" + pointer_token(key), "key '" + key + "' appears twice");
          seen[k] = true;
          current = &lists[k];
        }
      return true;
    }
    if (depth == 1 && event == ev::array_start) {
      in_list = current != nullptr;
      index = 0;
      return true;
    }
    if (depth == 1 && (event == ev::array_end || event == ev::object_start)) {
      in_list = false;
      return true;
    }
    if (depth == 2 && in_list && current &&
        (event == ev::object_end || event == ev::value || event == ev::array_end)) {
      if (index >= max_records) {
        problems.error("too_many_records", file, here(),
                       "'" + std::string(current->name) + "' holds more than " + std::to_string(max_records) +
                           " records, the limit");
        throw stop_reading{};
      }
      const auto r = reporter_for(current->name, index);
      if (event == ev::object_end) {
        current->read(parsed, r);
      } else {
        r.error("", "wrong_type", "an entry of '" + std::string(current->name) +
                                      "' must be an object, not " + json_type_name(parsed));
      }
      ++index;
      return false;  // converted: drop it from the DOM
    }
    return true;
  };

  json root;
  try {
    root = json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                       /*ignore_comments=*/false);
  } catch (const json::parse_error& e) {
    problems.error("json_syntax", file, line_column(text, e.byte == 0 ? 0 : e.byte - 1), json_syntax_message(e));
    throw validation_error(problems.take());
  } catch (const json::exception& e) {
    // A number too large for a double (1e999): the parser gives no position, only the token.
    problems.error("json_syntax", file, token_location(text, e), json_syntax_message(e));
    throw validation_error(problems.take());
  } catch (const stop_reading&) {
    throw validation_error(problems.take());
  }

  if (!root.is_object()) {
    problems.error("wrong_type", file, "", "a registry must be a JSON object, not " + json_type_name(root));
    throw validation_error(problems.take());
  }
  // Keys other than the record lists, in a fixed order: profile before vocabularies.
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
  if (!seen[0]) problems.error("missing_field", file, "/units", "a registry needs a 'units' list");

  auto data = builder.finish(where);
  return make_registry(std::move(data), where, problems);
}

}  // namespace detail

registry read_registry_json(std::string_view text, std::string_view file, const load_options& opt) {
  return detail::read_registry_json_impl(text, std::string(file), opt);
}

}  // namespace nangluc
