// Vocabularies: lookups, groups, "did you mean". Vocabulary files and the built-in profiles are
// read in src/io/vocabulary_json.cpp.

#include <nangluc/error.hpp>
#include <nangluc/vocabulary.hpp>

#include <algorithm>

namespace nangluc {

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
