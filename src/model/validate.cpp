// Validation of registry data (model.md §5): every problem found, each located.

#include "model/validate.hpp"

#include "io/limits.hpp"
#include "model/record_fields.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <type_traits>

namespace nangluc::detail {
namespace {

class checker {
 public:
  checker(const registry_data& d, const source_map& where, problem_list& problems)
      : d_(d), where_(where), problems_(problems), read_errors_(problems.has_errors()) {}

  void run() {
    check_units();
    check_persons();
    check_assignments();
    check_qualifications();
    check_courses();
    check_sessions();
    check_enrollments();
    check_quotas();
  }

 private:
  void error(std::string_view list, std::size_t i, std::string_view field, std::string code,
             std::string message) {
    problems_.error(std::move(code), where_.file(list), where_.location(list, i, field),
                    std::move(message));
  }
  void warning(std::string_view list, std::size_t i, std::string_view field, std::string code,
               std::string message) {
    problems_.warning(std::move(code), where_.file(list), where_.location(list, i, field),
                      std::move(message));
  }

  // A term must be a declared code of its vocabulary; `required` terms must be present.
  void code(std::string_view list, std::size_t i, std::string_view field,
            std::string_view vocabulary_name, term t, bool required) {
    if (t.is_none()) {
      if (required && !read_errors_)
        error(list, i, field, "missing_field", "required field '" + std::string(field) + "' is missing");
      return;
    }
    const auto* v = vocabulary_named(vocabulary_name);
    if (!v || t.value >= v->size()) {
      error(list, i, field, "unknown_code",
            "code not in vocabulary '" + std::string(vocabulary_name) + "'");
      return;
    }
    const auto& e = v->entries()[t.value];
    if (e.code.size() > max_id_bytes) {
      error(list, i, field, "too_long", too_long_message("a code", e.code));
      return;
    }
    if (e.declared) return;
    // Past the error limit the message is dropped anyway: do not search for near codes.
    if (problems_.full()) {
      error(list, i, field, "unknown_code", {});
      return;
    }
    error(list, i, field, "unknown_code",
          "unknown code '" + e.code + "' in vocabulary '" + std::string(vocabulary_name) + "'" +
              nearest_text(*v, t));
  }

  // The vocabulary of a name, remembered by the name's address: the names come from the record
  // descriptions and vocabulary entries, a few distinct ones checked millions of times.
  const vocabulary* vocabulary_named(std::string_view name) {
    for (const auto& [n, v] : vocabulary_cache_)
      if (n.data() == name.data() && n.size() == name.size()) return v;
    const auto* v = d_.vocabularies.find(name);
    if (vocabulary_cache_.size() < 64) vocabulary_cache_.emplace_back(name, v);
    return v;
  }

  // "; nearest known codes: a, b, c", computed once per unknown code (a million records with
  // the same misspelt code cost one search of the vocabulary, not a million), and for the first
  // few unknown codes only: each search reads the whole vocabulary, which a file full of
  // distinct unknown codes makes as long as the file.
  const std::string& nearest_text(const vocabulary& v, term t) {
    static constexpr std::size_t searches = 20;
    auto [it, fresh] = nearest_.try_emplace({&v, t.value});
    if (fresh && nearest_.size() <= searches) {
      const auto near = v.nearest(v.entries()[t.value].code);
      if (!near.empty()) {
        it->second = "; nearest known codes:";
        for (std::size_t k = 0; k < near.size(); ++k) it->second += (k ? ", " : " ") + near[k];
      }
    }
    return it->second;
  }

  static std::string too_long_message(std::string_view what, std::string_view text) {
    return std::string(what) + " of " + std::to_string(text.size()) + " bytes is longer than the limit of " +
           std::to_string(max_id_bytes) + " bytes ('" + std::string(text.substr(0, 32)) + "…')";
  }

  // Ids longer than the limit are refused: they are mistakes, and they end up in messages.
  void id_length(std::string_view list, std::size_t i, const std::string& id) {
    if (id.size() > max_id_bytes) error(list, i, "id", "too_long", too_long_message("an id", id));
  }
  void codes(std::string_view list, std::size_t i, std::string_view field,
             std::string_view vocabulary_name, const std::vector<term>& ts) {
    for (std::size_t k = 0; k < ts.size(); ++k)
      code(list, i, std::string(field) + "/" + std::to_string(k), vocabulary_name, ts[k], false);
  }

