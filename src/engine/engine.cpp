// The evaluation engine (evaluation.md §4): for each milestone, the tree at the evaluation point,
// distinct persons counted per subtree from each person's set of posts, exact integer thresholds,
// statuses against the straight line from the baseline, and the needs lists.

#include <nangluc/evaluation.hpp>
#include <nangluc/registry.hpp>

#include "engine/binding.hpp"
#include "model/problems.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>
#include <thread>
#include <tuple>

namespace nangluc {

std::string_view to_string(status s) noexcept {
  switch (s) {
    case status::not_started: return "not_started";
    case status::no_data: return "no_data";
    case status::achieved: return "achieved";
    case status::missed: return "missed";
    case status::on_track: return "on_track";
    case status::at_risk: return "at_risk";
    case status::off_track: return "off_track";
    case status::none: return "none";
  }
  return "none";
}

namespace detail {
namespace {

constexpr std::uint32_t no_position = 0xFFFFFFFFu;

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

}  // namespace

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

  // The units (in the tree at e, inside `scope`) of a person's posts that put them in the
  // population; `last_day` gets the last day in post within [a, e].
  // Posts left out because their unit ended with no successor (reported as a warning).
  struct left_out {
    std::size_t count = 0;
    assignment_ix example;
  };

  // `matched`: the posts are known to match the selector's fields (they are candidates of a
  // selector that may_match decides).
  void population_units(const bound_selector& s, std::span<const assignment_ix> posts, day a, const point& pt,
                        unit_ix scope, denominator_policy policy, std::vector<unit_ix>& units, day& last_day,
                        assignment_ix* first_post = nullptr, bool matched = false) const {
    units.clear();
    last_day = day_min;
    for (auto ax : posts) {
      const auto& as = r[ax];
      if (as.when.from > pt.e) break;  // sorted by start
      const bool active = policy == denominator_policy::in_post_at_end ? as.when.contains(pt.e)
                                                                         : as.when.to >= a;
      if (!active) continue;
      const unit_ix u = pt.resolved[as.unit.value];
      if (u.is_none()) continue;  // counted by dropped_posts
      if (!pt.tree.in_subtree(u, scope) || (!matched && !matches(s, as, u, pt))) continue;
      units.push_back(u);
      last_day = std::max(last_day, std::min(as.when.to, pt.e));
      if (first_post && first_post->is_none()) *first_post = ax;
    }
  }

  // Active posts (as population_units takes them) left out because their unit ended with no
  // successor — whatever their population, as the warning has always counted them.
  left_out dropped_posts(day a, const point& pt, denominator_policy policy) const {
    left_out out;
    for (auto ax : pt.unresolved) {
      const auto& as = r[ax];
      const bool active = policy == denominator_policy::in_post_at_end ? as.when.contains(pt.e)
                                                                         : as.when.to >= a;
      if (active && ++out.count == 1) out.example = ax;
    }
    return out;
  }

  // Whether a post can match the selector on some day: the fields that do not depend on the
  // evaluation point (category, roles, sector, sex), through all_of. A conservative filter:
  // the person pass still checks everything with matches().
  bool may_match(const bound_selector& s, const assignment& a) const {
    if (!s.category.any() && !s.category.has(a.category)) return false;
    if (!s.roles.any() && std::none_of(a.roles.begin(), a.roles.end(), [&](term t) { return s.roles.has(t); }))
      return false;
    if (!s.sector.any() && !s.sector.has(a.sector)) return false;
    if (!s.sexes.empty() && std::find(s.sexes.begin(), s.sexes.end(), r[a.person].sex) == s.sexes.end()) return false;
    return std::all_of(s.all_of.begin(), s.all_of.end(), [&](const bound_selector& c) { return may_match(c, a); });
  }
  // Whether may_match decides the selector: no field that depends on the evaluation point.
  static bool decided_by_may_match(const bound_selector& s) {
    return s.level.any() && s.employer_level.any() && s.unit_kinds.any() && s.within.empty() &&
           s.within_units.empty() && !s.age_min && !s.age_max && s.any_of.empty() && s.negated.empty() &&
           std::all_of(s.all_of.begin(), s.all_of.end(), [](const bound_selector& c) { return decided_by_may_match(c); });
  }

  // ---- criteria -------------------------------------------------------------------------------
  bool meets(const bound_criterion& c, person_ix person, day a, day e) const {
    switch (c.what) {
      case bound_criterion::kind::training: {
        day from = a;
        if (c.within.what == training_range::kind::ever) from = day_min;
        else if (c.within.what == training_range::kind::period) from = subtract_period(e, c.within.length) + 1;
        std::int64_t n = 0;
        double hours = 0;
        const auto* first = prep.completions.data() + prep.completion_offsets[person.value];
        const auto* last = prep.completions.data() + prep.completion_offsets[person.value + 1];
        for (const auto* k = first; k != last; ++k) {
          if (k->done < from || k->done > e || !c.course_matches[k->course]) continue;
          if (!c.min_hours) return true;  // one completion is enough
          ++n;
          hours += r.courses()[k->course].hours.value_or(0);
        }
        return n > 0 && (!c.min_hours || hours >= *c.min_hours);
      }
      case bound_criterion::kind::qualification: {
        if (c.qualification_kind.is_none()) return false;
        auto fits = [&](term kind, term code, term field) {
          if (kind != c.qualification_kind) return false;
          bool code_ok = c.codes.any() && !c.min_rank;
          if (!c.codes.any() && c.codes.has(code)) code_ok = true;
          if (c.min_rank && code.value < c.rank_of.size() && c.rank_of[code.value] >= *c.min_rank) code_ok = true;
          return code_ok && (c.fields.any() || c.fields.has(field));
        };
        // What registry::qualifications_held gives, without building the list: recorded
        // qualifications held on e, then those conferred by courses completed by e, unexpired.
        for (auto q : r.qualifications_of(person)) {
          const auto& rec = r[q];
          if (rec.is_held_at(e) && fits(rec.kind, rec.code, rec.field)) return true;
        }
        const auto* first = prep.completions.data() + prep.completion_offsets[person.value];
        const auto* last = prep.completions.data() + prep.completion_offsets[person.value + 1];
        for (const auto* k = first; k != last; ++k) {
          const auto& confers = r.courses()[k->course].confers;
          if (!confers || k->done > e || !fits(confers->kind, confers->code, term{})) continue;
          if (confers->valid_for)
            if (const day end = add_period(k->done, *confers->valid_for); end != day_max && e > end - 1) continue;
          return true;
        }
        return false;
      }
      case bound_criterion::kind::all_of:
        return std::all_of(c.children.begin(), c.children.end(),
                           [&](const bound_criterion& k) { return meets(k, person, a, e); });
      case bound_criterion::kind::any_of:
        return std::any_of(c.children.begin(), c.children.end(),
                           [&](const bound_criterion& k) { return meets(k, person, a, e); });
      case bound_criterion::kind::negation:
        return !c.children.empty() && !meets(c.children.front(), person, a, e);
    }
    return false;
  }

