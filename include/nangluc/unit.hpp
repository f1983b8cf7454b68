// Units: nodes of the effective-dated administrative tree (province > district > commune >
// village) and the facilities under it. Parents and existence change over time (2025 merger).
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/extras.hpp>
#include <nangluc/handle.hpp>

#include <string>
#include <vector>

namespace nangluc {

/// One period during which a unit hangs under `unit` (the `parents` list of model.md).
struct parent_link {
  unit_ix unit;
  day_range when;  ///< [from, to]; day_min / day_max when not given
  extra_fields extras;
  friend bool operator==(const parent_link&, const parent_link&) = default;
};

/// A unit (`units[]` of a registry).
struct unit {
  std::string id;
  std::string name;
  term level;                   ///< `levels` vocabulary
  term kind;                    ///< `unit_kinds` vocabulary; none when not given
  std::vector<parent_link> parents;
  /// True when the file gave `parents` (a list over time) rather than a single `parent`;
  /// kept so a file is written back the way it was read.
  bool parents_over_time = false;
  day_range valid;              ///< [valid_from, valid_to]
  unit_ix successor;            ///< the unit that took over after valid_to; none if not given

  [[nodiscard]] bool is_valid_at(day d) const noexcept { return valid.contains(d); }
  friend bool operator==(const unit&, const unit&) = default;
};

}  // namespace nangluc