  // A reference must name an existing record; `required` references must be present.
  template <class Ix, class List>
  bool ref(std::string_view list, std::size_t i, std::string_view field, Ix h, const List& target,
           std::string_view what, bool required) {
    if (h.is_none()) {
      if (required && !read_errors_)
        error(list, i, field, "missing_field", who(list, i) + ": required field '" + std::string(field) + "' is missing");
      return false;
    }
    if (h.value >= target.size()) {
      error(list, i, field, "dangling_reference",
            who(list, i) + " refers to " + std::string(what) + " #" + std::to_string(h.value) + ", which does not exist");
      return false;
    }
    return true;
  }

  // What each field of a record needs by its description (model/record_fields.hpp): required
  // fields given, ids within the length limit, codes in their vocabulary, references to
  // records that exist. `prefix` locates the fields of a part (`confers/`).
  template <class Rec>
  void check_fields(std::string_view list, std::size_t i, const Rec& rec) {
    for_each_field<Rec>([&](const auto& fd, std::size_t) { check_field(list, i, rec, fd, fd.name); });
  }
  // The fields of a part (`confers/`, `attendance/0/`): their names are built, records' are not.
  template <class Rec>
  void check_fields(std::string_view list, std::size_t i, const Rec& rec, const std::string& prefix) {
    for_each_field<Rec>([&](const auto& fd, std::size_t) { check_field(list, i, rec, fd, prefix + std::string(fd.name)); });
  }

  template <class Rec, class F>
  void check_field(std::string_view list, std::size_t i, const Rec& rec, const F& fd, std::string_view field) {
    const auto& v = fd.get(rec);
    using T = std::remove_cvref_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::vector<term>>) {
      if (fd.required && v.empty() && !read_errors_)
        error(list, i, field, "missing_field", who(list, i) + ": required field '" + std::string(field) + "' is missing");
      if constexpr (std::is_same_v<T, std::string>)
        if (fd.name == "id") id_length(list, i, v);
      if constexpr (std::is_same_v<T, std::vector<term>>) codes(list, i, field, fd.vocabulary, v);
    } else if constexpr (std::is_same_v<T, term>) {
      if (fd.role != field_role::code_of_kind) return code(list, i, field, fd.vocabulary, v, fd.required);
      if constexpr (requires { rec.kind; })
        if (const auto* kind = declared_kind(rec.kind)) code(list, i, field, kind->code, v, fd.required);
    } else if constexpr (std::is_same_v<T, day>) {
      if (fd.required && v == fd.absent && !read_errors_)
        error(list, i, field, "missing_field", who(list, i) + ": required field '" + std::string(field) + "' is missing");
    } else if constexpr (std::is_same_v<T, unit_ix>) {
      ref(list, i, field, v, d_.units, "unit", fd.required);
    } else if constexpr (std::is_same_v<T, person_ix>) {
      ref(list, i, field, v, d_.persons, "person", fd.required);
    } else if constexpr (std::is_same_v<T, course_ix>) {
      ref(list, i, field, v, d_.courses, "course", fd.required);
    } else if constexpr (std::is_same_v<T, session_ix>) {
      ref(list, i, field, v, d_.sessions, "session", fd.required);
    } else if constexpr (std::is_same_v<T, std::optional<conferral>>) {
      if (v) check_fields(list, i, *v, std::string(field) + "/");
    } else if constexpr (std::is_same_v<T, std::vector<headcount>>) {
      for (std::size_t k = 0; k < v.size(); ++k)
        check_fields(list, i, v[k], std::string(field) + "/" + std::to_string(k) + "/");
    }
  }

  // The entry of a qualification kind when the vocabulary declares it.
  const vocabulary_entry* declared_kind(term t) const {
    if (!kinds_ || t.is_none() || t.value >= kinds_->size() || !kinds_->entries()[t.value].declared) return nullptr;
    return &kinds_->entries()[t.value];
  }

