// The workforce structure report (seed 002 §IV): persons counted once per level.

#include <nangluc/registry.hpp>
#include <nangluc/structure.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace nangluc {

structure_report workforce_structure(const registry& reg, day d, const std::string& sector) {
  structure_report out;
  out.as_of = d;
  out.sector = sector;
  const auto& levels = reg.vocab(vocab::levels);
  const auto& categories = reg.vocab(vocab::categories);
  const auto& education = reg.vocab(vocab::education);
  const auto& fields = reg.vocab(vocab::fields);
  term sector_term;
  if (!sector.empty()) sector_term = reg.vocab(vocab::sectors).at(sector);
  const auto y_duoc = fields.find("y_duoc");
  const auto& qkinds = reg.vocab(vocab::qualification_kinds);
  const auto certificate_kind = qkinds.find("certificate");

  // Counts by level term, then by code term.
  struct tally {
    std::int64_t quota = 0, present = 0;
    std::map<std::uint32_t, std::int64_t> by_category, education, education_y_duoc, certificates;
  };
  std::map<std::uint32_t, tally> by_level;

  std::vector<std::pair<std::uint32_t, std::uint32_t>> posts;  // (level, category) of one person
  for (std::uint32_t p = 0; p < reg.persons().size(); ++p) {
    posts.clear();
    for (auto a : reg.active_assignments(person_ix{p}, d)) {
      const auto& rec = reg[a];
      if (!sector_term.is_none() && rec.sector != sector_term) continue;
      const unit_ix u = reg.resolve(rec.unit, d);
      if (u.is_none()) continue;
      posts.emplace_back(reg[u].level.value, rec.category.value);
    }
    if (posts.empty()) continue;
    std::sort(posts.begin(), posts.end());
    posts.erase(std::unique(posts.begin(), posts.end()), posts.end());

    const auto highest = reg.highest_education(person_ix{p}, d);
    std::set<std::uint32_t> certs;
    if (certificate_kind)
      for (const auto& h : reg.qualifications_held(person_ix{p}, d))
        if (h.kind == *certificate_kind) certs.insert(h.code.value);

    std::uint32_t last_level = 0xFFFFFFFFu;
    for (const auto& [level, category] : posts) {
      auto& t = by_level[level];
      ++t.by_category[category];
      if (level == last_level) continue;  // once per level, whatever the categories
      last_level = level;
      ++t.present;
      if (highest) {
        ++t.education[highest->code.value];
        if (y_duoc && !highest->field.is_none() && fields.is_in(highest->field, *y_duoc))
          ++t.education_y_duoc[highest->code.value];
      }
      for (auto c : certs) ++t.certificates[c];
    }
  }

  for (const auto& q : reg.quotas()) {
    if (!q.when.contains(d)) continue;
    if (!sector_term.is_none() && !q.sector.is_none() && q.sector != sector_term) continue;
    const unit_ix u = reg.resolve(q.unit, d);
    if (u.is_none()) continue;
    by_level[reg[u].level.value].quota += q.count;
  }

  auto counts = [](const vocabulary& v, const std::map<std::uint32_t, std::int64_t>& m, bool by_rank) {
    code_counts c;
    for (const auto& [t, n] : m) c.emplace_back(v.code(term{t}), n);
    if (by_rank) {  // highest education first, as the plans list it
      auto rank = [&](const std::string& code) { return v[*v.find(code)].rank.value_or(-1); };
      std::stable_sort(c.begin(), c.end(), [&](const auto& a, const auto& b) { return rank(a.first) > rank(b.first); });
    }
    return c;
  };
  std::vector<std::pair<int, std::uint32_t>> order;
  for (const auto& [level, t] : by_level) order.emplace_back(levels[term{level}].depth.value_or(99), level);
  std::sort(order.begin(), order.end());
  const auto* cert_vocab = reg.vocabularies().find("certificate");
  for (const auto& [depth, level] : order) {
    const auto& t = by_level[level];
    structure_level s;
    s.level = levels.code(term{level});
    s.quota = t.quota;
    s.present = t.present;
    s.by_category = counts(categories, t.by_category, false);
    s.education = counts(education, t.education, true);
    s.education_y_duoc = counts(education, t.education_y_duoc, true);
    if (cert_vocab) s.certificates = counts(*cert_vocab, t.certificates, false);
    out.levels.push_back(std::move(s));
  }
  return out;
}

}  // namespace nangluc