  // The last completion on or before e of a course any training part of `c` looks for.
  std::optional<day> last_completion(const bound_criterion& c, person_ix person, day e) const {
    std::optional<day> best;
    auto visit = [&](auto&& self, const bound_criterion& node) -> void {
      if (node.what == bound_criterion::kind::training) {
        for (auto ex : r.enrollments_of(person)) {
          const auto& en = r[ex];
          if (en.status != enrollment_status::completed) continue;
          if (!node.course_matches[r[en.session].course.value]) continue;
          const day done = r.completion_day(ex);
          if (done <= e && (!best || done > *best)) best = done;
        }
      }
      for (const auto& k : node.children) self(self, k);
    };
    visit(visit, c);
    return best;
  }

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

  void count_persons(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
    if (memo) {
      if (auto it = memo->find(std::make_tuple(class_of(t), a, pt.e)); it != memo->end()) {
        out = it->second;
        return;
      }
    }
    batch_item one{a, &pt, scope, &out};
    count_persons_batch(t, std::span(&one, 1));
  }

  struct batch_item {
    day a;
    const point* pt;
    unit_ix scope;
    tallies* out;
  };

  // One pass over the target's candidate posts for every item: each person's posts and
  // completions are read once for all of them. The posts are cut at person boundaries into one
  // block per thread; each block tallies on its own and the tallies are added in block order,
  // so every thread count gives the same (whole-number, hence exact) counts.
  void count_persons_batch(const bound_target& t, std::span<const batch_item> items) const {
    const auto ti = static_cast<std::size_t>(&t - targets.data());
    const auto& posts = prep.candidates[ti];
    const bool matched = prep.candidates_match[ti];
    const auto policy = t.denominator;
    auto pass = [&](std::size_t from, std::size_t to, std::span<tallies* const> part) {
      std::vector<unit_ix> units;
      day last = 0;
      for (std::size_t i = from; i < to;) {
        const person_ix person = r[posts[i]].person;
        std::size_t j = i + 1;
        while (j < to && r[posts[j]].person == person) ++j;
        const auto mine = std::span(posts).subspan(i, j - i);
        i = j;
        for (std::size_t k = 0; k < items.size(); ++k) {
          const auto& it = items[k];
          population_units(*t.population, mine, it.a, *it.pt, it.scope, policy, units, last, nullptr, matched);
          if (units.empty()) continue;
          part[k]->denominator.add(units);
          const day e = policy == denominator_policy::in_post_at_end ? it.pt->e : last;
          if (!t.criterion || meets(*t.criterion, person, it.a, e)) part[k]->numerator.add(units);
        }
      }
    };
    // Blocks of fewer than this many posts are not worth a thread.
    constexpr std::size_t min_block = 1024;
    const std::size_t n = posts.size();
    const std::size_t blocks = std::clamp<std::size_t>(n / min_block, 1, std::max(1u, threads));
    std::vector<std::size_t> cut(blocks + 1, n);
    cut[0] = 0;
    for (std::size_t b = 1; b < blocks; ++b) {
      std::size_t c = std::max(cut[b - 1], n * b / blocks);
      while (c > 0 && c < n && r[posts[c]].person == r[posts[c - 1]].person) ++c;  // whole persons
      cut[b] = c;
    }
    // Block 0 tallies straight into the outputs; the others into their own, added afterwards.
    std::vector<tallies> parts;
    parts.reserve((blocks - 1) * items.size());
    std::vector<tallies*> where(blocks * items.size());
    for (std::size_t k = 0; k < items.size(); ++k) where[k] = items[k].out;
    for (std::size_t b = 1; b < blocks; ++b)
      for (std::size_t k = 0; k < items.size(); ++k) where[b * items.size() + k] = &parts.emplace_back(*items[k].pt);
    {
      std::vector<std::jthread> workers;
      for (std::size_t b = 1; b < blocks; ++b)
        workers.emplace_back([&, b] { pass(cut[b], cut[b + 1], std::span(where).subspan(b * items.size(), items.size())); });
      pass(cut[0], cut[1], std::span(where).first(items.size()));
    }  // joins
    for (std::size_t k = 0; k < items.size(); ++k) {
      auto& out = *items[k].out;
      for (std::size_t b = 1; b < blocks; ++b) {
        out.denominator.merge(where[b * items.size() + k]->denominator);
        out.numerator.merge(where[b * items.size() + k]->numerator);
      }
      out.denominator.finish();
      out.numerator.finish();
      out.dropped = dropped_posts(items[k].a, *items[k].pt, policy);
    }
  }

  // Unit coverage: per unit at the target level, distinct persons in its subtree.
  void count_units(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
    tallies persons(pt);
    count_persons(t, a, pt, scope, persons);
    out.dropped = persons.dropped;
    const auto& covered = t.criterion ? persons.numerator : persons.denominator;
    for (unit_ix u : pt.tree.subtree(scope)) {
      if (r[u].level != t.unit_level) continue;
      out.denominator.add({u});
      if (covered.at(u) >= static_cast<double>(t.min_per_unit)) out.numerator.add({u});
    }
    out.denominator.finish();
    out.numerator.finish();
  }

