// The `nangluc` subcommands: load, act, print; every failure becomes a located message and an
// exit status, never a crash.

#include "cli/commands.hpp"

#include "report/text_table.hpp"
#include "generate/generate.hpp"

#include <nangluc/evaluation.hpp>
#include <nangluc/nangluc.hpp>
#include <nangluc/plan.hpp>
#include <nangluc/report.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace nangluc::cli {
namespace {

// Runs a command body, turning nangluc's exceptions into messages and exit statuses.
template <class F>
int guarded(std::ostream& err, F body) {
  try {
    return body();
  } catch (const validation_error& e) {
    for (const auto& p : e.problems()) err << p.to_string() << '\n';
    return 1;
  } catch (const io_error& e) {
    err << e.what() << '\n';
    return 1;
  } catch (const argument_error& e) {
    err << "nangluc: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    err << "nangluc: error[internal]: " << e.what() << '\n';
    return 1;
  }
}

day as_of_or_today(const std::optional<std::string>& text) {
  if (!text) return to_day(boost::gregorian::day_clock::local_day());
  if (auto d = parse_day(*text)) return *d;
  throw argument_error("--as-of: '" + *text + "' is not a date (YYYY-MM-DD or dd/mm/yyyy)");
}

// A plan and a registry, loaded together so that the problems of both are reported at once.
struct inputs {
  nangluc::plan plan;
  nangluc::registry registry;
};

inputs load_inputs(const std::string& plan_path, const std::string& registry_path) {
  inputs in;
  std::vector<problem> problems;
  try {
    in.plan = load_plan(plan_path);
  } catch (const validation_error& e) {
    problems = e.problems();
  }
  try {
    in.registry = load_registry(registry_path);
  } catch (const validation_error& e) {
    problems.insert(problems.end(), e.problems().begin(), e.problems().end());
  }
  if (!problems.empty()) throw validation_error(std::move(problems));
  return in;
}

// Prints the plan's and the registry's warnings; returns them as printed, so that the
// evaluation's own warnings (which repeat the plan's) can be printed once each.
std::set<std::string> print_warnings(const inputs& in, std::ostream& err) {
  std::set<std::string> printed;
  auto print = [&](const problem& w) {
    if (printed.insert(w.to_string()).second) err << w.to_string() << '\n';
  };
  for (const auto& w : in.plan.warnings) print(w);
  for (const auto& w : in.registry.warnings()) print(w);
  return printed;
}

// --level and --unit name things the registry must have: a usage error when it does not.
evaluation_options evaluation_options_for(const registry& reg, const std::vector<std::string>& levels,
                                          const std::string& unit) {
  const auto& known = reg.vocab(vocab::levels);
  for (const auto& code : levels) {
    if (known.find(code)) continue;
    std::string msg = "--level: '" + code + "' is not a level code";
    const auto near = known.nearest(code);
    for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? ", '" : "; did you mean '") + near[i] + "'";
    if (!near.empty()) msg += '?';
    throw argument_error(msg);
  }
  if (!unit.empty() && !reg.find_unit(unit)) throw argument_error("--unit: the registry has no unit '" + unit + "'");
  evaluation_options o;
  o.levels = levels;
  o.unit = unit;
  return o;
}

csv_options csv_options_for(const std::string& date_format) {
  csv_options o;
  o.dates = date_format == "dmy" ? csv_date_style::dmy : csv_date_style::iso;
  return o;
}

const std::string& label(const vocabulary_entry& e, language lang) {
  const auto& l = lang == language::vi ? e.vi : e.en;
  return l.empty() ? e.code : l;
}

std::string text(language lang, const char* vi, const char* en) { return lang == language::vi ? vi : en; }

std::int64_t count_of(const code_counts& c, const std::string& code) {
  for (const auto& [k, n] : c)
    if (k == code) return n;
  return 0;
}

