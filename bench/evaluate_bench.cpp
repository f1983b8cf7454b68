// Benchmark of the evaluation engine on the national workload (performance.md): one-date
// evaluation of the whole plan and the series of ten year-ends, at a given scale.
//
//   build/release/bench/evaluate_bench --persons 100000 [--seed 1] [--plan bench/national-plan.json]
//
// Prints one Markdown table row per measurement; docs/benchmarks.md records the figures.
#include <nangluc/nangluc.hpp>
#include <nangluc/evaluation.hpp>
#include <nangluc/plan.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;  // kilobytes on Linux
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t persons = 100'000;
  std::uint64_t seed = 1;
  std::string plan_path = NANGLUC_BENCH_PLAN;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--persons") persons = std::stoul(argv[i + 1]);
    else if (a == "--seed") seed = std::stoull(argv[i + 1]);
    else if (a == "--plan") plan_path = argv[i + 1];
    else {
      std::cerr << "usage: evaluate_bench [--persons N] [--seed S] [--plan PLAN]\n";
      return 2;
    }
  }
  try {
    auto t0 = std::chrono::steady_clock::now();
    const auto reg = nangluc::generate_national({persons, seed});
    const double generate_s = seconds_since(t0);

    const auto plan = nangluc::load_plan(plan_path);
    t0 = std::chrono::steady_clock::now();
    const nangluc::evaluator ev(plan, reg);
    const double bind_s = seconds_since(t0);

    t0 = std::chrono::steady_clock::now();
    const auto one = ev.evaluate(nangluc::to_day(nangluc::date(2025, 12, 31)));
    const double one_s = seconds_since(t0);

    std::vector<nangluc::day> year_ends;
    for (int y = 2021; y <= 2030; ++y) year_ends.push_back(nangluc::to_day(nangluc::date(static_cast<unsigned short>(y), 12, 31)));
    t0 = std::chrono::steady_clock::now();
    const auto series = ev.evaluate_series(year_ends);
    const double series_s = seconds_since(t0);

    std::size_t rows = 0;
    for (const auto& t : one.targets)
      for (const auto& m : t.results) rows += m.rows.size();
    std::cout << "| persons | enrollments | generate (s) | bind (s) | one date (s) | ten dates (s) | series / one | rows (one date) | peak RSS (MB) |\n"
              << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
              << "| " << persons << " | " << reg.enrollments().size() << " | " << generate_s << " | " << bind_s << " | "
              << one_s << " | " << series_s << " | " << series_s / one_s << " | " << rows << " | " << peak_rss_mb()
              << " |\n";
    return series.size() == year_ends.size() ? 0 : 1;
  } catch (const nangluc::validation_error& e) {
    for (const auto& p : e.problems()) std::cerr << p.to_string() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