  // Staffing fill: persons in post over the quotas the population allows (§7). A quota counts
  // when some post with its given category, roles (exactly those) and sector could be in the
  // population, `all_of`, `any_of` and `not` included. The quota's open fields range over the
  // codes the selector names plus "any other"; the fields a quota never states (level, unit
  // kind, within, sex, age) are unknown — they may hold or not — so the selector is read in
  // three-valued logic and the quota counts when it is true or unknown for some post.
  enum class tri : std::uint8_t { no, unknown, yes };
  static tri tri_and(tri x, tri y) { return std::min(x, y); }
  static tri tri_or(tri x, tri y) { return std::max(x, y); }
  static tri tri_not(tri x) { return x == tri::yes ? tri::no : x == tri::no ? tri::yes : tri::unknown; }

  // A post the quota could stand for: concrete category and sector (none: a code no selector
  // names) and roles; `roles_known` false when too many roles are named to enumerate them.
  struct quota_post {
    term category, sector;
    std::vector<term> roles;
    bool roles_known = true;
  };
  static tri quota_matches(const bound_selector& s, const quota_post& p) {
    tri v = tri::yes;
    if (!s.category.any() && !s.category.has(p.category)) return tri::no;
    if (!s.sector.any() && !s.sector.has(p.sector)) return tri::no;
    if (!s.roles.any()) {
      if (!p.roles_known) v = tri::unknown;
      else if (std::none_of(p.roles.begin(), p.roles.end(), [&](term t) { return s.roles.has(t); })) return tri::no;
    }
    if (!s.level.any() || !s.employer_level.any() || !s.unit_kinds.any() || !s.within_units.empty() ||
        !s.sexes.empty() || s.age_min || s.age_max)
      v = tri_and(v, tri::unknown);
    for (const auto& c : s.all_of) v = tri_and(v, quota_matches(c, p));
    if (!s.any_of.empty()) {
      tri any = tri::no;
      for (const auto& c : s.any_of) any = tri_or(any, quota_matches(c, p));
      v = tri_and(v, any);
    }
    for (const auto& c : s.negated) v = tri_and(v, tri_not(quota_matches(c, p)));
    return v;
  }
  // The codes of one field that some part of the selector names.
  static void named_codes(const bound_selector& s, term_set bound_selector::*field, std::vector<term>& out) {
    const auto& set = s.*field;
    for (std::uint32_t i = 0; i < set.member.size(); ++i)
      if (set.member[i] && std::find(out.begin(), out.end(), term{i}) == out.end()) out.push_back(term{i});
    for (const auto* list : {&s.all_of, &s.any_of, &s.negated})
      for (const auto& c : *list) named_codes(c, field, out);
  }
  bool quota_allowed(const bound_selector& s, const quota& q) const {
    std::vector<term> categories{q.category}, sectors{q.sector}, roles;
    if (q.category.is_none()) named_codes(s, &bound_selector::category, categories);
    if (q.sector.is_none()) named_codes(s, &bound_selector::sector, sectors);
    if (q.roles.empty()) named_codes(s, &bound_selector::roles, roles);
    // Roles: the quota's own, else every subset of the named ones (few in a real plan).
    constexpr std::size_t max_enumerated_roles = 10;
    const bool enumerate = q.roles.empty() && roles.size() <= max_enumerated_roles;
    const std::size_t subsets = enumerate ? std::size_t{1} << roles.size() : 1;
    quota_post post;
    post.roles_known = !q.roles.empty() || enumerate;
    for (term c : categories)
      for (term sec : sectors)
        for (std::size_t mask = 0; mask < subsets; ++mask) {
          post.category = c;
          post.sector = sec;
          post.roles = q.roles;
          if (enumerate)
            for (std::size_t i = 0; i < roles.size(); ++i)
              if (mask >> i & 1) post.roles.push_back(roles[i]);
          if (quota_matches(s, post) != tri::no) return true;
        }
    return false;
  }
  void count_fill(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
    tallies persons(pt);
    count_persons(t, a, pt, scope, persons);
    out.dropped = persons.dropped;
    out.numerator = persons.denominator;
    for (const auto& q : r.quotas()) {
      if (!q.when.contains(pt.e) || !quota_allowed(*t.population, q)) continue;
      const unit_ix u = pt.resolved[q.unit.value];
      if (u.is_none() || !pt.tree.in_subtree(u, scope)) continue;
      out.denominator.add({u}, static_cast<double>(q.count));
    }
    out.denominator.finish();  // the numerator was finished by count_persons
  }

