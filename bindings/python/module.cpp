// The compiled part of the `nangluc` Python package: wiring only; each area registers itself.
#include "common.hpp"

#include <nangluc/version.hpp>

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  m.doc() = "nangluc's C++ core: registries, plans, the evaluation engine and its reports.";
  m.attr("__version__") = nangluc::version;
  nangluc::python::register_errors(m);
  nangluc::python::register_vocabulary(m);
  nangluc::python::register_model(m);
  nangluc::python::register_io(m);
  nangluc::python::register_plan(m);
  nangluc::python::register_evaluation(m);
  nangluc::python::register_structure(m);
  nangluc::python::register_generate(m);
}
