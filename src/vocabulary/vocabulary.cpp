// Vocabularies: lookups, groups, "did you mean", the built-in profiles and vocabulary files.

#include <nangluc/error.hpp>
#include <nangluc/io.hpp>
#include <nangluc/vocabulary.hpp>

#include "model/problems.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace nangluc {
namespace detail {
extern const std::string_view vn_population_profile_json;
}

std::optional<term> vocabulary::find(std::string_view c) const {
  auto it = index_.find(std::string(c));
  if (it == index_.end()) return std::nullopt;
  return term{it->second};
}

term vocabulary::at(std::string_view c) const {
  if (auto t = find(c); t && entries_[t->value].declared) return *t;
  std::string msg = "unknown code '" + std::string(c) + "' in vocabulary '" + name_ + "'";
  auto near = nearest(c);
  if (!near.empty()) {
    msg += " (nearest:";
    for (const auto& n : near) msg += " " + n;
    msg += ")";
  }
  throw argument_error(msg);
}

term vocabulary::define(vocabulary_entry entry) {
  entry.declared = true;
  if (auto it = index_.find(entry.code); it != index_.end()) {
    entries_[it->second] = std::move(entry);
    return term{it->second};
  }
  const auto ix = static_cast<std::uint32_t>(entries_.size());
  index_.emplace(entry.code, ix);
  entries_.push_back(std::move(entry));
  return term{ix};
}

term vocabulary::intern(std::string_view c) {
  if (auto t = find(c)) return *t;
  vocabulary_entry e;
  e.code = std::string(c);
  e.declared = false;
  const auto ix = static_cast<std::uint32_t>(entries_.size());
  index_.emplace(e.code, ix);
  entries_.push_back(std::move(e));
  return term{ix};
}

bool vocabulary::is_in(term t, term group) const {
  // Groups nest shallowly; the step bound guards against a cycle in user-supplied parents.
  for (std::size_t steps = 0; steps <= entries_.size() && !t.is_none(); ++steps) {
    if (t == group) return true;
    const auto& parent = entries_[t.value].parent;
    if (parent.empty()) return false;
    auto p = find(parent);
    if (!p) return false;
    t = *p;
  }
  return false;
}

bool vocabulary::is_group(term t) const {
  const auto& c = entries_.at(t.value).code;
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const vocabulary_entry& e) { return e.parent == c; });
}

std::vector<term> vocabulary::expand(const std::vector<term>& codes) const {
  std::vector<term> out;
  for (std::uint32_t i = 0; i < entries_.size(); ++i)
    for (term g : codes)
      if (is_in(term{i}, g)) {
        out.push_back(term{i});
        break;
      }
  return out;
}

std::vector<std::string> vocabulary::nearest(std::string_view c, std::size_t n) const {
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diag = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
        diag = up;
      }
    }
    return row[b.size()];
  };
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& e : entries_)
    if (e.declared) scored.emplace_back(distance(c, e.code), e.code);
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < n; ++i) out.push_back(scored[i].second);
  return out;
}

const vocabulary* vocabulary_set::find(std::string_view name) const {
  auto it = vocabularies_.find(name);
  return it == vocabularies_.end() ? nullptr : &it->second;
}

const vocabulary& vocabulary_set::at(std::string_view name) const {
  if (auto* v = find(name)) return *v;
  throw argument_error("no vocabulary named '" + std::string(name) + "'");
}

vocabulary& vocabulary_set::get_or_add(std::string_view name) {
  auto it = vocabularies_.find(name);
  if (it == vocabularies_.end())
    it = vocabularies_.emplace(std::string(name), vocabulary(std::string(name))).first;
  return it->second;
}

