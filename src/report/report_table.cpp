// The report as a provincial officer reads it in a terminal: per target and milestone, a table
// of units in tree order (districts under the province, communes under their district),
// with counts, rounded percentages, the threshold, the gap and the status in Vietnamese or
// English.

#include "report/format.hpp"
#include "report/text_table.hpp"

#include <nangluc/registry.hpp>
#include <nangluc/report.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <unordered_set>

namespace nangluc {
namespace {

using detail::align;
using detail::text_table;

// Labels in the report's language.
class labels {
 public:
  explicit labels(language lang) : vi_(lang == language::vi) {}
  [[nodiscard]] bool vi() const noexcept { return vi_; }
  [[nodiscard]] std::string operator()(std::string_view vi, std::string_view en) const {
    return std::string(vi_ ? vi : en);
  }

  [[nodiscard]] std::string status(nangluc::status s) const {
    switch (s) {
      case status::not_started: return (*this)("Chưa bắt đầu", "not started");
      case status::no_data: return (*this)("Không có dữ liệu", "no data");
      case status::achieved: return (*this)("Đạt", "achieved");
      case status::missed: return (*this)("Không đạt", "missed");
      case status::on_track: return (*this)("Đúng tiến độ", "on track");
      case status::at_risk: return (*this)("Có nguy cơ", "at risk");
      case status::off_track: return (*this)("Chậm tiến độ", "off track");
      case status::none: return "";
    }
    return std::string(to_string(s));
  }

  [[nodiscard]] std::string count(count_kind c) const {
    switch (c) {
      case count_kind::sessions: return (*this)("số lớp", "sessions");
      case count_kind::person_times: return (*this)("số lượt người", "person-times");
      case count_kind::unique_persons: return (*this)("số người", "persons");
      case count_kind::hours: return (*this)("số giờ học", "course hours");
      case count_kind::cost_vnd: return (*this)("kinh phí (đồng)", "cost (VND)");
    }
    return std::string(to_string(c));
  }

  /// The measure in words; `level` is the label of a unit_coverage target's level.
  [[nodiscard]] std::string measure(const target& t, std::string_view level) const {
    switch (t.measure()) {
      case measure::person_coverage:
        return (*this)("Tỷ lệ người đạt tiêu chí", "Share of persons meeting the criterion");
      case measure::annual_person_coverage:
        return (*this)("Tỷ lệ người đạt tiêu chí trong từng năm", "Share of persons meeting the criterion, each year");
      case measure::unit_coverage: {
        std::string s = (*this)("Tỷ lệ đơn vị (", "Share of units (") + std::string(level) + ")";
        if (const auto per_unit = t.as<unit_coverage>()->min_per_unit; per_unit > 1)
          s += (*this)(" có ít nhất ", " with at least ") + std::to_string(per_unit) + (*this)(" người", " persons");
        else
          s += (*this)(" có người đạt", " covered");
        return s;
      }
      case measure::activity_count: return (*this)("Số lượng hoạt động: ", "Activity count: ") + count(t.as<activity_count>()->count);
      case measure::staffing_fill:
        return (*this)("Tỷ lệ có mặt so với biên chế giao", "Staff in post against the quota");
    }
    return std::string(to_string(t.measure()));
  }

  [[nodiscard]] std::string threshold(const nangluc::threshold& t) const {
    if (t.min_percent_x100) return "≥ " + detail::format_hundredths(*t.min_percent_x100) + "%";
    if (t.min && t.max) return std::to_string(*t.min) + "–" + std::to_string(*t.max);
    if (t.min) return "≥ " + std::to_string(*t.min);
    if (t.max) return "≤ " + std::to_string(*t.max);
    return "";
  }

 private:
  bool vi_;
};

// The rows in tree order at the evaluation point (districts under the province, communes
// under their district), each with its depth: how many of its ancestors also have a row. The
// tree's own links, not level depths, so that communes hang straight under the province once
// districts are gone (the 2025 merger) and a --level choice leaves no empty indentation.
std::vector<std::pair<const result_row*, std::size_t>> in_tree_order(const std::vector<result_row>& rows,
                                                                     const unit_tree& tree) {
  std::unordered_set<std::uint32_t> listed;
  for (const auto& row : rows)
    if (row.unit) listed.insert(row.unit.value);
  std::vector<std::pair<const result_row*, std::size_t>> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    std::size_t depth = 0;
    for (unit_ix u = tree.parent(row.unit); u; u = tree.parent(u)) depth += listed.count(u.value);
    out.emplace_back(&row, depth);
  }
  auto key = [&](const result_row* row) {
    return row->unit && tree.contains(row->unit) ? tree.position(row->unit) : 0xFFFFFFFFu;
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return key(a.first) < key(b.first); });
  return out;
}

