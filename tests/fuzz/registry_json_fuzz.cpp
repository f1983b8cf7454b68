// Fuzz target: the registry JSON reader. Any input must either load or be refused with
// nangluc's own errors; a registry that loads must survive a write and a re-read unchanged.

#include <nangluc/io.hpp>

#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nangluc;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  load_options opt;
  opt.max_errors = 50;  // enough to exercise the cut-off; keeps messages cheap
  try {
    const registry reg = read_registry_json(text, "fuzz.json", opt);
    const std::string written = write_registry_json(reg);
    try {
      const registry again = read_registry_json(written, "rewritten.json", opt);
      if (write_registry_json(again) != written) fuzz::fail("registry JSON does not round-trip");
    } catch (const validation_error& e) {
      fuzz::fail("a registry written by nangluc is refused: " + std::string(e.what()));
    }
  } catch (const validation_error& e) {
    fuzz::check_problems(e);
  }
  return 0;
}