namespace {

// Reads `{"format": "nangluc/vocabulary@1", "name": …, "vocabularies": {NAME: [entry…]}}`.
vocabulary_set parse_vocabulary_document(const nlohmann::json& doc, const std::string& file,
                                         detail::problem_list& problems) {
  vocabulary_set set;
  auto err = [&](const std::string& where, const std::string& code, const std::string& msg) {
    problems.error(code, file, where, msg);
  };
  if (!doc.is_object()) {
    err("", "wrong_type", "a vocabulary file is a JSON object");
    return set;
  }
  for (const auto& [key, value] : doc.items()) {
    if (key == "format") {
      if (value != "nangluc/vocabulary@1")
        err("/format", "bad_format", "expected \"nangluc/vocabulary@1\"");
    } else if (key == "name") {
      if (!value.is_string()) err("/name", "wrong_type", "'name' must be a string");
    } else if (key == "vocabularies") {
      if (!value.is_object()) {
        err("/vocabularies", "wrong_type", "'vocabularies' must be an object of lists");
        continue;
      }
      for (const auto& [vname, list] : value.items()) {
        const std::string vptr = "/vocabularies/" + vname;
        if (!list.is_array()) {
          err(vptr, "wrong_type", "a vocabulary is a list of entries");
          continue;
        }
        auto& voc = set.get_or_add(vname);
        for (std::size_t i = 0; i < list.size(); ++i) {
          const auto& e = list[i];
          const std::string eptr = vptr + "/" + std::to_string(i);
          if (!e.is_object() || !e.contains("code") || !e["code"].is_string()) {
            err(eptr, "missing_field", "a vocabulary entry needs a string 'code'");
            continue;
          }
          vocabulary_entry entry;
          bool ok = true;
          for (const auto& item : e.items()) {
            // Named, not structured bindings: clang 14 (the fuzz build) cannot capture those.
            const std::string& f = item.key();
            const auto& v = item.value();
            auto str = [&](std::string& target) {
              if (v.is_string()) target = v.get<std::string>();
              else { err(eptr + "/" + f, "wrong_type", "'" + f + "' must be a string"); ok = false; }
            };
            auto integer = [&](std::optional<int>& target) {
              if (v.is_number_integer()) target = v.get<int>();
              else { err(eptr + "/" + f, "wrong_type", "'" + f + "' must be an integer"); ok = false; }
            };
            if (f == "code") str(entry.code);
            else if (f == "vi") str(entry.vi);
            else if (f == "en") str(entry.en);
            else if (f == "parent") str(entry.parent);
            else if (f == "rank") integer(entry.rank);
            else if (f == "depth") integer(entry.depth);
            else if (f.rfind("x_", 0) == 0) entry.extras.emplace_back(f, v.dump());
            else {
              err(eptr + "/" + f, "unknown_field", "unknown field '" + f + "' in a vocabulary entry");
              ok = false;
            }
          }
          const auto& code = entry.code;
          const bool snake = !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
          });
          if (!snake) {
            err(eptr + "/code", "bad_value", "codes are lower-case ASCII snake_case: '" + code + "'");
            ok = false;
          }
          if (ok) voc.define(std::move(entry));
        }
      }
    } else if (key.rfind("x_", 0) != 0) {
      err("/" + key, "unknown_field", "unknown key '" + key + "' in a vocabulary file");
    }
  }
  return set;
}

}  // namespace

vocabulary_set read_vocabulary_json(std::string_view text, std::string_view file) {
  detail::problem_list problems;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e999
    problems.error("json_syntax", std::string(file), "", e.what());
    problems.throw_if_errors();
  }
  auto set = parse_vocabulary_document(doc, std::string(file), problems);
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

const extra_fields* extras_table::find(std::uint32_t index) const {
  auto it = std::lower_bound(index_.begin(), index_.end(), index);
  if (it == index_.end() || *it != index) return nullptr;
  return &fields_[static_cast<std::size_t>(it - index_.begin())];
}

void extras_table::remap(const std::vector<std::uint32_t>& new_index) {
  std::vector<std::pair<std::uint32_t, extra_fields>> items;
  for (std::size_t i = 0; i < index_.size(); ++i)
    items.emplace_back(new_index[index_[i]], std::move(fields_[i]));
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  index_.clear();
  fields_.clear();
  for (auto& [i, f] : items) add(i, std::move(f));
}

}  // namespace nangluc
