// The `nangluc` subcommands: load, act, print; every failure becomes a located message and an
// exit status, never a crash.

#include "cli/commands.hpp"

#include "cli/text_table.hpp"

#include <nangluc/nangluc.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

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
  text_table t(header);
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

int run_validate(const std::string& path, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const auto reg = load_registry(path);
    for (const auto& w : reg.warnings()) err << w.to_string() << '\n';
    out << path << ": valid: " << reg.units().size() << " units, " << reg.persons().size() << " persons, "
        << reg.assignments().size() << " assignments, " << reg.qualifications().size() << " qualifications, "
        << reg.courses().size() << " courses, " << reg.sessions().size() << " sessions, "
        << reg.enrollments().size() << " enrollments, " << reg.quotas().size() << " quotas; "
        << reg.warnings().size() << " warnings\n";
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
    const std::string sector = a.sector == "all" ? "" : a.sector;
    const auto s = workforce_structure(reg, d, sector);
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
    } else if (a.profile == "national") {
      national_options o;
      o.persons = a.persons;
      o.seed = a.seed;
      reg = generate_national(o);
    } else {
      throw argument_error("--profile must be lai-chau or national, not '" + a.profile + "'");
    }
    if (a.output) save_registry(reg, *a.output, csv_options_for(a.date_format));
    else write_registry_json(reg, out);
    return 0;
  });
}

}  // namespace nangluc::cli
