// Vocabulary files and entries in JSON, and the built-in profiles read from them.

#include "io/vocabulary_json.hpp"

#include <nangluc/error.hpp>
#include <nangluc/io.hpp>

#include "io/json_input.hpp"
#include "text/unicode.hpp"

#include <algorithm>
#include <limits>

namespace nangluc {
namespace detail {

extern const std::string_view vn_population_profile_json;

namespace {

using json = nlohmann::json;

bool snake_case(const std::string& code) {
  return !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// One field of an entry into `entry`; false (after reporting) when it is not acceptable.
bool read_entry_field(vocabulary_entry& entry, const std::string& k, const json& val, const std::string& fp,
                      const std::string& file, problem_list& problems) {
  if (k == "code" || k == "vi" || k == "en" || k == "parent") {
    if (!val.is_string()) {
      problems.error("wrong_type", file, fp, "'" + k + "' must be a string, not " + json_type_name(val));
      return false;
    }
    std::string s = val.get<std::string>();
    normalize_in_place(s);
    (k == "code" ? entry.code : k == "vi" ? entry.vi : k == "en" ? entry.en : entry.parent) = std::move(s);
  } else if (k == "rank" || k == "depth") {
    const bool whole = val.is_number_integer() && val.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                       (val.is_number_unsigned() ? val.get<std::uint64_t>() <= std::numeric_limits<int>::max()
                                                 : val.get<std::int64_t>() <= std::numeric_limits<int>::max());
    if (!whole) {
      problems.error("wrong_type", file, fp, "'" + k + "' must be a whole number, not " +
                                                 (val.is_number() ? val.dump() : json_type_name(val)));
      return false;
    }
    (k == "rank" ? entry.rank : entry.depth) = val.get<int>();
  } else if (k.size() > 2 && k.rfind("x_", 0) == 0) {
    entry.extras.emplace_back(k, val.dump());
  } else {
    problems.error("unknown_field", file, fp, "unknown field '" + k + "' in a vocabulary entry");
    return false;
  }
  return true;
}

// `{"format": "nangluc/vocabulary@1", "name": …, "vocabularies": {NAME: [entry…]}}`.
vocabulary_set read_vocabulary_document(const json& doc, const std::string& file, problem_list& problems) {
  vocabulary_set set;
  if (!doc.is_object()) {
    problems.error("wrong_type", file, "", "a vocabulary file is a JSON object, not " + json_type_name(doc));
    return set;
  }
  for (const auto& item : doc.items()) {
    const std::string& key = item.key();
    const json& value = item.value();
    if (key == "format") {
      if (value != "nangluc/vocabulary@1")
        problems.error("bad_format", file, "/format", "format must be \"nangluc/vocabulary@1\", not " + value.dump());
    } else if (key == "name") {
      if (!value.is_string()) problems.error("wrong_type", file, "/name", "'name' must be a string");
    } else if (key == "vocabularies") {
      if (!value.is_object()) {
        problems.error("wrong_type", file, "/vocabularies", "'vocabularies' must be an object of lists");
        continue;
      }
      for (const auto& v : value.items()) {
        const std::string vp = "/vocabularies/" + pointer_token(v.key());
        if (!v.value().is_array()) {
          problems.error("wrong_type", file, vp, "a vocabulary is a list of entries");
          continue;
        }
        auto& voc = set.get_or_add(v.key());
        for (std::size_t i = 0; i < v.value().size(); ++i)
          if (auto e = read_vocabulary_entry(v.value()[i], vp + "/" + std::to_string(i), file, problems))
            voc.define(std::move(*e));
      }
    } else if (key.rfind("x_", 0) != 0) {
      problems.error("unknown_field", file, "/" + pointer_token(key), "unknown key '" + key + "' in a vocabulary file");
    }
  }
  return set;
}

}  // namespace

std::optional<vocabulary_entry> read_vocabulary_entry(const json& e, const std::string& pointer,
                                                      const std::string& file, problem_list& problems) {
  if (!e.is_object()) {
    problems.error("wrong_type", file, pointer, "a vocabulary entry must be an object, not " + json_type_name(e));
    return std::nullopt;
  }
  vocabulary_entry entry;
  bool ok = true;
  for (const auto& item : e.items())
    ok = read_entry_field(entry, item.key(), item.value(), pointer + "/" + pointer_token(item.key()), file, problems) &&
         ok;
  if (!snake_case(entry.code)) {
    if (entry.code.empty() && !e.contains("code"))
      problems.error("missing_field", file, pointer + "/code", "a vocabulary entry needs a 'code'");
    else if (e.contains("code") && e["code"].is_string())
      problems.error("bad_value", file, pointer + "/code",
                     "codes are lower-case ASCII snake_case: '" + entry.code + "'");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return entry;
}

}  // namespace detail

vocabulary_set read_vocabulary_json(std::string_view text, std::string_view file) {
  detail::problem_list problems;
  const std::string name(file);
  auto doc = detail::parse_json_input(text, problems, {.file = name});
  vocabulary_set set;
  if (doc) set = detail::read_vocabulary_document(*doc, name, problems);
  problems.throw_if_errors();
  return set;
}

const vocabulary_set& vocabulary_set::vn_population() {
  static const vocabulary_set set =
      read_vocabulary_json(detail::vn_population_profile_json, "<built-in profile vn-population>");
  return set;
}

const vocabulary_set& vocabulary_set::profile(std::string_view name) {
  if (name == "vn-population") return vn_population();
  throw argument_error("unknown profile '" + std::string(name) + "' (built in: vn-population)");
}

std::vector<std::string> vocabulary_set::profiles() { return {"vn-population"}; }

}  // namespace nangluc
