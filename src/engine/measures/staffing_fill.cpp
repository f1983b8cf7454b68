// staffing_fill (evaluation.md §3): persons in post over the quotas the population allows, and
// the units short of their quota.

#include "engine/engine.hpp"
#include <algorithm>

namespace nangluc::detail {

namespace {

// Staffing fill: persons in post over the quotas the population allows (§7). A quota counts
// when some post with its given category, roles (exactly those) and sector could be in the
// population, `all_of`, `any_of` and `not` included. The quota's open fields range over the
// codes the selector names plus "any other"; the fields a quota never states (level, unit
// kind, within, sex, age) are unknown — they may hold or not — so the selector is read in
// three-valued logic and the quota counts when it is true or unknown for some post.
enum class tri : std::uint8_t { no, unknown, yes };
tri tri_and(tri x, tri y) { return std::min(x, y); }
tri tri_or(tri x, tri y) { return std::max(x, y); }
tri tri_not(tri x) { return x == tri::yes ? tri::no : x == tri::no ? tri::yes : tri::unknown; }

// A post the quota could stand for: concrete category and sector (none: a code no selector
// names) and roles; `roles_known` false when too many roles are named to enumerate them.
struct quota_post {
  term category, sector;
  std::vector<term> roles;
  bool roles_known = true;
};
tri quota_matches(const bound_selector& s, const quota_post& p) {
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
void named_codes(const bound_selector& s, term_set bound_selector::*field, std::vector<term>& out) {
  const auto& set = s.*field;
  for (std::uint32_t i = 0; i < set.member.size(); ++i)
    if (set.member[i] && std::find(out.begin(), out.end(), term{i}) == out.end()) out.push_back(term{i});
  for (const auto* list : {&s.all_of, &s.any_of, &s.negated})
    for (const auto& c : *list) named_codes(c, field, out);
}

}  // namespace

bool engine::quota_allowed(const bound_selector& s, const quota& q) const {
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

void engine::count_fill(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
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

// Units holding quotas whose subtree has fewer persons than quota, as the fill rows count them
// (quotas and persons of the whole subtree), so that a needs list adds up to the rows' gaps.
std::vector<need> engine::fill_needs(const bound_target& t, day a, const point& pt, unit_ix scope,
                                     unit_ix root) const {
  tallies persons(pt);
  count_persons(t, a, pt, scope, persons);
  subtree_counts quota_in(pt);
  std::vector<bool> holds(pt.tree.preorder().size(), false);
  for (const auto& q : r.quotas()) {
    if (!q.when.contains(pt.e) || !quota_allowed(*t.population, q)) continue;
    const unit_ix u = pt.resolved[q.unit.value];
    if (u.is_none() || !pt.tree.in_subtree(u, root)) continue;
    quota_in.add({u}, static_cast<double>(q.count));
    holds[pt.tree.position(u)] = true;
  }
  quota_in.finish();
  std::vector<need> out;
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
  return out;
}

}  // namespace nangluc::detail
