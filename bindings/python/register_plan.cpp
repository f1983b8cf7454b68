// Plans from Python: read and write `nangluc/plan@1`, and look at phases, targets and
// milestones. Plans are immutable here; build a new one from JSON (or a dict) to change it.
#include "common.hpp"

#include <nangluc/io.hpp>
#include <nangluc/plan.hpp>

namespace nangluc::python {

namespace {

using plan_holder = std::shared_ptr<plan>;

/// A target seen from Python: the plan (kept alive) and the target's position.
struct target_view {
  plan_ptr p;
  std::size_t ix = 0;
  [[nodiscard]] const target& t() const { return p->targets[ix]; }
};

std::string_view milestone_kind(milestone::kind k) {
  switch (k) {
    case milestone::kind::phase: return "phase";
    case milestone::kind::window: return "window";
    case milestone::kind::by: return "by";
  }
  return "phase";
}

}  // namespace

void register_plan(py::module_& m) {
  py::class_<target_view>(m, "Target", "One target of a plan (evaluation.md §3).")
      .def_property_readonly("id", [](const target_view& v) { return v.t().id; })
      .def_property_readonly("title", [](const target_view& v) { return v.t().title.in("vi"); },
                             "The title in Vietnamese (title_en: in English).")
      .def_property_readonly("title_en", [](const target_view& v) { return v.t().title.in("en"); })
      .def_property_readonly("measure", [](const target_view& v) { return std::string(to_string(v.t().measure())); })
      .def_property_readonly("milestones", [](const target_view& v) {
            py::list out;
            for (const auto& ms : v.t().milestones) {
              const auto w = milestone_window(*v.p, ms);
              py::dict d;
              d["kind"] = milestone_kind(ms.what);
              d["phase"] = ms.phase.empty() ? std::nullopt : std::optional<std::string>(ms.phase);
              d["start"] = to_optional_date(w.from);
              d["due"] = to_optional_date(w.to);
              d["threshold"] = threshold_dict(ms.threshold);
              out.append(d);
            }
            return out;
          }, "[{'kind', 'phase', 'start', 'due', 'threshold'}] in the plan's order.")
      .def_property_readonly("years", [](const target_view& v) {
            const auto* annual = v.t().as<annual_person_coverage>();
            return annual ? annual->years : std::vector<int>{};
          },
                             "annual_person_coverage: the years evaluated (empty: every year of the period).")
      .def("__repr__", [](const target_view& v) {
        return "<nangluc.Target " + v.t().id + " (" + std::string(to_string(v.t().measure())) + "): " + v.t().title.in("vi") + ">";
      });

  py::class_<plan, plan_holder>(m, "Plan",
      "A training plan (`nangluc/plan@1`): targets over a period, with phases and milestones. "
      "Read one with load_plan() or read_plan_json().")
      .def_property_readonly("id", [](const plan& p) { return p.id; })
      .def_property_readonly("title", [](const plan& p) { return p.title.in("vi"); })
      .def_property_readonly("title_en", [](const plan& p) { return p.title.in("en"); })
      .def_property_readonly("issuer", [](const plan& p) { return p.issuer; }, "The unit id whose subtree is the scope.")
      .def_property_readonly("reference", [](const plan& p) { return p.reference; })
      .def_property_readonly("implements", [](const plan& p) { return p.implements; })
      .def_property_readonly("start", [](const plan& p) { return to_optional_date(p.period.from); })
      .def_property_readonly("end", [](const plan& p) { return to_optional_date(p.period.to); })
      .def_property_readonly("budget_vnd", [](const plan& p) { return p.budget_vnd; })
      .def_property_readonly("phases", [](const plan& p) {
        py::list out;
        for (const auto& ph : p.phases)
          out.append(py::make_tuple(ph.id, to_optional_date(ph.when.from), to_optional_date(ph.when.to)));
        return out;
      }, "[(id, start, end)]")
      .def_property_readonly("targets", [](plan_holder p) {
        std::vector<target_view> out;
        for (std::size_t i = 0; i < p->targets.size(); ++i) out.push_back({p, i});
        return out;
      })
      .def("target", [](plan_holder p, std::string_view id) {
        for (std::size_t i = 0; i < p->targets.size(); ++i)
          if (p->targets[i].id == id) return target_view{p, i};
        throw py::key_error(std::string(id));
      }, py::arg("id"), "The target with this id (KeyError if none).")
      .def_property_readonly("warnings", [](const plan& p) { return p.warnings; })
      .def_property_readonly("source", [](const plan& p) { return p.source; },
                             "The file the plan was read from; binding problems name it.")
      .def("to_json", &write_plan_json, "The plan as canonical JSON text.")
      .def("save", [](const plan& p, const std::filesystem::path& path) {
        write_file_atomically(path, write_plan_json(p));
      }, py::arg("path"), "Writes the plan as JSON, atomically.")
      .def("__repr__", [](const plan& p) {
        return "<nangluc.Plan " + p.id + ": " + std::to_string(p.targets.size()) + " targets, " +
               format_day(p.period.from) + " – " + format_day(p.period.to) + ">";
      });

  m.def("load_plan", [](const std::filesystem::path& path) { return std::make_shared<plan>(load_plan(path)); },
        py::arg("path"), "Reads a plan file. Raises ValidationError listing every problem.");
  m.def("read_plan_json",
        [](std::string_view text, std::string_view file) { return std::make_shared<plan>(read_plan_json(text, file)); },
        py::arg("text"), py::arg("file") = "<memory>", "Reads a plan from JSON text.");
}

}  // namespace nangluc::python
