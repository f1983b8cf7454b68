// Handles: small typed indexes of records inside one registry.
// They keep a unit index from being passed where a person index is expected, at no cost.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace nangluc {

/// A typed index into one registry's storage. A default-constructed handle is "none".
template <class Tag>
struct handle {
  static constexpr std::uint32_t none_value = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t value = none_value;

  constexpr handle() = default;
  constexpr explicit handle(std::uint32_t v) : value(v) {}
  [[nodiscard]] constexpr bool is_none() const noexcept { return value == none_value; }
  [[nodiscard]] constexpr explicit operator bool() const noexcept { return !is_none(); }
  friend constexpr auto operator<=>(const handle&, const handle&) = default;
};

using unit_ix = handle<struct unit_tag>;
using person_ix = handle<struct person_tag>;
using assignment_ix = handle<struct assignment_tag>;
using qualification_ix = handle<struct qualification_tag>;
using course_ix = handle<struct course_tag>;
using session_ix = handle<struct session_tag>;
using enrollment_ix = handle<struct enrollment_tag>;
using quota_ix = handle<struct quota_tag>;

/// A code of one vocabulary (a *term*): an index into that vocabulary's entries.
/// Which vocabulary is implied by the field that holds it (`category` → `categories`).
using term = handle<struct term_tag>;

}  // namespace nangluc

template <class Tag>
struct std::hash<nangluc::handle<Tag>> {
  std::size_t operator()(const nangluc::handle<Tag>& h) const noexcept { return h.value; }
};
