// The workforce structure report (section IV of the Lai Châu plan) from Python.
#include "common.hpp"

#include <nangluc/structure.hpp>

namespace nangluc::python {

void register_structure(py::module_& m) {
  py::class_<structure_level>(m, "StructureLevel", "One administrative level of the structure report.")
      .def_readonly("level", &structure_level::level, "`levels` code, e.g. 'huyen'.")
      .def_readonly("quota", &structure_level::quota, "Sum of quotas valid on the date at units of this level.")
      .def_readonly("present", &structure_level::present, "Distinct persons in post at units of this level.")
      .def_property_readonly("by_category", [](const structure_level& l) { return py::dict(py::cast(l.by_category)); })
      .def_property_readonly("education", [](const structure_level& l) { return py::dict(py::cast(l.education)); })
      .def_property_readonly("education_y_duoc", [](const structure_level& l) { return py::dict(py::cast(l.education_y_duoc)); })
      .def_property_readonly("certificates", [](const structure_level& l) { return py::dict(py::cast(l.certificates)); })
      .def("__repr__", [](const structure_level& l) {
        return "<nangluc.StructureLevel " + l.level + ": quota " + std::to_string(l.quota) + ", present " +
               std::to_string(l.present) + ">";
      });

  py::class_<structure_report>(m, "StructureReport", "Quota and persons present by level, category, education and certificates.")
      .def_property_readonly("as_of", [](const structure_report& s) { return to_date(s.as_of); })
      .def_property_readonly("sector", [](const structure_report& s) -> std::optional<std::string> {
        if (s.sector.empty()) return std::nullopt;
        return s.sector;
      }, "The sector counted, or None for all.")
      .def_readonly("levels", &structure_report::levels)
      .def("__repr__", [](const structure_report& s) {
        return "<nangluc.StructureReport as of " + format_day(s.as_of) + ": " + std::to_string(s.levels.size()) + " levels>";
      });

  // Without a sector, the profile's (default_structure_spec): no profile code here.
  m.def("workforce_structure",
        [](const registry& reg, const date& on) {
          py::gil_scoped_release release;
          return workforce_structure(reg, to_day(on));
        },
        py::arg("registry"), py::arg("on"),
        "The workforce structure as of a date for posts of the profile's workforce sector. A person "
        "is counted once per level, by the level of their post's unit.");
  m.def("workforce_structure",
        [](const registry& reg, const date& on, const std::optional<std::string>& sector) {
          py::gil_scoped_release release;
          return workforce_structure(reg, to_day(on), sector.value_or(""));
        },
        py::arg("registry"), py::arg("on"), py::arg("sector"),
        "The workforce structure as of a date for posts of `sector` (None: every sector).");
}

}  // namespace nangluc::python