void print_structure_table(const registry& reg, const structure_report& s, language lang, std::ostream& out) {
  const auto& levels = reg.vocab(vocab::levels);
  const auto& cats = reg.vocab(vocab::categories);
  const auto& edu = reg.vocab(vocab::education);
  const auto* certs = reg.vocabularies().find("certificate");
  const auto date = lang == language::vi ? format_day_dmy(s.as_of) : format_day(s.as_of);
  out << text(lang, "Thực trạng đội ngũ tính đến ngày ", "Workforce structure as of ") << date;
  if (!s.sector.empty()) {
    const auto& sec = reg.vocab(vocab::sectors);
    out << text(lang, " — lĩnh vực: ", " — sector: ") << label(sec[sec.at(s.sector)], lang);
  }
  out << "\n\n";

  std::vector<std::string> header{text(lang, "Chỉ tiêu", "Figure")};
  for (const auto& l : s.levels) header.push_back(label(levels[levels.at(l.level)], lang));
  detail::text_table t(header);
  auto row = [&](std::string name, auto value_of) {
    std::vector<std::string> r{std::move(name)};
    for (const auto& l : s.levels) r.push_back(std::to_string(value_of(l)));
    t.add_row(std::move(r));
  };
  auto codes_in = [&](auto member) {  // codes present at any level, in the report's order
    std::vector<std::string> codes;
    for (const auto& l : s.levels)
      for (const auto& [code, n] : l.*member)
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    return codes;
  };

  row(text(lang, "Biên chế giao", "Quota"), [](const structure_level& l) { return l.quota; });
  row(text(lang, "Có mặt", "Present"), [](const structure_level& l) { return l.present; });
  for (std::uint32_t i = 0; i < cats.size(); ++i) {
    const auto& code = cats.entries()[i].code;
    bool any = false;
    for (const auto& l : s.levels) any = any || count_of(l.by_category, code) > 0;
    if (any) row("  " + label(cats.entries()[i], lang), [&](const structure_level& l) { return count_of(l.by_category, code); });
  }
  t.add_rule();
  t.add_row({text(lang, "Trình độ chuyên môn cao nhất", "Highest education")});
  auto edu_codes = codes_in(&structure_level::education);
  std::stable_sort(edu_codes.begin(), edu_codes.end(), [&](const auto& a, const auto& b) {
    return edu[edu.at(a)].rank.value_or(-1) > edu[edu.at(b)].rank.value_or(-1);
  });
  for (const auto& code : edu_codes) {
    row("  " + label(edu[edu.at(code)], lang), [&](const structure_level& l) { return count_of(l.education, code); });
    bool any = false;
    for (const auto& l : s.levels) any = any || count_of(l.education_y_duoc, code) > 0;
    if (any)
      row(text(lang, "    trong đó chuyên môn y, dược", "    of which medicine/pharmacy"),
          [&](const structure_level& l) { return count_of(l.education_y_duoc, code); });
  }
  row(text(lang, "  Chưa ghi nhận", "  Not recorded"), [](const structure_level& l) {
    std::int64_t n = l.present;
    for (const auto& [code, c] : l.education) n -= c;
    return n;
  });
  if (certs) {
    const auto cert_codes = codes_in(&structure_level::certificates);
    if (!cert_codes.empty()) {
      t.add_rule();
      t.add_row({text(lang, "Chứng chỉ (số người có)", "Certificates (holders)")});
      for (const auto& code : cert_codes)
        row("  " + label((*certs)[certs->at(code)], lang),
            [&](const structure_level& l) { return count_of(l.certificates, code); });
    }
  }
  t.print(out);
}

nlohmann::ordered_json counts_json(const code_counts& c) {
  auto j = nlohmann::ordered_json::object();
  for (const auto& [k, n] : c) j[k] = n;
  return j;
}

}  // namespace

int run_validate(const validate_args& a, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    inputs in;
    if (a.plan) {
      in = load_inputs(*a.plan, a.registry);
      const evaluator bound(in.plan, in.registry);  // unknown codes, groups or units throw here
    } else {
      in.registry = load_registry(a.registry);
    }
    print_warnings(in, err);
    const auto& reg = in.registry;
    out << a.registry << ": valid: " << reg.units().size() << " units, " << reg.persons().size() << " persons, "
        << reg.assignments().size() << " assignments, " << reg.qualifications().size() << " qualifications, "
        << reg.courses().size() << " courses, " << reg.sessions().size() << " sessions, "
        << reg.enrollments().size() << " enrollments, " << reg.quotas().size() << " quotas; "
        << reg.warnings().size() << " warnings\n";
    if (a.plan)
      out << *a.plan << ": valid: plan " << in.plan.id << ", " << in.plan.phases.size() << " phases, "
          << in.plan.targets.size() << " targets; " << in.plan.warnings.size() << " warnings\n";
    return 0;
  });
}

int run_convert(const convert_args& a, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const auto reg = load_registry(a.input);
    for (const auto& w : reg.warnings()) err << w.to_string() << '\n';
    save_registry(reg, a.output, csv_options_for(a.date_format));
    out << a.input << " -> " << a.output << '\n';
    return 0;
  });
}

int run_structure(const structure_args& a, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const day d = as_of_or_today(a.as_of);
    const auto reg = load_registry(a.registry);
    structure_spec spec = default_structure_spec(reg);
    if (a.sector == "all") spec.sector.clear();
    else if (!a.sector.empty()) spec.sector = a.sector;
    const auto s = workforce_structure(reg, d, spec);
    if (a.format == "json") {
      nlohmann::ordered_json j;
      j["format"] = "nangluc/structure@1";
      j["as_of"] = format_day(s.as_of);
      j["sector"] = s.sector.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.sector);
      j["levels"] = nlohmann::ordered_json::array();
      for (const auto& l : s.levels) {
        nlohmann::ordered_json x;
        x["level"] = l.level;
        x["quota"] = l.quota;
        x["present"] = l.present;
        x["by_category"] = counts_json(l.by_category);
        x["education"] = counts_json(l.education);
        x["education_y_duoc"] = counts_json(l.education_y_duoc);
        x["certificates"] = counts_json(l.certificates);
        j["levels"].push_back(std::move(x));
      }
      out << j.dump(2) << '\n';
    } else if (a.format == "csv") {
      out << "level,figure,code,count\r\n";
      for (const auto& l : s.levels) {
        out << l.level << ",quota,," << l.quota << "\r\n" << l.level << ",present,," << l.present << "\r\n";
        auto rows = [&](const char* figure, const code_counts& c) {
          for (const auto& [k, n] : c) out << l.level << ',' << figure << ',' << k << ',' << n << "\r\n";
        };
        rows("by_category", l.by_category);
        rows("education", l.education);
        rows("education_y_duoc", l.education_y_duoc);
        rows("certificates", l.certificates);
      }
    } else {
      print_structure_table(reg, s, a.lang, out);
    }
    return 0;
  });
}