  void range(std::string_view list, std::size_t i, std::string_view field, const day_range& r,
             std::string_view from_name, std::string_view to_name) {
    if (r.from != day_min && r.to != day_max && r.from > r.to)
      error(list, i, field, "bad_range",
            who(list, i) + ": " + std::string(from_name) + " " + format_day(r.from) + " is after " +
                std::string(to_name) + " " + format_day(r.to));
  }

  void not_negative(std::string_view list, std::size_t i, std::string_view field, double v) {
    if (v >= 0) return;
    const std::string shown = std::trunc(v) == v && std::fabs(v) < 9.0e15 ? std::to_string(static_cast<long long>(v))
                                                                          : std::to_string(v);
    error(list, i, field, "negative_value",
          who(list, i) + ": '" + std::string(field) + "' must not be negative, not " + shown);
  }

  // The record a problem is about, by its id or its key: "session 'S1'", "quota of unit '12'".
  std::string who(std::string_view list, std::size_t i) const {
    auto id = [](const auto& records, auto h) {
      return h.is_none() || h.value >= records.size() ? std::string("?") : "'" + records[h.value].id + "'";
    };
    if (list == "units") return "unit '" + d_.units[i].id + "'";
    if (list == "persons") return "person '" + d_.persons[i].id + "'";
    if (list == "courses") return "course '" + d_.courses[i].id + "'";
    if (list == "sessions") return "session '" + d_.sessions[i].id + "'";
    if (list == "assignments") return "the assignment of person " + id(d_.persons, d_.assignments[i].person) +
                                      " at unit " + id(d_.units, d_.assignments[i].unit);
    if (list == "qualifications") return "a qualification of person " + id(d_.persons, d_.qualifications[i].person);
    if (list == "enrollments") return "the enrollment of person " + id(d_.persons, d_.enrollments[i].person) +
                                      " in session " + id(d_.sessions, d_.enrollments[i].session);
    return "the quota of unit " + id(d_.units, d_.quotas[i].unit);
  }

  std::string uid(unit_ix u) const { return "'" + d_.units[u.value].id + "'"; }

  int level_depth(term level) const {
    const auto* v = d_.vocabularies.find(vocab::levels);
    if (!v || level.is_none() || level.value >= v->size()) return -1;
    return v->entries()[level.value].depth.value_or(-1);
  }

  void check_units() {
    const auto& units = d_.units;
    const std::string_view L = "units";
    for (std::size_t i = 0; i < units.size(); ++i) {
      const auto& u = units[i];
      check_fields(L, i, u);
      range(L, i, "valid_from", u.valid, "valid_from", "valid_to");
      if (u.successor.value == i) error(L, i, "successor", "cycle", "a unit cannot be its own successor");
      for (std::size_t k = 0; k < u.parents.size(); ++k) {
        const auto& link = u.parents[k];
        const std::string field = u.parents_over_time ? "parents/" + std::to_string(k) : "parent";
        range(L, i, field, link.when, "from", "to");
        if (!ref(L, i, u.parents_over_time ? field + "/unit" : field, link.unit, units, "unit", true))
          continue;
        if (link.unit.value == i) {
          error(L, i, field, "cycle", "unit '" + u.id + "' cannot be its own parent");
          continue;
        }
        const auto& p = units[link.unit.value];
        // The parent must exist whenever the child hangs under it.
        const day_range span{std::max(link.when.from, u.valid.from), std::min(link.when.to, u.valid.to)};
        if (span.from <= span.to && !(p.valid.from <= span.from && span.to <= p.valid.to))
          error(L, i, field, "parent_not_valid",
                "parent " + uid(link.unit) + " does not exist over the whole time unit '" + u.id +
                    "' hangs under it");
        const int dc = level_depth(u.level), dp = level_depth(p.level);
        if (dc >= 0 && dp >= 0 && dc <= dp && link.unit.value != i)
          error(L, i, field, "level_order",
                "unit '" + u.id + "' must be at a deeper level than its parent " + uid(link.unit));
      }
    }
    check_cycles();
  }

