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

  bound_selector selector_of(const selector& s, const std::string& where, int depth = 0) {
    if (!s.group.empty()) {
      auto it = p_.groups.find(s.group);
      if (it == p_.groups.end() || depth > 32) {
        problems_.error("unknown_group", file_, where, "no group named '" + s.group + "' in the plan");
        return {};
      }
      return selector_of(it->second, "/groups/" + s.group, depth + 1);
    }
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
    bound_criterion b;
    b.what = c.what;
    switch (c.what) {
      case criterion::kind::named: {
        auto it = p_.criteria.find(c.name);
        if (it == p_.criteria.end() || depth > 32) {
          problems_.error("unknown_criterion", file_, where, "no criterion named '" + c.name + "' in the plan");
          b.what = criterion::kind::any_of;  // matches nobody; the load fails anyway
          return b;
        }
        return criterion_of(it->second, "/criteria/" + c.name, depth + 1);
      }
      case criterion::kind::training:
        b.course_matches = courses_matching(c.courses, c.kinds, c.topics, where + "/training");
        b.within = c.within;
        b.min_hours = c.min_hours;
        break;
      case criterion::kind::qualification: {
        const std::string q = where + "/qualification";
        const auto& kinds = r_.vocab(vocab::qualification_kinds);
        auto k = kinds.find(c.qualification_kind);
        if (!k || !kinds[*k].declared) {
          problems_.error("unknown_code", file_, q + "/kind",
                          "unknown code '" + c.qualification_kind + "' in vocabulary 'qualification_kinds'");
          break;
        }
        b.qualification_kind = *k;
        b.code_vocabulary = c.qualification_kind;
        b.codes = terms(c.codes, c.qualification_kind, q + "/codes");
        b.fields = terms(c.fields, vocab::fields, q + "/fields");
        if (const auto* v = r_.vocabularies().find(c.qualification_kind)) {
          b.rank_of.resize(v->size(), -1);
          for (std::size_t i = 0; i < v->size(); ++i) b.rank_of[i] = v->entries()[i].rank.value_or(-1);
          if (!c.min_rank.empty()) {
            auto t = v->find(c.min_rank);
            if (!t || !(*v)[*t].rank)
              problems_.error("unknown_code", file_, q + "/min_rank",
                              "'" + c.min_rank + "' is not a ranked code of vocabulary '" + c.qualification_kind + "'");
            else
              b.min_rank = *(*v)[*t].rank;
          }
        }
        break;
      }
      case criterion::kind::all_of:
      case criterion::kind::any_of:
      case criterion::kind::negation: {
        const char* name = c.what == criterion::kind::all_of   ? "/all_of/"
                           : c.what == criterion::kind::any_of ? "/any_of/"
                                                                : "/not/";
        for (std::size_t i = 0; i < c.children.size(); ++i)
          b.children.push_back(criterion_of(c.children[i], where + name + std::to_string(i), depth + 1));
        break;
      }
    }
    return b;
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
      if (t.population) b.population = selector_of(*t.population, where + "/population");
      if (t.criterion) b.criterion = criterion_of(*t.criterion, where + "/criterion");
      if (t.measure == measure::activity_count)
        b.activity_courses = courses_matching(t.filter.courses, t.filter.kinds, t.filter.topics, where + "/filter");
      if (t.measure == measure::unit_coverage) {
        const auto& levels = r_.vocab(vocab::levels);
        auto l = levels.find(t.unit_level);
        if (!l || !levels[*l].declared)
          problems_.error("unknown_code", file_, where + "/unit_level",
                          "unknown code '" + t.unit_level + "' in vocabulary 'levels'");
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
