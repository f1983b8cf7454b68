// Distinct persons per subtree (evaluation.md §4 "Rows"): a person's matching posts in the tree
// at e, counted once in every unit above any of them, in one pass per target for a whole series
// and on every thread, with the same (exact, whole-number) counts whatever the thread count.

#include "engine/engine.hpp"
#include <algorithm>
#include <thread>

namespace nangluc::detail {

// `matched`: the posts are known to match the selector's fields (they are candidates of a
// selector that may_match decides).
void engine::population_units(const bound_selector& s, std::span<const assignment_ix> posts, day a, const point& pt,
                      unit_ix scope, denominator_policy policy, std::vector<unit_ix>& units, day& last_day,
                      assignment_ix* first_post, bool matched) const {
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
engine::left_out engine::dropped_posts(day a, const point& pt, denominator_policy policy) const {
  left_out out;
  for (auto ax : pt.unresolved) {
    const auto& as = r[ax];
    const bool active = policy == denominator_policy::in_post_at_end ? as.when.contains(pt.e)
                                                                       : as.when.to >= a;
    if (active && ++out.count == 1) out.example = ax;
  }
  return out;
}

void engine::count_persons(const bound_target& t, day a, const point& pt, unit_ix scope, tallies& out) const {
  if (memo) {
    if (auto it = memo->find(std::make_tuple(class_of(t), a, pt.e)); it != memo->end()) {
      out = it->second;
      return;
    }
  }
  batch_item one{a, &pt, scope, &out};
  count_persons_batch(t, std::span(&one, 1));
}

// One pass over the target's candidate posts for every item: each person's posts and
// completions are read once for all of them. The posts are cut at person boundaries into one
// block per thread; each block tallies on its own and the tallies are added in block order,
// so every thread count gives the same (whole-number, hence exact) counts.
void engine::count_persons_batch(const bound_target& t, std::span<const batch_item> items) const {
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

}  // namespace nangluc::detail
