// Quotas: the staffing establishment (*biên chế giao*) of a unit for some kind of post,
// the denominator of "present over quota".
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/handle.hpp>

#include <cstdint>
#include <vector>

namespace nangluc {

/// A staffing quota (`quotas[]`). Filters left none apply to any post.
struct quota {
  unit_ix unit;
  term category;              ///< none: any category
  std::vector<term> roles;    ///< empty: any role
  term sector;                ///< none: any sector
  std::int64_t count = 0;
  day_range when;             ///< [from, to]

  friend bool operator==(const quota&, const quota&) = default;
};

}  // namespace nangluc
