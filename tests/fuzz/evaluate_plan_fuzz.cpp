// Fuzz target: a fuzzed plan bound to and evaluated on a small registry (a slice of the Lai
// Châu example), with its reports and needs lists written. Refusals must be nangluc's own
// errors; anything else (a crash, a sanitizer report, a foreign exception) is a finding.

#include <nangluc/evaluation.hpp>
#include <nangluc/io.hpp>
#include <nangluc/plan.hpp>
#include <nangluc/report.hpp>

#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

namespace {

const nangluc::registry& small_registry() {
  static const nangluc::registry reg = nangluc::load_registry(NANGLUC_FUZZ_REGISTRY);
  return reg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nangluc;
  const registry& reg = small_registry();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const plan p = read_plan_json(text, "fuzz-plan.json");
    const evaluator ev(p, reg);
    // Before, inside and after the usual plan periods.
    for (const char* when : {"2019-06-30", "2025-12-31", "2031-01-01"}) {
      const day as_of = to_day(parse_date(when));
      const report rep = ev.evaluate(as_of);
      std::ostringstream out;
      write_report_json(rep, p, reg, out);
      write_report_csv(rep, p, reg, format_options{}, out);
      write_report_table(rep, p, reg, format_options{2, rounding::truncate, language::en}, out);
      for (const auto& t : p.targets) {
        const auto needs = ev.needs(t.id, as_of);
        write_needs_csv(needs, t, reg, out);
        write_needs_json(needs, t, reg, out);
      }
    }
  } catch (const validation_error& e) {
    fuzz::check_problems(e);
  } catch (const argument_error&) {
    // e.g. a target whose milestones cannot be listed as of a date: reported, not a crash
  }
  return 0;
}