  // Activity counts, attributed to organizers (sessions, costs, head-counts) or to the unit of
  // the participant's post on the completion date.
  void count_activity(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
    const auto kind = t.count;
    auto organizer_unit = [&](const session& s) {
      if (s.organizer.is_none()) return scope;  // no organizer: the whole scope's, at its root
      // An organizer abolished with no successor (a district after 2025-07-01) still held its
      // classes: they count for the nearest unit above it that stands at e (§7) — an ancestor, or
      // the unit that took an ended ancestor over, as posts are mapped: a district's classes stay
      // in its province when the province merges into a new one.
      unit_ix u = pt.resolved[s.organizer.value];
      for (unit_ix o = s.organizer; u.is_none() && !o.is_none();) {
        o = r.parent(o, r[o].valid.to);
        if (!o.is_none()) u = pt.resolved[o.value];
      }
      return !u.is_none() && pt.tree.in_subtree(u, scope) ? u : unit_ix{};
    };
    if (kind == count_kind::sessions || kind == count_kind::cost_vnd || kind == count_kind::person_times ||
        kind == count_kind::hours) {
      for (const auto& s : r.sessions()) {
        if (!t.activity_courses[s.course.value]) continue;
        const bool starts_in = s.when.from >= a && s.when.from <= pt.e;
        const bool ends_in = s.when.to >= a && s.when.to <= pt.e;
        const unit_ix u = organizer_unit(s);
        if (u.is_none()) continue;
        if (kind == count_kind::sessions && starts_in) out.numerator.add({u});
        if (kind == count_kind::cost_vnd && starts_in && s.cost_vnd)
          out.numerator.add({u}, static_cast<double>(*s.cost_vnd));
        if ((kind == count_kind::person_times || kind == count_kind::hours) && ends_in) {
          std::int64_t heads = 0;
          for (const auto& h : s.attendance) heads += h.count;
          if (heads == 0) continue;
          const double hours = r[s.course].hours.value_or(0);
          out.numerator.add({u}, kind == count_kind::hours ? static_cast<double>(heads) * hours
                                                            : static_cast<double>(heads));
        }
      }
    }
    if (kind == count_kind::person_times || kind == count_kind::hours || kind == count_kind::unique_persons) {
      std::vector<unit_ix> units, all_units;
      for (std::uint32_t pi = 0; pi < r.persons().size(); ++pi) {
        const person_ix person{pi};
        all_units.clear();
        for (auto ex : r.enrollments_of(person)) {
          const auto& en = r[ex];
          if (en.status != enrollment_status::completed) continue;
          const auto course = r[en.session].course;
          if (!t.activity_courses[course.value]) continue;
          const day done = r.completion_day(ex);
          if (done < a || done > pt.e) continue;
          // The posts held on the completion date, mapped to the tree at e.
          units.clear();
          for (auto ax : r.assignments_of(person)) {
            const auto& as = r[ax];
            if (as.when.from > done) break;
            if (!as.when.contains(done)) continue;
            const unit_ix u = pt.resolved[as.unit.value];
            if (u.is_none() || !pt.tree.in_subtree(u, scope)) continue;
            if (t.population) {
              // The post is matched on the completion day, in that day's tree (§7): a
              // collaborator trained in 2022 who is a commune officer by e counts as a collaborator.
              const unit_ix then = r.resolve(as.unit, done);
              if (then.is_none() || !matches(*t.population, as, then, at_day{r, done})) continue;
            }
            units.push_back(u);
          }
          if (units.empty()) continue;
          if (kind == count_kind::unique_persons) all_units.insert(all_units.end(), units.begin(), units.end());
          else out.numerator.add(units, kind == count_kind::hours ? r[course].hours.value_or(0) : 1.0);
        }
        if (kind == count_kind::unique_persons && !all_units.empty()) out.numerator.add(all_units);
      }
    }
    out.numerator.finish();
  }

  void count(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
    switch (t.measure) {
      case measure::person_coverage:
      case measure::annual_person_coverage: count_persons(t, a, pt, scope, out); break;
      case measure::unit_coverage: count_units(t, a, pt, scope, out); break;
      case measure::staffing_fill: count_fill(t, a, pt, scope, out); break;
      case measure::activity_count: count_activity(t, a, pt, scope, out); break;
    }
  }
};

}  // namespace detail
}  // namespace nangluc

namespace nangluc {
namespace detail {
namespace {

// A milestone as the engine sees it: a label, a window and a threshold.
struct milestone_spec {
  std::string label;
  day_range window;
  nangluc::threshold threshold;
};

std::vector<milestone_spec> milestones_of(const plan& p, const target& t) {
  std::vector<milestone_spec> out;
  if (const auto* annual = t.as<annual_person_coverage>()) {
    std::vector<int> years = annual->years;
    if (years.empty()) {
      const int first = to_date(p.period.from).year(), last = to_date(p.period.to).year();
      for (int y = first; y <= last; ++y) years.push_back(y);
    }
    for (int y : years) {
      milestone_spec m;
      m.label = std::to_string(y);
      m.window = {to_day(date(static_cast<unsigned short>(y), 1, 1)), to_day(date(static_cast<unsigned short>(y), 12, 31))};
      m.threshold.min_percent_x100 = annual->min_percent_x100;
      out.push_back(std::move(m));
    }
    return out;
  }
  for (const auto& m : t.milestones) {
    milestone_spec spec;
    spec.window = milestone_window(p, m);
    spec.label = m.what == milestone::kind::phase ? m.phase : format_day(spec.window.to);
    spec.threshold = m.threshold;
    out.push_back(std::move(spec));
  }
  return out;
}

bool is_percentage(measure m) { return m != measure::activity_count; }

// Whether value meets the threshold: exact integers for percentages (n·10000 ≥ t·d).
bool threshold_met(const threshold& th, measure m, std::int64_t n, std::int64_t d, double value) {
  if (is_percentage(m)) {
    if (!th.min_percent_x100) return true;
    // Counts are persons or units (well under 10^14), so the products fit in 64 bits.
    return n * 10000 >= *th.min_percent_x100 * d;
  }
  if (th.min && value < static_cast<double>(*th.min)) return false;
  if (th.max && value > static_cast<double>(*th.max)) return false;
  return true;
}

// The smallest g ≥ 0 with (n + g)·10000 ≥ t·d; for counts, max(0, min − value).
double gap_of(const threshold& th, measure m, std::int64_t n, std::int64_t d, double value) {
  if (is_percentage(m)) {
    if (!th.min_percent_x100) return 0;
    const std::int64_t need = (*th.min_percent_x100 * d + 9999) / 10000;
    return need > n ? static_cast<double>(need - n) : 0.0;
  }
  return th.min ? std::max(0.0, static_cast<double>(*th.min) - value) : 0.0;
}

// The straight line from the baseline to the threshold (evaluation.md §4, §7): at fraction f of
// the window, expected = baseline + (threshold − baseline)·f, and the current pace carried to
// the due date, projected = baseline + (value − baseline)/f, clamped to [0, 100] for percentages
// and to ≥ 0 for counts. At f = 1 (due, or a one-day window) they are the threshold and the
// value; on day a (f = 0) there is no projection.
struct trajectory {
  std::optional<double> expected, projected;
};
trajectory trajectory_at(double baseline, double value, std::optional<double> threshold, double f, bool percentage) {
  trajectory out;
  if (threshold) out.expected = f >= 1 ? *threshold : baseline + (*threshold - baseline) * f;
  if (f > 0) {
    const double projected = f >= 1 ? value : baseline + (value - baseline) / f;
    out.projected = percentage ? std::clamp(projected, 0.0, 100.0) : std::max(projected, 0.0);
  }
  return out;
}

}  // namespace
}  // namespace detail

struct evaluator::impl {
  nangluc::plan plan;
  const nangluc::registry* reg;
  std::vector<detail::bound_target> targets;

