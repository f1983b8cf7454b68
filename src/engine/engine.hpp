// The engine's internals (evaluation.md §4), shared by the files of src/engine/: the tree at an
// evaluation point with its subtree tallies, what the evaluator prepares once per registry and
// plan, and the engine's passes — selectors and criteria per person (selectors.cpp,
// criteria.cpp), distinct persons per subtree (person_counts.cpp), and one file per measure
// under measures/ with its counting and its needs list.
#pragma once

#include <nangluc/evaluation.hpp>
#include <nangluc/registry.hpp>

#include "engine/binding.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <tuple>
#include <vector>

namespace nangluc::detail {

inline constexpr std::uint32_t no_position = 0xFFFFFFFFu;

// Everything that depends only on the evaluation point e: the tree, and where each unit of the
// registry stands in it (itself, or its successor once ended). `up` and `depth`, by preorder
// position, let tallies climb the tree without going back to unit handles.
struct point {
  day e = 0;
  unit_tree tree;
  std::vector<unit_ix> resolved;     // by unit index
  std::vector<std::uint32_t> up;     // by position: the parent's position, or no_position
  std::vector<std::uint16_t> depth;  // by position: 0 for a root
  // Posts begun by e whose unit ended before e with no successor valid at e, in person order.
  std::vector<assignment_ix> unresolved;

  // `ending_posts`: the posts at units with an end date, in person order (no other post can be
  // left without a unit).
  point(const registry& r, day at, std::span<const assignment_ix> ending_posts)
      : e(at), tree(r.tree_at(at)), resolved(r.units().size()) {
    for (std::uint32_t u = 0; u < resolved.size(); ++u) resolved[u] = r.resolve(unit_ix{u}, at);
    for (auto ax : ending_posts) {
      const auto& as = r[ax];
      if (as.when.from <= at && resolved[as.unit.value].is_none() && r[as.unit].valid.to < at)
        unresolved.push_back(ax);
    }
    const auto& order = tree.preorder();
    up.assign(order.size(), no_position);
    depth.assign(order.size(), 0);
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      const unit_ix parent = tree.parent(order[i]);
      if (parent.is_none()) continue;
      up[i] = tree.position(parent);  // a parent comes before its children in preorder
      depth[i] = static_cast<std::uint16_t>(depth[up[i]] + 1);
    }
  }
  [[nodiscard]] std::uint32_t position(unit_ix u) const {
    return !u.is_none() && tree.contains(u) ? tree.position(u) : no_position;
  }
  // The deepest common ancestor of two positions; no_position when they lie in different trees.
  [[nodiscard]] std::uint32_t common_ancestor(std::uint32_t p, std::uint32_t q) const {
    while (p != q && p != no_position && q != no_position) {
      if (depth[p] >= depth[q]) p = up[p];
      else q = up[q];
    }
    return p == q ? p : no_position;
  }
};

// Per-subtree tallies of distinct items (persons, units): an item counts once in every unit
// above any of its units. Adding an item is O(its units), not O(units × depth): it adds its
// weight at each of its units and takes it back at the common ancestor of each pair of them
// adjacent in preorder, so that the subtree sums taken by finish() count it exactly once per
// subtree. Partial tallies (one per thread) merge by adding before finish(); with whole-number
// weights the sums are exact, so the merge order cannot change a count.
class subtree_counts {
 public:
  explicit subtree_counts(const point& pt) : pt_(&pt), counts_(pt.tree.preorder().size(), 0) {}
  // Adds `weight` to every ancestor (and self) of the given units, once per distinct position.
  void add(const std::vector<unit_ix>& units, double weight = 1) {
    if (units.size() == 1) {
      counts_[pt_->tree.position(units.front())] += weight;
      return;
    }
    scratch_.clear();
    for (unit_ix u : units) scratch_.push_back(pt_->tree.position(u));
    std::sort(scratch_.begin(), scratch_.end());
    scratch_.erase(std::unique(scratch_.begin(), scratch_.end()), scratch_.end());
    for (std::size_t i = 0; i < scratch_.size(); ++i) {
      counts_[scratch_[i]] += weight;
      if (i == 0) continue;
      const auto lca = pt_->common_ancestor(scratch_[i - 1], scratch_[i]);
      if (lca != no_position) counts_[lca] -= weight;
    }
  }
  void add(unit_ix u, double weight = 1) { counts_[pt_->tree.position(u)] += weight; }
  // Adds another partial tally of the same point (before either is finished).
  void merge(const subtree_counts& other) {
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  }
  // Turns the per-unit deltas into subtree totals; call once, after the last add.
  void finish() {
    for (std::size_t i = counts_.size(); i-- > 1;)
      if (pt_->up[i] != no_position) counts_[pt_->up[i]] += counts_[i];
  }
  [[nodiscard]] double at(unit_ix u) const {
    const auto pos = pt_->position(u);
    return pos == no_position ? 0 : counts_[pos];
  }
  // By preorder position in the tree of this tally's point.
  [[nodiscard]] double at_position(std::uint32_t pos) const { return counts_[pos]; }