int run_generate(const generate_args& a, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    registry reg;
    if (a.profile == "lai-chau") {
      reg = generate_lai_chau();
    } else if (a.profile == "dong-thap") {
      reg = generate_dong_thap();
    } else if (a.profile == "national") {
      national_options o;
      o.persons = a.persons;
      o.seed = a.seed;
      reg = generate_national(o);
    } else {
      throw argument_error("--profile must be lai-chau, dong-thap or national, not '" + a.profile + "'");
    }
    if (a.output) save_registry(reg, *a.output, csv_options_for(a.date_format));
    else write_registry_json(reg, out);
    return 0;
  });
}

int run_evaluate(const evaluate_args& a, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    // Usage errors first, before any file is read.
    std::vector<day> dates;
    for (const auto& text : a.as_of) dates.push_back(as_of_or_today(text));
    if (dates.empty()) dates.push_back(as_of_or_today(std::nullopt));
    format_options fo;
    fo.decimals = a.decimals;
    fo.rounding = a.rounding == "truncate" ? rounding::truncate : rounding::half_up;
    fo.lang = parse_language(a.lang);

    const auto in = load_inputs(a.plan, a.registry);
    auto printed = print_warnings(in, err);
    auto options = evaluation_options_for(in.registry, a.levels, a.unit);
    options.threads = a.threads;
    const evaluator ev(in.plan, in.registry);
    const auto reports = ev.evaluate_series(dates, options);

    if (a.format == "json") {
      if (reports.size() == 1) {
        write_report_json(reports.front(), in.plan, in.registry, out);
      } else {  // a series: a JSON list of reports, in the order the dates were given
        out << '[';
        for (std::size_t i = 0; i < reports.size(); ++i) {
          std::ostringstream one;
          write_report_json(reports[i], in.plan, in.registry, one);
          std::string text = std::move(one).str();
          while (!text.empty() && text.back() == '\n') text.pop_back();
          out << (i ? ",\n" : "\n") << text;
        }
        out << "\n]\n";
      }
    } else if (a.format == "csv") {
      // The document has no place for the evaluation's warnings: they go to stderr, once each.
      for (const auto& rep : reports)
        for (const auto& w : rep.warnings)
          if (printed.insert(w.to_string()).second) err << w.to_string() << '\n';
      if (reports.size() == 1) {
        write_report_csv(reports.front(), in.plan, in.registry, fo, out);
      } else {  // a series: one table, each row led by its evaluation date
        for (std::size_t i = 0; i < reports.size(); ++i) {
          std::ostringstream one;
          write_report_csv(reports[i], in.plan, in.registry, fo, one);
          const std::string text = std::move(one).str();
          const auto header_end = text.find("\r\n") + 2;
          if (i == 0) out << "as_of," << text.substr(0, header_end);
          const std::string date = format_day(reports[i].as_of) + ',';
          for (std::size_t pos = header_end; pos < text.size();) {
            const auto end = text.find("\r\n", pos) + 2;
            out << date << text.substr(pos, end - pos);
            pos = end;
          }
        }
      }
    } else {
      for (std::size_t i = 0; i < reports.size(); ++i) {
        if (i) out << '\n';
        write_report_table(reports[i], in.plan, in.registry, fo, out);
      }
    }
    return 0;
  });
}

int run_needs(const needs_args& a, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const day d = as_of_or_today(a.as_of);
    const auto in = load_inputs(a.plan, a.registry);
    print_warnings(in, err);
    const target* t = in.plan.find_target(a.target);
    if (!t) {
      std::string ids;
      for (const auto& x : in.plan.targets) ids += (ids.empty() ? "" : ", ") + x.id;
      throw argument_error("--target: the plan has no target '" + a.target + "' (its targets: " + ids + ")");
    }
    const auto options = evaluation_options_for(in.registry, {}, a.unit);
    const evaluator ev(in.plan, in.registry);
    const auto needs = ev.needs(a.target, d, options);
    if (a.format == "json") write_needs_json(needs, *t, in.registry, out);
    else write_needs_csv(needs, *t, in.registry, out);
    return 0;
  });
}

}  // namespace nangluc::cli