  detail::prepared prep;

  impl(const nangluc::plan& p, const nangluc::registry& r) : plan(p), reg(&r) {
    detail::problem_list problems;
    // A plan built or changed in code meets the checks of a plan file, with the same codes;
    // only then is it bound (a window ending before it starts never reaches the engine).
    for (auto& found : validate(plan))
      if (found.severity == severity::error) problems.add(std::move(found));
    problems.throw_if_errors();
    targets = detail::bind_plan(plan, r, problems, plan.source.empty() ? "plan" : plan.source);
    problems.throw_if_errors();
    prepare();
  }

  // One pass over the enrollments and one over the posts per target, so that person passes
  // never chase enrollment → session → course, nor visit persons who can never match.
  void prepare() {
    const auto& r = *reg;
    // Each session's (end, course), compact, so the pass over ten million enrollments does not
    // visit the session records.
    std::vector<detail::completion> session_end(r.sessions().size());
    for (std::size_t s = 0; s < session_end.size(); ++s)
      session_end[s] = {r.sessions()[s].when.to, r.sessions()[s].course.value};
    std::size_t completed = 0;
    for (const auto& en : r.enrollments()) completed += en.status == enrollment_status::completed;
    prep.completions.reserve(completed);
    prep.completion_offsets.assign(r.persons().size() + 1, 0);
    for (std::uint32_t p = 0; p < r.persons().size(); ++p) {
      for (auto ex : r.enrollments_of(person_ix{p})) {
        const auto& en = r[ex];
        if (en.status != enrollment_status::completed) continue;
        const auto& s = session_end[en.session.value];
        prep.completions.push_back({en.completed_on != day_min ? en.completed_on : s.done, s.course});
      }
      prep.completion_offsets[p + 1] = static_cast<std::uint32_t>(prep.completions.size());
      for (auto ax : r.assignments_of(person_ix{p}))
        if (r[r[ax].unit].valid.to != day_max) prep.ending_posts.push_back(ax);
    }
    const auto eng = engine(1);
    prep.level_of.resize(r.units().size());
    for (std::size_t u = 0; u < r.units().size(); ++u) prep.level_of[u] = r.units()[u].level.value;
    prep.person_class.resize(targets.size());
    for (std::size_t t = 0; t < targets.size(); ++t) {
      prep.person_class[t] = t;
      const auto& a = *targets[t].source;
      if (!a.population() || a.measure() == measure::activity_count) continue;
      auto same = [](const auto* x, const auto* y) { return x == y || (x && y && *x == *y); };
      for (std::size_t k = 0; k < t; ++k) {
        const auto& b = *targets[k].source;
        if (b.measure() != measure::activity_count && same(a.population(), b.population()) &&
            same(a.criterion(), b.criterion()) && a.denominator() == b.denominator()) {
          prep.person_class[t] = prep.person_class[k];
          break;
        }
      }
    }
    prep.candidates.resize(targets.size());
    prep.candidates_match.assign(targets.size(), false);
    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (!targets[t].population) continue;
      prep.candidates_match[t] = detail::engine::decided_by_may_match(*targets[t].population);
      auto& out = prep.candidates[t];
      for (std::uint32_t p = 0; p < r.persons().size(); ++p)
        for (auto ax : r.assignments_of(person_ix{p}))
          if (eng.may_match(*targets[t].population, r[ax])) out.push_back(ax);
      out.shrink_to_fit();
    }
  }

  detail::engine engine(unsigned threads, detail::engine::person_memo* memo = nullptr) const {
    return detail::engine{*reg, plan, targets, prep, threads, memo};
  }
  detail::engine engine() const { return engine(1); }

  // What evaluations of several dates share: the points (trees and successor maps), the results
  // of milestones already due (the same for every later date), and baselines (counts as of a
  // milestone's first day, whatever the date).
  struct shared_work {
    std::map<day, detail::point> points;
    std::map<std::pair<std::size_t, std::size_t>, std::pair<milestone_result, std::vector<problem>>> due;
    std::map<std::pair<std::size_t, std::size_t>, detail::engine::tallies> baselines;
    detail::engine::person_memo persons;
  };

  // Points are shared by every target and milestone evaluated at the same day.
  const detail::point& point_at(shared_work& cache, day d) const {
    auto it = cache.points.find(d);
    if (it == cache.points.end()) it = cache.points.emplace(d, detail::point(*reg, d, prep.ending_posts)).first;
    return it->second;
  }

  static unsigned threads_of(const evaluation_options& opt) {
    if (opt.threads > 0) return opt.threads;
    return std::max(1u, std::thread::hardware_concurrency());
  }

  unit_ix rows_root(const detail::point& pt, unit_ix scope, const evaluation_options& opt) const {
    if (opt.unit.empty()) return scope;
    const auto u = reg->find_unit(opt.unit);
    if (!u) throw argument_error("no unit '" + opt.unit + "' in the registry");
    const unit_ix ru = pt.resolved[u->value];
    return !ru.is_none() && pt.tree.in_subtree(ru, scope) ? ru : unit_ix{};
  }

