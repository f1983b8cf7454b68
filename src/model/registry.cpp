// The registry: indexes built once after validation, and the queries "as of a date".

#include <nangluc/registry.hpp>

#include "model/data_checks.hpp"
#include "model/problems.hpp"
#include "model/validate.hpp"

#include <algorithm>
#include <numeric>

namespace nangluc {

registry_data registry_data::with_profile(std::string_view profile) {
  registry_data d;
  d.profile = std::string(profile);
  d.vocabularies = vocabulary_set::profile(profile);
  return d;
}

std::string source_map::file(std::string_view) const { return default_file; }

std::string source_map::location(std::string_view list, std::size_t index,
                                 std::string_view field) const {
  std::string out = "/" + std::string(list) + "/" + std::to_string(index);
  if (!field.empty()) out += "/" + std::string(field);
  return out;
}

registry registry::from_data(registry_data data, const source_map& where) {
  detail::problem_list problems;
  // What a reader checks while it reads, checked here for data built in code.
  detail::check_data_from_code(data, where, problems);
  return detail::make_registry(std::move(data), where, problems);
}

namespace detail {
registry make_registry(registry_data data, const source_map& where, problem_list& problems) {
  validate(data, where, problems);
  problems.throw_if_errors();
  registry r;
  r.d_ = std::move(data);
  r.warnings_ = problems.take();
  r.build_indexes();
  return r;
}
}  // namespace detail

namespace {

template <class Ix, class Key>
void fill_csr(std::vector<std::uint32_t>& offsets, std::vector<Ix>& items, std::size_t keys,
              std::size_t n, Key key_of) {
  offsets.assign(keys + 1, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (auto k = key_of(i); k < keys) ++offsets[k + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  items.resize(offsets.back());
  std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (std::size_t i = 0; i < n; ++i)
    if (auto k = key_of(i); k < keys) items[next[k]++] = Ix{static_cast<std::uint32_t>(i)};
}

}  // namespace

void registry::build_indexes() {
  auto index_ids = [](auto& map, const auto& list) {
    map.reserve(list.size());
    for (std::uint32_t i = 0; i < list.size(); ++i) map.emplace(list[i].id, i);
  };
  index_ids(unit_ids_, d_.units);
  index_ids(person_ids_, d_.persons);
  index_ids(course_ids_, d_.courses);
  index_ids(session_ids_, d_.sessions);

  // Children of each unit over all time, as (child, link index) pairs.
  std::vector<std::pair<unit_ix, std::uint32_t>> links;
  std::vector<std::uint32_t> parent_of_link;
  for (std::uint32_t c = 0; c < d_.units.size(); ++c)
    for (std::uint32_t l = 0; l < d_.units[c].parents.size(); ++l) {
      links.emplace_back(unit_ix{c}, l);
      parent_of_link.push_back(d_.units[c].parents[l].unit.value);
    }
  {
    std::vector<std::uint32_t> order;
    fill_csr(children_.offsets, order, d_.units.size(), links.size(),
             [&](std::size_t i) { return parent_of_link[i]; });
    children_.items.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) children_.items[i] = links[order[i]];
  }

  const auto np = d_.persons.size();
  fill_csr(person_assignments_.offsets, person_assignments_.items, np, d_.assignments.size(),
           [&](std::size_t i) { return d_.assignments[i].person.value; });
  fill_csr(person_qualifications_.offsets, person_qualifications_.items, np,
           d_.qualifications.size(), [&](std::size_t i) { return d_.qualifications[i].person.value; });
  fill_csr(person_enrollments_.offsets, person_enrollments_.items, np, d_.enrollments.size(),
           [&](std::size_t i) { return d_.enrollments[i].person.value; });
  // A person's posts in start order: "active on d" stops at the first that starts after d.
  for (std::size_t p = 0; p < np; ++p) {
    auto b = person_assignments_.items.begin() + person_assignments_.offsets[p];
    auto e = person_assignments_.items.begin() + person_assignments_.offsets[p + 1];
    std::stable_sort(b, e, [&](assignment_ix x, assignment_ix y) {
      return d_.assignments[x.value].when.from < d_.assignments[y.value].when.from;
    });
  }

  if (const auto* levels = d_.vocabularies.find(vocab::levels)) {
    level_depth_.resize(levels->size(), -1);
    for (std::size_t i = 0; i < levels->size(); ++i)
      level_depth_[i] = levels->entries()[i].depth.value_or(-1);
  }
  if (const auto* edu = d_.vocabularies.find(vocab::education)) {
    education_rank_.resize(edu->size(), -1);
    for (std::size_t i = 0; i < edu->size(); ++i)
      education_rank_[i] = edu->entries()[i].rank.value_or(-1);
  }
  if (const auto* kinds = d_.vocabularies.find(vocab::qualification_kinds))
    if (auto t = kinds->find("education")) education_kind_ = *t;
}

namespace {
template <class Ix, class Map>
std::optional<Ix> find_id(const Map& map, std::string_view id) {
  auto it = map.find(id);
  if (it == map.end()) return std::nullopt;
  return Ix{it->second};
}
}  // namespace

std::optional<unit_ix> registry::find_unit(std::string_view id) const { return find_id<unit_ix>(unit_ids_, id); }
std::optional<person_ix> registry::find_person(std::string_view id) const { return find_id<person_ix>(person_ids_, id); }
std::optional<course_ix> registry::find_course(std::string_view id) const { return find_id<course_ix>(course_ids_, id); }
std::optional<session_ix> registry::find_session(std::string_view id) const { return find_id<session_ix>(session_ids_, id); }

unit_ix registry::unit_at(std::string_view id) const {
  if (auto u = find_unit(id)) return *u;
  throw argument_error("no unit with id '" + std::string(id) + "'");
}
person_ix registry::person_at(std::string_view id) const {
  if (auto p = find_person(id)) return *p;
  throw argument_error("no person with id '" + std::string(id) + "'");
}

unit_ix registry::parent(unit_ix u, day d) const {
  const auto& rec = (*this)[u];
  if (!rec.is_valid_at(d)) return {};
  for (const auto& link : rec.parents)
    if (link.when.contains(d)) return link.unit;
  return {};
}

std::vector<unit_ix> registry::ancestors(unit_ix u, day d) const {
  std::vector<unit_ix> out;
  for (unit_ix p = parent(u, d); !p.is_none() && out.size() <= d_.units.size(); p = parent(p, d))
    out.push_back(p);
  return out;
}

std::span<const std::pair<unit_ix, std::uint32_t>> registry::children_ever(unit_ix u) const {
  return children_.of(u.value);
}

std::vector<unit_ix> registry::subtree(unit_ix u, day d) const {
  std::vector<unit_ix> out;
  if (!is_valid(u, d)) return out;
  std::vector<unit_ix> stack{u};
  while (!stack.empty() && out.size() <= d_.units.size()) {
    const unit_ix v = stack.back();
    stack.pop_back();
    out.push_back(v);
    auto kids = children_.of(v.value);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
      const auto& child = (*this)[it->first];
      if (child.is_valid_at(d) && child.parents[it->second].when.contains(d)) stack.push_back(it->first);
    }
  }
  return out;
}

int registry::depth(unit_ix u) const {
  const auto t = (*this)[u].level;
  return t.value < level_depth_.size() ? level_depth_[t.value] : -1;
}

unit_ix registry::resolve(unit_ix u, day d) const {
  const auto* rec = &(*this)[u];
  if (d < rec->valid.from) return {};
  // Follow successors while the unit has ended before d; bounded against a cycle.
  for (std::size_t steps = 0; steps <= d_.units.size(); ++steps) {
    if (rec->is_valid_at(d)) return u;
    if (d < rec->valid.from || rec->successor.is_none()) return {};
    u = rec->successor;
    rec = &(*this)[u];
  }
  return {};
}

std::span<const assignment_ix> registry::assignments_of(person_ix p) const { return person_assignments_.of(p.value); }
std::span<const qualification_ix> registry::qualifications_of(person_ix p) const { return person_qualifications_.of(p.value); }
std::span<const enrollment_ix> registry::enrollments_of(person_ix p) const { return person_enrollments_.of(p.value); }

std::vector<assignment_ix> registry::active_assignments(person_ix p, day d) const {
  std::vector<assignment_ix> out;
  for (auto a : assignments_of(p)) {
    const auto& rec = (*this)[a];
    if (rec.when.from > d) break;
    if (rec.is_active_at(d)) out.push_back(a);
  }
  return out;
}

day registry::completion_day(enrollment_ix e) const {
  const auto& rec = (*this)[e];
  return rec.completed_on != day_min ? rec.completed_on : (*this)[rec.session].when.to;
}

std::vector<held_qualification> registry::qualifications_held(person_ix p, day d) const {
  std::vector<held_qualification> out;
  for (auto q : qualifications_of(p)) {
    const auto& rec = (*this)[q];
    if (rec.is_held_at(d)) out.push_back({rec.kind, rec.code, rec.field, rec.awarded, rec.expires, q, {}});
  }
  for (auto e : enrollments_of(p)) {
    const auto& rec = (*this)[e];
    if (rec.status != enrollment_status::completed) continue;
    const auto& c = (*this)[(*this)[rec.session].course];
    if (!c.confers) continue;
    const day done = completion_day(e);
    if (done > d) continue;
    day expires = day_max;
    if (c.confers->valid_for)
      if (const day end = add_period(done, *c.confers->valid_for); end != day_max) expires = end - 1;
    if (d > expires) continue;
    out.push_back({c.confers->kind, c.confers->code, term{}, done, expires, {}, e});
  }
  return out;
}

std::optional<held_qualification> registry::highest_education(person_ix p, day d) const {
  std::optional<held_qualification> best;
  int best_rank = -2;
  for (const auto& h : qualifications_held(p, d)) {
    if (h.kind != education_kind_ || education_kind_.is_none()) continue;
    const int rank = h.code.value < education_rank_.size() ? education_rank_[h.code.value] : -1;
    if (rank > best_rank || (rank == best_rank && h.awarded >= best->awarded)) {
      best = h;
      best_rank = rank;
    }
  }
  return best;
}

// ---- unit_tree ------------------------------------------------------------------------------

unit_tree::unit_tree(const registry& reg, day d) : as_of_(d) {
  const auto n = reg.units().size();
  parent_.assign(n, unit_ix{});
  pre_.assign(n, absent);
  end_.assign(n, absent);
  std::vector<std::uint32_t> child_count(n + 1, 0);
  std::vector<bool> valid(n, false);
  for (std::uint32_t u = 0; u < n; ++u) {
    if (!reg.units()[u].is_valid_at(d)) continue;
    valid[u] = true;
    parent_[u] = reg.parent(unit_ix{u}, d);
  }
  for (std::uint32_t u = 0; u < n; ++u)
    if (valid[u]) {
      if (parent_[u].is_none() || !valid[parent_[u].value]) {
        parent_[u] = unit_ix{};
        roots_.push_back(unit_ix{u});
      } else {
        ++child_count[parent_[u].value + 1];
      }
    }
  std::partial_sum(child_count.begin(), child_count.end(), child_count.begin());
  std::vector<unit_ix> kids(child_count.back());
  std::vector<std::uint32_t> next(child_count.begin(), child_count.end() - 1);
  for (std::uint32_t u = 0; u < n; ++u)
    if (valid[u] && !parent_[u].is_none()) kids[next[parent_[u].value]++] = unit_ix{u};

  // Iterative preorder; children in registry order.
  order_.reserve(n);
  std::vector<std::pair<unit_ix, std::uint32_t>> stack;  // (unit, next child offset)
  for (unit_ix r : roots_) {
    pre_[r.value] = static_cast<std::uint32_t>(order_.size());
    order_.push_back(r);
    stack.emplace_back(r, child_count[r.value]);
    while (!stack.empty()) {
      auto& [u, k] = stack.back();
      if (k < child_count[u.value + 1]) {
        const unit_ix c = kids[k++];
        pre_[c.value] = static_cast<std::uint32_t>(order_.size());
        order_.push_back(c);
        stack.emplace_back(c, child_count[c.value]);
      } else {
        end_[u.value] = static_cast<std::uint32_t>(order_.size());
        stack.pop_back();
      }
    }
  }
}

std::span<const unit_ix> unit_tree::subtree(unit_ix u) const noexcept {
  if (!contains(u)) return {};
  return {order_.data() + pre_[u.value], order_.data() + end_[u.value]};
}

}  // namespace nangluc
