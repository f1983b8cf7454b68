// Benchmark of performance.md on the national workload: loading, one-date evaluation of the
// whole plan on one thread and on every core, the ten-date series, peak memory, the scan floor,
// and nangluc's side of the peer comparison (bench/peers.py). One JSON object per run on stdout;
// scripts/bench.sh runs the modes in separate processes (so each peak RSS is its own) and
// bench/report.py writes docs/benchmarks.md from them.
//
//   evaluate_bench load PATH                        registry JSON file or CSV folder
//   evaluate_bench evaluate FOLDER [--plan P] [--repeat K] [--peer-targets T1,T5b]
//                  [--peer-date 2025-12-31] [--rows-out FILE] [--check-series]
//   evaluate_bench generate --persons N [--seed S]  in memory only, the figures of 0.1.0
#include <nangluc/evaluation.hpp>
#include <nangluc/nangluc.hpp>
#include <nangluc/plan.hpp>

#include "generate/generate.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

// The best of `repeat` runs: on a shared machine the minimum is the least disturbed figure.
double best_of(int repeat, const std::function<void()>& run) {
  double best = 1e300;
  for (int i = 0; i < std::max(1, repeat); ++i) {
    const auto t0 = clock_type::now();
    run();
    best = std::min(best, seconds_since(t0));
  }
  return best;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

double current_rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// The 1-minute load average: how busy the (shared) machine was while measuring.
double load_average() {
  std::ifstream in("/proc/loadavg");
  double one = 0;
  in >> one;
  return one;
}

std::uintmax_t bytes_of(const fs::path& p) {
  if (!fs::is_directory(p)) return fs::file_size(p);
  std::uintmax_t n = 0;
  for (const auto& f : fs::directory_iterator(p))
    if (f.is_regular_file()) n += f.file_size();
  return n;
}

// A flat JSON object written field by field (the figures are numbers and plain strings).
class json_out {
 public:
  json_out& operator()(const std::string& key, double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return raw(key, s.str());
  }
  json_out& operator()(const std::string& key, const std::string& v) { return raw(key, "\"" + v + "\""); }
  json_out& raw(const std::string& key, const std::string& v) {
    text_ += (text_.empty() ? "{\n  \"" : ",\n  \"") + key + "\": " + v;
    return *this;
  }
  [[nodiscard]] std::string str() const { return text_ + "\n}\n"; }

 private:
  std::string text_;
};

std::size_t rows_of(const nangluc::report& r) {
  std::size_t n = 0;
  for (const auto& t : r.targets)
    for (const auto& m : t.results) n += m.rows.size();
  return n;
}

// ---- the scan floor (performance.md §5) -------------------------------------------------------
// The columns an evaluation of the national plan must read, each as a contiguous array of 32-bit
// values: posts (person, unit, employer, category, roles, sector, start, end), enrollments
// (person, session, status, completed_on), sessions (course, start, end, organizer),
// qualifications (person, kind, code, field, awarded, expires), units (parent, level, valid
// from and to, successor), persons (sex, birth date). Streaming them once is the floor.
std::vector<std::vector<std::uint32_t>> relevant_columns(const nangluc::registry& r) {
  std::vector<std::vector<std::uint32_t>> cols;
  auto column = [&](std::size_t n, auto&& value) {
    auto& c = cols.emplace_back(n);
    for (std::size_t i = 0; i < n; ++i) c[i] = static_cast<std::uint32_t>(value(i));
  };
  const auto& as = r.assignments();
  column(as.size(), [&](std::size_t i) { return as[i].person.value; });
  column(as.size(), [&](std::size_t i) { return as[i].unit.value; });
  column(as.size(), [&](std::size_t i) { return as[i].employer.value; });
  column(as.size(), [&](std::size_t i) { return as[i].category.value; });
  column(as.size(), [&](std::size_t i) { return as[i].roles.empty() ? 0u : as[i].roles.front().value; });
  column(as.size(), [&](std::size_t i) { return as[i].sector.value; });
  column(as.size(), [&](std::size_t i) { return as[i].when.from; });
  column(as.size(), [&](std::size_t i) { return as[i].when.to; });
  const auto& en = r.enrollments();
  column(en.size(), [&](std::size_t i) { return en[i].person.value; });
  column(en.size(), [&](std::size_t i) { return en[i].session.value; });
  column(en.size(), [&](std::size_t i) { return static_cast<std::uint32_t>(en[i].status); });
  column(en.size(), [&](std::size_t i) { return en[i].completed_on; });
  const auto& ss = r.sessions();
  column(ss.size(), [&](std::size_t i) { return ss[i].course.value; });
  column(ss.size(), [&](std::size_t i) { return ss[i].when.from; });
  column(ss.size(), [&](std::size_t i) { return ss[i].when.to; });
  column(ss.size(), [&](std::size_t i) { return ss[i].organizer.value; });
  const auto& qs = r.qualifications();
  column(qs.size(), [&](std::size_t i) { return qs[i].person.value; });
  column(qs.size(), [&](std::size_t i) { return qs[i].kind.value; });
  column(qs.size(), [&](std::size_t i) { return qs[i].code.value; });
  column(qs.size(), [&](std::size_t i) { return qs[i].field.value; });
  column(qs.size(), [&](std::size_t i) { return qs[i].awarded; });
  column(qs.size(), [&](std::size_t i) { return qs[i].expires; });
  const auto& us = r.units();
  column(us.size(), [&](std::size_t i) { return us[i].parents.empty() ? ~0u : us[i].parents.front().unit.value; });
  column(us.size(), [&](std::size_t i) { return us[i].level.value; });
  column(us.size(), [&](std::size_t i) { return us[i].valid.from; });
  column(us.size(), [&](std::size_t i) { return us[i].valid.to; });
  column(us.size(), [&](std::size_t i) { return us[i].successor.value; });
  const auto& ps = r.persons();
  column(ps.size(), [&](std::size_t i) { return static_cast<std::uint32_t>(ps[i].sex); });
  column(ps.size(), [&](std::size_t i) { return ps[i].birth_date; });
  return cols;
}

// One pass over every column; the sum keeps the compiler from skipping the reads.
std::uint64_t stream(const std::vector<std::vector<std::uint32_t>>& cols) {
  std::uint64_t sum = 0;
  for (const auto& c : cols)
    for (std::uint32_t v : c) sum += v;
  return sum;
}

// ---- modes ------------------------------------------------------------------------------------
int run_load(const fs::path& input) {
  const auto bytes = static_cast<double>(bytes_of(input));
  const auto t0 = clock_type::now();
  const auto reg = nangluc::load_registry(input);
  const double s = seconds_since(t0);
  std::cout << json_out()("input", fs::is_directory(input) ? std::string("csv") : std::string("json"))
                   ("bytes", bytes)("seconds", s)("mb_per_s", bytes / 1e6 / s)
                   ("persons", static_cast<double>(reg.persons().size()))
                   ("enrollments", static_cast<double>(reg.enrollments().size()))
                   ("rss_mb", current_rss_mb())("peak_rss_mb", peak_rss_mb())
                   .str();
  return 0;
}

struct evaluate_args {
  fs::path input;
  std::string plan_path = NANGLUC_BENCH_PLAN;
  int repeat = 3;
  std::string peer_targets = "T1,T5b";
  std::string peer_date = "2025-12-31";
  std::string rows_out;
  bool check_series = false;
};

// The peer targets' rows as evaluated on the peer date (the milestone evaluated on that very day):
// target, unit, level, numerator, denominator.
void write_peer_rows(const nangluc::report& rep, const nangluc::registry& reg, const std::string& path) {
  std::ofstream out(path);
  out << "target,unit,level,numerator,denominator\n";
  const auto& levels = reg.vocab(nangluc::vocab::levels);
  for (const auto& t : rep.targets) {
    const auto m = std::find_if(t.results.begin(), t.results.end(), [&](const nangluc::milestone_result& r) {
      return r.evaluated_at && *r.evaluated_at == rep.as_of;
    });
    if (m == t.results.end()) throw std::runtime_error("target " + t.target_id + " has no milestone evaluated on its date");
    for (const auto& row : m->rows)
      out << t.target_id << ',' << reg[row.unit].id << ',' << levels[reg[row.unit].level].code << ','
          << row.numerator << ',' << row.denominator << '\n';
  }
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

int run_evaluate(const evaluate_args& a) {
  json_out j;
  j("load_average_at_start", load_average());
  const auto bytes = static_cast<double>(bytes_of(a.input));
  auto t0 = clock_type::now();
  const auto reg = nangluc::load_registry(a.input);
  const double load_s = seconds_since(t0);
  j("persons", static_cast<double>(reg.persons().size()))("assignments", static_cast<double>(reg.assignments().size()))
   ("enrollments", static_cast<double>(reg.enrollments().size()))("units", static_cast<double>(reg.units().size()))
   ("csv_bytes", bytes)("load_csv_s", load_s)("rss_after_load_mb", current_rss_mb())
   ("peak_rss_after_load_mb", peak_rss_mb());

  const auto plan = nangluc::load_plan(a.plan_path);
  t0 = clock_type::now();
  const nangluc::evaluator ev(plan, reg);
  j("bind_s", seconds_since(t0));

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  nangluc::evaluation_options one_thread, all_cores;
  one_thread.threads = 1;
  all_cores.threads = cores;
  j("cores", cores);

  const auto day = nangluc::to_day(nangluc::parse_date(a.peer_date));
  nangluc::report one;
  j("one_date_1_thread_s", best_of(a.repeat, [&] { one = ev.evaluate(day, one_thread); }));
  nangluc::report many;
  j("one_date_all_cores_s", best_of(a.repeat, [&] { many = ev.evaluate(day, all_cores); }));
  if (!(one == many)) throw std::runtime_error("the report on all cores differs from the one-thread report");
  j("rows_one_date", static_cast<double>(rows_of(one)));
  // Peak memory of the registry and a one-date evaluation (its report included), before the
  // series (whose ten reports of ~10^6 rows each are the bulk of what comes after).
  j("peak_rss_one_date_mb", peak_rss_mb());

  std::vector<nangluc::day> year_ends;
  for (int y = 2021; y <= 2030; ++y)
    year_ends.push_back(nangluc::to_day(nangluc::date(static_cast<unsigned short>(y), 12, 31)));
  std::vector<nangluc::report> series;
  j("series_1_thread_s", best_of(std::min(a.repeat, 2), [&] { series = ev.evaluate_series(year_ends, one_thread); }));
  j("series_all_cores_s", best_of(std::min(a.repeat, 2), [&] { series = ev.evaluate_series(year_ends, all_cores); }));
  if (a.check_series)
    for (std::size_t i = 0; i < year_ends.size(); ++i)
      if (!(series[i] == ev.evaluate(year_ends[i], one_thread)))
        throw std::runtime_error("the series differs from the one-date report of " + nangluc::format_day(year_ends[i]));

  // The peer targets alone, as the peers compute them (nangluc evaluates every milestone begun
  // by the date: for an annual target, the earlier years too).
  const auto ids = split_commas(a.peer_targets);
  auto peer_plan = plan;
  std::erase_if(peer_plan.targets, [&](const nangluc::target& t) { return std::find(ids.begin(), ids.end(), t.id) == ids.end(); });
  if (peer_plan.targets.size() != ids.size()) throw std::runtime_error("the plan lacks one of " + a.peer_targets);
  const nangluc::evaluator peer(peer_plan, reg);
  nangluc::report peer_rep;
  j("peer_targets", a.peer_targets)("peer_date", a.peer_date);
  j("peer_1_thread_s", best_of(a.repeat, [&] { peer_rep = peer.evaluate(day, one_thread); }));
  j("peer_all_cores_s", best_of(a.repeat, [&] { peer_rep = peer.evaluate(day, all_cores); }));
  if (!a.rows_out.empty()) write_peer_rows(peer_rep, reg, a.rows_out);

  // The floor: the relevant columns streamed once, on one thread.
  const auto cols = relevant_columns(reg);
  double floor_bytes = 0;
  for (const auto& c : cols) floor_bytes += static_cast<double>(c.size() * sizeof(std::uint32_t));
  std::uint64_t sink = 0;
  j("floor_bytes", floor_bytes)("floor_s", best_of(5, [&] { sink += stream(cols); }));
  j("floor_checksum", static_cast<double>(sink % 1000));
  j("load_average_at_end", load_average());
  j("peak_rss_mb", peak_rss_mb());  // everything: the series' reports, the floor's columns
  std::cout << j.str();
  return 0;
}

// The in-memory figures of 0.1.0's benchmark (generate, then evaluate), kept for comparison.
int run_generate(std::size_t persons, std::uint64_t seed) {
  auto t0 = clock_type::now();
  const auto reg = nangluc::generate_national({persons, seed});
  const double generate_s = seconds_since(t0);
  const auto plan = nangluc::load_plan(NANGLUC_BENCH_PLAN);
  const nangluc::evaluator ev(plan, reg);
  nangluc::evaluation_options opt;
  t0 = clock_type::now();
  const auto one = ev.evaluate(nangluc::to_day(nangluc::date(2025, 12, 31)), opt);
  const double one_s = seconds_since(t0);
  std::vector<nangluc::day> year_ends;
  for (int y = 2021; y <= 2030; ++y)
    year_ends.push_back(nangluc::to_day(nangluc::date(static_cast<unsigned short>(y), 12, 31)));
  t0 = clock_type::now();
  const auto series = ev.evaluate_series(year_ends, opt);
  const double series_s = seconds_since(t0);
  std::cout << json_out()("persons", static_cast<double>(persons))("generate_s", generate_s)("one_date_s", one_s)
                   ("series_s", series_s)("rows_one_date", static_cast<double>(rows_of(one)))
                   ("peak_rss_mb", peak_rss_mb())
                   .str();
  return series.size() == year_ends.size() ? 0 : 1;
}

int usage() {
  std::cerr << "usage: evaluate_bench load PATH\n"
               "       evaluate_bench evaluate FOLDER [--plan P] [--repeat K] [--peer-targets T1,T5b]\n"
               "                      [--peer-date DATE] [--rows-out FILE] [--check-series]\n"
               "       evaluate_bench generate [--persons N] [--seed S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && args[0] == "load") return run_load(args[1]);
    if (args.size() >= 2 && args[0] == "evaluate") {
      evaluate_args a;
      a.input = args[1];
      for (std::size_t i = 2; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--check-series") a.check_series = true;
        else if (args[i] == "--plan" && has_value) a.plan_path = args[++i];
        else if (args[i] == "--repeat" && has_value) a.repeat = std::stoi(args[++i]);
        else if (args[i] == "--peer-targets" && has_value) a.peer_targets = args[++i];
        else if (args[i] == "--peer-date" && has_value) a.peer_date = args[++i];
        else if (args[i] == "--rows-out" && has_value) a.rows_out = args[++i];
        else return usage();
      }
      return run_evaluate(a);
    }
    if (!args.empty() && args[0] == "generate") {
      std::size_t persons = 100'000;
      std::uint64_t seed = 1;
      for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--persons") persons = std::stoul(args[i + 1]);
        else if (args[i] == "--seed") seed = std::stoull(args[i + 1]);
        else return usage();
      }
      return run_generate(persons, seed);
    }
    return usage();
  } catch (const nangluc::validation_error& e) {
    for (const auto& p : e.problems()) std::cerr << p.to_string() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "evaluate_bench: " << e.what() << "\n";
    return 1;
  }
}