  std::vector<unit_ix> row_units(const detail::point& pt, unit_ix root, const detail::engine::tallies& t,
                                 const target& tg, const evaluation_options& opt) const {
    const auto& levels = reg->vocab(vocab::levels);
    const auto sub = pt.tree.subtree(root).subspan(1);  // below the root
    std::vector<bool> wanted(levels.size(), false);
    if (!opt.levels.empty()) {
      for (const auto& code : opt.levels) wanted[levels.at(code).value] = true;
    } else {
      // The subtree is a range of preorder positions: sub[i] is at the root's position + 1 + i.
      const auto& filled = tg.measure() == measure::activity_count ? t.numerator : t.denominator;
      const std::uint32_t first = pt.tree.position(root) + 1;
      for (std::uint32_t i = 0; i < sub.size(); ++i)
        if (filled.at_position(first + i) > 0) wanted[prep.level_of[sub[i].value]] = true;
    }
    std::vector<std::pair<int, std::uint32_t>> order;  // (depth, level term)
    for (std::uint32_t l = 0; l < wanted.size(); ++l)
      if (wanted[l]) order.emplace_back(levels.entries()[l].depth.value_or(99), l);
    std::sort(order.begin(), order.end());
    // Levels in depth order, units of each level in tree order: one pass, one bucket per level.
    std::vector<std::uint32_t> rank(levels.size(), 0), start(order.size() + 1, 0);
    for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k].second] = k + 1;
    for (unit_ix u : sub)
      if (const auto k = rank[prep.level_of[u.value]]) ++start[k];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<unit_ix> out;
    out.reserve(1 + start.back());
    out.push_back(root);
    out.resize(1 + start.back());
    for (unit_ix u : sub)
      if (const auto k = rank[prep.level_of[u.value]]) out[1 + start[k - 1]++] = u;
    return out;
  }

  // A milestone as of D, from the shared work when it was already due on an earlier date.
  // `again`: a later date of the series will ask for this milestone once due too (only then is
  // the result kept).
  milestone_result evaluate_milestone(std::size_t ti, std::size_t mi, const detail::milestone_spec& m, day D,
                                      bool again, const evaluation_options& opt, shared_work& cache,
                                      std::vector<problem>& warnings) const {
    const bool due = D >= m.window.to;
    const auto key = std::make_pair(ti, mi);
    if (due) {
      if (auto it = cache.due.find(key); it != cache.due.end()) {
        warnings.insert(warnings.end(), it->second.second.begin(), it->second.second.end());
        if (again) return it->second.first;
        auto res = std::move(it->second.first);
        cache.due.erase(it);
        return res;
      }
    }
    std::vector<problem> own;
    auto res = compute_milestone(ti, mi, m, D, opt, cache, own);
    warnings.insert(warnings.end(), own.begin(), own.end());
    if (due && again) cache.due.emplace(key, std::make_pair(res, std::move(own)));
    return res;
  }

  // The warning for an evaluation point where the issuer stands for no unit (§7): it ended with
  // no successor, or had not begun. One per evaluation point (evaluate() drops repeats).
  problem issuer_missing(day e) const {
    std::string why;
    if (auto issuer = reg->find_unit(plan.issuer)) {
      const auto& u = (*reg)[*issuer];
      why = e < u.valid.from ? " (it begins on " + format_day(u.valid.from) + ")"
                             : " (it ended on " + format_day(u.valid.to) + " with no successor)";
    }
    return {severity::warning, "issuer_not_in_tree", plan.source.empty() ? "plan" : plan.source, "/issuer",
            "the plan's issuer '" + plan.issuer + "' is no unit on " + format_day(e) + why +
                ": its milestones evaluated on that day have no rows"};
  }

  milestone_result compute_milestone(std::size_t ti, std::size_t mi, const detail::milestone_spec& m, day D,
                                     const evaluation_options& opt, shared_work& cache,
                                     std::vector<problem>& warnings) const {
    const auto& bt = targets[ti];
    const auto& tg = *bt.source;
    milestone_result res;
    res.label = m.label;
    res.window = m.window;
    res.due = m.window.to;
    res.threshold = m.threshold;
    const day a = m.window.from, due = m.window.to;
    if (D < a) return res;  // not_started, no rows
    const day e = std::min(D, due);
    res.evaluated_at = e;
    const auto eng = engine(threads_of(opt), &cache.persons);
    const auto& pt = point_at(cache, e);
    const unit_ix scope = eng.scope_at(pt);
    if (scope.is_none()) {
      warnings.push_back(issuer_missing(e));
      res.status = status::no_data;
      return res;
    }
    // Person coverage reads the person counts made for the series in place; other measures
    // count here.
    std::optional<detail::engine::tallies> own_counts;
    const detail::engine::tallies* counted = nullptr;
    if (tg.measure() == measure::person_coverage || tg.measure() == measure::annual_person_coverage)
      if (auto it = cache.persons.find({prep.person_class[ti], a, e}); it != cache.persons.end()) counted = &it->second;
    if (!counted) {
      own_counts.emplace(pt);
      eng.count(bt, a, pt, scope, *own_counts);
      counted = &*own_counts;
    }
    const auto& now = *counted;
    if (now.dropped.count > 0) {
      const auto& as = (*reg)[now.dropped.example];
      const auto& u = (*reg)[as.unit];
      warnings.push_back({severity::warning, "ended_unit_without_successor", "", "/targets/" + tg.id + "/" + m.label,
                          std::to_string(now.dropped.count) + " post(s) left out of " + tg.id + " " + m.label +
                              " because their unit ended with no successor (e.g. person '" + (*reg)[as.person].id +
                              "' at '" + u.id + "', ended " + format_day(u.valid.to) + ")"});
    }

    // The baseline: each row's own value as of day a, for the trajectory of a milestone in progress.
    const bool in_progress = D < due;
    const detail::engine::tallies* base = nullptr;
    if (in_progress) {
      auto it = cache.baselines.find({ti, mi});
      if (it == cache.baselines.end()) {
        const auto& pa = point_at(cache, a);
        it = cache.baselines.emplace(std::make_pair(ti, mi), detail::engine::tallies(pa)).first;
        const unit_ix scope_a = eng.scope_at(pa);
        if (!scope_a.is_none()) eng.count(bt, a, pa, scope_a, it->second);
      }
      base = &it->second;
    }

    const unit_ix root = rows_root(pt, scope, opt);
    if (root.is_none()) {
      res.status = status::no_data;
      return res;
    }
    const bool pct = detail::is_percentage(tg.measure());
    // Where D stands on the line from a to due: 1 once due, and for a one-day window (a = due).
    const double f = due > a ? std::clamp(static_cast<double>(D - a) / static_cast<double>(due - a), 0.0, 1.0) : 1.0;
    const double ratio = plan.at_risk_ratio;
    const auto units = row_units(pt, root, now, tg, opt);
    res.rows.reserve(units.size());
    for (unit_ix u : units) {
      result_row row;
      row.unit = u;
      const bool is_root = u == scope;  // an activity threshold is the scope's, even under --unit
      double value;
      double baseline = 0;
      const std::uint32_t pos = pt.tree.position(u);  // rows are units of the tree at e
      if (pct) {
        row.numerator = static_cast<std::int64_t>(now.numerator.at_position(pos));
        row.denominator = static_cast<std::int64_t>(now.denominator.at_position(pos));
        if (row.denominator > 0)
          row.percent = 100.0 * static_cast<double>(row.numerator) / static_cast<double>(row.denominator);
        value = row.percent.value_or(0);
        if (base && base->denominator.at(u) > 0) baseline = 100.0 * base->numerator.at(u) / base->denominator.at(u);
      } else {
        row.value = now.numerator.at_position(pos);
        value = row.value;
        if (base) baseline = base->numerator.at(u);
      }
      if (!pct && !is_root) {
        row.status = status::none;  // an activity threshold is the scope's, not each unit's
        res.rows.push_back(row);
        continue;
      }
      if (pct && row.denominator == 0) {
        row.status = status::no_data;
        res.rows.push_back(row);
        continue;
      }
      const bool met = detail::threshold_met(m.threshold, tg.measure(), row.numerator, row.denominator, row.value);
      row.gap = detail::gap_of(m.threshold, tg.measure(), row.numerator, row.denominator, row.value);
      std::optional<double> target_value;
      if (pct && m.threshold.min_percent_x100) target_value = static_cast<double>(*m.threshold.min_percent_x100) / 100.0;
      if (!pct && m.threshold.min) target_value = static_cast<double>(*m.threshold.min);
      const auto line = detail::trajectory_at(baseline, value, target_value, f, pct);
      row.expected = line.expected;
      row.projected = line.projected;
      // Counts only grow: a count already over its max before the due date cannot come back.
      const bool over_max = !pct && m.threshold.max && row.value > static_cast<double>(*m.threshold.max);
      if (D >= due) row.status = met ? status::achieved : status::missed;
      else if (met) row.status = status::achieved;
      else if (over_max || !row.expected) row.status = status::off_track;
      else if (value >= *row.expected) row.status = status::on_track;
      else if (value >= ratio * *row.expected) row.status = status::at_risk;
      else row.status = status::off_track;
      res.rows.push_back(row);
    }
    res.status = res.rows.empty() ? status::no_data : res.rows.front().status;
    return res;
  }

  static bool counts_persons(const target& t) {
    return t.population() && t.measure() != measure::activity_count;
  }

  // The person counts target ti needs for every date of the series — each milestone begun, at
  // min(date, due), and the baselines of those in progress — counted in one batch.
  void count_target_persons(std::size_t ti, std::span<const day> dates, const evaluation_options& opt,
                            shared_work& cache) const {
    const auto& bt = targets[ti];
    if (!counts_persons(*bt.source)) return;
    const auto eng = engine(threads_of(opt), &cache.persons);
    const std::size_t cls = prep.person_class[ti];
    std::vector<std::pair<day, day>> wanted;  // (a, e)
    for (const auto& m : detail::milestones_of(plan, *bt.source))
      for (day D : dates) {
        if (D < m.window.from) continue;
        wanted.emplace_back(m.window.from, std::min(D, m.window.to));
        if (D < m.window.to) wanted.emplace_back(m.window.from, m.window.from);  // the baseline
      }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<detail::engine::batch_item> items;
    for (const auto& [a, e] : wanted) {
      const auto key = std::make_tuple(cls, a, e);
      if (cache.persons.count(key)) continue;  // counted for an earlier target of the class
      const auto& pt = point_at(cache, e);
      const unit_ix scope = eng.scope_at(pt);
      if (scope.is_none()) continue;
      auto& out = cache.persons.emplace(key, detail::engine::tallies(pt)).first->second;
      items.push_back({a, &pt, scope, &out});
    }
    if (!items.empty()) eng.count_persons_batch(bt, items);
  }

  // Reports for each date, built target by target so that a target's person counts for the
  // whole series are made in one pass and dropped once no later target of its class needs them.
  std::vector<report> evaluate(std::span<const day> dates, const evaluation_options& opt) const {
    shared_work cache;
    std::vector<report> reps(dates.size());
    for (std::size_t d = 0; d < dates.size(); ++d) {
      reps[d].plan_id = plan.id;
      reps[d].as_of = dates[d];
      if (auto issuer = reg->find_unit(plan.issuer)) reps[d].scope = *issuer;
      reps[d].warnings = plan.warnings;
    }
    for (std::size_t ti = 0; ti < targets.size(); ++ti) {
      count_target_persons(ti, dates, opt, cache);
      const auto specs = detail::milestones_of(plan, *targets[ti].source);
      for (std::size_t d = 0; d < dates.size(); ++d) {
        target_result tr;
        tr.target_id = targets[ti].source->id;
        for (std::size_t mi = 0; mi < specs.size(); ++mi) {
          const day due = specs[mi].window.to;
          const bool again = std::any_of(dates.begin() + static_cast<std::ptrdiff_t>(d) + 1, dates.end(),
                                         [&](day later) { return later >= due; });
          tr.results.push_back(evaluate_milestone(ti, mi, specs[mi], dates[d], again, opt, cache, reps[d].warnings));
        }
        reps[d].targets.push_back(std::move(tr));
      }
      const std::size_t cls = prep.person_class[ti];
      bool needed_later = false;
      for (std::size_t k = ti + 1; k < targets.size(); ++k) needed_later = needed_later || prep.person_class[k] == cls;
      if (!needed_later)
        std::erase_if(cache.persons, [&](const auto& entry) { return std::get<0>(entry.first) == cls; });
    }
    for (auto& rep : reps) drop_repeated(rep.warnings);
    return reps;
  }

  // The same warning once per report, in first-seen order.
  static void drop_repeated(std::vector<problem>& warnings) {
    std::vector<problem> kept;
    for (auto& w : warnings)
      if (std::find(kept.begin(), kept.end(), w) == kept.end()) kept.push_back(std::move(w));
    warnings = std::move(kept);
  }
};

