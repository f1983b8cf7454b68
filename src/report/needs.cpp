// Who still needs training (or which units still lack people), as CSV or JSON: the list a
// provincial officer sends to districts to fill the next class.

#include "report/format.hpp"

#include <nangluc/registry.hpp>
#include <nangluc/report.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace nangluc {
namespace {

using json = nlohmann::ordered_json;

// Unit coverage lists uncovered units; staffing fill lists units short of their quota.
bool lists_units(const target& t) {
  return t.measure() == measure::unit_coverage || t.measure() == measure::staffing_fill;
}

std::string unit_id(const registry& r, unit_ix u) { return u ? r[u].id : ""; }
std::string unit_name(const registry& r, unit_ix u) { return u ? r[u].name : ""; }
std::string level_code(const registry& r, unit_ix u) {
  return u && r[u].level ? r.vocab(vocab::levels).code(r[u].level) : "";
}

// The post's category and roles, codes as in the registry.
std::string category_code(const registry& r, assignment_ix a) {
  return a && r[a].category ? r.vocab(vocab::categories).code(r[a].category) : "";
}
std::vector<std::string> role_codes(const registry& r, assignment_ix a) {
  std::vector<std::string> codes;
  if (!a) return codes;
  const auto& roles = r.vocab(vocab::roles);
  for (term t : r[a].roles) codes.push_back(roles.code(t));
  return codes;
}

std::string csv_row(std::initializer_list<std::string_view> fields) {
  std::string line;
  bool first = true;
  for (auto f : fields) {
    if (!first) line += ',';
    first = false;
    detail::append_csv_field(line, f);
  }
  return line + "\r\n";
}

}  // namespace

void write_needs_csv(const std::vector<need>& needs, const target& t, const registry& r, std::ostream& out) {
  std::string s;
  if (lists_units(t)) {
    s = "unit,unit_name,level,persons,missing\r\n";
    for (const auto& n : needs)
      s += csv_row({unit_id(r, n.unit), unit_name(r, n.unit), level_code(r, n.unit), std::to_string(n.persons),
                    std::to_string(n.missing)});
  } else {
    s = "person,name,unit,unit_name,category,roles,last_completed\r\n";
    for (const auto& n : needs) {
      std::string roles;
      for (const auto& code : role_codes(r, n.assignment)) roles += (roles.empty() ? "" : ";") + code;
      s += csv_row({n.person ? r[n.person].id : "", n.person ? r[n.person].name : "", unit_id(r, n.unit),
                    unit_name(r, n.unit), category_code(r, n.assignment), roles,
                    n.last_completed ? format_day(*n.last_completed) : ""});
    }
  }
  out << s;
}

void write_needs_json(const std::vector<need>& needs, const target& t, const registry& r, std::ostream& out) {
  // One object per line: a list of thousands of persons stays readable and diffable.
  std::string s = "[";
  bool first = true;
  for (const auto& n : needs) {
    json j;
    if (lists_units(t)) {
      j["unit"] = unit_id(r, n.unit);
      j["unit_name"] = unit_name(r, n.unit);
      j["level"] = level_code(r, n.unit);
      j["persons"] = n.persons;
      j["missing"] = n.missing;
    } else {
      j["person"] = n.person ? json(r[n.person].id) : json(nullptr);
      j["name"] = n.person ? json(r[n.person].name) : json(nullptr);
      j["unit"] = unit_id(r, n.unit);
      j["unit_name"] = unit_name(r, n.unit);
      j["category"] = n.assignment && r[n.assignment].category ? json(category_code(r, n.assignment)) : json(nullptr);
      j["roles"] = role_codes(r, n.assignment);
      j["last_completed"] = n.last_completed ? json(format_day(*n.last_completed)) : json(nullptr);
    }
    s += first ? "\n  " : ",\n  ";
    first = false;
    s += j.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  s += first ? "]\n" : "\n]\n";
  out << s;
}

}  // namespace nangluc