 private:
  const point* pt_;
  std::vector<double> counts_;
  std::vector<std::uint32_t> scratch_;
};

// What the evaluator prepares once per registry and plan, so each person pass reads compact
// arrays: each person's completed enrollments as (day, course), and, per target, the posts that
// can ever match its population.
struct completion {
  day done;
  std::uint32_t course;
};
struct prepared {
  std::vector<std::uint32_t> completion_offsets;  // by person; completions of p: [p], [p + 1])
  std::vector<completion> completions;            // each person's in enrollments_of order
  std::vector<std::vector<assignment_ix>> candidates;  // by target: posts grouped by person
  // By target: whether may_match is the whole selector (only fields that do not depend on the
  // evaluation point), so that the candidates need no further matching.
  std::vector<bool> candidates_match;
  // By target: the first target with the same population, criterion and denominator policy
  // (the targets whose person counts are the same).
  std::vector<std::size_t> person_class;
  std::vector<std::uint32_t> level_of;  // by unit index: its level's term
  std::vector<assignment_ix> ending_posts;  // posts at units with an end date, in person order
};

// The passes over a registry for one bound plan. Cheap to make: it holds references.
struct engine {
  const registry& r;
  const plan& p;
  const std::vector<bound_target>& targets;
  const prepared& prep;
  unsigned threads = 1;

  // ---- selectors ------------------------------------------------------------------------------
  // Where a selector is evaluated: the tree at the evaluation point (the usual case), or the
  // tree of another day (an activity count matches a post on its completion day, §7). Both
  // give the unit standing for a unit id, whether one unit lies under another, and the day.
  struct at_point {
    const point& pt;
    [[nodiscard]] unit_ix resolve(unit_ix u) const { return pt.resolved[u.value]; }
    [[nodiscard]] bool in_subtree(unit_ix u, unit_ix root) const { return pt.tree.in_subtree(u, root); }
    [[nodiscard]] day on() const { return pt.e; }
  };
  struct at_day {
    const registry& r;
    day d;
    [[nodiscard]] unit_ix resolve(unit_ix u) const { return r.resolve(u, d); }
    [[nodiscard]] bool in_subtree(unit_ix u, unit_ix root) const {
      for (std::size_t steps = 0; !u.is_none() && steps <= r.units().size(); ++steps, u = r.parent(u, d))
        if (u == root) return true;
      return false;
    }
    [[nodiscard]] day on() const { return d; }
  };

  // Whether post `a`, standing at unit `u` of the tree `where` describes, matches the selector.
  template <class Where>
  bool matches(const bound_selector& s, const assignment& a, unit_ix u, const Where& where) const {
    if (!s.category.any() && !s.category.has(a.category)) return false;
    if (!s.roles.any() && std::none_of(a.roles.begin(), a.roles.end(), [&](term t) { return s.roles.has(t); }))
      return false;
    if (!s.sector.any() && !s.sector.has(a.sector)) return false;
    if (!s.level.any() && !s.level.has(r[u].level)) return false;
    if (!s.employer_level.any()) {
      // "District staff" includes district officers seconded to communes: the employer's level.
      const term level = a.employer.is_none() ? r[u].level : r[a.employer].level;
      if (!s.employer_level.has(level)) return false;
    }
    if (!s.unit_kinds.any() && !s.unit_kinds.has(r[u].kind)) return false;
    if (!s.within_units.empty() &&
        std::none_of(s.within_units.begin(), s.within_units.end(), [&](unit_ix w) {
          const unit_ix rw = where.resolve(w);
          return !rw.is_none() && where.in_subtree(u, rw);
        }))
      return false;
    const auto& person = r[a.person];
    if (!s.sexes.empty() && std::find(s.sexes.begin(), s.sexes.end(), person.sex) == s.sexes.end()) return false;
    if (s.age_min || s.age_max) {
      if (person.birth_date == day_min) return false;
      const int age = age_on(person.birth_date, where.on());
      if ((s.age_min && age < *s.age_min) || (s.age_max && age > *s.age_max)) return false;
    }
    for (const auto& c : s.all_of)
      if (!matches(c, a, u, where)) return false;
    if (!s.any_of.empty() &&
        std::none_of(s.any_of.begin(), s.any_of.end(), [&](const bound_selector& c) { return matches(c, a, u, where); }))
      return false;
    for (const auto& c : s.negated)
      if (matches(c, a, u, where)) return false;
    return true;
  }
  bool matches(const bound_selector& s, const assignment& a, unit_ix u, const point& pt) const {
    return matches(s, a, u, at_point{pt});
  }

