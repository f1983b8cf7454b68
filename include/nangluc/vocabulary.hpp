// Vocabularies: the code lists (levels, categories, roles, education…) with Vietnamese and
// English labels, ranks and groups. Codes change with regulation, so they are data, not enums.
#pragma once

#include <nangluc/extras.hpp>
#include <nangluc/handle.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nangluc {

/// One code of a vocabulary.
struct vocabulary_entry {
  std::string code;              ///< lower-case ASCII snake_case, e.g. "dai_hoc"
  std::string vi;                ///< Vietnamese label, e.g. "Đại học"
  std::string en;                ///< English label, e.g. "University"
  std::optional<int> rank;       ///< order of ranked codes (education: dai_hoc = 5)
  std::optional<int> depth;      ///< depth of administrative levels (tinh = 1)
  std::string parent;            ///< the group this code belongs to, if any ("" = none)
  bool declared = true;          ///< false while a loader has seen the code used but not defined
  extra_fields extras;           ///< `x_` fields of the entry, kept verbatim
  friend bool operator==(const vocabulary_entry&, const vocabulary_entry&) = default;
};

/// One named code list. Entries keep their order; `term` handles index them.
class vocabulary {
 public:
  vocabulary() = default;
  explicit vocabulary(std::string name) : name_(std::move(name)) {}

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  [[nodiscard]] const std::vector<vocabulary_entry>& entries() const noexcept { return entries_; }
  [[nodiscard]] const vocabulary_entry& operator[](term t) const { return entries_.at(t.value); }

  /// The term of a code, if the vocabulary has it (declared or not).
  [[nodiscard]] std::optional<term> find(std::string_view code) const;
  /// The term of a code; throws argument_error naming the nearest known codes.
  [[nodiscard]] term at(std::string_view code) const;
  [[nodiscard]] const std::string& code(term t) const { return entries_.at(t.value).code; }

  /// Adds or replaces a code (replacing keeps its term). Returns its term.
  term define(vocabulary_entry entry);
  /// Returns the term of a code, adding it as undeclared when new (loaders use this so that
  /// codes may be used before the file defines them; validation rejects what stays undeclared).
  term intern(std::string_view code);

  /// Whether `t` is `group` or one of its members (transitively).
  [[nodiscard]] bool is_in(term t, term group) const;
  /// Expands codes that are groups into all their members; the result is sorted and unique.
  [[nodiscard]] std::vector<term> expand(const std::vector<term>& codes) const;
  /// Whether the code is a group (another entry names it as parent).
  [[nodiscard]] bool is_group(term t) const;

  /// Up to `n` known codes nearest to `code` by edit distance, for "did you mean" messages.
  [[nodiscard]] std::vector<std::string> nearest(std::string_view code, std::size_t n = 3) const;

  friend bool operator==(const vocabulary& a, const vocabulary& b) {
    return a.name_ == b.name_ && a.entries_ == b.entries_;
  }

 private:
  std::string name_;
  std::vector<vocabulary_entry> entries_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

/// The vocabularies a registry uses, by name ("levels", "categories", "education", …).
class vocabulary_set {
 public:
  /// The `vn-population` profile, built into the library (model.md §3).
  [[nodiscard]] static const vocabulary_set& vn_population();
  /// A built-in profile by name; throws argument_error for an unknown one.
  [[nodiscard]] static const vocabulary_set& profile(std::string_view name);
  /// The names of the built-in profiles.
  [[nodiscard]] static std::vector<std::string> profiles();

  [[nodiscard]] const vocabulary* find(std::string_view name) const;
  /// The named vocabulary; throws argument_error when there is none.
  [[nodiscard]] const vocabulary& at(std::string_view name) const;
  /// The named vocabulary, created empty if missing.
  vocabulary& get_or_add(std::string_view name);
  [[nodiscard]] const std::map<std::string, vocabulary, std::less<>>& all() const noexcept {
    return vocabularies_;
  }
  friend bool operator==(const vocabulary_set&, const vocabulary_set&) = default;

 private:
  std::map<std::string, vocabulary, std::less<>> vocabularies_;
};

/// Names of the vocabularies the model's fields use.
namespace vocab {
inline constexpr std::string_view levels = "levels";
inline constexpr std::string_view unit_kinds = "unit_kinds";
inline constexpr std::string_view categories = "categories";
inline constexpr std::string_view roles = "roles";
inline constexpr std::string_view sectors = "sectors";
inline constexpr std::string_view ethnicities = "ethnicities";
inline constexpr std::string_view qualification_kinds = "qualification_kinds";
inline constexpr std::string_view fields = "fields";
inline constexpr std::string_view education = "education";
inline constexpr std::string_view training_kinds = "training_kinds";
inline constexpr std::string_view topics = "topics";
inline constexpr std::string_view funding_sources = "funding_sources";
}  // namespace vocab

}  // namespace nangluc
