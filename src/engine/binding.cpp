// Binding a plan to a registry: every code, id and name checked once, groups expanded.

#include "engine/binding.hpp"

#include <algorithm>

namespace nangluc::detail {
namespace {

class binder {
 public:
  binder(const plan& p, const registry& r, problem_list& problems, std::string file)
      : p_(p), r_(r), problems_(problems), file_(std::move(file)) {}

  term_set terms(const std::vector<std::string>& codes, std::string_view vocabulary_name,
                 const std::string& where) {
    term_set set;
    if (codes.empty()) return set;
    const auto* v = r_.vocabularies().find(vocabulary_name);
    set.member.assign(v ? v->size() : 0, false);
    std::vector<term> given;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      auto t = v ? v->find(codes[i]) : std::nullopt;
      if (!t || !(*v)[*t].declared) {
        std::string msg = "unknown code '" + codes[i] + "' in vocabulary '" + std::string(vocabulary_name) + "'";
        if (v) {
          auto near = v->nearest(codes[i]);
          if (!near.empty()) {
            msg += "; nearest known codes:";
            for (std::size_t k = 0; k < near.size(); ++k) msg += (k ? ", " : " ") + near[k];
          }
        }
        problems_.error("unknown_code", file_, where + "/" + std::to_string(i), msg);
        continue;
      }
      given.push_back(*t);
    }
    for (term t : v ? v->expand(given) : std::vector<term>{}) set.member[t.value] = true;
    // Codes were given: even if none is known, the set must not read as "any".
    if (set.member.empty()) set.member.push_back(false);
    return set;
  }

  bound_selector selector_of(const selector& sel, const std::string& where, int depth = 0) {
    if (const auto* g = sel.group()) {
      auto it = p_.groups.find(g->name);
      if (it == p_.groups.end() || depth > 32) {
        problems_.error("unknown_group", file_, where, "no group named '" + g->name + "' in the plan");
        return {};
      }
      return selector_of(it->second, "/groups/" + g->name, depth + 1);
    }
    const auto& s = *sel.fields();
    bound_selector b;
    b.category = terms(s.category, vocab::categories, where + "/category");
    b.roles = terms(s.roles, vocab::roles, where + "/roles");
    b.sector = terms(s.sector, vocab::sectors, where + "/sector");
    b.level = terms(s.level, vocab::levels, where + "/level");
    b.employer_level = terms(s.employer_level, vocab::levels, where + "/employer_level");
    b.unit_kinds = terms(s.unit_kinds, vocab::unit_kinds, where + "/unit_kinds");
    for (std::size_t i = 0; i < s.within.size(); ++i) {
      if (auto u = r_.find_unit(s.within[i])) b.within_units.push_back(*u);
      else
        problems_.error("dangling_reference", file_, where + "/within/" + std::to_string(i),
                        "no unit '" + s.within[i] + "' in the registry");
    }
    b.within = s.within;
    b.sexes = s.sex;
    b.age_min = s.age_min;
    b.age_max = s.age_max;
    for (std::size_t i = 0; i < s.all_of.size(); ++i)
      b.all_of.push_back(selector_of(s.all_of[i], where + "/all_of/" + std::to_string(i), depth + 1));
    for (std::size_t i = 0; i < s.any_of.size(); ++i)
      b.any_of.push_back(selector_of(s.any_of[i], where + "/any_of/" + std::to_string(i), depth + 1));
    for (const auto& n : s.negated) b.negated.push_back(selector_of(n, where + "/not", depth + 1));
    return b;
  }

  std::vector<bool> courses_matching(const std::vector<std::string>& ids, const std::vector<std::string>& kinds,
                                     const std::vector<std::string>& topics, const std::string& where) {
    const auto kind_set = terms(kinds, vocab::training_kinds, where + "/kinds");
    const auto topic_set = terms(topics, vocab::topics, where + "/topics");
    std::vector<bool> id_ok;
    if (!ids.empty()) {
      id_ok.assign(r_.courses().size(), false);
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (auto c = r_.find_course(ids[i])) id_ok[c->value] = true;
        else
          problems_.error("dangling_reference", file_, where + "/courses/" + std::to_string(i),
                          "no course '" + ids[i] + "' in the registry");
      }
    }
    std::vector<bool> out(r_.courses().size(), false);
    for (std::size_t c = 0; c < out.size(); ++c) {
      const auto& course = r_.courses()[c];
      bool ok = ids.empty() || id_ok[c];
      ok = ok && (kind_set.any() || kind_set.has(course.kind));
      if (ok && !topic_set.any())
        ok = std::any_of(course.topics.begin(), course.topics.end(), [&](term t) { return topic_set.has(t); });
      out[c] = ok;
    }
    return out;
  }

