// The model as Python objects: a Registry with its record lists (registry.units["LC"],
// registry.persons[0]…) and the queries as of a date. Records are light views that keep their
// registry alive; codes and ids come out as str, dates as datetime.date (None: open end).
#include "common.hpp"

#include <nangluc/registry.hpp>

#include <pybind11/stl.h>

namespace nangluc::python {

namespace {

using registry_holder = std::shared_ptr<registry>;

/// A record of a registry seen from Python: the registry (kept alive) and the index.
template <class Record>
struct view {
  registry_ptr reg;
  std::uint32_t ix = 0;
  [[nodiscard]] const Record& rec() const;
};
template <> const unit& view<unit>::rec() const { return reg->units()[ix]; }
template <> const person& view<person>::rec() const { return reg->persons()[ix]; }
template <> const assignment& view<assignment>::rec() const { return reg->assignments()[ix]; }
template <> const qualification& view<qualification>::rec() const { return reg->qualifications()[ix]; }
template <> const course& view<course>::rec() const { return reg->courses()[ix]; }
template <> const session& view<session>::rec() const { return reg->sessions()[ix]; }
template <> const enrollment& view<enrollment>::rec() const { return reg->enrollments()[ix]; }
template <> const quota& view<quota>::rec() const { return reg->quotas()[ix]; }

template <class Record> std::size_t list_size(const registry& r);
template <> std::size_t list_size<unit>(const registry& r) { return r.units().size(); }
template <> std::size_t list_size<person>(const registry& r) { return r.persons().size(); }
template <> std::size_t list_size<assignment>(const registry& r) { return r.assignments().size(); }
template <> std::size_t list_size<qualification>(const registry& r) { return r.qualifications().size(); }
template <> std::size_t list_size<course>(const registry& r) { return r.courses().size(); }
template <> std::size_t list_size<session>(const registry& r) { return r.sessions().size(); }
template <> std::size_t list_size<enrollment>(const registry& r) { return r.enrollments().size(); }
template <> std::size_t list_size<quota>(const registry& r) { return r.quotas().size(); }

/// Index of a record by id, for the lists that have ids.
template <class Record> std::optional<std::uint32_t> find_id(const registry&, std::string_view) { return std::nullopt; }
template <> std::optional<std::uint32_t> find_id<unit>(const registry& r, std::string_view id) {
  if (auto u = r.find_unit(id)) return u->value;
  return std::nullopt;
}
template <> std::optional<std::uint32_t> find_id<person>(const registry& r, std::string_view id) {
  if (auto p = r.find_person(id)) return p->value;
  return std::nullopt;
}
template <> std::optional<std::uint32_t> find_id<course>(const registry& r, std::string_view id) {
  if (auto c = r.find_course(id)) return c->value;
  return std::nullopt;
}
template <> std::optional<std::uint32_t> find_id<session>(const registry& r, std::string_view id) {
  if (auto s = r.find_session(id)) return s->value;
  return std::nullopt;
}

/// One list of a registry, as a read-only sequence (and mapping by id where records have ids).
template <class Record>
struct record_list {
  registry_ptr reg;
};
template <class Record>
struct record_iterator {
  registry_ptr reg;
  std::uint32_t next = 0;
};

template <class Record>
void bind_list(py::module_& m, const char* name, const char* item_name, bool by_id) {
  using list = record_list<Record>;
  using iter = record_iterator<Record>;
  py::class_<iter>(m, (std::string(name) + "Iterator").c_str())
      .def("__iter__", [](iter& it) -> iter& { return it; })
      .def("__next__", [](iter& it) {
        if (it.next >= list_size<Record>(*it.reg)) throw py::stop_iteration();
        return view<Record>{it.reg, it.next++};
      });
  auto cls = py::class_<list>(m, name, (std::string("The ") + item_name + " of a registry: a read-only sequence" +
                                        (by_id ? ", also indexed by id." : ".")).c_str())
      .def("__len__", [](const list& l) { return list_size<Record>(*l.reg); })
      .def("__iter__", [](const list& l) { return iter{l.reg, 0}; })
      .def("__getitem__", [](const list& l, std::int64_t i) {
        const auto n = static_cast<std::int64_t>(list_size<Record>(*l.reg));
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw py::index_error("index out of range");
        return view<Record>{l.reg, static_cast<std::uint32_t>(i)};
      })
      .def("__repr__", [name](const list& l) {
        return std::string("<nangluc.") + name + " " + std::to_string(list_size<Record>(*l.reg)) + ">";
      });
  if (by_id) {
    cls.def("__getitem__", [](const list& l, std::string_view id) {
          const auto ix = find_id<Record>(*l.reg, id);
          if (!ix) throw py::key_error(std::string(id));
          return view<Record>{l.reg, *ix};
        })
        .def("__contains__", [](const list& l, std::string_view id) { return find_id<Record>(*l.reg, id).has_value(); })
        .def("get", [](const list& l, std::string_view id) -> std::optional<view<Record>> {
          const auto ix = find_id<Record>(*l.reg, id);
          if (!ix) return std::nullopt;
          return view<Record>{l.reg, *ix};
        }, py::arg("id"), "The record with this id, or None.");
  }
}

std::vector<std::string> codes(const registry& r, std::string_view vocabulary, const std::vector<term>& terms) {
  std::vector<std::string> out;
  out.reserve(terms.size());
  for (term t : terms) out.push_back(r.vocab(vocabulary).code(t));
  return out;
}

std::optional<std::string> sex_code(sex s) {
  if (s == sex::unknown) return std::nullopt;
  return std::string(1, static_cast<char>(s));
}

unit_ix unit_of(const registry& r, std::string_view id) { return r.unit_at(id); }
person_ix person_of(const registry& r, std::string_view id) { return r.person_at(id); }

/// A qualification held on a date, as Python sees it.
py::dict held_dict(const registry& r, const held_qualification& h) {
  py::dict d;
  const auto kind = code_of(r, vocab::qualification_kinds, h.kind);
  d["kind"] = kind;
  // The code lives in the vocabulary the kind names (education, certificates, …).
  d["code"] = kind && r.vocabularies().find(*kind) ? code_of(r, *kind, h.code) : std::nullopt;
  d["field"] = code_of(r, vocab::fields, h.field);
  d["awarded"] = to_optional_date(h.awarded);
  d["expires"] = to_optional_date(h.expires);
  d["conferred_by_session"] = h.conferred_by.is_none()
                                  ? std::nullopt
                                  : std::optional<std::string>(r.sessions()[r[h.conferred_by].session.value].id);
  return d;
}

}  // namespace

void register_model(py::module_& m) {
  using U = view<unit>;
  py::class_<U>(m, "Unit", "An administrative unit or facility (units[] of model.md).")
      .def_property_readonly("id", [](const U& v) { return v.rec().id; })
      .def_property_readonly("name", [](const U& v) { return v.rec().name; })
      .def_property_readonly("level", [](const U& v) { return code_of(*v.reg, vocab::levels, v.rec().level); })
      .def_property_readonly("kind", [](const U& v) { return code_of(*v.reg, vocab::unit_kinds, v.rec().kind); })
      .def_property_readonly("valid_from", [](const U& v) { return to_optional_date(v.rec().valid.from); })
      .def_property_readonly("valid_to", [](const U& v) { return to_optional_date(v.rec().valid.to); })
      .def_property_readonly("successor", [](const U& v) { return unit_id(*v.reg, v.rec().successor); })
      .def_property_readonly("parents", [](const U& v) {
            py::list out;
            for (const auto& l : v.rec().parents)
              out.append(py::make_tuple(unit_id(*v.reg, l.unit), to_optional_date(l.when.from), to_optional_date(l.when.to)));
            return out;
          }, "(parent id, from, to) for each period of the unit's parent.")
      .def("parent", [](const U& v, const date& on) { return unit_id(*v.reg, v.reg->parent(unit_ix{v.ix}, on)); },
           py::arg("on"), "The parent's id on a date, or None.")
      .def("is_valid", [](const U& v, const date& on) { return v.rec().is_valid_at(to_day(on)); }, py::arg("on"))
      .def("__repr__", [](const U& v) {
        return "<nangluc.Unit " + v.rec().id + " " + v.rec().name + " (" +
               code_of(*v.reg, vocab::levels, v.rec().level).value_or("?") + ")>";
      });

  using P = view<person>;
  py::class_<P>(m, "Person", "A person of the workforce (persons[]).")
      .def_property_readonly("id", [](const P& v) { return v.rec().id; })
      .def_property_readonly("name", [](const P& v) { return v.rec().name; })
      .def_property_readonly("sex", [](const P& v) { return sex_code(v.rec().sex); }, "'F', 'M', 'X' or None.")
      .def_property_readonly("birth_date", [](const P& v) { return to_optional_date(v.rec().birth_date); })
      .def_property_readonly("ethnicity", [](const P& v) { return code_of(*v.reg, vocab::ethnicities, v.rec().ethnicity); })
      .def_property_readonly("external_ids", [](const P& v) {
        py::dict d;
        for (const auto& [k, val] : v.rec().external_ids) d[py::str(k)] = val;
        return d;
      })
      .def("__repr__", [](const P& v) { return "<nangluc.Person " + v.rec().id + " " + v.rec().name + ">"; });

  using A = view<assignment>;
  py::class_<A>(m, "Assignment", "A post: a person in a unit over a period (assignments[]).")
      .def_property_readonly("person", [](const A& v) { return v.reg->persons()[v.rec().person.value].id; })
      .def_property_readonly("unit", [](const A& v) { return unit_id(*v.reg, v.rec().unit); })
      .def_property_readonly("employer", [](const A& v) { return unit_id(*v.reg, v.rec().employer); })
      .def_property_readonly("category", [](const A& v) { return code_of(*v.reg, vocab::categories, v.rec().category); })
      .def_property_readonly("roles", [](const A& v) { return codes(*v.reg, vocab::roles, v.rec().roles); })
      .def_property_readonly("sector", [](const A& v) { return code_of(*v.reg, vocab::sectors, v.rec().sector); })
      .def_property_readonly("start", [](const A& v) { return to_optional_date(v.rec().when.from); })
      .def_property_readonly("end", [](const A& v) { return to_optional_date(v.rec().when.to); })
      .def("is_active", [](const A& v, const date& on) { return v.rec().is_active_at(to_day(on)); }, py::arg("on"))
      .def("__repr__", [](const A& v) {
        return "<nangluc.Assignment " + v.reg->persons()[v.rec().person.value].id + " at " +
               unit_id(*v.reg, v.rec().unit).value_or("?") + ">";
      });

  using Q = view<qualification>;
  py::class_<Q>(m, "Qualification", "A recorded degree, title or certificate (qualifications[]).")
      .def_property_readonly("person", [](const Q& v) { return v.reg->persons()[v.rec().person.value].id; })
      .def_property_readonly("kind", [](const Q& v) { return code_of(*v.reg, vocab::qualification_kinds, v.rec().kind); })
      .def_property_readonly("code", [](const Q& v) -> std::optional<std::string> {
        const auto kind = code_of(*v.reg, vocab::qualification_kinds, v.rec().kind);
        if (!kind || !v.reg->vocabularies().find(*kind)) return std::nullopt;
        return code_of(*v.reg, *kind, v.rec().code);
      })
      .def_property_readonly("field", [](const Q& v) { return code_of(*v.reg, vocab::fields, v.rec().field); })
      .def_property_readonly("awarded", [](const Q& v) { return to_optional_date(v.rec().awarded); })
      .def_property_readonly("expires", [](const Q& v) { return to_optional_date(v.rec().expires); })
      .def_property_readonly("issuer", [](const Q& v) { return v.rec().issuer; })
      .def("__repr__", [](const Q& v) {
        return "<nangluc.Qualification of " + v.reg->persons()[v.rec().person.value].id + ">";
      });

  using C = view<course>;
  py::class_<C>(m, "Course", "A catalogue entry (courses[]).")
      .def_property_readonly("id", [](const C& v) { return v.rec().id; })
      .def_property_readonly("title", [](const C& v) { return v.rec().title; })
      .def_property_readonly("kind", [](const C& v) { return code_of(*v.reg, vocab::training_kinds, v.rec().kind); })
      .def_property_readonly("topics", [](const C& v) { return codes(*v.reg, vocab::topics, v.rec().topics); })
      .def_property_readonly("hours", [](const C& v) { return v.rec().hours; })
      .def_property_readonly("confers", [](const C& v) -> std::optional<py::dict> {
        const auto& c = v.rec().confers;
        if (!c) return std::nullopt;
        py::dict d;
        const auto kind = code_of(*v.reg, vocab::qualification_kinds, c->kind);
        d["kind"] = kind;
        d["code"] = kind && v.reg->vocabularies().find(*kind) ? code_of(*v.reg, *kind, c->code) : std::nullopt;
        d["valid_for"] = c->valid_for ? std::optional<std::string>(format_period(*c->valid_for)) : std::nullopt;
        return d;
      }, "{'kind', 'code', 'valid_for'} of the qualification completing it grants, or None.")
      .def("__repr__", [](const C& v) { return "<nangluc.Course " + v.rec().id + " " + v.rec().title + ">"; });

  using S = view<session>;
  py::class_<S>(m, "Session", "One class of a course (sessions[]).")
      .def_property_readonly("id", [](const S& v) { return v.rec().id; })
      .def_property_readonly("course", [](const S& v) { return v.reg->courses()[v.rec().course.value].id; })
      .def_property_readonly("start", [](const S& v) { return to_optional_date(v.rec().when.from); })
      .def_property_readonly("end", [](const S& v) { return to_optional_date(v.rec().when.to); })
      .def_property_readonly("organizer", [](const S& v) { return unit_id(*v.reg, v.rec().organizer); })
      .def_property_readonly("location", [](const S& v) { return v.rec().location; })
      .def_property_readonly("capacity", [](const S& v) { return v.rec().capacity; })
      .def_property_readonly("cost_vnd", [](const S& v) { return v.rec().cost_vnd; })
      .def_property_readonly("funding", [](const S& v) { return code_of(*v.reg, vocab::funding_sources, v.rec().funding); })
      .def_property_readonly("attendance", [](const S& v) {
        py::list out;
        for (const auto& h : v.rec().attendance) {
          py::dict d;
          d["category"] = code_of(*v.reg, vocab::categories, h.category);
          d["sex"] = sex_code(h.sex);
          d["count"] = h.count;
          out.append(d);
        }
        return out;
      }, "Head-counts: [{'category', 'sex', 'count'}].")
      .def("__repr__", [](const S& v) { return "<nangluc.Session " + v.rec().id + ">"; });

  using E = view<enrollment>;
  py::class_<E>(m, "Enrollment", "A person in a session (enrollments[]).")
      .def_property_readonly("person", [](const E& v) { return v.reg->persons()[v.rec().person.value].id; })
      .def_property_readonly("session", [](const E& v) { return v.reg->sessions()[v.rec().session.value].id; })
      .def_property_readonly("status", [](const E& v) { return std::string(to_string(v.rec().status)); })
      .def_property_readonly("completed_on", [](const E& v) { return to_optional_date(v.rec().completed_on); })
      .def_property_readonly("score", [](const E& v) -> std::optional<double> {
        if (!v.rec().has_score()) return std::nullopt;
        return v.rec().score;
      })
      .def("__repr__", [](const E& v) {
        return "<nangluc.Enrollment " + v.reg->persons()[v.rec().person.value].id + " in " +
               v.reg->sessions()[v.rec().session.value].id + ">";
      });

  using Qt = view<quota>;
  py::class_<Qt>(m, "Quota", "A staffing quota (biên chế giao) of a unit (quotas[]).")
      .def_property_readonly("unit", [](const Qt& v) { return unit_id(*v.reg, v.rec().unit); })
      .def_property_readonly("category", [](const Qt& v) { return code_of(*v.reg, vocab::categories, v.rec().category); })
      .def_property_readonly("roles", [](const Qt& v) { return codes(*v.reg, vocab::roles, v.rec().roles); })
      .def_property_readonly("sector", [](const Qt& v) { return code_of(*v.reg, vocab::sectors, v.rec().sector); })
      .def_property_readonly("count", [](const Qt& v) { return v.rec().count; })
      .def_property_readonly("start", [](const Qt& v) { return to_optional_date(v.rec().when.from); })
      .def_property_readonly("end", [](const Qt& v) { return to_optional_date(v.rec().when.to); })
      .def("__repr__", [](const Qt& v) {
        return "<nangluc.Quota " + unit_id(*v.reg, v.rec().unit).value_or("?") + " " + std::to_string(v.rec().count) + ">";
      });

  bind_list<unit>(m, "Units", "units", true);
  bind_list<person>(m, "Persons", "persons", true);
  bind_list<assignment>(m, "Assignments", "assignments", false);
  bind_list<qualification>(m, "Qualifications", "qualifications", false);
  bind_list<course>(m, "Courses", "courses", true);
  bind_list<session>(m, "Sessions", "sessions", true);
  bind_list<enrollment>(m, "Enrollments", "enrollments", false);
  bind_list<quota>(m, "Quotas", "quotas", false);

  py::class_<registry, registry_holder>(m, "Registry",
      "A validated registry: units, persons, posts, qualifications, courses, sessions, enrollments "
      "and quotas. Immutable. Load one with load_registry(), read_registry_json(), "
      "Registry.from_frames() or generate().")
      .def_property_readonly("profile", &registry::profile)
      .def_property_readonly("vocabularies", &registry::vocabularies, py::return_value_policy::reference_internal)
      .def_property_readonly("warnings", &registry::warnings, "Problems of severity 'warning' found on load.")
      .def_property_readonly("units", [](registry_holder r) { return record_list<unit>{r}; })
      .def_property_readonly("persons", [](registry_holder r) { return record_list<person>{r}; })
      .def_property_readonly("assignments", [](registry_holder r) { return record_list<assignment>{r}; })
      .def_property_readonly("qualifications", [](registry_holder r) { return record_list<qualification>{r}; })
      .def_property_readonly("courses", [](registry_holder r) { return record_list<course>{r}; })
      .def_property_readonly("sessions", [](registry_holder r) { return record_list<session>{r}; })
      .def_property_readonly("enrollments", [](registry_holder r) { return record_list<enrollment>{r}; })
      .def_property_readonly("quotas", [](registry_holder r) { return record_list<quota>{r}; })
      .def_property_readonly("counts", [](const registry& r) {
        py::dict d;
        d["units"] = r.units().size();
        d["persons"] = r.persons().size();
        d["assignments"] = r.assignments().size();
        d["qualifications"] = r.qualifications().size();
        d["courses"] = r.courses().size();
        d["sessions"] = r.sessions().size();
        d["enrollments"] = r.enrollments().size();
        d["quotas"] = r.quotas().size();
        return d;
      }, "Number of records in each list.")
      // ---- the tree as of a date
      .def("parent", [](const registry& r, std::string_view u, const date& on) {
            return unit_id(r, r.parent(unit_of(r, u), on));
          }, py::arg("unit"), py::arg("on"), "The unit's parent on a date (None for a root or when not valid).")
      .def("ancestors", [](const registry& r, std::string_view u, const date& on) {
            std::vector<std::string> out;
            for (unit_ix a : r.ancestors(unit_of(r, u), on)) out.push_back(r[a].id);
            return out;
          }, py::arg("unit"), py::arg("on"), "Parent, grandparent, … up to the root (nearest first).")
      .def("subtree", [](const registry& r, std::string_view u, const date& on) {
            std::vector<std::string> out;
            for (unit_ix a : r.subtree(unit_of(r, u), on)) out.push_back(r[a].id);
            return out;
          }, py::arg("unit"), py::arg("on"), "The unit and every unit under it on a date, in preorder.")
      .def("resolve", [](const registry& r, std::string_view u, const date& on) {
            return unit_id(r, r.resolve(unit_of(r, u), on));
          }, py::arg("unit"), py::arg("on"),
          "The unit that stands for `unit` on a date: itself, or its successor once it has ended.")
      .def("level", [](const registry& r, std::string_view u) {
            return code_of(r, vocab::levels, r[unit_of(r, u)].level);
          }, py::arg("unit"))
      // ---- a person as of a date
      .def("active_assignments", [](registry_holder r, std::string_view p, const date& on) {
            std::vector<view<assignment>> out;
            for (auto a : r->active_assignments(person_of(*r, p), on)) out.push_back({r, a.value});
            return out;
          }, py::arg("person"), py::arg("on"), "The person's posts active on a date.")
      .def("qualifications_held", [](const registry& r, std::string_view p, const date& on) {
            py::list out;
            for (const auto& h : r.qualifications_held(person_of(r, p), on)) out.append(held_dict(r, h));
            return out;
          }, py::arg("person"), py::arg("on"),
          "Every qualification held on a date, recorded or conferred by a completed course: "
          "[{'kind', 'code', 'field', 'awarded', 'expires', 'conferred_by_session'}].")
      .def("highest_education", [](const registry& r, std::string_view p, const date& on) -> std::optional<py::dict> {
            const auto h = r.highest_education(person_of(r, p), to_day(on));
            if (!h) return std::nullopt;
            return held_dict(r, *h);
          }, py::arg("person"), py::arg("on"), "The held education qualification of greatest rank, or None.")
      .def("__repr__", [](const registry& r) {
        return "<nangluc.Registry " + r.profile() + ": " + std::to_string(r.units().size()) + " units, " +
               std::to_string(r.persons().size()) + " persons, " + std::to_string(r.assignments().size()) +
               " assignments, " + std::to_string(r.enrollments().size()) + " enrollments, " +
               std::to_string(r.warnings().size()) + " warnings>";
      });
}

}  // namespace nangluc::python