evaluator::evaluator(const nangluc::plan& p, const nangluc::registry& r) : impl_(std::make_unique<impl>(p, r)) {}
evaluator::~evaluator() = default;
evaluator::evaluator(evaluator&&) noexcept = default;
evaluator& evaluator::operator=(evaluator&&) noexcept = default;

const nangluc::plan& evaluator::plan() const noexcept { return impl_->plan; }
const nangluc::registry& evaluator::registry() const noexcept { return *impl_->reg; }

report evaluator::evaluate(day as_of, const evaluation_options& options) const {
  return std::move(impl_->evaluate(std::span(&as_of, 1), options).front());
}

std::vector<report> evaluator::evaluate_series(std::span<const day> dates, const evaluation_options& options) const {
  // Trees and successor maps are built once per distinct evaluation point across the series; a
  // target's person counts for every date are made in one pass; a milestone already due is
  // evaluated once, at its due date, for every later date; baselines are counted once.
  return impl_->evaluate(dates, options);
}

std::vector<need> evaluator::needs(std::string_view target_id, day as_of, const evaluation_options& options) const {
  const auto& im = *impl_;
  const detail::bound_target* bt = nullptr;
  for (const auto& t : im.targets)
    if (t.source->id == target_id) bt = &t;
  if (!bt) throw argument_error("no target '" + std::string(target_id) + "' in plan '" + im.plan.id + "'");
  const auto& tg = *bt->source;
  if (tg.measure() == measure::activity_count)
    throw argument_error("target '" + tg.id + "' counts activities: it has no needs list");

  // The milestone in progress on as_of, else the last one due before it.
  const auto specs = detail::milestones_of(im.plan, tg);
  const detail::milestone_spec* chosen = nullptr;
  for (const auto& m : specs)
    if (m.window.contains(as_of) && (!chosen || m.window.to < chosen->window.to)) chosen = &m;
  if (!chosen)
    for (const auto& m : specs)
      if (m.window.to < as_of && (!chosen || m.window.to > chosen->window.to)) chosen = &m;
  std::vector<need> out;
  if (!chosen) return out;

  const day a = chosen->window.from, e = std::min(as_of, chosen->window.to);
  const auto eng = im.engine(impl::threads_of(options));
  const detail::point pt(*im.reg, e, im.prep.ending_posts);
  const unit_ix scope = eng.scope_at(pt);
  if (scope.is_none()) return out;
  const unit_ix root = im.rows_root(pt, scope, options);
  if (root.is_none()) return out;
  const auto& r = *im.reg;

  if (tg.measure() == measure::unit_coverage || tg.measure() == measure::staffing_fill) {
    detail::engine::tallies persons(pt);
    eng.count_persons(*bt, a, pt, scope, persons);
    if (tg.measure() == measure::unit_coverage) {
      const auto& covered = bt->criterion ? persons.numerator : persons.denominator;
      for (unit_ix u : pt.tree.subtree(root)) {
        if (r[u].level != bt->unit_level) continue;
        const auto have = static_cast<std::int64_t>(covered.at(u));
        if (have >= bt->min_per_unit) continue;
        need n;
        n.unit = u;
        n.persons = have;
        n.missing = bt->min_per_unit - have;
        out.push_back(n);
      }
    } else {
      // Units holding quotas whose subtree has fewer persons than quota, as the fill rows count
      // them (quotas and persons of the whole subtree), so a needs list adds up to the rows.
      detail::subtree_counts quota_in(pt);
      std::vector<bool> holds(pt.tree.preorder().size(), false);
      for (const auto& q : r.quotas()) {
        if (!q.when.contains(e) || !eng.quota_allowed(*bt->population, q)) continue;
        const unit_ix u = pt.resolved[q.unit.value];
        if (u.is_none() || !pt.tree.in_subtree(u, root)) continue;
        quota_in.add({u}, static_cast<double>(q.count));
        holds[pt.tree.position(u)] = true;
      }
      quota_in.finish();
      for (unit_ix u : pt.tree.subtree(root)) {
        if (!holds[pt.tree.position(u)]) continue;
        const auto quota = static_cast<std::int64_t>(quota_in.at(u));
        const auto have = static_cast<std::int64_t>(persons.denominator.at(u));
        if (have >= quota) continue;
        need n;
        n.unit = u;
        n.persons = have;
        n.missing = quota - have;
        out.push_back(n);
      }
    }
    return out;
  }

  std::vector<unit_ix> units;
  day last = 0;
  for (std::uint32_t pi = 0; pi < r.persons().size(); ++pi) {
    const person_ix person{pi};
    assignment_ix first;
    eng.population_units(*bt->population, r.assignments_of(person), a, pt, root, bt->denominator, units, last, &first);
    if (units.empty()) continue;
    const day at = bt->denominator == denominator_policy::in_post_at_end ? e : last;
    if (bt->criterion && eng.meets(*bt->criterion, person, a, at)) continue;
    need n;
    n.person = person;
    n.assignment = first;
    n.unit = units.front();
    if (bt->criterion) n.last_completed = eng.last_completion(*bt->criterion, person, at);
    out.push_back(n);
  }
  return out;
}

report evaluate(const plan& p, const registry& r, day as_of, const evaluation_options& options) {
  return evaluator(p, r).evaluate(as_of, options);
}

}  // namespace nangluc
