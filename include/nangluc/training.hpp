// Training: the course catalogue, its sessions (classes, *lớp*) and who enrolled.
// Completing a course that confers a qualification grants it (derived, never stored twice).
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/extras.hpp>
#include <nangluc/handle.hpp>
#include <nangluc/person.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nangluc {

/// What completing a course grants (`confers` of a course).
struct conferral {
  term kind;                        ///< `qualification_kinds`
  term code;                        ///< in the vocabulary named by kind
  std::optional<period> valid_for;  ///< from completion; none: does not expire
  extra_fields extras;
  friend bool operator==(const conferral&, const conferral&) = default;
};

/// A catalogue entry (`courses[]`).
struct course {
  std::string id;
  std::string title;
  term kind;                        ///< `training_kinds`: dao_tao, boi_duong, tap_huan
  std::vector<term> topics;         ///< `topics`, at least one
  std::optional<double> hours;
  std::optional<conferral> confers;
  friend bool operator==(const course&, const course&) = default;
};

/// Head-count attendance of participants not recorded by name.
struct headcount {
  term category;                    ///< none when not given
  nangluc::sex sex = sex::unknown;
  std::int64_t count = 0;
  extra_fields extras;
  friend bool operator==(const headcount&, const headcount&) = default;
};

/// One class of a course (`sessions[]`).
struct session {
  std::string id;
  course_ix course;
  day_range when;                   ///< [start, end]
  unit_ix organizer;                ///< none when not given
  std::string location;
  std::optional<std::int64_t> capacity;
  std::optional<std::int64_t> cost_vnd;
  term funding;                     ///< `funding_sources`; none when not given
  std::vector<headcount> attendance;
  friend bool operator==(const session&, const session&) = default;
};

enum class enrollment_status : std::uint8_t { registered, attended, completed, failed, withdrawn };

/// The status code as written in files ("completed").
[[nodiscard]] std::string_view to_string(enrollment_status s) noexcept;
[[nodiscard]] std::optional<enrollment_status> parse_enrollment_status(std::string_view s) noexcept;

/// A person in a session (`enrollments[]`). Kept to 24 bytes: a national registry has ten
/// million of them.
struct enrollment {
  person_ix person;
  session_ix session;
  enrollment_status status = enrollment_status::registered;
  day completed_on = day_min;       ///< day_min when not given (then the session's end)
  double score = std::numeric_limits<double>::quiet_NaN();  ///< NaN when not given

  [[nodiscard]] bool has_score() const noexcept { return !std::isnan(score); }
  friend bool operator==(const enrollment& a, const enrollment& b) {
    return a.person == b.person && a.session == b.session && a.status == b.status &&
           a.completed_on == b.completed_on &&
           (a.score == b.score || (std::isnan(a.score) && std::isnan(b.score)));
  }
};

}  // namespace nangluc
