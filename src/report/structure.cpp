// The workforce structure report (seed 002 §IV): persons counted once per level. The report is
// generic: which sector, qualification kinds and field group it counts come from a
// structure_spec, whose defaults are the registry's profile's.

#include <nangluc/registry.hpp>
#include <nangluc/structure.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace nangluc {
namespace {

// What a built-in profile's report counts where its vocabularies do not say it themselves: the
// sector of the workforce it describes and the qualification kind of its certificates.
struct profile_choice {
  std::string_view profile, sector, certificate_kind;
};
constexpr profile_choice profile_choices[] = {{"vn-population", "dan_so", "certificate"}};

/// The vocabularies of the registry's built-in profile, or the registry's own.
const vocabulary_set& profile_vocabularies(const registry& reg) {
  const auto builtin = vocabulary_set::profiles();
  if (std::find(builtin.begin(), builtin.end(), reg.profile()) != builtin.end())
    return vocabulary_set::profile(reg.profile());
  return reg.vocabularies();
}

/// The first group of a vocabulary: a code another code names as its parent ("" if none).
std::string first_group(const vocabulary* v) {
  if (v == nullptr) return {};
  for (const auto& e : v->entries())
    for (const auto& member : v->entries())
      if (member.parent == e.code) return e.code;
  return {};
}

std::optional<term> find_term(const registry& reg, std::string_view vocabulary, const std::string& code) {
  const auto* v = reg.vocabularies().find(vocabulary);
  if (v == nullptr || code.empty()) return std::nullopt;
  return v->find(code);
}

/// The held qualification of `kind` whose code ranks highest in `ranked` (ties: the latest
/// awarded).
std::optional<held_qualification> highest_of(const std::vector<held_qualification>& held, term kind,
                                             const vocabulary& ranked) {
  std::optional<held_qualification> best;
  int best_rank = -2;
  for (const auto& h : held) {
    if (h.kind != kind) continue;
    const int rank = h.code.value < ranked.size() ? ranked[h.code].rank.value_or(-1) : -1;
    if (rank < best_rank || (rank == best_rank && h.awarded < best->awarded)) continue;
    best = h;
    best_rank = rank;
  }
  return best;
}

// Counts by level term, then by code term.
struct tally {
  std::int64_t quota = 0, present = 0;
  std::map<std::uint32_t, std::int64_t> by_category, education, education_y_duoc, certificates;
};

/// The spec's codes as terms of the registry (none where it has no such code).
struct bound_spec {
  term sector;
  std::optional<term> education_kind, field_group, certificate_kind;
  const vocabulary* education = nullptr;     // the vocabulary named after the education kind
  const vocabulary* certificates = nullptr;  // … and after the certificate kind
};

bound_spec bind(const registry& reg, const structure_spec& spec) {
  bound_spec b;
  if (!spec.sector.empty()) b.sector = reg.vocab(vocab::sectors).at(spec.sector);
  b.education_kind = find_term(reg, vocab::qualification_kinds, spec.education_kind);
  b.field_group = find_term(reg, vocab::fields, spec.field_group);
  b.certificate_kind = find_term(reg, vocab::qualification_kinds, spec.certificate_kind);
  if (b.education_kind) b.education = reg.vocabularies().find(spec.education_kind);
  if (b.certificate_kind) b.certificates = reg.vocabularies().find(spec.certificate_kind);
  if (b.education == nullptr) b.education_kind.reset();
  return b;
}

/// Adds one person in post on day d to the tallies of the levels of their posts.
/// `posts` is scratch: the person's (level, category) pairs.
void count_person(const registry& reg, person_ix p, day d, const bound_spec& b,
                  std::map<std::uint32_t, tally>& by_level,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>& posts) {
  posts.clear();
  for (auto a : reg.active_assignments(p, d)) {
    const auto& rec = reg[a];
    if (!b.sector.is_none() && rec.sector != b.sector) continue;
    const unit_ix u = reg.resolve(rec.unit, d);
    if (u.is_none()) continue;
    posts.emplace_back(reg[u].level.value, rec.category.value);
  }
  if (posts.empty()) return;
  std::sort(posts.begin(), posts.end());
  posts.erase(std::unique(posts.begin(), posts.end()), posts.end());

  const auto held = reg.qualifications_held(p, d);
  std::optional<held_qualification> highest;
  if (b.education_kind) highest = highest_of(held, *b.education_kind, *b.education);
  std::set<std::uint32_t> certs;
  if (b.certificate_kind)
    for (const auto& h : held)
      if (h.kind == *b.certificate_kind) certs.insert(h.code.value);

  const auto& fields = reg.vocab(vocab::fields);
  std::uint32_t last_level = 0xFFFFFFFFu;
  for (const auto& [level, category] : posts) {
    auto& t = by_level[level];
    ++t.by_category[category];
    if (level == last_level) continue;  // once per level, whatever the categories
    last_level = level;
    ++t.present;
    if (highest) {
      ++t.education[highest->code.value];
      if (b.field_group && !highest->field.is_none() && fields.is_in(highest->field, *b.field_group))
        ++t.education_y_duoc[highest->code.value];
    }
    for (auto c : certs) ++t.certificates[c];
  }
}

code_counts counts(const vocabulary& v, const std::map<std::uint32_t, std::int64_t>& m, bool by_rank) {
  code_counts c;
  for (const auto& [t, n] : m) c.emplace_back(v.code(term{t}), n);
  if (by_rank) {  // highest education first, as the plans list it
    auto rank = [&](const std::string& code) { return v[*v.find(code)].rank.value_or(-1); };
    std::stable_sort(c.begin(), c.end(), [&](const auto& a, const auto& b) { return rank(a.first) > rank(b.first); });
  }
  return c;
}

}  // namespace