  bound_criterion criterion_of(const criterion& c, const std::string& where, int depth = 0) {
    if (const auto* named = std::get_if<criterion_ref>(&c.kind)) {
      auto it = p_.criteria.find(named->name);
      if (it == p_.criteria.end() || depth > 32) {
        problems_.error("unknown_criterion", file_, where, "no criterion named '" + named->name + "' in the plan");
        bound_criterion none;
        none.what = bound_criterion::kind::any_of;  // matches nobody; the load fails anyway
        return none;
      }
      return criterion_of(it->second, "/criteria/" + named->name, depth + 1);
    }
    bound_criterion b;
    auto children = [&](const std::vector<criterion>& items, const char* name) {
      for (std::size_t i = 0; i < items.size(); ++i)
        b.children.push_back(criterion_of(items[i], where + name + std::to_string(i), depth + 1));
    };
    if (const auto* t = std::get_if<training_criterion>(&c.kind)) {
      b.what = bound_criterion::kind::training;
      b.course_matches = courses_matching(t->courses, t->kinds, t->topics, where + "/training");
      b.within = t->within;
      b.min_hours = t->min_hours;
    } else if (const auto* q = std::get_if<qualification_criterion>(&c.kind)) {
      b.what = bound_criterion::kind::qualification;
      bind_qualification(*q, where + "/qualification", b);
    } else if (const auto* all = std::get_if<all_of_criteria>(&c.kind)) {
      b.what = bound_criterion::kind::all_of;
      children(all->items, "/all_of/");
    } else if (const auto* any = std::get_if<any_of_criteria>(&c.kind)) {
      b.what = bound_criterion::kind::any_of;
      children(any->items, "/any_of/");
    } else if (const auto* neg = std::get_if<not_criterion>(&c.kind)) {
      b.what = bound_criterion::kind::negation;
      if (!neg->item.empty()) b.children.push_back(criterion_of(neg->item.front(), where + "/not", depth + 1));
    }
    return b;
  }

  void bind_qualification(const qualification_criterion& c, const std::string& q, bound_criterion& b) {
    const auto& kinds = r_.vocab(vocab::qualification_kinds);
    auto k = kinds.find(c.kind);
    if (!k || !kinds[*k].declared) {
      problems_.error("unknown_code", file_, q + "/kind", "unknown code '" + c.kind + "' in vocabulary 'qualification_kinds'");
      return;
    }
    b.qualification_kind = *k;
    b.code_vocabulary = c.kind;
    b.codes = terms(c.codes, c.kind, q + "/codes");
    b.fields = terms(c.fields, vocab::fields, q + "/fields");
    const auto* v = r_.vocabularies().find(c.kind);
    if (!v) return;
    b.rank_of.resize(v->size(), -1);
    for (std::size_t i = 0; i < v->size(); ++i) b.rank_of[i] = v->entries()[i].rank.value_or(-1);
    if (c.min_rank.empty()) return;
    auto t = v->find(c.min_rank);
    if (!t || !(*v)[*t].rank)
      problems_.error("unknown_code", file_, q + "/min_rank",
                      "'" + c.min_rank + "' is not a ranked code of vocabulary '" + c.kind + "'");
    else
      b.min_rank = *(*v)[*t].rank;
  }

  std::vector<bound_target> run() {
    std::vector<bound_target> out;
    if (!r_.find_unit(p_.issuer))
      problems_.error("dangling_reference", file_, "/issuer", "no unit '" + p_.issuer + "' in the registry");
    for (std::size_t i = 0; i < p_.targets.size(); ++i) {
      const auto& t = p_.targets[i];
      const std::string where = "/targets/" + std::to_string(i);
      bound_target b;
      b.source = &t;
      b.measure = t.measure();
      b.denominator = t.denominator();
      if (const auto* s = t.population()) b.population = selector_of(*s, where + "/population");
      if (const auto* c = t.criterion()) b.criterion = criterion_of(*c, where + "/criterion");
      if (const auto* count = t.as<activity_count>()) {
        const auto& f = count->filter;
        b.activity_courses = courses_matching(f.courses, f.kinds, f.topics, where + "/filter");
        b.count = count->count;
      }
      if (const auto* units = t.as<unit_coverage>()) {
        b.min_per_unit = units->min_per_unit;
        const auto& levels = r_.vocab(vocab::levels);
        auto l = levels.find(units->unit_level);
        if (!l || !levels[*l].declared)
          problems_.error("unknown_code", file_, where + "/unit_level",
                          "unknown code '" + units->unit_level + "' in vocabulary 'levels'");
        else
          b.unit_level = *l;
      }
      out.push_back(std::move(b));
    }
    return out;
  }

 private:
  const plan& p_;
  const registry& r_;
  problem_list& problems_;
  std::string file_;
};

}  // namespace

std::vector<bound_target> bind_plan(const plan& p, const registry& r, problem_list& problems,
                                    const std::string& file) {
  return binder(p, r, problems, file).run();
}

}  // namespace nangluc::detail
