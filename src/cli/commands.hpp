// Internal to the CLI: one function per `nangluc` subcommand. Each returns the exit status
// (0 success, 1 invalid input, 2 usage) and writes its output to `out`.
#pragma once

#include <nangluc/language.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace nangluc::cli {


struct convert_args {
  std::string input, output;
  std::string date_format = "iso";
};
struct structure_args {
  std::string registry;
  std::optional<std::string> as_of;
  std::string sector;  // "" = the profile's (default_structure_spec), "all" = every sector
  std::string format = "table";
  language lang = language::vi;
};
struct generate_args {
  std::string profile;
  std::size_t persons = 1'000'000;
  std::uint64_t seed = 1;
  std::optional<std::string> output;
  std::string date_format = "iso";
};

struct validate_args {
  std::string registry;
  std::optional<std::string> plan;  ///< also read the plan and bind it to the registry
};
struct evaluate_args {
  std::string plan, registry;
  std::vector<std::string> as_of;   ///< several: a series; none: today
  std::string format = "table";
  std::vector<std::string> levels;
  std::string unit;
  std::string lang = "vi";
  int decimals = 1;
  std::string rounding = "half_up";
  unsigned threads = 0;             ///< 0: every core
};
struct needs_args {
  std::string plan, registry, target;
  std::optional<std::string> as_of;
  std::string unit;
  std::string format = "csv";
};

int run_validate(const validate_args& a, std::ostream& out, std::ostream& err);
int run_convert(const convert_args& a, std::ostream& out, std::ostream& err);
int run_structure(const structure_args& a, std::ostream& out, std::ostream& err);
int run_generate(const generate_args& a, std::ostream& out, std::ostream& err);
int run_evaluate(const evaluate_args& a, std::ostream& out, std::ostream& err);
int run_needs(const needs_args& a, std::ostream& out, std::ostream& err);

}  // namespace nangluc::cli