structure_spec default_structure_spec(const registry& reg) {
  structure_spec spec;
  spec.education_kind = std::string(vocab::education);
  spec.field_group = first_group(profile_vocabularies(reg).find(vocab::fields));
  for (const auto& c : profile_choices) {
    if (c.profile != reg.profile()) continue;
    spec.sector = std::string(c.sector);
    spec.certificate_kind = std::string(c.certificate_kind);
  }
  return spec;
}

structure_report workforce_structure(const registry& reg, day d) {
  return workforce_structure(reg, d, default_structure_spec(reg));
}

structure_report workforce_structure(const registry& reg, day d, const std::string& sector) {
  structure_spec spec = default_structure_spec(reg);
  spec.sector = sector;
  return workforce_structure(reg, d, spec);
}

structure_report workforce_structure(const registry& reg, day d, const structure_spec& spec) {
  structure_report out;
  out.as_of = d;
  out.sector = spec.sector;
  const bound_spec b = bind(reg, spec);

  std::map<std::uint32_t, tally> by_level;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> posts;
  for (std::uint32_t p = 0; p < reg.persons().size(); ++p) count_person(reg, person_ix{p}, d, b, by_level, posts);
  for (const auto& q : reg.quotas()) {
    if (!q.when.contains(d)) continue;
    if (!b.sector.is_none() && !q.sector.is_none() && q.sector != b.sector) continue;
    const unit_ix u = reg.resolve(q.unit, d);
    if (u.is_none()) continue;
    by_level[reg[u].level.value].quota += q.count;
  }

  const auto& levels = reg.vocab(vocab::levels);
  std::vector<std::pair<int, std::uint32_t>> order;
  for (const auto& [level, t] : by_level) order.emplace_back(levels[term{level}].depth.value_or(99), level);
  std::sort(order.begin(), order.end());
  for (const auto& [depth, level] : order) {
    const auto& t = by_level[level];
    structure_level s;
    s.level = levels.code(term{level});
    s.quota = t.quota;
    s.present = t.present;
    s.by_category = counts(reg.vocab(vocab::categories), t.by_category, false);
    if (b.education != nullptr) {
      s.education = counts(*b.education, t.education, true);
      s.education_y_duoc = counts(*b.education, t.education_y_duoc, true);
    }
    if (b.certificates != nullptr) s.certificates = counts(*b.certificates, t.certificates, false);
    out.levels.push_back(std::move(s));
  }
  return out;
}

}  // namespace nangluc
