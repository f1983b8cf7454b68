// `nangluc`: the command line (evaluation.md §6). Parses arguments with CLI11 and hands each
// subcommand to cli/commands.cpp. Exit status: 0 success, 1 invalid input, 2 usage error.

#include "cli/commands.hpp"

#include <nangluc/version.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace nangluc::cli;
  CLI::App app{"nangluc — plan and measure the training of a public workforce"};
  app.set_version_flag("--version", std::string("nangluc ") + nangluc::version);
  app.require_subcommand(1);

  validate_args val;
  auto* validate = app.add_subcommand("validate", "Check a registry (JSON file or CSV folder), and a plan against it; list every problem");
  validate->add_option("REGISTRY", val.registry, "registry JSON file or folder of CSV tables")->required();
  validate->add_option("PLAN", val.plan, "plan JSON file: read it and check its codes and units against the registry");

  convert_args conv;
  auto* convert = app.add_subcommand("convert", "Registry JSON <-> folder of CSV tables, losslessly");
  convert->add_option("INPUT", conv.input, "registry JSON file or CSV folder")->required();
  convert->add_option("OUTPUT", conv.output, "a path ending in .json, or a folder for CSV tables")->required();
  convert->add_option("--date-format", conv.date_format, "dates in CSV tables: iso (YYYY-MM-DD) or dmy (dd/mm/yyyy)")
      ->check(CLI::IsMember({"iso", "dmy"}));

  structure_args st;
  std::string lang = "vi";
  auto* structure = app.add_subcommand("structure", "Workforce table per level: quota, present, education, certificates");
  structure->add_option("REGISTRY", st.registry, "registry JSON file or folder of CSV tables")->required();
  structure->add_option("--as-of", st.as_of, "date (YYYY-MM-DD or dd/mm/yyyy); default today");
  structure->add_option("--sector", st.sector, "sector code to count, or 'all' (default: the profile's workforce sector)");
  structure->add_option("--format", st.format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
  structure->add_option("--lang", lang, "labels: vi or en")->check(CLI::IsMember({"vi", "en"}));

  generate_args gen;
  auto* generate = app.add_subcommand("generate", "Write a synthetic registry (example or benchmark workload)");
  generate->add_option("--profile", gen.profile, "lai-chau, dong-thap or national")->required()
      ->check(CLI::IsMember({"lai-chau", "dong-thap", "national"}));
  generate->add_option("--persons", gen.persons, "national: number of persons (default 1000000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{50'000'000}));
  generate->add_option("--seed", gen.seed, "national: random seed (default 1)");
  generate->add_option("--output", gen.output, "write here (.json, or a folder of CSV tables) instead of stdout");
  generate->add_option("--date-format", gen.date_format, "dates in CSV tables: iso or dmy")
      ->check(CLI::IsMember({"iso", "dmy"}));

  evaluate_args ev;
  auto* evaluate = app.add_subcommand("evaluate", "Evaluate a plan's targets against a registry as of one or more dates");
  evaluate->add_option("PLAN", ev.plan, "plan JSON file")->required();
  evaluate->add_option("REGISTRY", ev.registry, "registry JSON file or folder of CSV tables")->required();
  evaluate->add_option("--as-of", ev.as_of, "date (YYYY-MM-DD or dd/mm/yyyy); repeat for a series; default today")
      ->take_all()->allow_extra_args(false);
  evaluate->add_option("--format", ev.format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
  evaluate->add_option("--level", ev.levels, "give rows for this level code (repeatable); default every level")
      ->allow_extra_args(false);
  evaluate->add_option("--unit", ev.unit, "only rows of this unit's subtree (a unit id)");
  evaluate->add_option("--lang", ev.lang, "table labels: vi or en")->check(CLI::IsMember({"vi", "en"}));
  evaluate->add_option("--decimals", ev.decimals, "digits after the decimal point in table and CSV (0-6, default 1)")
      ->check(CLI::Range(0, 6));
  evaluate->add_option("--rounding", ev.rounding, "half_up or truncate (default half_up)")
      ->check(CLI::IsMember({"half_up", "truncate"}));
  evaluate->add_option("--threads", ev.threads, "threads for the evaluation (default 0: every core); same results")
      ->check(CLI::Range(0u, 1024u));

  needs_args nd;
  auto* needs = app.add_subcommand("needs", "List who still needs a target's training (or which units lack people)");
  needs->add_option("PLAN", nd.plan, "plan JSON file")->required();
  needs->add_option("REGISTRY", nd.registry, "registry JSON file or folder of CSV tables")->required();
  needs->add_option("--target", nd.target, "target id")->required();
  needs->add_option("--as-of", nd.as_of, "date (YYYY-MM-DD or dd/mm/yyyy); default today");
  needs->add_option("--unit", nd.unit, "only persons (units) in this unit's subtree (a unit id)");
  needs->add_option("--format", nd.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return e.get_exit_code() == 0 ? code : 2;
  }
  st.lang = nangluc::parse_language(lang);

  if (*validate) return run_validate(val, std::cout, std::cerr);
  if (*convert) return run_convert(conv, std::cout, std::cerr);
  if (*structure) return run_structure(st, std::cout, std::cerr);
  if (*generate) return run_generate(gen, std::cout, std::cerr);
  if (*evaluate) return run_evaluate(ev, std::cout, std::cerr);
  if (*needs) return run_needs(nd, std::cout, std::cerr);
  return 2;
}
