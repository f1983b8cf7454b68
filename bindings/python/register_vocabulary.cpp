// Vocabularies as Python objects: the code lists with Vietnamese and English labels, ranks and
// groups, looked up by code like a read-only mapping.
#include "common.hpp"

#include <nangluc/error.hpp>
#include <nangluc/vocabulary.hpp>

namespace nangluc::python {

namespace {

std::string entry_repr(const vocabulary_entry& e) {
  return "<nangluc.VocabularyEntry " + e.code + ": " + e.vi + " / " + e.en + ">";
}

}  // namespace

void register_vocabulary(py::module_& m) {
  py::class_<vocabulary_entry>(m, "VocabularyEntry", "One code of a vocabulary, with its labels.")
      .def_readonly("code", &vocabulary_entry::code, "e.g. 'dai_hoc'")
      .def_readonly("vi", &vocabulary_entry::vi, "Vietnamese label, e.g. 'Đại học'")
      .def_readonly("en", &vocabulary_entry::en, "English label, e.g. 'University'")
      .def_readonly("rank", &vocabulary_entry::rank, "Order of ranked codes (education), or None.")
      .def_readonly("depth", &vocabulary_entry::depth, "Depth of an administrative level (tinh = 1), or None.")
      .def_property_readonly(
          "parent", [](const vocabulary_entry& e) -> std::optional<std::string> {
            if (e.parent.empty()) return std::nullopt;
            return e.parent;
          },
          "The group this code belongs to, or None.")
      .def("label", [](const vocabulary_entry& e, std::string_view lang) {
            if (parse_language(lang) == language::en) return e.en.empty() ? e.vi : e.en;
            return e.vi.empty() ? e.en : e.vi;
          },
          py::arg("lang") = "vi", "The label in 'vi' or 'en'.")
      .def("__repr__", &entry_repr);

  // A vocabulary is held by the set (or registry) it belongs to; views keep that alive.
  py::class_<vocabulary>(m, "Vocabulary", "A named code list; look codes up with voc['code'].")
      .def_property_readonly("name", &vocabulary::name)
      .def_property_readonly("codes", [](const vocabulary& v) {
        std::vector<std::string> out;
        for (const auto& e : v.entries()) out.push_back(e.code);
        return out;
      }, "The codes in their order.")
      .def("__len__", &vocabulary::size)
      .def("__contains__", [](const vocabulary& v, std::string_view code) { return v.find(code).has_value(); })
      .def("__getitem__", [](const vocabulary& v, std::string_view code) -> const vocabulary_entry& {
            const auto t = v.find(code);
            if (!t) throw py::key_error(std::string(code));
            return v[*t];
          }, py::return_value_policy::reference_internal)
      .def("__iter__", [](const vocabulary& v) {
            return py::make_iterator(v.entries().begin(), v.entries().end());
          }, py::keep_alive<0, 1>())
      .def("members", [](const vocabulary& v, std::string_view group) {
            std::vector<std::string> out;
            for (term t : v.expand({v.at(group)})) out.push_back(v.code(t));
            return out;
          }, py::arg("group"), "The codes a group stands for (the code itself when it is not a group).")
      .def("nearest", &vocabulary::nearest, py::arg("code"), py::arg("n") = 3,
           "Up to n known codes nearest to `code` (for 'did you mean').")
      .def("__repr__", [](const vocabulary& v) {
        return "<nangluc.Vocabulary " + v.name() + ": " + std::to_string(v.size()) + " codes>";
      });

  py::class_<vocabulary_set>(m, "VocabularySet", "Vocabularies by name ('levels', 'roles', 'education', …).")
      .def("__getitem__", [](const vocabulary_set& s, std::string_view name) -> const vocabulary& {
            const auto* v = s.find(name);
            if (!v) throw py::key_error(std::string(name));
            return *v;
          }, py::return_value_policy::reference_internal)
      .def("__contains__", [](const vocabulary_set& s, std::string_view name) { return s.find(name) != nullptr; })
      .def("__len__", [](const vocabulary_set& s) { return s.all().size(); })
      .def("__iter__", [](const vocabulary_set& s) {
            std::vector<std::string> names;
            for (const auto& [name, v] : s.all()) names.push_back(name);
            return py::iter(py::cast(names));
          })
      .def("names", [](const vocabulary_set& s) {
            std::vector<std::string> names;
            for (const auto& [name, v] : s.all()) names.push_back(name);
            return names;
          })
      .def("__repr__", [](const vocabulary_set& s) {
        return "<nangluc.VocabularySet " + std::to_string(s.all().size()) + " vocabularies>";
      });

  m.def("profile", [](std::string_view name) -> const vocabulary_set& { return vocabulary_set::profile(name); },
        py::arg("name") = "vn-population", py::return_value_policy::reference,
        "A built-in vocabulary profile (model.md §3).");
  m.def("profiles", &vocabulary_set::profiles, "Names of the built-in profiles.");
}

}  // namespace nangluc::python