  // Cycles among parent links and among successors (iterative colouring over all time).
  void check_cycles() {
    const auto n = d_.units.size();
    auto run = [&](auto next_of, std::string_view field, std::string_view relation) {
      std::vector<std::uint8_t> colour(n, 0);  // 0 new, 1 on the current path, 2 done
      std::vector<std::size_t> depth_of(n, 0);  // a unit's position on the path while colour 1
      for (std::size_t s = 0; s < n; ++s) {
        if (colour[s]) continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack{{s, 0}};
        colour[s] = 1;
        while (!stack.empty()) {
          auto& [u, k] = stack.back();
          const auto next = next_of(u);
          if (k < next.size()) {
            const std::size_t v = next[k++];
            if (v >= n) continue;
            if (colour[v] == 1) {
              error("units", v, field, "cycle",
                    std::string(relation) + " form a cycle: " + cycle_path(stack, depth_of[v], v));
            } else if (colour[v] == 0) {
              colour[v] = 1;
              depth_of[v] = stack.size();
              stack.emplace_back(v, 0);
            }
          } else {
            colour[u] = 2;
            stack.pop_back();
          }
        }
      }
    };
    run(
        [&](std::size_t u) {
          std::vector<std::size_t> out;
          for (const auto& l : d_.units[u].parents)
            if (!l.unit.is_none() && l.unit.value != u) out.push_back(l.unit.value);
          return out;
        },
        "parent", "parent links");
    run(
        [&](std::size_t u) {
          std::vector<std::size_t> out;
          const auto s = d_.units[u].successor;
          if (!s.is_none() && s.value != u) out.push_back(s.value);
          return out;
        },
        "successor", "successors");
  }

  // The units of a cycle found on the path `stack` from position `from`, closing on `v`. A
  // long cycle is shortened, so that a chain of 100,000 units with many links back to its top
  // does not cost 100,000 names per error.
  std::string cycle_path(const std::vector<std::pair<std::size_t, std::size_t>>& stack, std::size_t from,
                         std::size_t v) const {
    if (problems_.full()) return {};  // the message would be dropped
    constexpr std::size_t shown = 8;
    const std::size_t length = stack.size() - from;
    std::string path;
    for (std::size_t p = from; p < stack.size(); ++p) {
      if (length > 2 * shown && p == from + shown) {
        path += "… (" + std::to_string(length - 2 * shown) + " more) -> ";
        p = stack.size() - shown;
      }
      path += "'" + d_.units[stack[p].first].id + "' -> ";
    }
    return path + "'" + d_.units[v].id + "'";
  }

  void check_persons() {
    for (std::size_t i = 0; i < d_.persons.size(); ++i) {
      const auto& p = d_.persons[i];
      check_fields("persons", i, p);
    }
  }

  void check_assignments() {
    const std::string_view L = "assignments";
    const auto& as = d_.assignments;
    for (std::size_t i = 0; i < as.size(); ++i) {
      const auto& a = as[i];
      check_fields(L, i, a);
      const bool unit_ok = !a.unit.is_none() && a.unit.value < d_.units.size();
      range(L, i, "start", a.when, "start", "end");
      if (unit_ok) {
        const auto& u = d_.units[a.unit.value];
        if (u.valid.to != day_max && a.when.to > u.valid.to && u.successor.is_none())
          warning(L, i, "unit", "ended_unit_without_successor",
                  "post at unit '" + u.id + "', which ended on " + format_day(u.valid.to) +
                      " with no successor: it is left out of evaluations after that date");
      }
    }
    // The same person in the same post (unit, employer, category, sector) twice at once.
    std::vector<std::uint32_t> order(as.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    auto post_key = [&](std::uint32_t i) {
      const auto& a = as[i];
      return std::tuple(a.person.value, a.unit.value, a.employer.value, a.category.value, a.sector.value);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      const auto kx = post_key(x), ky = post_key(y);
      return kx != ky ? kx < ky : as[x].when.from < as[y].when.from;
    });
    // Sorted by key then start: a post overlaps an earlier one of its key exactly when it
    // starts before the latest end seen so far in that key.
    std::size_t latest = 0;  // position in `order` of the latest-ending post of the current key
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (post_key(order[k]) != post_key(order[k - 1])) {
        latest = k;
        continue;
      }
      const auto& cur = as[order[k]];
      if (!cur.person.is_none() && cur.when.from <= as[order[latest]].when.to)
        error(L, order[k], "start", "overlapping_assignment",
              who(L, order[k]) + " overlaps assignment " + where_.location(L, order[latest], "") +
                  " of the same person in the same post");
      if (cur.when.to > as[order[latest]].when.to) latest = k;
    }
  }

