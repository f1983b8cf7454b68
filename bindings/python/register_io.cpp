// Loading and saving registries from Python: JSON files and text, CSV folders. The GIL is
// released while C++ reads, validates and writes, so other Python threads run meanwhile.
#include "common.hpp"

#include <nangluc/io.hpp>

#include "model/record_fields.hpp"

#include <filesystem>

namespace nangluc::python {

namespace {

csv_options csv_options_for(std::string_view date_format, bool bom, bool crlf) {
  csv_options o;
  if (date_format == "dmy") o.dates = csv_date_style::dmy;
  else if (date_format != "iso") throw argument_error("date_format must be 'iso' or 'dmy', not '" + std::string(date_format) + "'");
  o.bom = bom;
  o.crlf = crlf;
  return o;
}

// The record descriptions (src/model/record_fields.hpp): {table: [{name, type, required,
// vocabulary, encoding}, …]}, for the frame conversions of nangluc.frames.
py::dict record_fields() {
  using namespace nangluc::detail;
  py::dict out;
  for_each_record_kind([&](auto kind) {
    using Rec = typename decltype(kind)::type;
    py::list fields;
    for_each_field<Rec>([&](const auto& f, std::size_t) {
      static constexpr const char* encodings[] = {"plain", "joined", "json_text", "key_columns"};
      py::dict d;
      d["name"] = std::string(f.name);
      d["type"] = std::string(f.type);
      d["required"] = f.required;
      d["vocabulary"] = f.vocabulary.empty() ? py::object(py::none()) : py::object(py::str(std::string(f.vocabulary)));
      d["encoding"] = encodings[static_cast<int>(f.encoding)];
      fields.append(std::move(d));
    });
    out[py::str(std::string(record_description<Rec>::list))] = std::move(fields);
  });
  return out;
}

}  // namespace

void register_io(py::module_& m) {
  m.def("record_fields", &record_fields,
        "The fields of each record kind, by table: name, type (text, id, code, codes, date, whole, "
        "number, …), required, vocabulary and how a CSV cell spells it (plain, joined, json_text, "
        "key_columns). One description drives every reader and writer.");
  using gil_release = py::call_guard<py::gil_scoped_release>;
  m.def("load_registry",
        [](const std::filesystem::path& path, std::size_t max_errors) {
          return std::make_shared<registry>(load_registry(path, {max_errors}));
        },
        py::arg("path"), py::arg("max_errors") = 1000, gil_release(),
        "Reads a registry from a JSON file or a folder of CSV tables. Raises ValidationError "
        "(with .problems) when the content is invalid, FileError when the path cannot be read.");
  m.def("read_registry_json",
        [](std::string_view text, std::string_view file, std::size_t max_errors) {
          return std::make_shared<registry>(read_registry_json(text, file, {max_errors}));
        },
        py::arg("text"), py::arg("file") = "<memory>", py::arg("max_errors") = 1000, gil_release(),
        "Reads a registry from JSON text; `file` names it in problem locations.");
  m.def("read_registry_csv",
        [](const std::filesystem::path& folder, std::size_t max_errors) {
          return std::make_shared<registry>(read_registry_csv(folder, {max_errors}));
        },
        py::arg("folder"), py::arg("max_errors") = 1000, gil_release(),
        "Reads a registry from a folder of CSV tables (units.csv, persons.csv, …).");
  m.def("save_registry",
        [](const registry& reg, const std::filesystem::path& path, std::string_view date_format, bool bom, bool crlf) {
          const auto o = csv_options_for(date_format, bom, crlf);
          py::gil_scoped_release release;
          save_registry(reg, path, o);
        },
        py::arg("registry"), py::arg("path"), py::arg("date_format") = "iso", py::arg("bom") = true,
        py::arg("crlf") = true,
        "Saves as JSON when `path` ends in .json, else as a folder of CSV tables; the output "
        "appears whole or not at all.");
  m.def("write_registry_json", [](const registry& reg) { return write_registry_json(reg); },
        py::arg("registry"), "The registry as canonical JSON text.");
  m.def("_write_file_atomically",
        [](const std::filesystem::path& path, std::string_view content) {
          write_file_atomically(path, content);
        },
        py::arg("path"), py::arg("content"), gil_release(),
        "Writes text to a temporary sibling file and renames it into place.");
}

}  // namespace nangluc::python
