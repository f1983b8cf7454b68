// The synthetic registries from Python: the bundled examples and the national workload.
#include "common.hpp"
#include "generate/generate.hpp"

#include <nangluc/error.hpp>

namespace nangluc::python {

void register_generate(py::module_& m) {
  m.def("generate",
        [](std::string_view profile, std::size_t persons, std::uint64_t seed) {
          py::gil_scoped_release release;
          if (profile == "lai-chau") return std::make_shared<registry>(generate_lai_chau());
          if (profile == "dong-thap") return std::make_shared<registry>(generate_dong_thap());
          if (profile == "national") return std::make_shared<registry>(generate_national({persons, seed}));
          throw argument_error("unknown profile '" + std::string(profile) +
                               "' (expected 'lai-chau', 'dong-thap' or 'national')");
        },
        py::arg("profile"), py::arg("persons") = 1'000'000, py::arg("seed") = 1,
        "A synthetic registry: 'lai-chau' and 'dong-thap' (the bundled examples, exactly) or "
        "'national' (the benchmark workload: `persons` persons, deterministic for `seed`).");
}

}  // namespace nangluc::python
