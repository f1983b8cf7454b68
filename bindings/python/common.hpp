// Internal to the Python module: what every register_<area>.cpp shares — dates as
// datetime.date, the objects that keep a registry and a plan alive, and the area entry points.
#pragma once

#include <nangluc/date.hpp>
#include <nangluc/evaluation.hpp>
#include <nangluc/plan.hpp>
#include <nangluc/registry.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <datetime.h>

#include <memory>
#include <optional>
#include <string>

namespace nangluc::python {

namespace py = pybind11;

/// Registries and plans are shared by the Python objects that view them (records, reports),
/// so none outlives the data it points into.
using registry_ptr = std::shared_ptr<const registry>;
using plan_ptr = std::shared_ptr<const plan>;

/// A plan bound to a registry, shared by the reports and needs lists it produces.
struct bound_plan {
  plan_ptr plan;
  registry_ptr reg;
  std::unique_ptr<evaluator> ev;
};
using bound_ptr = std::shared_ptr<const bound_plan>;

/// A day as Python sees it: a datetime.date, or None for an open end (day_min / day_max).
[[nodiscard]] inline std::optional<date> to_optional_date(day d) {
  if (d == day_min || d == day_max) return std::nullopt;
  return to_date(d);
}

/// The id of a unit (None for a none handle).
[[nodiscard]] inline std::optional<std::string> unit_id(const registry& r, unit_ix u) {
  if (u.is_none()) return std::nullopt;
  return r[u].id;
}
/// The code of a term in one of the registry's vocabularies (None for a none term).
[[nodiscard]] inline std::optional<std::string> code_of(const registry& r, std::string_view vocabulary, term t) {
  if (t.is_none()) return std::nullopt;
  return r.vocab(vocabulary).code(t);
}

/// A threshold as {'min_percent', 'min', 'max'} (None where not set).
[[nodiscard]] inline py::dict threshold_dict(const threshold& t) {
  py::dict d;
  d["min_percent"] = t.min_percent_x100 ? std::optional<double>(static_cast<double>(*t.min_percent_x100) / 100)
                                        : std::nullopt;
  d["min"] = t.min;
  d["max"] = t.max;
  return d;
}

void register_errors(py::module_& m);
void register_vocabulary(py::module_& m);
void register_model(py::module_& m);
void register_io(py::module_& m);
void register_plan(py::module_& m);
void register_evaluation(py::module_& m);
void register_structure(py::module_& m);
void register_generate(py::module_& m);

}  // namespace nangluc::python

namespace pybind11::detail {

/// nangluc::date (boost::gregorian::date) <-> datetime.date. Accepts a datetime.date (or a
/// datetime, pandas Timestamp: the date part), or text `YYYY-MM-DD` / `dd/mm/yyyy`.
template <>
struct type_caster<nangluc::date> {
 public:
  PYBIND11_TYPE_CASTER(nangluc::date, const_name("datetime.date"));

  bool load(handle src, bool) {
    if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
    if (!src) return false;
    if (PyDate_Check(src.ptr())) {
      const int y = PyDateTime_GET_YEAR(src.ptr()), mo = PyDateTime_GET_MONTH(src.ptr()),
                d = PyDateTime_GET_DAY(src.ptr());
      value = nangluc::date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
                            static_cast<unsigned short>(d));
      return true;
    }
    if (PyUnicode_Check(src.ptr())) {
      const auto text = src.cast<std::string>();
      if (const auto d = nangluc::parse_day(text)) {
        value = nangluc::to_date(*d);
        return true;
      }
      throw value_error("not a date (YYYY-MM-DD or dd/mm/yyyy): '" + text + "'");
    }
    return false;
  }

  static handle cast(const nangluc::date& d, return_value_policy, handle) {
    if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
    const auto ymd = d.year_month_day();
    return PyDate_FromDate(ymd.year, ymd.month, ymd.day);
  }
};

}  // namespace pybind11::detail
