// Fuzz target: the plan reader. Any input must either load or be refused with nangluc's own
// errors; a plan that loads must survive a write and a re-read unchanged.

#include <nangluc/plan.hpp>

#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nangluc;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const plan p = read_plan_json(text, "fuzz-plan.json");
    const std::string written = write_plan_json(p);
    try {
      const plan again = read_plan_json(written, "rewritten-plan.json");
      if (write_plan_json(again) != written) fuzz::fail("plan JSON does not round-trip");
    } catch (const validation_error& e) {
      fuzz::fail("a plan written by nangluc is refused: " + std::string(e.what()));
    }
  } catch (const validation_error& e) {
    fuzz::check_problems(e);
  }
  return 0;
}
