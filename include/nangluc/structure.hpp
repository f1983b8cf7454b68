// The workforce structure report: per administrative level, quota and persons present by
// category, highest education and certificates — section IV of the Lai Châu plan.
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/handle.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nangluc {

class registry;

/// Counts keyed by code, in vocabulary order.
using code_counts = std::vector<std::pair<std::string, std::int64_t>>;

/// One administrative level of the report.
struct structure_level {
  std::string level;                ///< `levels` code, e.g. "huyen"
  std::int64_t quota = 0;           ///< sum of quotas valid on the date at units of this level
  std::int64_t present = 0;         ///< distinct persons in post at units of this level
  code_counts by_category;          ///< persons by category of their post
  code_counts education;            ///< persons by code of their highest education
  code_counts education_y_duoc;     ///< the same, for highest education in a y_duoc field
  code_counts certificates;         ///< holders of each certificate code
  friend bool operator==(const structure_level&, const structure_level&) = default;
};

struct structure_report {
  day as_of = 0;
  std::string sector;               ///< the sector counted, "" for all
  std::vector<structure_level> levels;  ///< by depth, levels with a quota or a person only
  friend bool operator==(const structure_report&, const structure_report&) = default;
};

/// What the report counts. Its codes are the profile's vocabulary codes; the report itself
/// knows none of them. default_structure_spec gives the registry's profile's.
struct structure_spec {
  std::string sector;            ///< `sectors` code of the posts counted, "" for all
  std::string education_kind;    ///< `qualification_kinds` code whose held code of greatest
                                 ///< rank (in the vocabulary named after it) is the highest
                                 ///< education, "" for none
  std::string field_group;       ///< group of `fields` counted apart (`education_y_duoc`), "" for none
  std::string certificate_kind;  ///< `qualification_kinds` code whose holders are counted by
                                 ///< code (the vocabulary named after it), "" for none
  friend bool operator==(const structure_spec&, const structure_spec&) = default;
};

/// The spec of the registry's profile. What the profile's vocabularies say is read from them
/// (the field group is the group of its `fields`: `y_duoc` in vn-population; the education
/// kind is the format's `education`); the rest is the profile's choice (vn-population: posts
/// of sector `dan_so`, holders of `certificate` qualifications).
[[nodiscard]] structure_spec default_structure_spec(const registry& reg);

/// Builds the report as of day d. A person is counted once per level, by the level of their
/// post's unit (after successor mapping). A sector the registry's vocabularies do not have
/// throws argument_error; another code of the spec they do not have counts nothing.
[[nodiscard]] structure_report workforce_structure(const registry& reg, day d, const structure_spec& spec);
/// The same with the profile's spec (default_structure_spec).
[[nodiscard]] structure_report workforce_structure(const registry& reg, day d);
/// The same with the profile's spec for posts of `sector` ("" = every sector).
[[nodiscard]] structure_report workforce_structure(const registry& reg, day d, const std::string& sector);

}  // namespace nangluc