// A milestone's rows as a table, units in tree order under their parents.
void print_rows(const milestone_result& m, const target* t, const labels& L, const registry& r,
                std::map<day, unit_tree>& trees, const format_options& f, std::ostream& out) {
  const bool counts = t && t->measure() == measure::activity_count;
  std::vector<std::string> header{L("Đơn vị", "Unit")};
  std::vector<align> aligns{align::left};
  auto column = [&](std::string name, align a) {
    header.push_back(std::move(name));
    aligns.push_back(a);
  };
  if (counts) {
    column(L("Giá trị", "Value"), align::right);
  } else {
    if (t && t->measure() == measure::staffing_fill) column(L("Có mặt/Biên chế", "Present/Quota"), align::right);
    else column(L("Đạt/Tổng số", "Met/Total"), align::right);
    column(L("Tỷ lệ (%)", "Percent"), align::right);
  }
  column(L("Chỉ tiêu", "Threshold"), align::right);
  column(L("Còn thiếu", "Gap"), align::right);
  column(L("Tình trạng", "Status"), align::left);
  column(counts ? L("Kỳ vọng", "Expected") : L("Kỳ vọng (%)", "Expected %"), align::right);
  column(counts ? L("Dự báo", "Projected") : L("Dự báo (%)", "Projected %"), align::right);
  text_table tab(std::move(header), std::move(aligns));

  auto it = trees.find(*m.evaluated_at);
  if (it == trees.end()) it = trees.emplace(*m.evaluated_at, r.tree_at(*m.evaluated_at)).first;
  const std::string threshold = L.threshold(m.threshold);
  for (const auto& [row, depth] : in_tree_order(m.rows, it->second)) {
    std::vector<std::string> cells;
    std::string name = row->unit ? r[row->unit].name : "";
    if (name.empty() && row->unit) name = r[row->unit].id;
    cells.push_back(std::string(2 * depth, ' ') + name);
    if (counts) {
      cells.push_back(detail::format_count(row->value, f.decimals, f.rounding));
    } else {
      cells.push_back(std::to_string(row->numerator) + "/" + std::to_string(row->denominator));
      cells.push_back(format_percent(row->numerator, row->denominator, f.decimals, f.rounding));
    }
    const auto shown = display_of(*row);
    cells.push_back(shown.bound ? threshold : "");
    cells.push_back(shown.has_gap ? detail::format_count(row->gap, f.decimals, f.rounding) : "");
    cells.push_back(L.status(row->status));
    cells.push_back(detail::format_decimal(row->expected, f.decimals, f.rounding));
    cells.push_back(detail::format_decimal(row->projected, f.decimals, f.rounding));
    tab.add_row(std::move(cells));
  }
  tab.print(out, "    ");
}

}  // namespace

void write_report_table(const report& rep, const plan& p, const registry& r, const format_options& f,
                        std::ostream& out) {
  detail::check_decimals(f.decimals);
  const labels L(f.lang);
  auto when = [&](day d) { return detail::format_day_in(d, f.lang); };

  std::string head = L("Kế hoạch: ", "Plan: ") + p.title.in(f.lang);
  if (!rep.plan_id.empty()) head += " (" + rep.plan_id + ")";
  out << head << '\n';
  std::string scope = L("Phạm vi: ", "Scope: ");
  if (rep.scope) scope += r[rep.scope].name + " (" + r[rep.scope].id + ")";
  else scope += p.issuer;
  scope += L(" — tính đến ngày ", " — as of ") + when(rep.as_of);
  out << scope << '\n';

  std::map<day, unit_tree> trees;  // one snapshot per evaluation point
  for (const auto& tr : rep.targets) {
    const target* t = p.find_target(tr.target_id);
    out << '\n' << tr.target_id;
    if (t) {
      // The level's label, as the vocabulary gives it in the report's language.
      const auto* units = t->as<unit_coverage>();
      std::string level = units ? units->unit_level : std::string();
      if (const auto found = units ? r.vocab(vocab::levels).find(units->unit_level) : std::nullopt) {
        const auto& e = r.vocab(vocab::levels)[*found];
        level = L(e.vi.empty() ? e.en : e.vi, e.en.empty() ? e.vi : e.en);
      }
      out << ". " << t->title.in(f.lang) << "\n    " << L.measure(*t, level);
    }
    out << '\n';
    for (const auto& m : tr.results) {
      std::string line = "  " + m.label + ": " + when(m.window.from) + " – " + when(m.window.to);
      if (!m.evaluated_at) {
        out << line << " — " << L.status(status::not_started) << '\n';
        continue;
      }
      line += L(", hạn ", ", due ") + when(m.due);
      if (*m.evaluated_at != rep.as_of) line += L(", đánh giá tại ngày ", ", evaluated at ") + when(*m.evaluated_at);
      line += L(", chỉ tiêu ", ", threshold ") + L.threshold(m.threshold);
      if (m.status != status::none) line += " — " + L.status(m.status);
      out << line << '\n';
      if (m.rows.empty()) continue;

      print_rows(m, t, L, r, trees, f, out);
    }
  }

  if (!rep.warnings.empty()) {
    out << '\n' << L("Cảnh báo", "Warnings") << " (" << rep.warnings.size() << "):\n";
    for (const auto& w : rep.warnings) {
      out << "  - " << w.message;
      if (!w.file.empty() || !w.location.empty())
        out << " [" << w.file << (w.file.empty() || w.location.empty() ? "" : ":") << w.location << ']';
      out << '\n';
    }
  }
}

}  // namespace nangluc