  // Posts left out because their unit ended with no successor (reported as a warning).
  struct left_out {
    std::size_t count = 0;
    assignment_ix example;
  };


  // The units (in the tree at e, inside `scope`) of a person's posts that put them in the
  // population; `last_day` gets the last day in post within [a, e]. `matched`: the posts are
  // known to match the selector's fields (candidates of a selector that may_match decides).
  void population_units(const bound_selector& s, std::span<const assignment_ix> posts, day a, const point& pt,
                        unit_ix scope, denominator_policy policy, std::vector<unit_ix>& units, day& last_day,
                        assignment_ix* first_post = nullptr, bool matched = false) const;
  // Active posts left out because their unit ended with no successor.
  [[nodiscard]] left_out dropped_posts(day a, const point& pt, denominator_policy policy) const;
  // Whether a post can match the selector on some day (fields that do not depend on e).
  [[nodiscard]] bool may_match(const bound_selector& s, const assignment& a) const;
  // Whether may_match decides the selector: no field that depends on the evaluation point.
  [[nodiscard]] static bool decided_by_may_match(const bound_selector& s);

  // ---- criteria (criteria.cpp) ----------------------------------------------------------------
  [[nodiscard]] bool meets(const bound_criterion& c, person_ix person, day a, day e) const;
  // The last completion on or before e of a course any training part of `c` looks for.
  [[nodiscard]] std::optional<day> last_completion(const bound_criterion& c, person_ix person, day e) const;

  // ---- one evaluation point -------------------------------------------------------------------
  struct tallies {
    subtree_counts numerator, denominator;
    left_out dropped;
    explicit tallies(const point& pt) : numerator(pt), denominator(pt) {}
  };

  unit_ix scope_at(const point& pt) const {
    auto issuer = r.find_unit(p.issuer);
    return issuer ? pt.resolved[issuer->value] : unit_ix{};
  }

  // Person counts (coverage, and the persons of unit coverage and staffing fill): distinct
  // persons per subtree, for one target at one or more (window start a, evaluation point e).
  // The evaluator counts each target's requests of a whole series in one batch, ahead of
  // building its rows, and keeps them here by (class, a, e), a class being the targets with the
  // same population, criterion and policy (e.g. "collaborators" for both unit coverage and
  // staffing fill).
  using person_memo = std::map<std::tuple<std::size_t, day, day>, tallies>;
  person_memo* memo = nullptr;

  [[nodiscard]] std::size_t class_of(const bound_target& t) const {
    return prep.person_class[static_cast<std::size_t>(&t - targets.data())];
  }

  struct batch_item {
    day a;
    const point* pt;
    unit_ix scope;
    tallies* out;
  };

  // Person counts, from the memo of the series when it has them (person_counts.cpp).
  void count_persons(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const;
  // One pass over the target's candidate posts for every item, on every thread.
  void count_persons_batch(const bound_target& t, std::span<const batch_item> items) const;

  // ---- the measures (measures/*.cpp): counts per subtree, and needs lists ----------------------
  // Counts target t for one row set: numerator and denominator (or value) per subtree.
  void count(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const;
  void count_units(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const;
  void count_fill(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const;
  void count_activity(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const;
  // Whether some post the quota stands for could be in the population (§7).
  [[nodiscard]] bool quota_allowed(const bound_selector& s, const quota& q) const;

  // Who still needs the milestone [a, e], under `root` (evaluation.md §4 "Who still needs it").
  [[nodiscard]] std::vector<need> needs(const bound_target& t, day a, const point& pt, unit_ix scope,
                                        unit_ix root) const;
  [[nodiscard]] std::vector<need> person_needs(const bound_target& t, day a, const point& pt, unit_ix root) const;
  [[nodiscard]] std::vector<need> unit_needs(const bound_target& t, day a, const point& pt, unit_ix scope,
                                             unit_ix root) const;
  [[nodiscard]] std::vector<need> fill_needs(const bound_target& t, day a, const point& pt, unit_ix scope,
                                             unit_ix root) const;
};

}  // namespace nangluc::detail
