// Qualifications: degrees, professional titles and certificates a person holds, recorded or
// conferred by completed courses. Education is ordinal ("university or higher").
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/handle.hpp>

#include <string>

namespace nangluc {

/// A recorded qualification (`qualifications[]`).
struct qualification {
  person_ix person;
  term kind;                  ///< `qualification_kinds` (education, certificate, …)
  term code;                  ///< a term of the vocabulary named by the kind's code
  term field;                 ///< `fields`; none when not given
  day awarded = day_min;      ///< day_min: unknown, held since before any evaluation date
  day expires = day_max;      ///< last day valid; day_max: does not expire
  std::string issuer;

  [[nodiscard]] bool is_held_at(day d) const noexcept { return awarded <= d && d <= expires; }
  friend bool operator==(const qualification&, const qualification&) = default;
};

/// A qualification held on a date, whether recorded or derived from a completed course.
struct held_qualification {
  term kind;
  term code;
  term field;
  day awarded = day_min;
  day expires = day_max;
  qualification_ix record;    ///< the recorded qualification, or none
  enrollment_ix conferred_by; ///< the completed enrollment that conferred it, or none
  friend bool operator==(const held_qualification&, const held_qualification&) = default;
};

}  // namespace nangluc
