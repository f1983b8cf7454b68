// The registry: every unit, person, post, qualification, course, session, enrollment and quota
// of one data owner, validated, with the indexes the queries "as of a date" need.
#pragma once

#include <nangluc/assignment.hpp>
#include <nangluc/date.hpp>
#include <nangluc/error.hpp>
#include <nangluc/extras.hpp>
#include <nangluc/handle.hpp>
#include <nangluc/person.hpp>
#include <nangluc/qualification.hpp>
#include <nangluc/quota.hpp>
#include <nangluc/training.hpp>
#include <nangluc/unit.hpp>
#include <nangluc/unit_tree.hpp>
#include <nangluc/vocabulary.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nangluc {

class registry;
struct registry_data;
class source_map;
namespace detail {
class problem_list;
/// Validates and indexes data whose reading already found `problems` (readers use this).
registry make_registry(registry_data data, const source_map& where, problem_list& problems);
}  // namespace detail

/// The `x_` fields of each record list.
struct registry_extras {
  extras_table units, persons, assignments, qualifications, courses, sessions, enrollments,
      quotas;
  friend bool operator==(const registry_extras&, const registry_extras&) = default;
};

/// The content of a registry file, before validation: what readers and generators produce.
/// Lists keep file order; references are handles into them.
struct registry_data {
  std::string profile = "vn-population";
  vocabulary_set vocabularies;        ///< in force: the profile plus the file's additions
  vocabulary_set additions;           ///< what the file's `vocabularies` key added
  extra_fields extras;                ///< top-level `x_` keys
  std::vector<unit> units;
  std::vector<person> persons;
  std::vector<assignment> assignments;
  std::vector<qualification> qualifications;
  std::vector<course> courses;
  std::vector<session> sessions;
  std::vector<enrollment> enrollments;
  std::vector<quota> quotas;
  registry_extras record_extras;

  /// Starts an empty registry using a built-in profile's vocabularies.
  [[nodiscard]] static registry_data with_profile(std::string_view profile = "vn-population");
  friend bool operator==(const registry_data&, const registry_data&) = default;
};

/// Where records came from, so validation can say where a problem is. Readers supply one;
/// the default names the list and index as a JSON pointer (`/assignments/3/start`).
class source_map {
 public:
  virtual ~source_map() = default;
  /// The file a record of `list` ("units", "persons", …) came from.
  [[nodiscard]] virtual std::string file(std::string_view list) const;
  /// Where field `field` of record `index` of `list` is (`field` may be "" for the record).
  [[nodiscard]] virtual std::string location(std::string_view list, std::size_t index,
                                             std::string_view field) const;
  std::string default_file = "<memory>";
};

/// A validated registry. Immutable: build a new one to change it.
class registry {
 public:
  registry() = default;

  /// Validates `data` (model.md §5) and builds the indexes. Throws validation_error listing
  /// every problem when any error is found; warnings are kept in warnings().
  [[nodiscard]] static registry from_data(registry_data data, const source_map& where = {});

  [[nodiscard]] const registry_data& data() const noexcept { return d_; }
  [[nodiscard]] const std::vector<problem>& warnings() const noexcept { return warnings_; }
  [[nodiscard]] const std::string& profile() const noexcept { return d_.profile; }
  [[nodiscard]] const vocabulary_set& vocabularies() const noexcept { return d_.vocabularies; }
  /// A vocabulary by name (vocab::levels, …); throws argument_error if absent.
  [[nodiscard]] const vocabulary& vocab(std::string_view name) const {
    return d_.vocabularies.at(name);
  }

  [[nodiscard]] const std::vector<unit>& units() const noexcept { return d_.units; }
  [[nodiscard]] const std::vector<person>& persons() const noexcept { return d_.persons; }
  [[nodiscard]] const std::vector<assignment>& assignments() const noexcept { return d_.assignments; }
  [[nodiscard]] const std::vector<qualification>& qualifications() const noexcept { return d_.qualifications; }
  [[nodiscard]] const std::vector<course>& courses() const noexcept { return d_.courses; }
  [[nodiscard]] const std::vector<session>& sessions() const noexcept { return d_.sessions; }
  [[nodiscard]] const std::vector<enrollment>& enrollments() const noexcept { return d_.enrollments; }
  [[nodiscard]] const std::vector<quota>& quotas() const noexcept { return d_.quotas; }

  [[nodiscard]] const unit& operator[](unit_ix u) const { return d_.units[u.value]; }
  [[nodiscard]] const person& operator[](person_ix p) const { return d_.persons[p.value]; }
  [[nodiscard]] const assignment& operator[](assignment_ix a) const { return d_.assignments[a.value]; }
  [[nodiscard]] const qualification& operator[](qualification_ix q) const { return d_.qualifications[q.value]; }
  [[nodiscard]] const course& operator[](course_ix c) const { return d_.courses[c.value]; }
  [[nodiscard]] const session& operator[](session_ix s) const { return d_.sessions[s.value]; }
  [[nodiscard]] const enrollment& operator[](enrollment_ix e) const { return d_.enrollments[e.value]; }

