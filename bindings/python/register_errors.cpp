// Errors as Python exceptions: nangluc.Error and its kinds; ValidationError carries every
// Problem found, each with its file and location, so a notebook can show them as a table.
#include "common.hpp"

#include <nangluc/error.hpp>

namespace nangluc::python {

void register_errors(py::module_& m) {
  py::class_<problem>(m, "Problem", "One finding about an input: code, file, location, message.")
      .def(py::init([](std::string_view sev, std::string code, std::string file, std::string location,
                       std::string message) {
             if (sev != "error" && sev != "warning") throw py::value_error("severity must be 'error' or 'warning'");
             return problem{sev == "error" ? severity::error : severity::warning, std::move(code), std::move(file),
                            std::move(location), std::move(message)};
           }),
           py::arg("severity"), py::arg("code"), py::arg("file"), py::arg("location"), py::arg("message"))
      .def_property_readonly("severity",
                             [](const problem& p) { return p.severity == severity::error ? "error" : "warning"; },
                             "'error' or 'warning'.")
      .def_readonly("code", &problem::code, "Stable code, documented in docs/errors.md (e.g. 'bad_date').")
      .def_readonly("file", &problem::file, "The file (or frame) the problem is in.")
      .def_readonly("location", &problem::location,
                    "A JSON pointer ('/assignments/3/start') or 'line:column' for CSV tables.")
      .def_readonly("message", &problem::message)
      .def("__str__", &problem::to_string)
      .def("__repr__", [](const problem& p) { return "<nangluc.Problem " + p.to_string() + ">"; })
      .def("__eq__", [](const problem& a, const problem& b) { return a == b; })
      .def("__hash__", [](const problem& p) { return py::hash(py::str(p.to_string())); });

  // Exception classes: Error is the base; the others are also the built-in kind a Python user
  // would catch (OSError for files, ValueError for bad values and invalid input).
  // The types live as long as the interpreter: held by the module and, leaked on purpose, here
  // (a static py::object would be destroyed after the interpreter is gone).
  auto new_type = [&](const char* name, const char* doc, py::handle base, py::handle builtin) {
    const py::tuple bases = builtin ? py::tuple(py::make_tuple(base, builtin)) : py::tuple(py::make_tuple(base));
    auto* t = new py::object(py::reinterpret_steal<py::object>(
        PyErr_NewExceptionWithDoc((std::string("nangluc.") + name).c_str(), doc, bases.ptr(), nullptr)));
    m.attr(name) = *t;
    return t;
  };
  static py::object* base = new_type("Error", "Base of every exception nangluc raises.", PyExc_Exception, {});
  static py::object* file_error =
      new_type("FileError", "A file could not be read or written (also an OSError).", *base, PyExc_OSError);
  static py::object* argument_error_type = new_type(
      "ArgumentError", "A value passed to nangluc is malformed: a bad date, an unknown code (also a ValueError).",
      *base, PyExc_ValueError);
  static py::object* validation_error_type =
      new_type("ValidationError",
               "Input failed validation and nothing was loaded; `problems` lists every Problem found "
               "(also a ValueError).",
               *base, PyExc_ValueError);

  py::register_exception_translator([](std::exception_ptr p) {
    if (!p) return;
    try {
      std::rethrow_exception(p);
    } catch (const validation_error& e) {
      py::list problems;
      for (const auto& pr : e.problems()) problems.append(py::cast(pr));
      py::object exc = (*validation_error_type)(e.what());
      exc.attr("problems") = problems;
      PyErr_SetObject(validation_error_type->ptr(), exc.ptr());
    } catch (const io_error& e) {
      py::object exc = (*file_error)(e.what());
      exc.attr("path") = py::str(e.path());
      PyErr_SetObject(file_error->ptr(), exc.ptr());
    } catch (const argument_error& e) {
      PyErr_SetString(argument_error_type->ptr(), e.what());
    } catch (const error& e) {
      PyErr_SetString(base->ptr(), e.what());
    }
  });
}

}  // namespace nangluc::python
