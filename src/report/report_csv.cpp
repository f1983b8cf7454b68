// The report as one CSV table: a row per target × milestone × unit, percentages rounded for
// display from the exact counts. RFC 4180: quoted where needed, CRLF line ends, UTF-8 (no BOM:
// this goes to a stream, often a terminal or a pipe).

#include "report/format.hpp"

#include <nangluc/registry.hpp>
#include <nangluc/report.hpp>

#include <ostream>

namespace nangluc {
namespace {

constexpr std::string_view header =
    "target,measure,label,window_start,window_end,due,evaluated_at,unit,unit_name,level,numerator,"
    "denominator,value,percent,threshold,gap,status,expected_percent,projected_percent\r\n";

class csv_line {
 public:
  void add(std::string_view field) {
    if (!first_) s_ += ',';
    first_ = false;
    detail::append_csv_field(s_, field);
  }
  void empty(int n) {
    for (int i = 0; i < n; ++i) add("");
  }
  [[nodiscard]] std::string finish() {
    s_ += "\r\n";
    return std::move(s_);
  }

 private:
  std::string s_;
  bool first_ = true;
};

}  // namespace

void write_report_csv(const report& rep, const plan& p, const registry& r, const format_options& f,
                      std::ostream& out) {
  detail::check_decimals(f.decimals);
  const auto& levels = r.vocab(vocab::levels);
  out << header;
  for (const auto& tr : rep.targets) {
    const target* t = p.find_target(tr.target_id);
    const bool counts = t && t->measure() == measure::activity_count;
    const std::string measure_code = t ? std::string(to_string(t->measure())) : "";
    for (const auto& m : tr.results) {
      auto milestone_fields = [&](csv_line& l) {
        l.add(tr.target_id);
        l.add(measure_code);
        l.add(m.label);
        l.add(format_day(m.window.from));
        l.add(format_day(m.window.to));
        l.add(format_day(m.due));
        l.add(m.evaluated_at ? format_day(*m.evaluated_at) : "");
      };
      const std::string threshold = detail::threshold_csv(m.threshold);
      if (m.rows.empty()) {  // not started (or nothing in scope): one row saying so
        csv_line l;
        milestone_fields(l);
        l.empty(7);  // unit … percent
        l.add(threshold);
        l.add("");
        l.add(m.status == status::none ? "" : to_string(m.status));
        l.empty(2);
        out << l.finish();
        continue;
      }
      std::string block;
      for (const auto& row : m.rows) {
        csv_line l;
        milestone_fields(l);
        if (row.unit) {
          const auto& u = r[row.unit];
          l.add(u.id);
          l.add(u.name);
          l.add(u.level ? levels.code(u.level) : "");
        } else {
          l.empty(3);
        }
        if (counts) {
          l.empty(2);
          l.add(detail::format_count(row.value, f.decimals, f.rounding));
          l.add("");
        } else {
          l.add(std::to_string(row.numerator));
          l.add(std::to_string(row.denominator));
          l.add("");
          l.add(format_percent(row.numerator, row.denominator, f.decimals, f.rounding));
        }
        const auto shown = display_of(row);
        l.add(shown.bound ? threshold : "");
        l.add(shown.has_gap ? detail::format_count(row.gap, f.decimals, f.rounding) : "");
        l.add(shown.bound ? to_string(row.status) : "");
        l.add(detail::format_decimal(row.expected, f.decimals, f.rounding));
        l.add(detail::format_decimal(row.projected, f.decimals, f.rounding));
        block += l.finish();
      }
      out << block;
    }
  }
}

}  // namespace nangluc