  // ---- lookups by id: find() returns nullopt, at() throws argument_error -----------------
  [[nodiscard]] std::optional<unit_ix> find_unit(std::string_view id) const;
  [[nodiscard]] std::optional<person_ix> find_person(std::string_view id) const;
  [[nodiscard]] std::optional<course_ix> find_course(std::string_view id) const;
  [[nodiscard]] std::optional<session_ix> find_session(std::string_view id) const;
  [[nodiscard]] unit_ix unit_at(std::string_view id) const;
  [[nodiscard]] person_ix person_at(std::string_view id) const;

  // ---- the tree as of a day ---------------------------------------------------------------
  /// Whether the unit exists on day d.
  [[nodiscard]] bool is_valid(unit_ix u, day d) const { return (*this)[u].is_valid_at(d); }
  /// The unit's parent on day d; none for a root, or when u or its link is not valid then.
  [[nodiscard]] unit_ix parent(unit_ix u, day d) const;
  /// Parent, grandparent, … up to the root, on day d (nearest first).
  [[nodiscard]] std::vector<unit_ix> ancestors(unit_ix u, day d) const;
  /// The unit and every unit under it on day d, in preorder; empty when u is not valid then.
  [[nodiscard]] std::vector<unit_ix> subtree(unit_ix u, day d) const;
  /// Depth of the unit's level (tinh = 1, xa = 3).
  [[nodiscard]] int depth(unit_ix u) const;
  /// The unit valid on day d that stands for u: u itself, or, once u has ended, the first
  /// valid unit along its `successor` chain. None when there is none (or u has not begun).
  [[nodiscard]] unit_ix resolve(unit_ix u, day d) const;
  /// The whole tree on day d, for many queries on one day.
  [[nodiscard]] unit_tree tree_at(day d) const { return unit_tree(*this, d); }
  /// Units that name u as parent at some time, with the link's index in their `parents`.
  [[nodiscard]] std::span<const std::pair<unit_ix, std::uint32_t>> children_ever(unit_ix u) const;

  // ---- a person's posts, qualifications and training ---------------------------------------
  [[nodiscard]] std::span<const assignment_ix> assignments_of(person_ix p) const;
  [[nodiscard]] std::span<const qualification_ix> qualifications_of(person_ix p) const;
  [[nodiscard]] std::span<const enrollment_ix> enrollments_of(person_ix p) const;
  /// The person's assignments active on day d.
  [[nodiscard]] std::vector<assignment_ix> active_assignments(person_ix p, day d) const;
  /// Every qualification the person holds on day d: recorded ones (awarded <= d or unknown,
  /// not expired) and those conferred by courses completed on or before d.
  [[nodiscard]] std::vector<held_qualification> qualifications_held(person_ix p, day d) const;
  /// The held `education` qualification of greatest rank (ties: the latest awarded).
  [[nodiscard]] std::optional<held_qualification> highest_education(person_ix p, day d) const;
  /// The day an enrollment was completed: its completed_on, else its session's end.
  [[nodiscard]] day completion_day(enrollment_ix e) const;

  // ---- the same queries with Boost dates ---------------------------------------------------
  [[nodiscard]] unit_ix parent(unit_ix u, const date& d) const { return parent(u, to_day(d)); }
  [[nodiscard]] std::vector<unit_ix> ancestors(unit_ix u, const date& d) const { return ancestors(u, to_day(d)); }
  [[nodiscard]] std::vector<unit_ix> subtree(unit_ix u, const date& d) const { return subtree(u, to_day(d)); }
  [[nodiscard]] unit_ix resolve(unit_ix u, const date& d) const { return resolve(u, to_day(d)); }
  [[nodiscard]] unit_tree tree_at(const date& d) const { return tree_at(to_day(d)); }
  [[nodiscard]] std::vector<assignment_ix> active_assignments(person_ix p, const date& d) const {
    return active_assignments(p, to_day(d));
  }
  [[nodiscard]] std::vector<held_qualification> qualifications_held(person_ix p, const date& d) const {
    return qualifications_held(p, to_day(d));
  }

 private:
  template <class Ix>
  struct csr {  // compressed lists: items of key k are items[offsets[k] .. offsets[k+1])
    std::vector<std::uint32_t> offsets;
    std::vector<Ix> items;
    [[nodiscard]] std::span<const Ix> of(std::uint32_t k) const {
      return {items.data() + offsets[k], items.data() + offsets[k + 1]};
    }
  };
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  using id_index = std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>>;

  friend registry detail::make_registry(registry_data, const source_map&, detail::problem_list&);
  void build_indexes();

  registry_data d_;
  std::vector<problem> warnings_;
  id_index unit_ids_, person_ids_, course_ids_, session_ids_;
  csr<std::pair<unit_ix, std::uint32_t>> children_;
  csr<assignment_ix> person_assignments_;
  csr<qualification_ix> person_qualifications_;
  csr<enrollment_ix> person_enrollments_;
  std::vector<int> level_depth_;  // by term of `levels`
  std::vector<int> education_rank_;  // by term of `education`; -1 unranked
  term education_kind_;           // the `education` term of qualification_kinds
};

}  // namespace nangluc
