// Persons: the people of the workforce, identified by the data owner's ids.
// Posts, qualifications and training hang off a person by handle.
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/handle.hpp>

#include <string>
#include <utility>
#include <vector>

namespace nangluc {

/// Sex as recorded: `F`, `M`, `X`, or not recorded.
enum class sex : char { unknown = 0, female = 'F', male = 'M', other = 'X' };

/// A person (`persons[]`).
struct person {
  std::string id;
  std::string name;                   ///< full name, NFC
  nangluc::sex sex = sex::unknown;
  day birth_date = day_min;           ///< day_min when not given
  term ethnicity;                     ///< `ethnicities` vocabulary; none when not given
  /// Other systems' ids: national id, staff number… (key, value), in file order.
  std::vector<std::pair<std::string, std::string>> external_ids;
  friend bool operator==(const person&, const person&) = default;
};

}  // namespace nangluc
