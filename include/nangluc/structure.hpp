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

/// Builds the report as of day d for posts of `sector` ("" = every sector). A person is
/// counted once per level, by the level of their post's unit (after successor mapping).
[[nodiscard]] structure_report workforce_structure(const registry& reg, day d,
                                                   const std::string& sector = "dan_so");

}  // namespace nangluc
