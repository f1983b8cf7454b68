// Shared by the fuzz targets: what a fuzzed input may legitimately do (fail with one of
// nangluc's own errors) and the invariants every accepted input must keep.
#pragma once

#include <nangluc/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace nangluc::fuzz {

/// A broken invariant is a finding: print it and abort so libFuzzer keeps the input.
[[noreturn]] inline void fail(std::string_view what) {
  std::fprintf(stderr, "nangluc fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

/// Every problem of a rejected input must name a code and render on one line.
inline void check_problems(const validation_error& e) {
  if (e.problems().empty()) fail("validation_error without problems");
  for (const auto& p : e.problems()) {
    if (p.code.empty()) fail("problem without a code");
    if (p.to_string().find('\n') != std::string::npos) fail("problem message spans lines");
  }
}

}  // namespace nangluc::fuzz
