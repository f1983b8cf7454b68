// Assignments: a person holding a post in a unit over a period — the basis of every
// population ("who is a commune population officer on 31/12/2025").
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/handle.hpp>

#include <vector>

namespace nangluc {

/// A post (`assignments[]`). A seconded (*biệt phái*) officer works at `unit` (the commune)
/// and is employed by `employer` (the district centre).
struct assignment {
  person_ix person;
  unit_ix unit;
  unit_ix employer;             ///< none when the unit itself employs the person
  term category;                ///< `categories`
  std::vector<term> roles;      ///< `roles`
  term sector;                  ///< `sectors`
  day_range when;               ///< [start, end]; end day_max when in post

  [[nodiscard]] bool is_active_at(day d) const noexcept { return when.contains(d); }
  friend bool operator==(const assignment&, const assignment&) = default;
};

}  // namespace nangluc