  void check_qualifications() {
    const std::string_view L = "qualifications";
    for (std::size_t i = 0; i < d_.qualifications.size(); ++i) {
      const auto& q = d_.qualifications[i];
      check_fields(L, i, q);
      if (q.awarded != day_min && q.expires != day_max && q.awarded > q.expires)
        warning(L, i, "expires", "awarded_after_expiry",
                "awarded " + format_day(q.awarded) + " after it expires " + format_day(q.expires));
    }
  }

  void check_courses() {
    const std::string_view L = "courses";
    for (std::size_t i = 0; i < d_.courses.size(); ++i) {
      const auto& c = d_.courses[i];
      check_fields(L, i, c);
      if (c.hours) not_negative(L, i, "hours", *c.hours);
    }
  }

  void check_sessions() {
    const std::string_view L = "sessions";
    for (std::size_t i = 0; i < d_.sessions.size(); ++i) {
      const auto& s = d_.sessions[i];
      check_fields(L, i, s);
      range(L, i, "start", s.when, "start", "end");
      if (s.capacity) not_negative(L, i, "capacity", static_cast<double>(*s.capacity));
      if (s.cost_vnd) not_negative(L, i, "cost_vnd", static_cast<double>(*s.cost_vnd));
      for (std::size_t k = 0; k < s.attendance.size(); ++k) {
        const std::string f = "attendance/" + std::to_string(k);
        not_negative(L, i, f + "/count", static_cast<double>(s.attendance[k].count));
      }
    }
  }

  void check_enrollments() {
    const std::string_view L = "enrollments";
    // Posts per person, to warn of completions outside any post without an index.
    std::vector<std::uint32_t> first(d_.persons.size() + 1, 0);
    for (const auto& a : d_.assignments)
      if (!a.person.is_none() && a.person.value < d_.persons.size()) ++first[a.person.value + 1];
    for (std::size_t p = 0; p < d_.persons.size(); ++p) first[p + 1] += first[p];
    std::vector<day_range> posts(first.back());
    {
      std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
      for (const auto& a : d_.assignments)
        if (!a.person.is_none() && a.person.value < d_.persons.size()) posts[next[a.person.value]++] = a.when;
    }
    for (std::size_t i = 0; i < d_.enrollments.size(); ++i) {
      const auto& e = d_.enrollments[i];
      check_fields(L, i, e);
      const bool person_ok = !e.person.is_none() && e.person.value < d_.persons.size();
      const bool session_ok = !e.session.is_none() && e.session.value < d_.sessions.size();
      if (!person_ok || !session_ok || e.status != enrollment_status::completed) continue;
      const day done = e.completed_on != day_min ? e.completed_on : d_.sessions[e.session.value].when.to;
      bool in_post = false;
      for (auto k = first[e.person.value]; k < first[e.person.value + 1] && !in_post; ++k)
        in_post = posts[k].contains(done);
      if (!in_post)
        warning(L, i, "", "completion_without_post",
                "person '" + d_.persons[e.person.value].id + "' completed training on " +
                    format_day(done) + " while holding no post");
    }
  }

  void check_quotas() {
    const std::string_view L = "quotas";
    for (std::size_t i = 0; i < d_.quotas.size(); ++i) {
      const auto& q = d_.quotas[i];
      check_fields(L, i, q);
      not_negative(L, i, "count", static_cast<double>(q.count));
      range(L, i, "from", q.when, "from", "to");
    }
  }

  const registry_data& d_;
  const source_map& where_;
  problem_list& problems_;
  bool read_errors_;
  std::map<std::pair<const vocabulary*, std::uint32_t>, std::string> nearest_;
  const vocabulary* kinds_ = d_.vocabularies.find(vocab::qualification_kinds);
  std::vector<std::pair<std::string_view, const vocabulary*>> vocabulary_cache_;
};

}  // namespace

void validate(const registry_data& data, const source_map& where, problem_list& problems) {
  checker(data, where, problems).run();
}

}  // namespace nangluc::detail
