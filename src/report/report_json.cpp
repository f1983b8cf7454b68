// The report as `nangluc/report@1` JSON (evaluation.md §5). Written by hand around compact
// per-row objects, so that a report of ten thousand communes stays one line per row.

#include "report/format.hpp"

#include <nangluc/registry.hpp>
#include <nangluc/report.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>

namespace nangluc {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Integral values as integers (80, not 80.0); a non-finite double as null.
json number(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (std::trunc(v) == v && std::fabs(v) < 9.0e15) return static_cast<std::int64_t>(v);
  return v;
}
json number(const std::optional<double>& v) { return v ? number(*v) : json(nullptr); }

json threshold_json(const threshold& t) {
  auto j = json::object();
  if (t.min_percent_x100) {
    const auto x = *t.min_percent_x100;
    j["min_percent"] = x % 100 == 0 ? json(x / 100) : json(static_cast<double>(x) / 100.0);
  }
  if (t.min) j["min"] = *t.min;
  if (t.max) j["max"] = *t.max;
  return j;
}

// A status code; `none` (no threshold applies) as null.
json status_json(status s) { return s == status::none ? json(nullptr) : json(std::string(to_string(s))); }

json day_json(const std::optional<day>& d) { return d ? json(format_day(*d)) : json(nullptr); }

json row_json(const result_row& row, bool counts, const registry& r) {
  json j;
  if (row.unit) {
    const auto& u = r[row.unit];
    j["unit"] = u.id;
    j["name"] = u.name;
    j["level"] = u.level ? json(r.vocab(vocab::levels).code(u.level)) : json(nullptr);
  } else {
    j["unit"] = nullptr;
    j["name"] = nullptr;
    j["level"] = nullptr;
  }
  if (counts) {
    j["value"] = number(row.value);
  } else {
    j["numerator"] = row.numerator;
    j["denominator"] = row.denominator;
    j["percent"] = number(row.percent);
  }
  j["gap"] = number(row.gap);  // exact data, as every figure of report@1 (display_of is for display)
  j["status"] = status_json(row.status);
  j[counts ? "expected" : "expected_percent"] = number(row.expected);
  j[counts ? "projected" : "projected_percent"] = number(row.projected);
  return j;
}

// `where` of a warning: FILE:LOCATION, either part alone when the other is empty.
std::string where(const problem& p) {
  if (p.file.empty()) return p.location;
  if (p.location.empty()) return p.file;
  return p.file + ':' + p.location;
}

}  // namespace

void write_report_json(const report& rep, const plan& p, const registry& r, std::ostream& out) {
  std::string s = "{\n  \"format\": \"nangluc/report@1\",\n  \"plan\": " + dump(rep.plan_id);
  s += ",\n  \"scope\": " + (rep.scope ? dump(r[rep.scope].id) : dump(p.issuer));
  s += ",\n  \"as_of\": " + dump(format_day(rep.as_of));
  s += ",\n  \"targets\": [";
  for (std::size_t ti = 0; ti < rep.targets.size(); ++ti) {
    const auto& tr = rep.targets[ti];
    const target* t = p.find_target(tr.target_id);
    const bool counts = t && t->measure() == measure::activity_count;
    s += ti ? ",\n    {" : "\n    {";
    s += "\n      \"id\": " + dump(tr.target_id);
    s += ",\n      \"measure\": " + (t ? dump(std::string(to_string(t->measure()))) : "null");
    json title;
    title["vi"] = t ? t->title.in("vi") : "";
    title["en"] = t ? t->title.in("en") : "";
    s += ",\n      \"title\": " + dump(title);
    s += ",\n      \"results\": [";
    for (std::size_t mi = 0; mi < tr.results.size(); ++mi) {
      const auto& m = tr.results[mi];
      json window;
      window["start"] = format_day(m.window.from);
      window["end"] = format_day(m.window.to);
      s += mi ? ",\n        {" : "\n        {";
      s += "\n          \"label\": " + dump(m.label);
      s += ",\n          \"window\": " + dump(window);
      s += ",\n          \"due\": " + dump(format_day(m.due));
      s += ",\n          \"evaluated_at\": " + dump(day_json(m.evaluated_at));
      s += ",\n          \"threshold\": " + dump(threshold_json(m.threshold));
      s += ",\n          \"status\": " + dump(status_json(m.status));
      if (m.rows.empty()) {
        s += ",\n          \"rows\": []";
      } else {
        s += ",\n          \"rows\": [";
        for (std::size_t ri = 0; ri < m.rows.size(); ++ri) {
          s += ri ? ",\n            " : "\n            ";
          s += dump(row_json(m.rows[ri], counts, r));
        }
        s += "\n          ]";
      }
      s += "\n        }";
      out << s;  // flush per milestone: a national report need not be held whole
      s.clear();
    }
    s += tr.results.empty() ? "]" : "\n      ]";
    s += "\n    }";
  }
  s += rep.targets.empty() ? "]" : "\n  ]";
  s += ",\n  \"warnings\": [";
  for (std::size_t wi = 0; wi < rep.warnings.size(); ++wi) {
    const auto& w = rep.warnings[wi];
    json j;
    j["code"] = w.code;
    j["message"] = w.message;
    j["where"] = where(w);
    s += wi ? ",\n    " : "\n    ";
    s += dump(j);
  }
  s += rep.warnings.empty() ? "]" : "\n  ]";
  s += "\n}\n";
  out << s;
}

}  // namespace nangluc
